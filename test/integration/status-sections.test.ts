/**
 * The edges of the `status` questions, on both engines (issue 16 moved each question into one SQL
 * query: these fix the answers it must keep): a month's last day, initiatives withdrawn or no longer
 * running, reports dated before the registration or for the current month, initiatives of an earlier
 * year, units in Vietnamese order (not by code, not by bytes); the quarterly lists to write (one
 * person counted once whatever the reasons, a quarter not yet ended, a list final or written).
 */
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { forEachEngine, execDb } from '../helpers/engines.js';
import { seedInitiatives, type InitiativeStatus, type ReportSeed } from '../helpers/progress-seed.js';
import { json, ok, query } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { tempDir } from '../helpers/cli.js';

interface Section {
  key: string;
  items: Record<string, unknown>[];
}
const sectionOf = (report: { sections: Section[] }, key: string) => report.sections.find((s) => s.key === key)?.items;

/** [code, unit, status, registered on, report months] */
type Ini = [string, string, InitiativeStatus, string, string[]];

const EDGES: Ini[] = [
  ['SK-2026-010', 'ADT', 'registered', '2026-10-31', []], // registered on October's last day: owes October
  ['SK-2026-011', 'ADT', 'registered', '2026-11-01', []], // registered after it: owes nothing yet
  ['SK-2026-012', 'KLLCS', 'withdrawn', '2026-02-15', []], // withdrawn: owes nothing
  ['SK-2026-013', 'KLLCS', 'in_progress', '2026-03-10', ['2026-01']], // its one report is for a month before it registered
  ['SK-2026-014', 'KLLCS', 'in_progress', '2026-02-15', ['2026-08']],
  ['SK-2026-015', 'KLLCS', 'in_progress', '2026-02-15', ['2026-09']],
  ['SK-2026-016', 'PTCHC', 'in_progress', '2026-02-15', ['2026-10']],
  ['SK-2026-017', 'PTCHC', 'registered', '2026-08-31', []],
  ['SK-2026-018', 'PTCHC', 'registered', '2026-09-01', []],
  ['SK-2026-019', 'PTCHC', 'applied', '2026-02-15', ['2026-05']], // applied for recognition: no longer reports
  ['SK-2025-020', 'KLLCS', 'in_progress', '2025-03-01', ['2026-10']], // last year's, still running
  ['SK-2025-021', 'KLLCS', 'in_progress', '2025-03-01', ['2025-12']],
  ['DT-2026-001', 'ADT', 'in_progress', '2026-02-15', ['2026-11']], // reported for the current month, not for October
];

function seed(db: string): void {
  seedInitiatives(
    db,
    EDGES.map(([code, unit, status, registeredOn]) => ({ code, unit, status, registeredOn, title: `Tên ${code}` })),
    EDGES.flatMap(([code, , , , months]) => months.map((m): ReportSeed => [code, m, 40])),
  );
}

forEachEngine(() => {
  describe('status: the monthly reports', () => {
    it('owed for last month and silent for two months: month ends, statuses, early and current-month reports, unit order', async () => {
      const { cli, db } = await schoolDb();
      // "Phòng Đào tạo" comes between the other two units in Vietnamese, last by bytes, first by code.
      await ok(cli, ['unit', 'add', 'ADT', '--name', 'Phòng Đào tạo', '--kind', 'office']);
      seed(db);
      const report = await json<{ sections: Section[] }>(cli, ['status', '--today', '2026-11-01']);
      expect(sectionOf(report, 'missingReports')).toEqual([
        { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', month: '2026-10', count: 3, codes: ['SK-2026-013', 'SK-2026-014', 'SK-2026-015'] },
        { unit: 'ADT', unitName: 'Phòng Đào tạo', month: '2026-10', count: 2, codes: ['DT-2026-001', 'SK-2026-010'] },
        { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', month: '2026-10', count: 2, codes: ['SK-2026-017', 'SK-2026-018'] },
      ]);
      // November is not over: silent means nothing since August (or never, registered in August or before).
      expect(sectionOf(report, 'silentInitiatives')).toEqual([
        { code: 'SK-2025-021', title: 'Tên SK-2025-021', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2025-12' },
        { code: 'SK-2026-013', title: 'Tên SK-2026-013', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2026-01' },
        { code: 'SK-2026-014', title: 'Tên SK-2026-014', unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', lastMonth: '2026-08' },
        { code: 'SK-2026-017', title: 'Tên SK-2026-017', unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', lastMonth: null },
      ]);
      // On the last day of November the answers are the same (the month is the same).
      const last = await json<{ sections: Section[] }>(cli, ['status', '--today', '2026-11-30']);
      expect(sectionOf(last, 'missingReports')).toEqual(sectionOf(report, 'missingReports'));
      expect(sectionOf(last, 'silentInitiatives')).toEqual(sectionOf(report, 'silentInitiatives'));
      // A day later November is owed, and September has passed for those that stopped in August's wake.
      const december = await json<{ sections: Section[] }>(cli, ['status', '--today', '2026-12-01']);
      expect(sectionOf(december, 'missingReports')!.map((g) => [g.unit, g.codes])).toEqual([
        ['KLLCS', ['SK-2026-013', 'SK-2026-014', 'SK-2026-015']],
        ['ADT', ['SK-2026-010', 'SK-2026-011']],
        ['PTCHC', ['SK-2026-016', 'SK-2026-017', 'SK-2026-018']],
      ]);
      expect(sectionOf(december, 'silentInitiatives')!.map((i) => i.code)).toEqual(['SK-2025-021', 'SK-2026-013', 'SK-2026-014', 'SK-2026-015', 'SK-2026-017', 'SK-2026-018']);
      // `progress missing` asks the first question with each one's last report up to that month.
      const missing = await json<{ code: string; lastMonth: string | null }[]>(cli, ['progress', 'missing', '--month', '2026-10', '--today', '2026-11-01']);
      expect(missing.map((e) => [e.code, e.lastMonth])).toEqual([
        ['SK-2026-013', '2026-01'], ['SK-2026-014', '2026-08'], ['SK-2026-015', '2026-09'],
        ['DT-2026-001', null], ['SK-2026-010', null],
        ['SK-2026-017', null], ['SK-2026-018', null],
      ]);
    });
  });

  describe('status: the quarterly lists to write', () => {
    const due = async (cli: (argv: string[]) => Promise<{ stdout: string }>, today: string) =>
      sectionOf(await json<{ sections: Section[] }>(cli as never, ['status', '--today', today]), 'commendDue') ?? [];

    it('counts each person once, only ended quarters of the last four, until the list is final or written', async () => {
      const s = await reportSchool();
      // Q4: VC003, VC004 rated HTXSNV; LDTT recognised on 15/12 (VC004 among them: counted once). Q3: VC002.
      expect(await due(s.cli, '2026-01-05')).toEqual([
        { quarter: '2025-Q3', people: 1, what: 'commend' },
        { quarter: '2025-Q4', people: 4, what: 'commend' },
      ]);
      // Behind the program's back: an initiative recognised in Q3 (VC002 again, and VC005), one
      // rejected (VC006), a rating of a quarter not yet ended, one of a level not commended, one too old.
      seedInitiatives(s.db, [
        { code: 'SK-2025-051', unit: 'KLLCS', status: 'recognised', registeredOn: '2025-02-15', authors: [['VC002', 60], ['VC005', 40]] },
        { code: 'SK-2025-052', unit: 'KLLCS', status: 'rejected', registeredOn: '2025-02-15', authors: [['VC006', 100]] },
      ]);
      const decide = `INSERT INTO initiative_decisions (initiative_code, decision, decided_on, created_at) VALUES (?, ?, ?, '2025-09-01T00:00:00.000Z')`;
      execDb(s.db, decide, 'SK-2025-051', 'recognised', '2025-08-20');
      execDb(s.db, decide, 'SK-2025-052', 'rejected', '2025-08-21');
      const rate = `INSERT INTO ratings (person_code, period, rating, rated_on, created_at) VALUES (?, ?, ?, ?, '2026-01-02T00:00:00.000Z')`;
      execDb(s.db, rate, 'VC005', '2026-Q1', 'HTXSNV', '2026-01-02');
      execDb(s.db, rate, 'VC001', '2025-Q2', 'HTTNV', '2025-06-30');
      execDb(s.db, rate, 'VC001', '2024-Q4', 'HTXSNV', '2024-12-30');
      expect(await due(s.cli, '2026-01-05')).toEqual([
        { quarter: '2025-Q3', people: 2, what: 'commend' },
        { quarter: '2025-Q4', people: 4, what: 'commend' },
      ]);
      // The same answer as the lists themselves give.
      const q3 = await json<{ entries: { subject: string }[] }>(s.on('2026-01-05'), ['commend', '--quarter', '2025-Q3']);
      expect(q3.entries.map((e) => e.subject).sort()).toEqual(['VC002', 'VC005']);
      // A revoked title no longer counts; the person rated HTXSNV still does.
      const [vc004] = query<{ id: number }>(s.db, "SELECT id FROM recognitions WHERE subject_code = 'VC004'");
      execDb(s.db, "UPDATE recognitions SET status = 'revoked', revoked_on = '2026-01-03', revoked_reason = 'nhầm' WHERE id = ?", vc004.id);
      const others = query<{ subject_code: string }>(s.db, "SELECT subject_code FROM recognitions WHERE status = 'active' AND subject_code NOT IN ('VC003', 'VC004')");
      expect(others).toHaveLength(2);
      execDb(s.db, "UPDATE recognitions SET status = 'revoked', revoked_on = '2026-01-03', revoked_reason = 'nhầm' WHERE subject_code = ?", others[0].subject_code);
      expect(await due(s.cli, '2026-01-05')).toEqual([
        { quarter: '2025-Q3', people: 2, what: 'commend' },
        { quarter: '2025-Q4', people: 3, what: 'commend' },
      ]);
      // Final (read out): no longer due. Written to a file (a notice in the register): neither.
      await ok(s.on('2026-01-05'), ['commend', '--quarter', '2025-Q4', '--final']);
      expect(await due(s.cli, '2026-01-05')).toEqual([{ quarter: '2025-Q3', people: 2, what: 'commend' }]);
      await ok(s.on('2026-01-05'), ['commend', '--quarter', '2025-Q3', '--out', tempDir()]);
      expect(await due(s.cli, '2026-01-05')).toEqual([]);
      // Once 2026-Q1 has ended it is due; 2025-Q1 to Q3 are then more than four quarters back or done.
      expect(await due(s.cli, '2026-04-01')).toEqual([{ quarter: '2026-Q1', people: 1, what: 'commend' }]);
      // A year on, 2026-Q1 is more than four quarters back: no longer asked for.
      expect(await due(s.cli, '2027-04-01')).toEqual([]);
    });
  });
});
