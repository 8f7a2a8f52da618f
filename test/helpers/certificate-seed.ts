/**
 * A school whose 2025 decisions are made: LDTT (01/QĐ, money only), CSTDCS for VC002 (02/QĐ), and the
 * initiatives (03/QĐ: SK-2025-001 by VC002, SK-2025-002 by VC003 60% and VC004 40%). Acting on 15/12/2025.
 */
import { execDb, type Engine } from './engines.js';
import { AT_MEETING, ENDED, ballotSchool, json, ok, seededOnce, votes, type Seeded } from './ballot-seed.js';

export function certificateSchool(opts: { style?: 'state' | 'party'; gender?: boolean; engine?: Engine } = {}): Promise<Seeded> {
  return seededOnce(`certificate:${opts.style ?? 'state'}:${opts.gender !== false}`, opts.engine, () => buildCertificateSchool(opts));
}

async function buildCertificateSchool(opts: { style?: 'state' | 'party'; gender?: boolean; engine?: Engine }): Promise<Seeded> {
  const s = await ballotSchool(opts);
  // A certificate addresses the person as Ông or Bà: the staff list records it.
  if (opts.gender !== false) await ok(s.cli, ['person', 'edit', 'VC002', '--gender', 'nữ']);
  const ldtt = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
  await ok(s.cli, ['ballot', 'tally', String(ldtt.id), '--issued', '5', '--returned', '5', ...votes(ldtt.nominees.map((n) => n.nomination), '5,0,0')]);
  await ok(s.cli, ['ballot', 'close', String(ldtt.id), '--yes', ...ENDED]);
  await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
  const c = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'CSTDCS', '--present', '5', ...AT_MEETING]);
  await ok(s.cli, ['ballot', 'tally', String(c.id), '--issued', '5', '--returned', '5', '--vote', 'VC002=5,0,0']);
  await ok(s.cli, ['ballot', 'close', String(c.id), '--yes', ...ENDED]);
  await ok(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
  await ok(s.cli, ['recognise', '--year', '2025', '--award', 'CSTDCS', '--yes']);
  const two = await json<{ code: string }>(s.cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Đổi mới phương pháp đánh giá học viên', '--author', 'VC003:60', '--author', 'VC004:40', '--unit', 'KLLCS', '--year', '2025']);
  execDb(s.db, "UPDATE initiatives SET status = 'recognised', status_on = '2025-11-20' WHERE code = ?", two.code);
  for (const code of ['SK-2025-001', two.code]) {
    execDb(s.db, "INSERT INTO initiative_decisions (initiative_code, decision, decided_on, reason, average, conditions, created_at) VALUES (?, 'recognised', '2025-11-20', NULL, NULL, NULL, '2025-11-20T08:00:00Z')", code);
  }
  await ok(s.cli, ['recognise', '--year', '2025', '--initiatives', '--minutes', '07/BB-HĐSK ngày 20/11/2025', '--yes']);
  return s;
}
