import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi as viMessages } from '../../src/i18n/vi.js';
import { en } from '../../src/i18n/en.js';
import { loadCatalogue, translator } from '../../src/i18n/index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(viMessages).sort());
  });

  it('use the same placeholders in both languages', () => {
    const diff = Object.keys(viMessages).filter(
      (k) => placeholders(viMessages[k as keyof typeof viMessages]).join() !== placeholders(en[k as keyof typeof en]).join(),
    );
    expect(diff).toEqual([]);
  });

  it('have a text for every key the code names', () => {
    const src = sources(resolve(__dirname, '../../src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set<string>();
    const patterns = [
      /\b(?:t|say|need|needChoice|confirmStep)\((?:ctx, )?'([a-z][\w.-]+)'/g,
      /Error\('([a-z][\w.-]+)'/g,
      /key: '([a-z][\w.-]+)'/g,
      /header: '([a-z][\w.-]+)'/g,
      // label/value pairs of records (emitRecord): ['col.code', value]
      /\['((?:col|info|org|field)\.[\w.-]+)', /g,
    ];
    for (const re of patterns) for (const m of src.matchAll(re)) used.add(m[1]);
    const missing = [...used].filter((k) => k.includes('.') && !(k in viMessages));
    expect(missing).toEqual([]);
  });

  it('fills placeholders and names fields the way the user knows them', async () => {
    await loadCatalogue('vi');
    await loadCatalogue('en');
    const t = translator('vi');
    expect(t('invalid.required', { field: 'born' })).toBe('Ngày sinh: không được để trống.');
    expect(translator('en')('invalid.required', { field: 'born' })).not.toContain('{field}');
  });
});
