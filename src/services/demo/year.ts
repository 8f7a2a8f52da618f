/**
 * The demonstration school's year, run as the office would live it: each step on its own date,
 * through the same services the commands use.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgressBar, ServiceContext } from '../../context.js';
import { addMovement } from '../movements.js';
import { importRegistrations } from '../registration-import.js';
import { registerInitiative, withdrawInitiative } from '../initiatives.js';
import { addProgress } from '../progress.js';
import { importRatings } from '../ratings.js';
import { addAchievement } from '../achievements.js';
import { assignTask, completeTask, startWatch } from '../foster.js';
import { addSpread } from '../spread.js';
import { parsePeriod } from '../../domain/periods.js';
import { councilSteps, type Step } from './councils.js';
import { meetingSteps, type MeetingFile } from './meeting.js';
import { DEMO_PEOPLE } from './school.js';
import {
  DEMO_ACHIEVEMENTS, DEMO_ANNUAL, DEMO_EXTRA_REGISTRATIONS, DEMO_FOSTERING, DEMO_INITIATIVES, DEMO_MOVEMENTS, DEMO_SPREAD, DEMO_YEAR,
  demoQuarterRating,
} from './year-data.js';

export interface DemoFile {
  kind: string;
  path: string;
}

/** The same context, acting on another day (as if the office ran the command that day). */
export function onDay(ctx: ServiceContext, date: string): ServiceContext {
  return { ...ctx, clock: { today: () => date, now: () => `${date}T08:00:00.000Z` } };
}

/** A CSV the way Excel saves it: BOM, CRLF, quoted where needed. */
export function writeCsv(file: string, rows: string[][]): void {
  const cell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  writeFileSync(file, '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n');
}


const nextMonthDay = (month: string, day: number) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-${String(day).padStart(2, '0')}` : `${y}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export interface YearResult {
  files: DemoFile[];
  /** The documents of the council meeting and the decisions, to be written by the caller. */
  documents: MeetingFile[];
  initiatives: string[];
  reports: number;
  achievements: number;
}

export interface YearOptions {
  progress?: (total: number) => Promise<ProgressBar>;
  /**
   * The day everything is entered, for a year caught up late: each step then gives its own date
   * (registrations, decisions, ballots are dated back) and the reports come out as if entered on time.
   * The fostering of the watch list is followed as it happens, so a year entered late has none.
   */
  enteredOn?: string;
}

export async function runYearRecords(ctx: ServiceContext, dir: string, opts: YearOptions = {}): Promise<YearResult> {
  const { progress, enteredOn } = opts;
  const files: DemoFile[] = [];
  const steps: Step[] = [];
  const initiatives: string[] = [];
  let reports = 0;

  for (const m of DEMO_MOVEMENTS) steps.push({ date: '2025-01-08', run: (c) => addMovement(c, m.code, m) });

  // Registrations arrive as a spreadsheet from the units.
  const regFile = join(dir, `dang-ky-thi-dua-${DEMO_YEAR}.csv`);
  writeCsv(regFile, [
    ['Mã', 'Danh hiệu', 'Ghi chú'],
    ...DEMO_PEOPLE.map(([code]) => [code, 'Lao động tiên tiến', '']),
    ...DEMO_EXTRA_REGISTRATIONS.map(([code, award]) => [code, award, '']),
  ]);
  files.push({ kind: 'registrations', path: regFile });
  steps.push({ date: '2025-01-20', run: (c) => importRegistrations(c, regFile, { year: DEMO_YEAR, date: '2025-01-20' }) });

  DEMO_INITIATIVES.forEach((ini, i) => {
    const date = `2025-02-${String(3 + i).padStart(2, '0')}`;
    steps.push({ date, run: async (c) => (initiatives[i] = (await registerInitiative(c, { ...ini, year: DEMO_YEAR, date })).code) });
    for (const [month, percent] of ini.progress) {
      steps.push({
        date: nextMonthDay(month, 3 + (i % 4)),
        run: async (c) => {
          reports++;
          return addProgress(c, initiatives[i], { month, percent: String(percent), note: percent >= 100 ? 'Hoàn thành' : undefined });
        },
      });
    }
    if (ini.withdraw) steps.push({ date: ini.withdraw.on, run: (c) => withdrawInitiative(c, initiatives[i], ini.withdraw!.reason, ini.withdraw!.on) });
  });

  // Ratings: each quarter's list is imported from the personnel office's spreadsheet; the year's at the end.
  const periods: [string, string][] = [['2025-Q1', '2025-04-05'], ['2025-Q2', '2025-07-05'], ['2025-Q3', '2025-10-06'], ['2025-Q4', '2025-12-12'], ['2025', '2025-12-12']];
  for (const [period, date] of periods) {
    const file = join(dir, `xep-loai-${period}.csv`);
    const q = period.includes('Q') ? Number(period.slice(-1)) : 0;
    writeCsv(file, [
      ['Mã', 'Họ và tên', 'Xếp loại'],
      ...DEMO_PEOPLE.map(([code, name]) => [code, name, q ? demoQuarterRating(code, q) : (DEMO_ANNUAL[code] ?? 'HTTNV')]),
    ]);
    files.push({ kind: 'ratings', path: file });
    steps.push({ date, run: (c) => importRatings(c, file, parsePeriod(period)!) });
  }

  for (const a of DEMO_ACHIEVEMENTS) steps.push({ date: a.date, run: (c) => addAchievement(c, a.subject, a) });

  for (const f of enteredOn ? [] : DEMO_FOSTERING) {
    steps.push({ date: f.since, run: (c) => startWatch(c, f) });
    for (const task of f.tasks) {
      let id = 0;
      steps.push({ date: f.since, run: async (c) => (id = (await assignTask(c, { person: f.person, ...task })).task.id) });
      if (task.done) steps.push({ date: task.done.on, run: (c) => completeTask(c, String(id), task.done!.result, task.done!.on) });
    }
  }

  for (const r of DEMO_SPREAD) steps.push({ date: r.date, run: (c) => addSpread(c, r.subject, r) });

  steps.push(...councilSteps((i) => initiatives[i]));
  const documents: MeetingFile[] = [];
  steps.push(...meetingSteps(documents));

  // The year as it happened: every step on its own day, in order (stable for the same day).
  const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.date < b.s.date ? -1 : a.s.date > b.s.date ? 1 : a.i - b.i));
  const bar = await progress?.(ordered.length);
  try {
    for (const { s } of ordered) {
      await s.run(onDay(ctx, enteredOn ?? s.date));
      bar?.tick();
    }
  } finally {
    bar?.stop();
  }
  return { files, documents, initiatives, reports, achievements: DEMO_ACHIEVEMENTS.length };
}
