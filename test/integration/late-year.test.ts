/**
 * Issue 15, "Done when": a whole year entered late gives the same reports as the same year entered
 * on time. The demo's year 2025 is run twice through the same services: once each step on its own
 * day, once everything on 20 January 2026 with the dates given back (registrations, progress for past
 * months, ratings, reviews, nominations, ballots, decisions). Every report of the year, read as JSON
 * on the same day, must be the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/kit.js';
import { loadCatalogue } from '../../src/i18n/index.js';
import { runDemo } from '../../src/services/demo/run.js';
import { run, tempDir } from '../helpers/cli.js';

async function demoYear(enteredOn?: string): Promise<string> {
  await loadCatalogue('vi');
  const dir = tempDir();
  const db = join(dir, 'thidua-demo.sqlite');
  const io = { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
  const ctx = createContext({ argv: ['demo'], env: {}, io, actor: 'clerk', now: () => new Date('2026-01-20T08:00:00Z') }, { db, today: enteredOn ?? '2025-01-02' });
  try {
    await runDemo(ctx, dir, { writeDoc: async (_models, file) => file, enteredOn });
  } finally {
    await ctx.close();
  }
  return db;
}

const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const REPORTS: string[][] = [
  ['report', 'annual', '--year', '2025'],
  ['report', 'province', '--year', '2025'],
  ['report', 'benefits', '--year', '2025'],
  ['report', 'period', '--from', '2021', '--to', '2025'],
  ...[1, 2, 3, 4].map((q) => ['report', 'quarterly', '--quarter', `2025-Q${q}`]),
  ...[1, 2, 3, 4].map((q) => ['commend', '--quarter', `2025-Q${q}`]),
  ...months.map((m) => ['report', 'progress', '--month', m]),
  ['nominate', 'list', '--year', '2025'],
  ['recognise', 'list', '--year', '2025'],
  ['document', 'list', '--year', '2025'],
  ['ballot', 'list', '--year', '2025'],
  ['review', 'list', '--year', '2025'],
];

describe('a year entered late', () => {
  it('gives the same reports as the same year entered on time', async () => {
    const onTime = await demoYear();
    const late = await demoYear('2026-01-20');
    for (const argv of REPORTS) {
      const a = await run(['--db', onTime, '--today', '2026-01-25', ...argv, '--json']);
      const b = await run(['--db', late, '--today', '2026-01-25', ...argv, '--json']);
      expect(a.code, `${argv.join(' ')}: ${a.stderr}`).toBe(0);
      expect(b.code, `${argv.join(' ')}: ${b.stderr}`).toBe(0);
      expect(JSON.parse(b.stdout), argv.join(' ')).toEqual(JSON.parse(a.stdout));
    }
    // Not an empty comparison: the year has its recognitions and its monthly reports.
    const annual = JSON.parse((await run(['--db', late, '--today', '2026-01-25', 'report', 'annual', '--year', '2025', '--json'])).stdout);
    expect(annual.recognitions.length).toBeGreaterThan(30);
    expect(annual.reporting.reduce((n: number, u: { made: number }) => n + u.made, 0)).toBeGreaterThan(50);
  }, 240_000);
});
