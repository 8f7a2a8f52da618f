/**
 * The annual report reads the recognitions once for the year's list and its quarterly commendation
 * lists (issue 16): the year's list holds the recognitions in force OF the year (whenever decided), a
 * quarter's list the people recognised IN it (of whatever year); a revoked one is in neither, a unit
 * is never commended. On both engines.
 */
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { execDb, forEachEngine } from '../helpers/engines.js';
import { json } from '../helpers/ballot-seed.js';

const AT = '2025-01-01T00:00:00.000Z';

async function school() {
  const s = await schoolDb();
  const record = `INSERT INTO recognitions (year, subject_code, award, decided_on, base_salary, coefficient, bonus, rounding, status, revoked_on, revoked_reason, created_at, recorded_number, recorded_issuer)
    VALUES (?, ?, ?, ?, 2340000, '0.3', 0, 'up:10000', ?, ?, ?, ?, ?, 'UBND tỉnh')`;
  for (const [year, subject, award, decidedOn, status, number] of [
    [2024, 'VC001', 'LDTT', '2025-02-10', 'active', '12/QĐ-UBND'], // last year's, decided in 2025-Q1
    [2025, 'VC002', 'CSTDCS', '2026-01-15', 'active', '5/QĐ-UBND'], // this year's, decided the next
    [2025, 'VC003', 'LDTT', '2025-05-05', 'active', '30/QĐ-UBND'],
    [2025, 'VC003', 'CSTDCS', '2025-05-06', 'revoked', '31/QĐ-UBND'],
    [2025, 'KLLCS', 'TTLDTT', '2025-08-01', 'active', '40/QĐ-UBND'], // a unit: listed, never commended
  ] as const) {
    execDb(s.db, record, year, subject, award, decidedOn, status, status === 'revoked' ? '2025-06-01' : null, status === 'revoked' ? 'Nhầm' : null, AT, number);
  }
  return s;
}

forEachEngine(() => {
  describe('the recognitions of a year and of its quarters', () => {
    it('the year lists its own (decided in it or later), each quarter those decided in it', async () => {
      const s = await school();
      const r = await json<{ recognitions: { subject: string; award: string; decision: string; decidedOn: string }[]; commendations: unknown[] }>(
        s.cli, ['--today', '2026-02-01', 'report', 'annual', '--year', '2025'],
      );
      expect(r.recognitions.map((x) => [x.subject, x.award, x.decision, x.decidedOn])).toEqual([
        ['VC002', 'CSTDCS', '5/QĐ-UBND', '2026-01-15'],
        ['VC003', 'LDTT', '30/QĐ-UBND', '2025-05-05'],
        ['KLLCS', 'TTLDTT', '40/QĐ-UBND', '2025-08-01'],
      ]);
      expect(r.commendations).toEqual([
        { quarter: '2025-Q1', final: false, count: 1, subjects: ['VC001'] },
        { quarter: '2025-Q2', final: false, count: 1, subjects: ['VC003'] },
        { quarter: '2025-Q3', final: false, count: 0, subjects: [] },
        { quarter: '2025-Q4', final: false, count: 0, subjects: [] },
      ]);
      // The quarter's own list says the same as the annual report's.
      const q1 = await json<{ entries: { subject: string }[] }>(s.cli, ['--today', '2026-02-01', 'commend', '--quarter', '2025-Q1']);
      expect(q1.entries.map((e) => e.subject)).toEqual(['VC001']);
    });
  });
});
