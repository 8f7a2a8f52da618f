/**
 * The printed pages read back (the text of each page of the PDF LibreOffice makes of a document):
 * no page without text, page numbers from page 2 and none on page 1, every word of the document on
 * paper (a table row LibreOffice dropped, a column heading broken inside a word), no title leaving
 * its year alone on the last line. Pure: the pages come from services/printed.ts.
 */
import { LONE_YEAR } from './metrics.js';
import { flat, inkRuns, paragraphsOf, type FormatDoc, type FormatParagraph } from './model.js';
import { excerpt, type Departure } from './check.js';

const norm = (s: string) => s.normalize('NFKC');
/**
 * Words as printed, cut after a hyphen, dash or slash (where a line may break: "2021–" / "2025");
 * a line of dashes ("-----") is a rule, not a word.
 */
const words = (s: string) =>
  norm(s)
    .replace(/[-–—_]{2,}/g, ' ')
    .replace(/([-–—/])(?=\S)/g, '$1 ')
    .split(/\s+/)
    .filter(Boolean);

/** A page's lines without the page number printed at its top (returned apart), in a numbered document. */
function splitPage(text: string, numbered: boolean): { number: number | null; lines: string[] } {
  const lines = norm(text).split('\n').map((l) => l.trim()).filter(Boolean);
  if (numbered && lines.length > 0 && /^\d{1,4}$/.test(lines[0])) return { number: Number(lines[0]), lines: lines.slice(1) };
  return { number: null, lines };
}

/** The text a paragraph prints (a run in small capitals or w:caps prints in capitals). */
function printedText(p: FormatParagraph): string {
  return p.runs.map((r) => (r.caps ? r.text.toLocaleUpperCase('vi') : r.text)).join('');
}

export function checkPrinted(doc: FormatDoc, pages: string[]): Departure[] {
  const out: Departure[] = [];
  const add = (d: Omit<Departure, 'printed'>) => out.push({ ...d, printed: true });
  const numbered = doc.sections.some((s) => s.header.default?.pageField || s.footer.default?.pageField);
  const split = pages.map((p) => splitPage(p, numbered));
  split.forEach((pg, i) => {
    const n = i + 1;
    if (pg.lines.length === 0) add({ rule: 'printed.blankPage', where: { page: n }, measured: '@blankPage', expected: '@noBlankPage' });
    if (!numbered) return;
    if (n === 1 && pg.number !== null) add({ rule: 'printed.pageNumber', where: { page: 1 }, measured: `@numberShown:${pg.number}`, expected: '@noNumber' });
    if (n > 1 && pg.number !== n) add({ rule: 'printed.pageNumber', where: { page: n }, measured: pg.number === null ? '@noNumber' : `@numberShown:${pg.number}`, expected: `@numberShown:${n}` });
  });
  checkWords(doc, split, add);
  checkLoneYears(doc, split, add);
  return out;
}

/**
 * Every word of the document is on paper as often as in the file. A word short on paper is lost (a
 * dropped row, a clipped page), or broken over two lines (a column too narrow for it). The paragraph or
 * table row it belongs to is found by reading the document and the pages side by side: each must find
 * its words on paper near where the one before it was found.
 */
function checkWords(doc: FormatDoc, pages: { lines: string[] }[], add: (d: Omit<Departure, 'printed'>) => void): void {
  const want = new Map<string, number>();
  for (const p of doc.sections.flatMap((s) => paragraphsOf(s.blocks))) for (const w of words(printedText(p))) want.set(w, (want.get(w) ?? 0) + 1);
  const tokens = pages.flatMap((p) => p.lines.flatMap(words));
  const have = new Map<string, number>();
  for (const w of tokens) have.set(w, (have.get(w) ?? 0) + 1);
  const short = [...want].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w]) => w);
  if (short.length === 0) return;
  let cursor = 0;
  let found = 0;
  for (const unit of units(doc)) {
    const ws = words(unit.text);
    if (ws.length === 0) continue;
    const at = locate(tokens, ws, cursor);
    if (at !== null) {
      cursor = at;
      continue;
    }
    const missing = ws.filter((w) => !near(tokens, w, cursor, ws.length));
    const allBroken = missing.length > 0 && missing.every((w) => brokenNear(tokens, w, cursor, ws.length));
    found++;
    add({
      rule: allBroken && unit.heading ? 'printed.headingBroken' : 'printed.textLost',
      where: { ...unit.where, excerpt: excerpt(unit.text) },
      measured: allBroken ? `@brokenWord:${missing[0]}` : `@notPrinted:${(missing.length > 0 ? missing : ws).slice(0, 4).join(' ')}`,
      expected: '@printedWhole',
    });
  }
  if (found === 0) add({ rule: 'printed.textLost', where: {}, measured: `@notPrinted:${short.slice(0, 4).join(' ')}`, expected: '@printedWhole' });
}

interface Unit {
  text: string;
  where: { paragraph?: number; table?: number; row?: number };
  /** A table's heading row. */
  heading: boolean;
}

/** Paragraphs and table rows, in the order they are laid out. */
function units(doc: FormatDoc): Unit[] {
  const out: Unit[] = [];
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.kind === 'p') {
        out.push({ text: printedText(b), where: { paragraph: b.index }, heading: false });
        continue;
      }
      b.rows.forEach((row, ri) => {
        const text = row.cells.flatMap((c) => paragraphsOf(c.blocks)).map(printedText).join(' ');
        out.push({ text, where: { table: b.index, row: ri + 1 }, heading: row.header || ri === 0 });
      });
    }
  }
  return out;
}

/** How far before the cursor a unit may be found (columns of a row, a header beside it, print in another order). */
const BACK = 60;

function windowOf(tokens: string[], cursor: number, size: number): [number, number] {
  return [Math.max(0, cursor - BACK), Math.min(tokens.length, cursor + size * 3 + 120)];
}

/** Where a unit's words all are, near the cursor (the place of its first word), or null. */
function locate(tokens: string[], ws: string[], cursor: number): number | null {
  const [from, to] = windowOf(tokens, cursor, ws.length);
  const need = new Map<string, number>();
  for (const w of ws) need.set(w, (need.get(w) ?? 0) + 1);
  const got = new Map<string, number>();
  for (let i = from; i < to; i++) if (need.has(tokens[i])) got.set(tokens[i], (got.get(tokens[i]) ?? 0) + 1);
  for (const [w, n] of need) if ((got.get(w) ?? 0) < n) return null;
  const first = tokens.indexOf(ws[0], from);
  return first >= 0 && first < to ? Math.max(cursor, first) : cursor;
}

/** A word printed in two pieces (a column too narrow for it): "ST" and "T" for "STT", near the cursor. */
function brokenNear(tokens: string[], w: string, cursor: number, size: number): boolean {
  const [from, to] = windowOf(tokens, cursor, size);
  const seen = new Set(tokens.slice(from, to));
  for (let k = 1; k < w.length; k++) if (seen.has(w.slice(0, k)) && seen.has(w.slice(k))) return true;
  return false;
}

function near(tokens: string[], w: string, cursor: number, size: number): boolean {
  const [from, to] = windowOf(tokens, cursor, size);
  for (let i = from; i < to; i++) if (tokens[i] === w) return true;
  return false;
}

/** A centred title whose last printed line is its year alone. */
function checkLoneYears(doc: FormatDoc, pages: { lines: string[] }[], add: (d: Omit<Departure, 'printed'>) => void): void {
  const titles = doc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is FormatParagraph => b.kind === 'p' && b.align === 'center' && /\d{4}/.test(b.text) && inkRuns(b).length > 0);
  const squash = (s: string) => norm(s).replace(/\s+/g, '');
  pages.forEach((pg, pi) => {
    for (const p of titles) {
      const target = squash(printedText(p));
      for (let i = 0; i < pg.lines.length; i++) {
        if (!target.startsWith(squash(pg.lines[i])) || squash(pg.lines[i]) === '') continue;
        let acc = squash(pg.lines[i]);
        let j = i;
        while (acc.length < target.length && j + 1 < pg.lines.length && target.startsWith(acc + squash(pg.lines[j + 1]))) acc += squash(pg.lines[++j]);
        if (acc === target && j > i && LONE_YEAR.test(pg.lines[j])) {
          add({ rule: 'printed.loneYear', where: { page: pi + 1, paragraph: p.index, excerpt: excerpt(flat(p)) }, measured: `“${pg.lines[j]}”`, expected: '@yearWithLine' });
        }
      }
    }
  });
}
