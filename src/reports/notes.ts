/**
 * The annual report's assessment is the clerk's own text, never the program's (issue 13): a Markdown
 * file (`report annual --notes FILE.md`) with one `##` heading per section:
 *
 *   ## Ưu điểm                 strengths
 *   ## Hạn chế                 shortcomings
 *   ## Nguyên nhân             causes (of the shortcomings)
 *   ## Phương hướng năm 2026   next year's direction ("## Phương hướng" alone is taken as next year's)
 *
 * Headings are matched without diacritics and case, with or without a leading number ("2. Hạn chế")
 * and a closing colon. A `# title` line before the first section is ignored; `###` lines inside a
 * section are kept as text. Paragraphs are runs of lines separated by a blank line; lines starting
 * with "- ", "* " or "+ " are list items, one paragraph each, written "- …". Pure.
 */
import type { Detail } from '../domain/errors.js';
import { fold } from '../domain/names.js';

export const NOTES_KEYS = ['strengths', 'shortcomings', 'causes', 'direction'] as const;
export type NotesKey = (typeof NOTES_KEYS)[number];

/** Each section's paragraphs, as the clerk wrote them. */
export type AnnualNotes = Record<NotesKey, string[]>;

export interface ParsedNotes {
  /** The sections found (a section without text counts as missing). */
  notes: Partial<AnnualNotes>;
  /** Headings the program does not know, a section given twice, text outside any section, a wrong year. */
  problems: Detail[];
  missing: NotesKey[];
}

const WORDS: Record<Exclude<NotesKey, 'direction'>, string> = { strengths: 'Ưu điểm', shortcomings: 'Hạn chế', causes: 'Nguyên nhân' };

/** The heading as the documentation and the messages write it. */
export function notesHeading(key: NotesKey, year: number): string {
  return key === 'direction' ? `## Phương hướng năm ${year + 1}` : `## ${WORDS[key]}`;
}

export function notesHeadings(year: number): string {
  return NOTES_KEYS.map((k) => notesHeading(k, year)).join(', ');
}

/** The section a heading names, or null; `year` set when it names one. */
function sectionOf(raw: string): { key: NotesKey; year: number | null } | null {
  const h = fold(raw)
    .replace(/^(?:\d+|[ivxlc]+)\s*[.)/-]\s*/i, '')
    .replace(/[\s:.;,–-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const key of ['strengths', 'shortcomings', 'causes'] as const) if (h === fold(WORDS[key])) return { key, year: null };
  const m = /^phuong huong(?: nam (\d{4}))?$/.exec(h);
  return m ? { key: 'direction', year: m[1] ? Number(m[1]) : null } : null;
}

/** Markdown emphasis is markup, not the clerk's words. */
const plain = (s: string) => s.replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '').replace(/\s+/g, ' ').trim();

export function parseNotes(text: string, year: number): ParsedNotes {
  const lines = text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    // Control characters have no place in a document (and are not valid XML).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split(/\r\n|\r|\n/);
  const notes: Partial<AnnualNotes> = {};
  const problems: Detail[] = [];
  const seen = new Map<NotesKey, number>();
  let current: string[] | null = null;
  let paragraph: string[] = [];
  const flush = () => {
    if (current && paragraph.length > 0) current.push(plain(paragraph.join(' ')));
    paragraph = [];
  };
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1].length <= 2) {
      flush();
      if (heading[1].length === 1 && seen.size === 0 && current === null) continue; // the file's own title
      const found = sectionOf(heading[2]);
      if (!found) {
        problems.push({ key: 'notes.unknown', params: { line: n, heading: `${heading[1]} ${heading[2]}` } });
        current = [];
        continue;
      }
      if (found.year !== null && found.year !== year + 1) {
        problems.push({ key: 'notes.wrongYear', params: { line: n, heading: heading[2], year, next: year + 1 } });
      }
      if (seen.has(found.key)) {
        problems.push({ key: 'notes.duplicate', params: { line: n, heading: notesHeading(found.key, year), first: seen.get(found.key) } });
        current = [];
        continue;
      }
      seen.set(found.key, n);
      current = notes[found.key] = [];
      continue;
    }
    const body = heading ? heading[2] : line.trim();
    if (body === '') {
      flush();
      continue;
    }
    if (current === null) {
      problems.push({ key: 'notes.outside', params: { line: n } });
      current = [];
      continue;
    }
    const item = /^[-*+]\s+(.*)$/.exec(body);
    if (item) {
      flush();
      current.push(`- ${plain(item[1])}`);
      continue;
    }
    if (/^\d+[.)]\s+/.test(body)) flush();
    paragraph.push(body);
  }
  flush();
  for (const k of NOTES_KEYS) if (notes[k] && notes[k]!.length === 0) delete notes[k];
  return { notes, problems, missing: NOTES_KEYS.filter((k) => !notes[k]) };
}
