/** The one list of commands that only read (cli/access.ts) names real commands, and reads as documented. */
import { describe, expect, it } from 'vitest';
import { accessOf, LISTED } from '../../src/cli/access.js';
import { buildProgram } from '../../src/cli/program.js';
import { makeKit } from '../../src/cli/kit.js';
import { loadCatalogue } from '../../src/i18n/index.js';

describe('database access of each command', () => {
  it('lists only commands the program has', async () => {
    await loadCatalogue('en');
    const io = { out() {}, err() {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
    const program = await buildProgram(makeKit({ argv: [], env: {}, io, actor: 'x', now: () => new Date() }, 'en'), 'all');
    const paths = new Set<string>();
    const walk = (cmd: typeof program, path: string[]) => {
      for (const sub of cmd.commands) {
        const here = [...path, sub.name()];
        paths.add(here.join(' '));
        walk(sub, here);
      }
    };
    walk(program, []);
    expect(LISTED.filter((p) => !paths.has(p))).toEqual([]);
  });

  it('a report reads unless it is numbered (a Word file); commend reads unless it writes or freezes', () => {
    expect(accessOf('report annual', {}, {}).readOnly).toBe(true);
    expect(accessOf('report annual', { out: 'x.csv' }, {}).readOnly).toBe(true);
    expect(accessOf('report annual', { out: 'x.docx' }, {}).readOnly).toBe(false);
    expect(accessOf('report annual', { format: 'docx', out: 'x' }, {}).readOnly).toBe(false);
    expect(accessOf('report annual', { out: 'x.docx' }, { json: true }).readOnly).toBe(true);
    expect(accessOf('commend', { quarter: '2025-Q4' }, {}).readOnly).toBe(true);
    expect(accessOf('commend', { out: 'd' }, {}).readOnly).toBe(false);
    expect(accessOf('commend', { final: true }, {}).readOnly).toBe(false);
    expect(accessOf('person add', {}, {})).toEqual({ readOnly: false, examine: false });
    expect(accessOf('db check', {}, {})).toEqual({ readOnly: true, examine: true });
    expect(accessOf('__proto__', {}, {}).readOnly).toBe(false);
  });
});
