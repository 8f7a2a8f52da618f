/**
 * `thidua demo`: builds the demonstration school through the same services the commands use,
 * so what it shows is what a clerk gets. Later steps of the year are added as they are built.
 */
import { rmSync } from 'node:fs';
import { makeFolder } from '../files.js';
import { join, resolve } from 'node:path';
import type { ProgressBar, ServiceContext } from '../../context.js';
import { initDatabase, setOrg } from '../org.js';
import { addUnit } from '../units.js';
import { importPeople } from '../people-import.js';
import { DEMO_BASIS, DEMO_PEOPLE, DEMO_PROFILES, DEMO_UNITS } from './school.js';
import { onDay, runYearRecords, writeCsv, type DemoFile } from './year.js';
import { DEMO_YEAR } from './year-data.js';
import { PROVINCE_DECISION, type DocWriter } from './meeting.js';
import { recordDecision } from '../recorded.js';
import type { HeaderStyle } from '../../domain/org.js';

/** The certificates are printed two days after the decisions. */
const CERTIFICATE_DAY = '2025-12-22';
/** The year's reports, its four quarterly lists and the proposal to the province, early in January. */
const REPORT_DAY = '2026-01-05';
/** The province's decision on the proposal arrives and is recorded. */
const PROVINCE_DAY = '2026-03-12';

export type { DocWriter };

export type { DemoFile };

export const DEMO_DB = 'thidua-demo.sqlite';


export interface DemoResult {
  dir: string;
  database: string;
  units: number;
  people: number;
  year: number;
  initiatives: number;
  reports: number;
  achievements: number;
  files: DemoFile[];
}

/** Removes an earlier demo database so the demo always starts from the same state. */
export function prepareDemoDir(dir: string): string {
  const abs = resolve(dir);
  // Not Node's recursive mkdir: under /proc it spins for ever (services/files.ts).
  makeFolder(abs);
  const db = join(abs, DEMO_DB);
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  return db;
}

/**
 * Builds the demo school and runs its year. Word documents are rendered by the caller (`writeDoc`:
 * services do not render), into the demo folder.
 */
export interface DemoOutput {
  writeDoc: DocWriter;
  /** Prints the year's certificates into the folder (the CLI hands in the Word renderer). */
  certificates?: (ctx: ServiceContext, dir: string) => Promise<DemoFile[]>;
  /** Writes the year's reports, quarterly lists and dissemination exports (the CLI hands in the renderers). */
  reports?: (ctx: ServiceContext, dir: string) => Promise<DemoFile[]>;
  progress?: (total: number) => Promise<ProgressBar>;
  /** Enter the whole year on this one day, each record dated back (year.ts `YearOptions`). */
  enteredOn?: string;
  /** The database as messages name it, when it is not the demo folder's own file (a server's). */
  database?: string;
  /** The header style of the school's documents (default: state, as DOMAIN.md sets). */
  style?: HeaderStyle;
}

export async function runDemo(ctx: ServiceContext, dir: string, output: DemoOutput): Promise<DemoResult> {
  const { writeDoc, progress } = output;
  const abs = resolve(dir);
  const database = output.database ?? join(abs, DEMO_DB);
  const [first, merged] = DEMO_PROFILES;
  // The school is set up at the start of the demo year.
  const start = onDay(ctx, output.enteredOn ?? '2025-01-02');
  await initDatabase(start, database, { ...first, style: output.style ?? first.style });
  for (const [code, name, kind] of DEMO_UNITS) await addUnit(start, code, { name, kind });
  // The school's basis documents and the office in charge of emulation work, entered once.
  const { from: basisFrom, ...basis } = DEMO_BASIS;
  await setOrg(start, basisFrom, basis);
  const { from, ...change } = merged;
  await setOrg(start, from, change);

  // The staff list arrives the way a clerk would bring it: a CSV with Vietnamese headers.
  const staffFile = join(abs, 'danh-sach-can-bo.csv');
  writeCsv(staffFile, [['Mã', 'Họ và tên', 'Đơn vị', 'Loại', 'Chức vụ', 'Đảng viên', 'Giới tính', 'Ngày sinh'], ...DEMO_PEOPLE]);
  const imported = await importPeople(start, staffFile);

  const year = await runYearRecords(ctx, abs, { progress, enteredOn: output.enteredOn });
  const documents: DemoFile[] = [];
  for (const d of year.documents) documents.push({ kind: d.kind, path: await writeDoc(d.models, join(abs, d.file)) });
  if (output.certificates) documents.push(...(await output.certificates(onDay(ctx, CERTIFICATE_DAY), abs)));
  if (output.reports) documents.push(...(await output.reports(onDay(ctx, REPORT_DAY), abs)));
  await recordDecision(onDay(ctx, PROVINCE_DAY), PROVINCE_DECISION);
  return {
    dir: abs,
    database,
    units: DEMO_UNITS.length,
    people: imported.added,
    year: DEMO_YEAR,
    initiatives: year.initiatives.length,
    reports: year.reports,
    achievements: year.achievements,
    files: [{ kind: 'staffList', path: staffFile }, ...year.files, ...documents],
  };
}
