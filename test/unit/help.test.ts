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

describe('help in the clerk’s language (issue 15)', () => {
  const io = { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
  let program: Command;
  beforeAll(async () => {
    await loadCatalogue('vi');
    program = await buildProgram(makeKit({ argv: [], env: {}, io, actor: 't', now: () => new Date() }, 'vi'), 'all');
  });
  const helpOf = (path: string) => leaves(program).find((l) => l.path === path)!.cmd.helpInformation();

  it('says every placeholder in Vietnamese, and never "(mặc định: [])"', () => {
    for (const { path, cmd } of [...leaves(program), { path: 'register', cmd: program.commands.find((c) => c.name() === 'register')! }]) {
      const help = cmd.helpInformation();
      expect(help, path).not.toContain('(mặc định: [])');
      const english = [...help.matchAll(/<([^<>]+)>/g)].map((m) => m[1]).filter((w) => /^[a-z][a-z|=,.:[\]-]*$/i.test(w) && !['vi|en', 'YYYY-MM'].includes(w));
      expect(english, path).toEqual([]);
    }
    expect(helpOf('register title')).toMatch(/Cách dùng: thidua register title \[tùy chọn\] <mã>/);
    expect(helpOf('register title')).toContain('--date <ngày>');
    expect(helpOf('register initiative')).toContain('--author <mã[:tỷ lệ]>');
    expect(helpOf('nominate create')).toContain('--criterion <mã=đạt|không đạt[:minh chứng]>');
  });

  it('lists the Vietnamese values each option already accepts', () => {
    expect(helpOf('unit add')).toMatch(/khoa, phòng hoặc khác/);
    expect(helpOf('person add')).toMatch(/lãnh đạo .*hoặc viên chức/s);
    expect(helpOf('register initiative')).toMatch(/sáng kiến hoặc đề tài/);
    expect(helpOf('nominate create')).toMatch(/MÃ=đạt:minh chứng hoặc MÃ=không đạt/);
    expect(helpOf('nominate list')).toMatch(/đạt, không đạt/);
    expect(helpOf('commend')).toContain('"quý trước"');
    expect(helpOf('review decide')).toMatch(/mới .*lợi ích .*không loại trừ/s);
    expect(helpOf('movement add')).toMatch(/trường hoặc công đoàn/);
    expect(helpOf('council set')).toMatch(/sáng kiến .*hoặc thi đua/s);
  });
});

describe('values the help lists are accepted', () => {
  it('"quý trước" (any case, with or without diacritics) is the previous quarter', async () => {
    const { resolveQuarter } = await import('../../src/services/commend.js');
    for (const v of ['quý trước', 'Quý trước', 'quy truoc', 'previous', 'trước']) expect(resolveQuarter(v, '2026-11-28').text, v).toBe('2026-Q3');
  });
});
