/** Rating periods (a year `2025` or a quarter `2025-Q3`), months `2025-10`, and their date ranges. */

export type Period = { kind: 'year'; year: number; text: string } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4; text: string };

const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/** A year as typed: four digits in range, or null. */
export function parseYear(raw: string | number): number | null {
  const s = String(raw).trim();
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : null;
}

/** `2025`, `2025-Q3`, `2025-q3`, `Q3/2025`, `Q3-2025`; null when not a period. */
export function parsePeriod(raw: string): Period | null {
  const s = raw.trim().toUpperCase().replace(/\s+/g, '');
  const y = parseYear(s);
  if (y !== null) return { kind: 'year', year: y, text: String(y) };
  const a = /^(\d{4})-?Q([1-4])$/.exec(s);
  const b = /^Q([1-4])[-/](\d{4})$/.exec(s);
  const year = a ? parseYear(a[1]) : b ? parseYear(b[2]) : null;
  const quarter = Number(a ? a[2] : b ? b[1] : 0) as 1 | 2 | 3 | 4;
  if (year === null || !quarter) return null;
  return { kind: 'quarter', year, quarter, text: `${year}-Q${quarter}` };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of a period, as ISO dates. */
export function periodRange(p: Period): { from: string; to: string } {
  if (p.kind === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const firstMonth = (p.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return { from: `${p.year}-${pad(firstMonth)}-01`, to: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/**
 * The first day a period's rating can be entered: the first day of its last month (a quarter's
 * third month; December for a year). A rating judges the whole period, so not before it ends.
 */
export function ratableFrom(p: Period): string {
  return `${p.year}-${pad(p.kind === 'year' ? 12 : p.quarter * 3)}-01`;
}

export function quarterOf(iso: string): Period {
  const year = Number(iso.slice(0, 4));
  const quarter = (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', year, quarter, text: `${year}-Q${quarter}` };
}

/** The quarter before the one `iso` falls in ("previous" for the cron job). */
export function previousQuarter(iso: string): Period {
  const q = quarterOf(iso) as Extract<Period, { kind: 'quarter' }>;
  const year = q.quarter === 1 ? q.year - 1 : q.year;
  const quarter = (q.quarter === 1 ? 4 : q.quarter - 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', year, quarter, text: `${year}-Q${quarter}` };
}

/** `2025-10` (also `10/2025`, `2025-1`) as `YYYY-MM`, or null. */
export function parseMonth(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  let year: number | null = null;
  let month = 0;
  if (m) {
    year = parseYear(m[1]);
    month = Number(m[2]);
  } else if ((m = /^(\d{1,2})[/-](\d{4})$/.exec(s))) {
    year = parseYear(m[2]);
    month = Number(m[1]);
  }
  if (year === null || month < 1 || month > 12) return null;
  return `${year}-${pad(month)}`;
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** Whole months from `a` to `b` (both YYYY-MM); negative when b is before a. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}
