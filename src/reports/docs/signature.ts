/**
 * The words of a digital signature on a signed document: the reason the PDF records ("Ký ban hành
 * Quyết định số 01/QĐ-TCT") and the visible stamp's three lines. Pure; always Vietnamese.
 */
import { fold } from '../../domain/names.js';

/** "Quyết định", "Biên bản"… as the reason of a signature names a document. */
const KIND_WORDS: Record<string, string> = { QĐ: 'Quyết định', BB: 'Biên bản', TTr: 'Tờ trình', BC: 'Báo cáo', KH: 'Kế hoạch', TB: 'Thông báo', GCN: 'Giấy chứng nhận' };

/** The reason a signature records: "Ký ban hành Quyết định số 01/QĐ-TCT". */
export function signingReason(kind: string, symbol: string): string {
  return `Ký ban hành ${KIND_WORDS[kind] ?? 'văn bản'} số ${symbol}`;
}

/** Time as the stamp prints it, in Vietnam's time: "09:15:02 ngày 20/12/2025 (GMT+7)". */
export function stampTime(d: Date): string {
  const l = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(l.getUTCHours())}:${p(l.getUTCMinutes())}:${p(l.getUTCSeconds())} ngày ${p(l.getUTCDate())}/${p(l.getUTCMonth() + 1)}/${l.getUTCFullYear()} (GMT+7)`;
}

/** The visible stamp: who signed as the block prints them, whom the certificate was issued to, when. */
export function stampLines(printed: string, cert: { name: string; organisation: string | null }, at: Date): string[] {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const holder = cert.organisation && fold(cert.organisation) !== fold(cert.name) ? `${cert.name}, ${cert.organisation}` : cert.name;
  // Three lines, the holder's over two at most: the block keeps to its one page.
  return [`Người ký: ${cut(printed, 45)}`, `Chứng thư số cấp cho: ${cut(holder, 80)}`, `Thời gian ký: ${stampTime(at)}`];
}
