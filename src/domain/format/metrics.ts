/**
 * How wide a line of Times New Roman is, without a font file: the advance widths of the Times core
 * font (Adobe's published metrics, which Times New Roman and Liberation Serif share to within a few
 * per cent), in thousandths of an em. A Vietnamese letter is as wide as its base letter (the marks sit
 * above or below it). Used to lay out (rules under a line, column widths that keep a heading's words
 * whole, titles that do not leave the year alone) and to check a document the same way.
 */

const REGULAR: Record<string, number> = {
  ' ': 250, a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778, n: 500, o: 500,
  p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889, N: 722, O: 722, P: 556,
  Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  '.': 250, ',': 250, ':': 278, ';': 278, '-': 333, '/': 278, '(': 333, ')': 333, '%': 833, '–': 500, '—': 1000, '“': 444, '”': 444,
  '"': 408, "'": 180, '*': 500, '&': 778, '+': 564, '=': 564, '!': 333, '?': 444,
};

const BOLD: Record<string, number> = {
  ' ': 250, a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833, n: 556, o: 500,
  p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944, N: 722, O: 778, P: 611,
  Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  '.': 250, ',': 250, ':': 333, ';': 333, '-': 333, '/': 278, '(': 333, ')': 333, '%': 1000, '–': 500, '—': 1000, '“': 500, '”': 500,
  '"': 555, "'": 278, '*': 500, '&': 833, '+': 570, '=': 570, '!': 333, '?': 500,
};

function base(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  return ch.normalize('NFD').charAt(0);
}

/** The width of `text` in twips (1/20 pt) at `size` points. */
export function textTwips(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) units += table[ch] ?? table[base(ch)] ?? (/\d/.test(ch) ? 500 : 500);
  return (units / 1000) * size * 20;
}

/** The widest word of `text` in twips. */
export function widestWord(text: string, size: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).filter(Boolean).map((w) => textTwips(w, size, bold)));
}

/**
 * The lines a paragraph breaks into at `width` twips, the way a word processor fills them: as many
 * whole words as fit, a word wider than the line on a line of its own.
 */
export function wrapLines(text: string, size: number, bold: boolean, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const space = textTwips(' ', size, bold);
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  for (const w of words) {
    const ww = textTwips(w, size, bold);
    if (line.length > 0 && used + space + ww > width) {
      lines.push(line.join(' '));
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? space : 0) + ww;
    line.push(w);
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines;
}

/** A year alone, or "năm 2025", as the last line of a title: what a title must not leave. */
export const LONE_YEAR = /^(năm\s+)?\d{4}[.)”"]?$/iu;
