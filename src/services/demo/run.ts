/**
 * `thidua demo`: builds the demonstration school through the same services the commands use,
 * so what it shows is what a clerk gets. Later steps of the year are added as they are built.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProgressBar, ServiceContext } from '../../context.js';
import { initDatabase, setOrg } from '../org.js';
import { addUnit } from '../units.js';
import { importPeople } from '../people-import.js';
import { DEMO_PEOPLE, DEMO_PROFILES, DEMO_UNITS } from './school.js';

export const DEMO_DB = 'thidua-demo.sqlite';

export interface DemoFile {
  kind: string;
  path: string;
}

export interface DemoResult {
  dir: string;
  database: string;
  units: number;
  people: number;
  files: DemoFile[];
}

/** Removes an earlier demo database so the demo always starts from the same state. */
export function prepareDemoDir(dir: string): string {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const db = join(abs, DEMO_DB);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  return db;
}

function csvCell(v: string): string {
  return /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function runDemo(ctx: ServiceContext, dir: string, progress?: (total: number) => Promise<ProgressBar>): Promise<DemoResult> {
  const abs = resolve(dir);
  const database = join(abs, DEMO_DB);
  const [first, merged] = DEMO_PROFILES;
  await initDatabase(ctx, database, { ...first });
  const { from, ...change } = merged;
  await setOrg(ctx, from, change);
  for (const [code, name, kind] of DEMO_UNITS) await addUnit(ctx, code, { name, kind });

  // The staff list arrives the way a clerk would bring it: a CSV with Vietnamese headers.
  const staffFile = join(abs, 'danh-sach-can-bo.csv');
  const header = ['Mã', 'Họ và tên', 'Đơn vị', 'Loại', 'Chức vụ', 'Đảng viên', 'Giới tính', 'Ngày sinh'];
  const lines = [header, ...DEMO_PEOPLE].map((r) => r.map(csvCell).join(','));
  writeFileSync(staffFile, '\uFEFF' + lines.join('\r\n') + '\r\n');
  const imported = await importPeople(ctx, staffFile, { progress });

  return {
    dir: abs,
    database,
    units: DEMO_UNITS.length,
    people: imported.added,
    files: [{ kind: 'staffList', path: staffFile }],
  };
}
