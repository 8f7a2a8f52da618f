/**
 * Migrating a database costs far more than copying one: the test set-up builds each kind of test
 * database once (`init`, then the school of `schoolDb()`), through the real commands, and every test
 * gets a copy of the file.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ORG_FLAGS, run } from './cli.js';

export interface Templates {
  fresh: string;
  school: string;
}

/** The school's basis documents, as a clerk records them once (`org set --competence … --regulation …`). */
export const COMPETENCE = 'Quyết định số 1234-QĐ/TU ngày 05/3/2020 của Ban Thường vụ Tỉnh ủy Bình Phước về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Bình Phước';
export const REGULATION = 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế thi đua, khen thưởng của Trường';
export const PLAN = 'Kế hoạch số 12/KH-TCT ngày 15 tháng 3 năm 2021 của Trường Chính trị tỉnh Bình Phước về phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021–2025';

/** The units and people `schoolDb()` adds to a fresh database, and its basis documents. */
export const SCHOOL_STEPS: string[][] = [
  ['unit', 'add', 'KLLCS', '--name', 'Khoa Lý luận cơ sở', '--kind', 'faculty'],
  ['unit', 'add', 'PTCHC', '--name', 'Phòng Tổ chức – Hành chính', '--kind', 'office'],
  ['org', 'set', '--from', '2024-01-01', '--competence', COMPETENCE, '--regulation', REGULATION, '--plan', PLAN, '--office', 'PTCHC'],
  ['person', 'add', 'VC001', '--name', 'Trần Văn Thịnh', '--unit', 'PTCHC', '--category', 'leader', '--position', 'Hiệu trưởng'],
  ['person', 'add', 'VC002', '--name', 'Nguyễn Thị Thu Thủy', '--unit', 'KLLCS', '--category', 'staff'],
  ['person', 'add', 'VC003', '--name', 'Đặng Văn An', '--unit', 'KLLCS', '--category', 'staff', '--party-member'],
];

async function step(db: string, argv: string[]): Promise<void> {
  const r = await run(['--db', db, ...argv]);
  if (r.code !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
}

/** Builds the template files in `dir` (each closed, so its WAL is folded into the file). */
export async function buildTemplates(dir: string): Promise<Templates> {
  const fresh = join(dir, 'fresh.sqlite');
  const school = join(dir, 'school.sqlite');
  await step(fresh, ['init', ...ORG_FLAGS]);
  await step(school, ['init', ...ORG_FLAGS]);
  for (const s of SCHOOL_STEPS) await step(school, s);
  return { fresh, school };
}

/** The same two templates as databases on the test server (`base` + name is a database's address). */
export async function buildServerTemplates(base: string, psql: string): Promise<Templates> {
  const fresh = `${base}tpl_fresh`;
  const school = `${base}tpl_school`;
  for (const name of ['tpl_fresh', 'tpl_school']) {
    const r = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', `${base}postgres`, '-c', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
  }
  await step(fresh, ['init', ...ORG_FLAGS]);
  await step(school, ['init', ...ORG_FLAGS]);
  for (const s of SCHOOL_STEPS) await step(school, s);
  return { fresh, school };
}
