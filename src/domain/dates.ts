/** Calendar dates as ISO `YYYY-MM-DD` strings (no time zones involved). */

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO string for a valid y/m/d in 1900–2100, else null. */
function fromParts(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel 1900 date system: serial 1 = 1900-01-01; 60 is the non-existent 1900-02-29. */
function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return null;
  const offset = day > 60 ? day - 1 : day; // days after 1899-12-31
  return fromUtcMs(Date.UTC(1899, 11, 31) + offset * DAY_MS);
}

function fromUtcMs(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Parses `YYYY-MM-DD`, `d/m/yyyy` (also with `-` or `.`), an Excel serial number or a Date (UTC parts).
 * Returns ISO `YYYY-MM-DD`, or null for anything impossible or outside 1900–2100.
 */
export function parseDate(input: string | number | Date): string | null {
  if (input instanceof Date) return fromUtcMs(input.getTime());
  if (typeof input === 'number') return fromExcelSerial(input);
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) return fromParts(Number(m[4]), Number(m[3]), Number(m[1]));
  return null;
}

/** True for a real calendar date written `YYYY-MM-DD` (1900–2100). */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDate(s) === s;
}

function toUtcMs(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** `iso` moved by `n` days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const d = new Date(toUtcMs(iso) + n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Negative, zero or positive, like a sort comparator (ISO strings order as text). */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The local calendar date of `d`. */
export function todayIso(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM` with a real month (year 1900–2100), else null. */
export function isoMonth(s: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  return fromParts(Number(m[1]), Number(m[2]), 1) ? `${m[1]}-${m[2]}` : null;
}

/** `dd/mm/yyyy`, the way Vietnamese forms write a date. */
export function formatVnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * A time of day as clerks type it: `14:30`, `9:05`, `14h30`, `14h`, `14 giờ 30`, `14g30`. Returns
 * `HH:MM` (24-hour), or null for anything else or impossible (25:00, 14:75).
 */
export function parseTimeOfDay(input: string): string | null {
  const m = /^(\d{1,2})\s*(?::|\.|h|g|giờ)\s*(?:(\d{2})\s*(?:phút|p)?)?$/iu.exec(input.normalize('NFC').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  if (m[2] === undefined && /[:.]$/.test(input.trim())) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** "14 giờ 00 phút", "8 giờ 05 phút": a time of day in running text. */
export function timeInWords(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return `${h} giờ ${pad(m)} phút`;
}

/**
 * The date in words as documents write it: days below 10 and the months 1 and 2 take a leading
 * zero ("ngày 05 tháng 9 năm 2025", "ngày 20 tháng 01 năm 2026").
 */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}
