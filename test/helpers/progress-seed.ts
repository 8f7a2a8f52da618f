/**
 * Test data for the progress and status tests: initiatives, their monthly reports and the fostering
 * watch list, written straight into a test database whose people and units `schoolDb()` created.
 */
import { execDb, queryDb } from './engines.js';
import { expect } from 'vitest';

export type InitiativeStatus = 'registered' | 'in_progress' | 'applied' | 'recognised' | 'rejected' | 'withdrawn';

export interface InitiativeSeed {
  /** `SK-2026-001` (initiative) or `DT-2026-001` (research topic): kind, year and number come from it. */
  code: string;
  title?: string;
  unit?: string;
  status?: InitiativeStatus;
  /** Default: 15 February of its year. */
  registeredOn?: string;
  statusOn?: string;
  /** Default: VC001 for PTCHC, else VC002, with the whole share. */
  authors?: [string, number][];
}

/** [initiative code, month, percent] */
export type ReportSeed = [string, string, number];

export interface WatchSeed {
  person: string;
  ended?: string;
  /** [text, due, done on] */
  tasks: [string, string, string | null][];
}

const AT = '2026-01-01T00:00:00.000Z';

/** Rows written behind the program's back (file or server), one statement each. */
function statement(db: string, text: string) {
  return { run: (...params: unknown[]) => execDb(db, text, ...params) };
}

export function seedInitiatives(file: string, initiatives: InitiativeSeed[], reports: ReportSeed[] = []): void {
  const ini = statement(
    file,
    `INSERT INTO initiatives (code, kind, year, seq, title, unit_code, status, registered_on, status_on, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const author = statement(file, 'INSERT INTO initiative_authors (initiative_code, person_code, share, sort) VALUES (?, ?, ?, ?)');
  const report = statement(file, 'INSERT INTO progress_reports (initiative_code, month, percent, reported_on, created_at) VALUES (?, ?, ?, ?, ?)');
  {
    for (const s of initiatives) {
      const [prefix, year, seq] = s.code.split('-');
      const unit = s.unit ?? 'KLLCS';
      const registeredOn = s.registeredOn ?? `${year}-02-15`;
      ini.run(s.code, prefix === 'SK' ? 'initiative' : 'research', Number(year), Number(seq), s.title ?? `Đề xuất ${s.code}`, unit,
        s.status ?? 'registered', registeredOn, s.statusOn ?? registeredOn, AT);
      const authors = s.authors ?? [[unit === 'PTCHC' ? 'VC001' : 'VC002', 100]];
      authors.forEach(([person, share], i) => author.run(s.code, person, share, i + 1));
    }
    for (const [code, month, percent] of reports) report.run(code, month, percent, `${month}-25`, AT);
  }
}

/** People on the watch list (mentor VC001) and the tasks given to them. */
export function seedWatches(file: string, watches: WatchSeed[]): void {
  const task = statement(file, 'INSERT INTO foster_tasks (watch_id, text, due, assigned_on, done_on, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const w of watches) {
    const [{ id }] = queryDb<{ id: number }>(
      file,
      'INSERT INTO foster_watch (person_code, mentor_code, goal, started_on, ended_on, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      w.person, 'VC001', 'Giảng viên giỏi cấp tỉnh', '2026-01-10', w.ended ?? null, AT,
    );
    for (const [text, due, done] of w.tasks) task.run(id, text, due, '2026-02-01', done, AT);
  }
}

/** Every part occurs in `text`, in this order. */
export function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const p of parts) {
    const at = text.indexOf(p, from);
    expect(at, `"${p}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + p.length;
  }
}
