/**
 * The reports a province runs on a large database (progress missing, detect, status) are served by
 * indexes: no query they send makes SQLite read a whole big table.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { schoolDb } from '../helpers/cli.js';

const BIG = ['people', 'initiatives', 'initiative_authors', 'progress_reports', 'ratings', 'audit', 'achievements', 'registrations'];

describe('query plans of the large reports', () => {
  it.each([
    [['progress', 'missing', '--month', '2026-10'], []],
    // detect weighs every person on the roster: reading the people once is the work itself.
    [['detect', '--year', '2026'], ['people']],
    [['status'], []],
  ])('%j reads no big table whole (but %j)', async (argv: string[], whole: string[]) => {
    const { db, cli } = await schoolDb();
    const seen = new Set<string>();
    const prepare = BetterSqlite3.prototype.prepare;
    const spy = vi.spyOn(BetterSqlite3.prototype, 'prepare').mockImplementation(function (this: BetterSqlite3.Database, source: string) {
      if (/^\s*select/i.test(source)) seen.add(source);
      return prepare.call(this, source);
    });
    try {
      const r = await cli(argv);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(seen.size).toBeGreaterThan(0);
    const raw = new BetterSqlite3(db, { readonly: true });
    const scans: string[] = [];
    for (const q of seen) {
      // Kysely's placeholders are `?`; the plan does not depend on the values.
      const params = Array.from({ length: (q.match(/\?/g) ?? []).length }, () => null);
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...params) as { detail: string }[];
      for (const { detail } of plan) {
        const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(detail) ?? /^SCAN (\w+) /.exec(detail);
        if (m && BIG.includes(m[1]) && !whole.includes(m[1]) && !/COVERING INDEX|USING INDEX/.test(detail)) scans.push(`${detail}  <=  ${q.slice(0, 160)}`);
      }
    }
    raw.close();
    expect(scans).toEqual([]);
  });
});
