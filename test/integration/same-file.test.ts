/**
 * Issue 15, "Consistency": writing a file identical to the one already there is not an error for any
 * command (the shared writer leaves it as it is); a different existing file still needs --force.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchool } from '../helpers/report-seed.js';
import { json, ok, query, type Cli } from '../helpers/ballot-seed.js';

/** Runs a writing command twice into the same place, then once over an edited file, then with --force. */
async function twice(cli: Cli, argv: string[], file: string): Promise<void> {
  await ok(cli, argv);
  const bytes = readFileSync(file);
  const mtime = statSync(file).mtimeMs;
  const second = await cli(argv);
  expect(second.code, `${argv.join(' ')} again: ${second.stderr}`).toBe(0);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  expect(statSync(file).mtimeMs).toBe(mtime);
  writeFileSync(file, 'bản đã sửa tay');
  const edited = await cli(argv);
  expect(edited.code, argv.join(' ')).toBe(5);
  expect(edited.stderr).toContain('--force');
  expect(readFileSync(file, 'utf8')).toBe('bản đã sửa tay');
  await ok(cli, [...argv, '--force']);
  expect(readFileSync(file).equals(bytes)).toBe(true);
}

describe('an identical file already there', () => {
  it('is not an error for ballot paper, ballot minutes, document render, report --out and spread export', async () => {
    const s = await reportSchool();
    const ballot = query<{ id: number }>(s.db, 'SELECT id FROM ballots')[0].id;
    await twice(s.cli, ['ballot', 'paper', String(ballot), '--out', join(s.dir, 'phieu.docx')], join(s.dir, 'phieu.docx'));
    await twice(s.cli, ['ballot', 'minutes', String(ballot), '--out', join(s.dir, 'bien-ban.docx')], join(s.dir, 'bien-ban.docx'));
    const decision = (await json<{ id: number; kind: string }[]>(s.cli, ['document', 'list', '--year', '2025'])).find((d) => d.kind === 'QĐ')!;
    await twice(s.cli, ['document', 'render', String(decision.id), '--out', join(s.dir, 'qd.docx')], join(s.dir, 'qd.docx'));
    await twice(s.cli, ['report', 'benefits', '--year', '2025', '--out', join(s.dir, 'quyen-loi.csv')], join(s.dir, 'quyen-loi.csv'));
    await ok(s.cli, ['spread', 'add', 'VC002', '--channel', 'meeting', '--date', '2025-12-01']);
    const out = join(s.dir, 'nhan-rong');
    const md = await ok(s.cli, ['spread', 'export', '--channel', 'website', '--year', '2025', '--out', out]);
    await twice(s.cli, ['spread', 'export', '--channel', 'website', '--year', '2025', '--out', out], md.stdout.split('\n')[0]!);
  });
});
