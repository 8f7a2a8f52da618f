/**
 * The punctuation and forms of the format that live in the words themselves, shared by the layout
 * (which writes them) and the checker (which reads them): basis lines, "Nơi nhận" lines, the date line
 * and the number line, in each header style.
 */
import type { HeaderStyle } from '../org.js';

/** A basis line of a decision: "Căn cứ …", "Theo đề nghị …", "Xét đề nghị …" (a party document may lead with "- "). */
export const BASIS_LINE = /^(?:-\s*)?(Căn cứ|Theo đề nghị|Xét đề nghị|Xét)\s/u;

export function isBasisLine(text: string): boolean {
  return BASIS_LINE.test(text.trim());
}

/** The line a decision's basis leads to: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:" (the issuer's verb, in capitals). */
export const ENACTING_LINE = /^[\p{Lu}\s]{4,}:?$/u;

/**
 * The basis blocks of a body: runs of basis lines that lead to the enacting line ("QUYẾT ĐỊNH:"). A
 * sentence of a report that happens to begin "Căn cứ …" is not one. Indexes into `texts`.
 */
export function basisBlocks(texts: string[]): number[][] {
  const out: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i].trim();
    if (!t) continue;
    if (isBasisLine(t)) {
      run.push(i);
      continue;
    }
    if (run.length > 0 && ENACTING_LINE.test(t)) out.push(run);
    run = [];
  }
  return out;
}

/** The mark a basis line ends with (Decree 30): ";" after each, "." after the last. */
export function basisEnding(last: boolean): ';' | '.' {
  return last ? '.' : ';';
}

/** The text with its closing punctuation replaced by `mark` (",", ";", "." or nothing at the end). */
export function withEnding(text: string, mark: string): string {
  return text.replace(/\s*[;,.:]*\s*$/u, '') + mark;
}

/** The mark each "Nơi nhận" line ends with: ";" (Decree 30) or "," (36-HD/VPTW); the last ends with ".". */
export function recipientEnding(style: HeaderStyle, last: boolean): string {
  return last ? '.' : style === 'party' ? ',' : ';';
}

/**
 * A "Nơi nhận" line as each style writes it: "- Như Điều 3;" … "- Lưu: VT, TĐKT." (state) or
 * "- Như Điều 3," … "- Lưu VT, TĐKT." (party: "Lưu" without a colon).
 */
export function recipientLine(style: HeaderStyle, raw: string, last: boolean): string {
  let text = raw.replace(/^\s*-\s*/, '').trim();
  if (/^Lưu\b/u.test(text)) text = style === 'party' ? text.replace(/^Lưu\s*:\s*/u, 'Lưu ') : text.replace(/^Lưu\s*:?\s*/u, 'Lưu: ');
  return `- ${withEnding(text, recipientEnding(style, last))}`;
}

export interface DateLine {
  place: string;
  day: string;
  month: string;
  year: string;
}

const DATE_LINE = /^(.*?),\s*ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\S+?)\s*$/u;

/** "Đồng Nai, ngày 05 tháng 9 năm 2025" in parts, or null. */
export function parseDateLine(text: string): DateLine | null {
  const m = DATE_LINE.exec(text.replace(/\s+/g, ' ').trim());
  return m ? { place: m[1].trim(), day: m[2], month: m[3], year: m[4] } : null;
}

/**
 * The day and month as they must be written (days below 10 and the months 1 and 2 with a leading
 * zero), or null when the line leaves them blank to be filled by hand ("ngày … tháng … năm …").
 */
export function paddedDate(d: DateLine): { day: string; month: string } | null {
  if (!/^\d{1,2}$/.test(d.day) || !/^\d{1,2}$/.test(d.month)) return null;
  const day = Number(d.day);
  const month = Number(d.month);
  return { day: String(day).padStart(2, '0'), month: month <= 2 ? String(month).padStart(2, '0') : String(month) };
}

/**
 * The number line: "Số: 05/QĐ-TCT" (state) or "Số 05-QĐ/TCT" (party). A draft leaves the number
 * blank ("Số:      /QĐ-TCT"). Returns what is wrong, or null.
 */
export function numberLineProblem(style: HeaderStyle, text: string): { expected: string } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  if (style === 'state') {
    const m = /^Số: ?(\d*|\.+|…+) ?\/ ?\p{Lu}[\p{L}]*(?:-[\p{L}\d.]+)+$/u.exec(t);
    if (!m) return { expected: 'Số: 05/QĐ-TCT' };
    return /^\d$/.test(m[1]) ? { expected: `Số: 0${m[1]}/…` } : null;
  }
  const m = /^Số (\d*|\.+|…+) ?-\p{Lu}[\p{L}]*\/[\p{L}\d.]+(?:-[\p{L}\d.]+)*$/u.exec(t);
  if (!m) return { expected: 'Số 05-QĐ/TCT' };
  return /^\d$/.test(m[1]) ? { expected: `Số 0${m[1]}-…` } : null;
}
