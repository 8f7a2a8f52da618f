/**
 * What the year's reports count, on both engines (issue 16 counts them in SQL: these fix the answers):
 * monthly reports due and made per unit (registered after a month's end, a report for a month before
 * registering, finished or withdrawn during the year, last year's initiatives still running, the
 * current month), registrations in force (a withdrawn one is not), ratings by period and level, and
 * initiatives by where they stand; the same counts in the annual, quarterly and monthly reports.
 */
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { execDb, forEachEngine } from '../helpers/engines.js';
import { seedInitiatives, type ReportSeed } from '../helpers/progress-seed.js';
import { json, ok } from '../helpers/ballot-seed.js';

const TODAY = '2025-07-10';
const AT = '2025-01-01T00:00:00.000Z';

async function school() {
  const s = await schoolDb();
  await ok(s.cli, ['unit', 'add', 'ADT', '--name', 'Phòng Đào tạo', '--kind', 'office']);
  seedInitiatives(s.db, [
    { code: 'SK-2025-001', unit: 'KLLCS', status: 'in_progress', registeredOn: '2025-02-15' },
    { code: 'SK-2025-002', unit: 'KLLCS', status: 'recognised', registeredOn: '2025-01-10', statusOn: '2025-04-10' },
    { code: 'DT-2025-001', unit: 'KLLCS', status: 'in_progress', registeredOn: '2025-05-01' },
    { code: 'SK-2025-003', unit: 'PTCHC', status: 'registered', registeredOn: '2025-06-30' },
    { code: 'SK-2025-004', unit: 'PTCHC', status: 'in_progress', registeredOn: '2025-03-10' },
    { code: 'SK-2024-005', unit: 'ADT', status: 'in_progress', registeredOn: '2024-02-15' },
    { code: 'SK-2024-006', unit: 'ADT', status: 'rejected', registeredOn: '2024-02-15', statusOn: '2024-11-01' },
    { code: 'SK-2025-007', unit: 'ADT', status: 'withdrawn', registeredOn: '2025-01-05', statusOn: '2025-02-20' },
  ], ([
    ['SK-2025-001', ['2025-02', '2025-03', '2025-04', '2025-05']],
    ['SK-2025-002', ['2025-01', '2025-02']],
    ['DT-2025-001', ['2025-05']],
    ['SK-2025-004', ['2025-01', '2025-03']],
    ['SK-2024-005', ['2024-12', '2025-02']],
    ['SK-2024-006', ['2024-03']],
  ] as [string, string[]][]).flatMap(([code, months]) => months.map((m): ReportSeed => [code, m, 40])));
  const register = 'INSERT INTO registrations (year, subject_code, award, registered_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?)';
  for (const [year, subject, award, status] of [
    [2025, 'VC001', 'LDTT', 'active'], [2025, 'VC002', 'LDTT', 'active'], [2025, 'VC002', 'CSTDCS', 'active'],
    [2025, 'VC003', 'LDTT', 'withdrawn'], [2025, 'KLLCS', 'TTLDTT', 'active'], [2024, 'VC003', 'LDTT', 'active'],
  ] as const) execDb(s.db, register, year, subject, award, `${year}-01-20`, status, AT);
  const rate = 'INSERT INTO ratings (person_code, period, rating, rated_on, created_at) VALUES (?, ?, ?, ?, ?)';
  for (const [person, period, rating] of [
    ['VC001', '2025-Q1', 'HTXSNV'], ['VC002', '2025-Q1', 'HTTNV'], ['VC003', '2025-Q1', 'HTTNV'], ['VC002', '2025', 'HTXSNV'], ['VC001', '2024-Q4', 'HTNV'],
  ]) execDb(s.db, rate, person, period, rating, '2025-04-05', AT);
  return s;
}

const zero = { total: 0, HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 };

forEachEngine(() => {
  describe('the counts of a year', () => {
    it('annual: reporting per unit (Vietnamese order), registrations in force, ratings, initiatives', async () => {
      const s = await school();
      const r = await json<Record<string, unknown>>(s.cli, ['--today', TODAY, 'report', 'annual', '--year', '2025']);
      // January to July (the current month counts): see the header of this file for each case.
      expect(r.reporting).toEqual([
        { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', due: 12, made: 7, missing: 5, rate: 58.3, gapMonths: '3, 6, 7' },
        { unit: 'ADT', unitName: 'Phòng Đào tạo', due: 8, made: 1, missing: 7, rate: 12.5, gapMonths: '1, 3, 4, 5, 6, 7' },
        { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', due: 8, made: 2, missing: 6, rate: 25, gapMonths: '4, 5, 6, 7' },
      ]);
      expect(r.registrations).toEqual({
        total: 4,
        byTitle: { CSTDCS: 1, LDTT: 2, TTLDTT: 1 },
        byUnit: [
          { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', CSTDCS: 1, LDTT: 1, TTLDTT: 1, total: 3 },
          { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', CSTDCS: 0, LDTT: 1, TTLDTT: 0, total: 1 },
        ],
      });
      expect(r.ratings).toEqual({
        '2025-Q1': { total: 3, HTXSNV: 1, HTTNV: 2, HTNV: 0, KHTNV: 0 }, '2025-Q2': zero, '2025-Q3': zero, '2025-Q4': zero,
        2025: { total: 1, HTXSNV: 1, HTTNV: 0, HTNV: 0, KHTNV: 0 },
      });
      expect(r.initiatives).toEqual({
        initiative: { total: 5, registered: 1, running: 2, recognised: 1, rejected: 0, withdrawn: 1 },
        research: { total: 1, registered: 0, running: 1, recognised: 0, rejected: 0, withdrawn: 0 },
      });
      const text = (await ok(s.cli, ['--today', TODAY, 'report', 'annual', '--year', '2025'])).stdout;
      expect(text).toContain('58,3');
    });

    it('quarterly and monthly: the same counts over their months', async () => {
      const s = await school();
      const q1 = await json<{ reporting: unknown[]; ratings: unknown }>(s.cli, ['--today', TODAY, 'report', 'quarterly', '--quarter', '2025-Q1']);
      expect(q1.reporting).toEqual([
        { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', due: 5, made: 4, missing: 1, rate: 80, gapMonths: '3' },
        { unit: 'ADT', unitName: 'Phòng Đào tạo', due: 4, made: 1, missing: 3, rate: 25, gapMonths: '1, 3' },
        { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', due: 2, made: 2, missing: 0, rate: 100, gapMonths: '' },
      ]);
      expect(q1.ratings).toEqual({ '2025-Q1': { total: 3, HTXSNV: 1, HTTNV: 2, HTNV: 0, KHTNV: 0 } });
      const march = await json<{ units: unknown[]; initiatives: { code: string; reported: boolean }[] }>(s.cli, ['--today', TODAY, 'report', 'progress', '--month', '2025-03']);
      expect(march.units).toEqual([
        { unit: 'KLLCS', unitName: 'Khoa Lý luận cơ sở', due: 2, made: 1, missing: 1, rate: 50, gapMonths: '3' },
        { unit: 'ADT', unitName: 'Phòng Đào tạo', due: 1, made: 0, missing: 1, rate: 0, gapMonths: '3' },
        { unit: 'PTCHC', unitName: 'Phòng Tổ chức – Hành chính', due: 1, made: 1, missing: 0, rate: 100, gapMonths: '' },
      ]);
      expect(march.initiatives.map((i) => [i.code, i.reported])).toEqual([
        ['SK-2025-001', true], ['SK-2025-002', false], ['SK-2024-005', false], ['SK-2025-004', true],
      ]);
    });
  });
});
