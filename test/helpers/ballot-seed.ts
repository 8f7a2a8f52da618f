/**
 * A school at its year-end council meeting (2025, acting on 15/12/2025): an emulation council of five,
 * six people registered and rated, LDTT nominations accepted, a CSTDCS and a TTLDTT nomination that
 * rest on the LDTT ballot. Built through the CLI, as a clerk would.
 */
import { expect } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { run, schoolDb, tempDir, type RunOptions, type RunResult } from './cli.js';
import { defaultEngine, execDb, queryDb, type Engine } from './engines.js';

export type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

export const MEETING = '2025-12-15';

/** What `ballot open` needs for the minutes: when the meeting starts and where (everyone present). */
export const AT_MEETING = ['--time', '14:00', '--place', 'Phòng họp số 1'];
/** What `ballot close` needs for the minutes: when the meeting ended. */
export const ENDED = ['--time', '15:30'];

export async function ok(cli: Cli, argv: string[], opts?: RunOptions): Promise<RunResult> {
  const r = await cli(argv, opts);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

export async function json<T>(cli: Cli, argv: string[]): Promise<T> {
  return JSON.parse((await ok(cli, [...argv, '--json'])).stdout) as T;
}

/** A query against the database, file or server (reading only). */
export function query<T>(db: string, statement: string, ...params: unknown[]): T[] {
  return queryDb<T>(db, statement, ...params);
}

export interface Seeded {
  db: string;
  dir: string;
  engine: Engine;
  /** The CLI acting on the meeting day. */
  cli: Cli;
  /** Any day (`--today`). */
  on: (today: string) => Cli;
  /** LDTT nomination ids by person. */
  ldtt: Record<string, number>;
  cstdcs: number;
  ttldtt: number;
}

type SeedIds = Pick<Seeded, 'ldtt' | 'cstdcs' | 'ttldtt'>;
const seeds = new Map<string, { dir: string; ids: SeedIds }>();

/**
 * A seeded school is built once per test worker for each seed and its options (on SQLite): later calls
 * get a copy of its folder, database included, with the ids it recorded, instead of running the same
 * thirty commands again. A server database is built each time.
 */
export async function seededOnce(key: string, engine: Engine | undefined, build: () => Promise<Seeded>): Promise<Seeded> {
  if ((engine ?? defaultEngine()) !== 'sqlite') return build();
  const hit = seeds.get(key);
  if (hit) {
    const dir = tempDir();
    cpSync(hit.dir, dir, { recursive: true });
    const db = join(dir, 'thidua.sqlite');
    const on = (today: string): Cli => (argv, o) => run(['--db', db, '--today', today, ...argv], o);
    return { ...structuredClone(hit.ids), db, dir, engine: 'sqlite', on, cli: on(MEETING) };
  }
  const s = await build();
  const keep = tempDir('thidua-seed-');
  cpSync(s.dir, keep, { recursive: true });
  seeds.set(key, { dir: keep, ids: structuredClone({ ldtt: s.ldtt, cstdcs: s.cstdcs, ttldtt: s.ttldtt }) });
  return s;
}

export function ballotSchool(opts: { style?: 'state' | 'party'; engine?: Engine } = {}): Promise<Seeded> {
  return seededOnce(`ballot:${opts.style ?? 'state'}`, opts.engine, () => buildBallotSchool(opts));
}

async function buildBallotSchool(opts: { style?: 'state' | 'party'; engine?: Engine }): Promise<Seeded> {
  const env = await schoolDb(opts.engine);
  const on = (today: string): Cli => (argv, o) => env.cli(['--today', today, ...argv], o);
  const cli = on(MEETING);
  if (opts.style === 'party') await ok(cli, ['org', 'set', '--from', '2025-01-01', '--style', 'party']);
  for (const [code, name, unit] of [
    ['VC004', 'Lê Thị Hoa', 'KLLCS'],
    ['VC005', 'Võ Minh Tuấn', 'PTCHC'],
    ['VC006', 'Hồ Thị Bích', 'PTCHC'],
  ]) {
    await ok(cli, ['person', 'add', code, '--name', name, '--unit', unit, '--category', 'staff']);
  }
  // Five LDTT nominations: a 20% quota leaves one CSTDCS place (15% would leave none).
  await ok(cli, ['rules', 'set', 'quota.CSTDCS', '0.2', '--from', '2025-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
  await ok(cli, ['council', 'set', '--kind', 'emulation', '--year', '2025', '--chair', 'VC001', '--member', 'VC002,VC003,VC004', '--secretary', 'VC005']);
  const people = ['VC002', 'VC003', 'VC004', 'VC005', 'VC006'];
  for (const p of people) {
    await ok(cli, ['register', 'title', p, '--award', 'LDTT', '--year', '2025']);
    await ok(cli, ['evaluate', 'set', p, '--period', '2025', '--rating', p === 'VC002' ? 'HTXSNV' : 'HTTNV']);
  }
  await ok(cli, ['register', 'title', 'VC002', '--award', 'CSTDCS', '--year', '2025']);
  await ok(cli, ['register', 'title', 'KLLCS', '--award', 'TTLDTT', '--year', '2025']);
  const ldtt: Record<string, number> = {};
  for (const p of people) {
    const unit = p === 'VC005' || p === 'VC006' ? 'PTCHC' : 'KLLCS';
    const n = await json<{ id: number }>(cli, ['nominate', p, '--award', 'LDTT', '--year', '2025', '--by', unit, '--summary', 'Hoàn thành tốt nhiệm vụ năm 2025', '--criterion', 'LDTT2=met:Biên bản họp đơn vị']);
    ldtt[p] = n.id;
    await ok(cli, ['nominate', 'appraise', String(n.id), '--accept']);
  }
  // VC002 co-authors an initiative recognised in 2025: CSTDCS2 is met by data.
  const sk = await json<{ code: string }>(cli, ['register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa hồ sơ học viên', '--author', 'VC002', '--unit', 'KLLCS', '--year', '2025']);
  execDb(env.db, "UPDATE initiatives SET status = 'recognised', status_on = '2025-11-20' WHERE code = ?", sk.code);
  const cstdcs = (await json<{ id: number }>(cli, ['nominate', 'VC002', '--award', 'CSTDCS', '--year', '2025', '--by', 'KLLCS', '--summary', 'Sáng kiến số hóa hồ sơ'])).id;
  const ttldtt = (await json<{ id: number }>(cli, ['nominate', 'KLLCS', '--award', 'TTLDTT', '--year', '2025', '--by', 'KLLCS', '--summary', 'Khoa hoàn thành tốt nhiệm vụ', '--criterion', 'T1=met:Báo cáo tổng kết', '--criterion', 'T3=met:Không có kỷ luật'])).id;
  return { db: env.db, dir: env.dir, engine: env.engine, cli, on, ldtt, cstdcs, ttldtt };
}

/** `--vote` flags giving each nomination the same counts, with exceptions. */
export function votes(ids: number[], counts: string, except: Record<number, string> = {}): string[] {
  return ids.flatMap((id) => ['--vote', `${id}=${except[id] ?? counts}`]);
}

/** The school of ballotSchool() with its LDTT ballot counted and closed: the next step is the principal's decision. */
export function readyToRecognise(opts: { style?: 'state' | 'party' } = {}): Promise<Seeded> {
  return seededOnce(`ready:${opts.style ?? 'state'}`, undefined, async () => {
    const s = await ballotSchool(opts);
    const b = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(b.nominees.map((n) => n.nomination), '5,0,0')]);
    await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...ENDED]);
    return s;
  });
}
