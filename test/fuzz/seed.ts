/**
 * The database the malformed-input test acts on: a school at its year-end meeting (ballot-seed.ts)
 * with one of everything a command can name: a closed LDTT ballot and its decision, an open CSTDCS
 * ballot, an initiative council, initiatives registered, applied and scored, a movement, an
 * achievement, a spread record, a fostering watch with a task. Built once through the CLI.
 */
import { AT_MEETING, ENDED, ballotSchool, json, ok, votes } from '../helpers/ballot-seed.js';

export interface FuzzSeed {
  db: string;
  dir: string;
  /** Ids and codes the commands name. */
  ids: { ldtt: number[]; cstdcs: number; closedBallot: number; openBallot: number; nomination: number; recognition: number; document: number; task: number; running: string; applied: string };
}

export async function fuzzSeed(): Promise<FuzzSeed> {
  const s = await ballotSchool();
  const cli = s.cli;
  const b = await json<{ id: number; nominees: { nomination: number }[] }>(cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
  const ids = b.nominees.map((n) => n.nomination);
  await ok(cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [s.ldtt.VC006!]: '2,3,0' })]);
  await ok(cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
  const rec = await json<{ decision: { id: number }; recognitions: { id: number }[] }>(cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
  await ok(cli, ['rules', 'set', 'quota.CSTDCS', '0.5', '--from', '2025-06-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
  await ok(cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
  await ok(cli, ['nominate', 'appraise', String(s.ttldtt), '--accept']);
  await ok(cli, ['unit', 'add', 'KHCN', '--name', 'Khoa Khoa học cơ bản', '--kind', 'faculty']);
  await ok(cli, ['register', 'title', 'KHCN', '--award', 'TTLDTT', '--year', '2025']);
  await ok(cli, ['register', 'title', 'PTCHC', '--award', 'TTLDTT', '--year', '2025']);
  const pending = (await json<{ id: number }>(cli, ['nominate', 'PTCHC', '--award', 'TTLDTT', '--year', '2025', '--by', 'PTCHC', '--summary', 'Phòng hoàn thành tốt nhiệm vụ'])).id;
  const open = await json<{ id: number }>(cli, ['ballot', 'open', '--year', '2025', '--award', 'CSTDCS', '--present', '5', ...AT_MEETING]);
  await ok(cli, ['council', 'set', '--kind', 'initiative', '--year', '2025', '--chair', 'VC001', '--member', 'VC003,VC004', '--secretary', 'VC005']);
  const running = (await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Sổ tay giảng viên', '--author', 'VC006:60', '--author', 'VC002:40', '--unit', 'PTCHC', '--year', '2025'])).code;
  const applied = (await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Ngân hàng câu hỏi', '--author', 'VC006', '--unit', 'PTCHC', '--year', '2025'])).code;
  await ok(cli, ['progress', 'add', running, '--month', '2025-11', '--percent', '40']);
  await ok(cli, ['review', 'apply', applied, '--first-applied', '2025-10-01', '--description', 'Ngân hàng câu hỏi trắc nghiệm']);
  await ok(cli, ['review', 'score', applied, '--member', 'VC003', '--novelty', '8', '--applicability', '8', '--benefit', '8']);
  await ok(cli, ['movement', 'add', 'PT2025', '--name', 'Thi đua dạy tốt', '--by', 'school', '--from', '2025-01-01']);
  await ok(cli, ['achieve', 'add', 'VC003', '--date', '2025-11-20', '--kind', 'task', '--text', 'Giải Nhất giảng viên dạy giỏi']);
  await ok(cli, ['spread', 'add', 'VC003', '--channel', 'website', '--date', '2025-12-01']);
  await ok(cli, ['foster', 'add', 'VC006', '--mentor', 'VC001', '--goal', 'Giảng viên giỏi']);
  const task = await json<{ id: number }>(cli, ['foster', 'task', 'VC006', '--text', 'Dự giờ', '--due', '2025-12-31']);
  return {
    db: s.db,
    dir: s.dir,
    ids: { ldtt: ids, cstdcs: s.cstdcs, closedBallot: b.id, openBallot: open.id, nomination: pending, recognition: rec.recognitions[0]!.id, document: rec.decision.id, task: task.id, running, applied },
  };
}
