/**
 * Everything a person can read in a .docx, part by part: the body, the headers, every chart (titles,
 * categories, series names, axis labels) and the workbook embedded behind each chart (Word's "Edit
 * Data" shows it). Used to prove that no internal code leaks into an official document.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';

const decode = (u: Uint8Array) => new TextDecoder().decode(u);

/** The text runs of a WordprocessingML / DrawingML / SpreadsheetML part, joined by spaces. */
function textOf(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(w:t|a:t|c:v|t)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) out.push(m[2]);
  return out.join(' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

export interface ReadableParts {
  /** Part name → its readable text. */
  parts: Record<string, string>;
  /** All of it. */
  all: string;
}

export function readableParts(file: string | Uint8Array): ReadableParts {
  const bytes = typeof file === 'string' ? new Uint8Array(readFileSync(file)) : file;
  const zip = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(zip)) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(name) || /^word\/charts\/chart\d+\.xml$/.test(name)) parts[name] = textOf(decode(data));
    if (name.endsWith('.xlsx')) {
      const book = unzipSync(data);
      for (const [inner, d] of Object.entries(book)) if (/^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(inner)) parts[`${name}!${inner}`] = textOf(decode(d));
    }
  }
  return { parts, all: Object.values(parts).join('\n') };
}

/** Title, rating and initiative codes, and the codes of people and units, as they would leak. */
export const CODE_PATTERNS: RegExp[] = [
  /(?<![\p{L}\d])(DHTT|LDTT|CSTDCS|TTLDTT|TTLDXS|GK|SK|HTXSNV|HTTNV|HTNV|KHTNV)(?![\p{L}\d])/u,
  /(?<![\p{L}\d])(SK|DT)-\d{4}-\d{3}(?![\p{L}\d])/u,
  /(?<![\p{L}\d])VC\d{3}(?![\p{L}\d])/u,
];

/** Each leak found: the part it is in and the words around it. */
export function codesIn(r: ReadableParts, extra: RegExp[] = []): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(r.parts)) {
    for (const re of [...CODE_PATTERNS, ...extra]) {
      const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const m of text.matchAll(g)) found.push(`${name}: …${text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)}…`);
    }
  }
  return found;
}
