/**
 * A small school's 2025 through to recognition, for the reports and the quarterly list: the ballot
 * school (helpers/ballot-seed.ts), its LDTT ballot closed and recognised on the meeting day, quarterly
 * ratings and achievements.
 */
import { AT_MEETING, ENDED, ballotSchool, json, ok, seededOnce, votes, MEETING, type Seeded } from './ballot-seed.js';
import type { Engine } from './engines.js';

export function reportSchool(opts: { style?: 'state' | 'party'; engine?: Engine } = {}): Promise<Seeded> {
  return seededOnce(`report:${opts.style ?? 'state'}`, opts.engine, () => buildReportSchool(opts));
}

async function buildReportSchool(opts: { style?: 'state' | 'party'; engine?: Engine }): Promise<Seeded> {
  const s = await ballotSchool(opts);
  const b = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
  const ids = b.nominees.map((n) => n.nomination);
  await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [s.ldtt.VC006]: '2,3,0' })]);
  await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
  await ok(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--date', MEETING, '--yes']);
  for (const [p, q, r] of [['VC003', '2025-Q4', 'HTXSNV'], ['VC004', '2025-Q4', 'HTXSNV'], ['VC002', '2025-Q3', 'HTXSNV'], ['VC005', '2025-Q4', 'HTTNV']]) {
    await ok(s.cli, ['evaluate', 'set', p, '--period', q, '--rating', r]);
  }
  await ok(s.cli, ['achieve', 'add', 'VC004', '--date', '2025-11-14', '--kind', 'task', '--text', 'Giải Nhất Hội thi giảng viên dạy giỏi cấp trường']);
  await ok(s.cli, ['achieve', 'add', 'VC003', '--date', '2025-08-02', '--kind', 'charity', '--text', 'Hiến máu tình nguyện']);
  return s;
}
