/**
 * The clerk's language at a confirmation (issue 15): "(c/K)", c/có/k/không (and y/n) accepted, the
 * answer said back in Vietnamese. Driven through the real terminal prompter on fake streams.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalPrompter, yesNoAnswer } from '../../src/cli/prompter.js';
import { loadCatalogue, translator } from '../../src/i18n/index.js';
import type { Io } from '../../src/context.js';

/** Asks one confirmation on a fake terminal, typing `keys`; returns the answer and what the screen showed. */
async function confirm(lang: 'vi' | 'en', keys: string[]): Promise<{ answer: boolean; screen: string }> {
  await loadCatalogue(lang);
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let screen = '';
  stderr.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const io = { out: () => {}, err: () => {}, stdinIsTTY: true, stdoutIsTTY: true, stderrIsTTY: true, color: false, columns: 80, streams: { stdin, stderr } } as Io;
  const asked = terminalPrompter(io, translator(lang)).confirm('Đóng phiếu số 1?');
  for (const k of keys) {
    await new Promise((r) => setTimeout(r, 20));
    stdin.write(k);
  }
  const answer = await asked;
  // eslint-disable-next-line no-control-regex
  return { answer, screen: screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('yes/no answers', () => {
  it.each([
    ['c', true], ['C', true], ['có', true], ['Có', true], ['co', true], ['y', true], ['yes', true],
    ['k', false], ['K', false], ['không', false], ['khong', false], ['n', false], ['no', false], ['', false],
    ['x', null], ['có không', null],
  ])('%j → %s', (raw, want) => {
    expect(yesNoAnswer(raw as string, false)).toBe(want);
  });
});

describe('a confirmation on the terminal', () => {
  it('shows (c/K), takes "có", and says "Có"', async () => {
    const r = await confirm('vi', ['có\r']);
    expect(r.answer).toBe(true);
    expect(r.screen).toContain('Đóng phiếu số 1? (c/K)');
    expect(r.screen).toMatch(/\(c\/K\) Có/);
    expect(r.screen).not.toMatch(/y\/N|Yes|No\b/);
  });

  it('takes k and Enter alone as no, said "Không"', async () => {
    expect((await confirm('vi', ['k\r'])).screen).toMatch(/\(c\/K\) Không/);
    const enter = await confirm('vi', ['\r']);
    expect(enter.answer).toBe(false);
    expect(enter.screen).toMatch(/\(c\/K\) Không/);
  });

  it('asks again on an answer it does not know, in Vietnamese', async () => {
    const r = await confirm('vi', ['x\r', '\u007f', 'c\r']);
    expect(r.screen).toContain('Gõ c (có) hoặc k (không).');
    expect(r.answer).toBe(true);
  });

  it('in English: (y/N), y, said "Yes"', async () => {
    const r = await confirm('en', ['y\r']);
    expect(r.answer).toBe(true);
    expect(r.screen).toMatch(/\(y\/N\) Yes/);
  });
});
