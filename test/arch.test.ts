/** The house rules of ARCHITECTURE.md, read from the import lines of every source file. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

interface Import {
  file: string;
  spec: string;
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) out.push({ file, spec: m[3] ?? m[4], typeOnly: !!m[2] });
  return out;
}

/** The layer of a file or relative import: domain, db, services, reports, render, cli, i18n, main, migrations. */
function layerOf(path: string): string {
  const rel = relative(join(root, 'src'), path);
  if (rel.startsWith('..')) return relative(root, path).split('/')[0];
  return rel.includes('/') ? rel.split('/')[0] : rel.replace(/\.ts$/, '');
}

const all = files(join(root, 'src')).flatMap(importsOf);

function resolved(i: Import): string {
  return resolve(dirname(i.file), i.spec.replace(/\.js$/, '.ts'));
}

const localLayer = (i: Import) => (i.spec.startsWith('.') ? layerOf(resolved(i)) : null);

// Which layers each layer may import at run time (type-only imports of types are free).
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  reports: ['domain', 'reports'],
  db: ['db', 'domain', 'migrations'],
  services: ['services', 'db', 'domain', 'reports', 'context', 'docs'],
  render: ['render', 'reports', 'domain'],
  i18n: ['i18n', 'domain'],
  cli: ['cli', 'services', 'render', 'domain', 'i18n', 'context', 'reports', 'package.json'],
  main: ['cli', 'context'],
  context: ['i18n', 'db', 'domain'],
};

/** The import graph of src/: every local import, type-only and dynamic ones included, file → files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files(join(root, 'src'))) graph.set(f, []);
  for (const i of all) {
    if (!i.spec.startsWith('.')) continue;
    const target = resolved(i);
    if (graph.has(target)) graph.get(i.file)!.push(target);
  }
  return graph;
}

/** The circles of a graph: each strongly connected component of more than one file, or a file importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  it('finds a circle where there is one (the check itself)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']], ['f', []]]);
    expect(circles(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(circles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('no circle between files: no file reaches itself through its imports, type-only and dynamic ones included', () => {
    const found = circles(importGraph()).map((c) => c.map((f) => relative(root, f)).join(' ↔ '));
    expect(found).toEqual([]);
  });

  it('one step, one file: no service file is over 300 lines', () => {
    const long = files(join(root, 'src', 'services'))
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 300)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  it('imports point one way between layers', () => {
    const broken = all
      .filter((i) => !i.typeOnly && localLayer(i) !== null)
      .filter((i) => !(allowed[layerOf(i.file)] ?? []).includes(localLayer(i)!))
      .map((i) => `${relative(root, i.file)} → ${i.spec}`);
    expect(broken).toEqual([]);
  });

  it('the cli reaches the database only through services, and only lazily', () => {
    const direct = all.filter((i) => layerOf(i.file) === 'cli' && !i.typeOnly && localLayer(i) === 'db');
    expect(direct.map((i) => `${relative(root, i.file)} → ${i.spec}`)).toEqual([]);
  });

  it('domain and reports import no database, node IO, console, docx or prompts', () => {
    const banned = /^(node:|kysely|better-sqlite3|docx|chalk|cli-table3|@inquirer|commander|read-excel-file|csv-)/;
    const bad = all.filter((i) => ['domain', 'reports'].includes(layerOf(i.file)) && banned.test(i.spec));
    expect(bad.map((i) => `${relative(root, i.file)} → ${i.spec}`)).toEqual([]);
  });

  it('only the allowed layers import each heavy package', () => {
    const owners: [RegExp, string[]][] = [
      [/^commander$|^@inquirer/, ['cli']],
      [/^docx$/, ['render']],
      [/^kysely$|^better-sqlite3$/, ['db']],
      // Signatures: PDF, PKCS #12, CMS and the token addon live in services (sign*.ts) alone.
      [/^pdf-lib$|^node-forge$|^@signpdf\/|^pkcs11js$/, ['services']],
    ];
    const bad = all.filter((i) => owners.some(([re, layers]) => re.test(i.spec) && !i.typeOnly && !layers.includes(layerOf(i.file))));
    expect(bad.map((i) => `${relative(root, i.file)} → ${i.spec}`)).toEqual([]);
  });

  it('only main.ts touches the process', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => !f.endsWith('main.ts'))
      .filter((f) => /\bprocess\.(argv|env|stdout|stderr|stdin|exit)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('heavy modules are not loaded at start-up (static imports from main)', () => {
    // Walk the static (non-dynamic, non-type) import graph from main.ts.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
      }
    };
    visit(join(root, 'src/main.ts'));
    const heavy = [...packages].filter((p) => /^(kysely|better-sqlite3|docx|@inquirer|read-excel-file|chalk|cli-table3|csv-|cli-progress|read-vietnamese-number|pdf-lib|node-forge|@signpdf|pkcs11js)/.test(p));
    expect(heavy).toEqual([]);
  });
});
