/**
 * Reads a generated .docx back the way an independent reader would: as a zip (well formed, its parts),
 * for its text (mammoth), and for the layout facts DOMAIN.md sets (A4, orientation, fonts, margins).
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { expect } from 'vitest';

export interface DocxFacts {
  /** Every part of the package. */
  parts: string[];
  /** word/document.xml. */
  xml: string;
  /** The text as mammoth reads it (no-break spaces read as spaces). */
  text: string;
  /** Page size in twips per section: [width, height]. */
  pages: [number, number][];
  orientations: string[];
  /** Fonts named anywhere in the document and its styles. */
  fonts: string[];
  /** Font sizes used (points). */
  sizes: number[];
  margins: { top: number; bottom: number; left: number; right: number }[];
  core: string;
  /** The text of every header part (page numbers are a PAGE field there). */
  headers: string[];
}

export async function readDocx(file: string | Buffer): Promise<DocxFacts> {
  const bytes = typeof file === 'string' ? readFileSync(file) : file;
  const parts = unzipSync(new Uint8Array(bytes));
  const dec = (n: string) => (parts[n] ? new TextDecoder().decode(parts[n]) : '');
  const xml = dec('word/document.xml');
  const styles = dec('word/styles.xml');
  // As a person reads it: a no-break space (kept in a header line so it wraps well) is a space.
  const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.replace(/\u00a0/g, ' ');
  const pages = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => {
    const w = Number(/w:w="(\d+)"/.exec(m[1])?.[1]);
    const h = Number(/w:h="(\d+)"/.exec(m[1])?.[1]);
    return [w, h] as [number, number];
  });
  const orientations = [...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
  const fonts = [...new Set([...`${xml}${styles}`.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))];
  const sizes = [...new Set([...`${xml}${styles}`.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2))].sort((a, b) => a - b);
  const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => {
    const v = (k: string) => Number(new RegExp(`w:${k}="(-?\\d+)"`).exec(m[1])?.[1]);
    return { top: v('top'), bottom: v('bottom'), left: v('left'), right: v('right') };
  });
  const headers = Object.keys(parts).filter((n) => /^word\/header\d*\.xml$/.test(n)).map(dec);
  return { parts: Object.keys(parts), xml, text, pages, orientations, fonts, sizes, margins, core: dec('docProps/core.xml'), headers };
}

const MM = 56.7;

/** What every document must hold (DOMAIN.md "Documents"): A4, Times New Roman, margins, no leftovers. */
export function expectWellFormedDocument(d: DocxFacts, opts: { orientation?: 'portrait' | 'landscape' } = {}): void {
  expect(d.parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
  expect(d.pages.length).toBeGreaterThan(0);
  for (const [w, h] of d.pages) {
    const [short, long] = [Math.min(w, h), Math.max(w, h)];
    expect(Math.abs(short - 11906)).toBeLessThan(5);
    expect(Math.abs(long - 16838)).toBeLessThan(5);
    if (opts.orientation === 'landscape') expect(w).toBeGreaterThan(h);
    else expect(h).toBeGreaterThan(w);
  }
  for (const m of d.margins) {
    expect(m.top / MM).toBeGreaterThanOrEqual(19.9);
    expect(m.top / MM).toBeLessThanOrEqual(25.1);
    expect(m.bottom / MM).toBeGreaterThanOrEqual(19.9);
    if (opts.orientation !== 'landscape') {
      expect(m.left / MM).toBeGreaterThanOrEqual(29.9);
      expect(m.left / MM).toBeLessThanOrEqual(35.1);
      expect(m.right / MM).toBeGreaterThanOrEqual(14.9);
      expect(m.right / MM).toBeLessThanOrEqual(20.1);
    }
  }
  expect(d.fonts).toEqual(['Times New Roman']);
  expect(d.xml).toMatch(/w:lineRule="auto"/);
  for (const junk of ['{{', '}}', 'undefined', 'NaN', '[object', 'null']) expect(d.text).not.toContain(junk);
  // Text is NFC: decomposed diacritics would show as separate marks in some fonts.
  expect(d.text).toBe(d.text.normalize('NFC'));
}

/** The header block in the given style (DOMAIN.md): the lines each style prints, the date line's form. */
export function expectHeader(d: DocxFacts, style: 'state' | 'party', parts: { parentBody: string; name: string; place: string; number?: string }): void {
  expect(d.text).toContain(parts.parentBody);
  expect(d.text).toContain(parts.name);
  if (style === 'state') {
    expect(d.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(d.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(d.text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    if (parts.number) expect(d.text).toContain(`Số: ${parts.number}`);
  } else {
    expect(d.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(d.text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    if (parts.number) expect(d.text).toContain(`Số ${parts.number}`);
  }
  expect(d.text).toMatch(new RegExp(`${parts.place}, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}`));
}

/** Page numbers from page 2, centred at the top; none on the first page (DOMAIN.md). */
export function expectPageNumbersFromPage2(d: DocxFacts): void {
  expect(d.xml).toMatch(/<w:titlePg\/>/);
  const numbered = d.headers.filter((h) => /PAGE/.test(h));
  expect(numbered.length).toBeGreaterThan(0);
  for (const h of numbered) expect(h).toMatch(/<w:jc w:val="center"\/>/);
  // The first-page header exists and has no page number.
  expect(d.headers.some((h) => !/PAGE/.test(h))).toBe(true);
}
