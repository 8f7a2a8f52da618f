import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { makeKit } from '../../src/cli/kit.js';
import { loadCatalogue } from '../../src/i18n/index.js';

function leaves(cmd: Command, path: string[] = []): { path: string; cmd: Command }[] {
  const subs = cmd.commands.filter((c) => c.name() !== 'help');
  if (subs.length === 0) return [{ path: path.join(' '), cmd }];
  return subs.flatMap((c) => leaves(c, [...path, c.name()]));
}

for (const lang of ['vi', 'en'] as const) {
  describe(`help in ${lang}`, () => {
    const io = { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
    let program: Command;
    beforeAll(async () => {
      await loadCatalogue(lang);
      program = await buildProgram(makeKit({ argv: [], env: {}, io, actor: 't', now: () => new Date() }, lang), 'all');
    });

    it('every group has a description', () => {
      for (const g of program.commands) {
        expect(g.description(), g.name()).not.toMatch(/^help\./);
        expect(g.description().length, g.name()).toBeGreaterThan(5);
      }
    });

    it('every command has a description and an example', () => {
      const all = leaves(program);
      expect(all.length).toBeGreaterThan(20);
      for (const { path, cmd } of all) {
        expect(cmd.description(), path).not.toMatch(/^help\./);
        const help = cmd.helpInformation();
        let after = '';
        // addHelpText output is emitted on outputHelp: capture it.
        cmd.configureOutput({ writeOut: (s) => void (after += s) });
        cmd.outputHelp();
        expect(after, path).toMatch(lang === 'vi' ? /Ví dụ:\n\s+thidua / : /Examples:\n\s+thidua /);
        expect(after, path).not.toContain('.example');
        expect(help.length).toBeGreaterThan(0);
      }
    });
  });
}
