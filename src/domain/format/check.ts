/**
 * The format checker: a document's model (model.ts) against the format of its header style
 * (spec.ts), element by element: the page, the header block, the title and summary, the body (sizes,
 * spacing, indents, basis lines), "Nơi nhận", the signature, tables, page numbers and pages that
 * would print blank. Each departure names its rule, where it is, what was measured and what the format
 * expects. Pure: the .docx is read elsewhere (render/docx/read.ts).
 */
import type { HeaderStyle } from '../org.js';
import { LONE_YEAR, textTwips, widestWord, wrapLines } from './metrics.js';
import { flat, inkRuns, paragraphsOf, tablesOf, type FormatBlock, type FormatDoc, type FormatParagraph, type FormatRun, type FormatSection, type FormatTable } from './model.js';
import { CERTIFICATE_KINDS, SPECS, UNNUMBERED_KINDS, type FormatSpec, type Range, type RuleId, type TextSpec } from './spec.js';
import { basisBlocks, basisEnding, numberLineProblem, paddedDate, parseDateLine, recipientEnding } from './text.js';

export interface Where {
  section?: number;
  paragraph?: number;
  table?: number;
  row?: number;
  column?: number;
  page?: number;
  /** The element of the format (header.name, summary, …), when the rule is about one. */
  element?: string;
  /** The first words of the text concerned. */
  excerpt?: string;
}

export interface Departure {
  rule: RuleId;
  where: Where;
  measured: string;
  expected: string;
  /** Found on the printed pages (LibreOffice), not in the file's XML. */
  printed?: boolean;
}

export type DocumentKind = 'document' | 'certificate' | 'plain';

export interface FormatReport {
  style: HeaderStyle;
  /** How the style was chosen: given (--style), detected from the header, or the default. */
  styleSource: 'given' | 'detected' | 'default';
  kind: DocumentKind;
  departures: Departure[];
}

const MM = 56.7;
/** Cell margins a table's text keeps from its borders (Word's default is 0.19 cm each side). */
const CELL_PADDING = 160;

const mm = (twips: number) => `${(Math.round((twips / MM) * 10) / 10).toString()} mm`;
const cm = (twips: number) => `${(Math.round((twips / MM / 10) * 100) / 100).toString()} cm`;
const pt = (n: number) => `${Math.round(n * 10) / 10} pt`;
const span = (r: Range, unit: string) => (r.min === r.max ? `${r.min} ${unit}` : `${r.min}–${r.max} ${unit}`);
export const excerpt = (t: string) => {
  const s = t.replace(/\s+/g, ' ').trim();
  return s.length > 48 ? `${s.slice(0, 47)}…` : s;
};
export const isCaps = (t: string) => /\p{L}.*\p{L}/u.test(t) && t === t.toLocaleUpperCase('vi');
const HEADER_PATTERNS = [...SPECS.state.header.titles, ...SPECS.party.header.titles].map((t) => t.pattern);

/** The style a document's header shows: the Party's title, or the national title; null when neither. */
export function detectStyle(doc: FormatDoc): HeaderStyle | null {
  const texts = paragraphsOf(doc.sections[0]?.blocks ?? []).slice(0, 40).map(flat);
  if (texts.some((t) => SPECS.party.header.titles[0].pattern.test(t))) return 'party';
  if (texts.some((t) => SPECS.state.header.titles[0].pattern.test(t))) return 'state';
  return null;
}

/** A paragraph with the width it is laid out in. */
interface Placed {
  p: FormatParagraph;
  width: number;
  section: number;
}

class Collector {
  readonly out: Departure[] = [];
  add(rule: RuleId, where: Where, measured: string, expected: string): void {
    this.out.push({ rule, where, measured, expected });
  }
  /** Size, weight, slant, underline and capitals of an element against its spec. */
  text(rule: RuleId, spec: TextSpec, p: FormatParagraph, where: Where, runs: FormatRun[] = inkRuns(p)): void {
    if (runs.length === 0) return;
    const at = { ...where, paragraph: p.index, excerpt: excerpt(runs.map((r) => r.text).join('')) };
    if (spec.size) {
      const bad = [...new Set(runs.map((r) => r.size))].filter((s) => s < spec.size!.min - 0.01 || s > spec.size!.max + 0.01);
      if (bad.length > 0) this.add(rule, at, bad.map(pt).join(', '), span(spec.size, 'pt'));
    }
    const flag = (key: 'bold' | 'italic' | 'underline', want: boolean | undefined, yes: string, no: string) => {
      if (want === undefined) return;
      if (runs.some((r) => r[key] !== want)) this.add(rule, at, want ? no : yes, want ? yes : no);
    };
    flag('bold', spec.bold, '@bold', '@notBold');
    flag('italic', spec.italic, '@italic', '@notItalic');
    flag('underline', spec.underline, '@underlined', '@notUnderlined');
    if (spec.caps !== undefined) {
      const shown = runs.every((r) => r.caps || isCaps(r.text) || !/\p{L}/u.test(r.text));
      if (shown !== spec.caps) this.add(rule, at, spec.caps ? '@notCaps' : '@caps', spec.caps ? '@caps' : '@notCaps');
    }
  }
}

/** The width of the text area of a section. */
const textArea = (s: FormatSection) => s.page.width - s.margins.left - s.margins.right;

/** Top-level blocks of every section, with their section. */
function topLevel(doc: FormatDoc): { b: FormatBlock; section: number }[] {
  return doc.sections.flatMap((s, i) => s.blocks.map((b) => ({ b, section: i + 1 })));
}

/** Paragraphs of a block with the width each is laid out in. */
function placed(b: FormatBlock, width: number, section: number): Placed[] {
  if (b.kind === 'p') return [{ p: b, width, section }];
  return b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.flatMap((x) => placed(x, c.width, section))));
}

/**
 * Checks a document against the format of `style` (given, else the one its header shows, else state).
 * `pages`: how many pages it prints on, when known (LibreOffice); the XML alone often does not say.
 */
export function checkFormat(doc: FormatDoc, opts: { style?: HeaderStyle; pages?: number } = {}): FormatReport {
  const detected = detectStyle(doc);
  const style = opts.style ?? detected ?? 'state';
  const spec = SPECS[style];
  const c = new Collector();
  checkPages(doc, spec, c);
  checkFonts(doc, spec, c);
  const kind = checkStructure(doc, spec, c);
  checkTables(doc, spec, c);
  checkPageNumbers(doc, kind, c, opts.pages ?? 0);
  checkBreaks(doc, c);
  return { style, styleSource: opts.style ? 'given' : detected ? 'detected' : 'default', kind, departures: c.out };
}

function checkPages(doc: FormatDoc, spec: FormatSpec, c: Collector): void {
  doc.sections.forEach((s, i) => {
    const where = { section: i + 1 };
    const short = Math.min(s.page.width, s.page.height) / MM;
    const long = Math.max(s.page.width, s.page.height) / MM;
    if (Math.abs(short - spec.paper.width) > spec.paper.tolerance || Math.abs(long - spec.paper.height) > spec.paper.tolerance) {
      c.add('paper.size', where, `${Math.round(short)} × ${Math.round(long)} mm`, `${spec.paper.width} × ${spec.paper.height} mm (A4)`);
    }
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const v = s.margins[side] / MM;
      const r = spec.margins[side];
      if (v < r.min - 0.2 || v > r.max + 0.2) c.add(`margin.${side}`, where, mm(s.margins[side]), span(r, 'mm'));
    }
  });
}

function checkFonts(doc: FormatDoc, spec: FormatSpec, c: Collector): void {
  const seen = new Map<string, { p: FormatParagraph; section: number; count: number }>();
  topLevel(doc).forEach(({ b, section }) => {
    for (const p of paragraphsOf([b])) {
      for (const r of inkRuns(p)) {
        const f = r.font ?? '(none)';
        if (f.toLowerCase() === spec.font.toLowerCase()) continue;
        const had = seen.get(f);
        if (had) had.count++;
        else seen.set(f, { p, section, count: 1 });
      }
    }
  });
  for (const [font, at] of seen) {
    c.add('font.family', { section: at.section, paragraph: at.p.index, excerpt: excerpt(at.p.text) }, at.count > 1 ? `${font} (×${at.count})` : font, spec.font);
  }
}

/** The header, title, body, basis lines, "Nơi nhận" and signature of the first section. */
function checkStructure(doc: FormatDoc, spec: FormatSpec, c: Collector): DocumentKind {
  const blocks = topLevel(doc);
  const width = doc.sections[0] ? textArea(doc.sections[0]) : 0;
  const hasHeaderTitle = paragraphsOf(doc.sections[0]?.blocks ?? []).slice(0, 40).some((p) => HEADER_PATTERNS.some((re) => re.test(flat(p))));
  // The kind: the first centred line in capitals after the header (QUYẾT ĐỊNH, BÁO CÁO, GIẤY KHEN…).
  let kindAt = -1;
  let headerSeen = !hasHeaderTitle;
  for (let i = 0; i < blocks.length && kindAt < 0; i++) {
    const b = blocks[i].b;
    const texts = paragraphsOf([b]).map(flat);
    if (texts.some((t) => HEADER_PATTERNS.some((re) => re.test(t)))) headerSeen = true;
    if (b.kind !== 'p' || !headerSeen) continue;
    const t = flat(b);
    if (t && b.align === 'center' && isCaps(t) && !HEADER_PATTERNS.some((re) => re.test(t)) && !parseDateLine(t) && !/^Số(?=[\s:])/u.test(t)) kindAt = i;
  }
  if (kindAt < 0) {
    checkBody(blocks.map((x) => x.b), spec, c, {});
    return 'plain';
  }
  const kindPara = blocks[kindAt].b as FormatParagraph;
  const kindText = flat(kindPara);
  const kind: DocumentKind = CERTIFICATE_KINDS.test(kindText) ? 'certificate' : 'document';
  const headerPlaced = blocks.slice(0, kindAt).flatMap(({ b, section }) => placed(b, width, section));
  const headerTables = blocks.slice(0, kindAt).map((x) => x.b).filter((b): b is FormatTable => b.kind === 'tbl');
  const dateFound = checkHeader(headerPlaced, headerTables, spec, c, kind, kindText);
  // Title and summary.
  let i = kindAt + 1;
  const summary: FormatParagraph[] = [];
  if (kind === 'document') {
    c.text('kind.format', spec.kind, kindPara, { element: 'kind' });
    while (i < blocks.length && summary.length < 4) {
      const b = blocks[i].b;
      if (b.kind !== 'p' || b.align !== 'center' || !flat(b) || isDashes(flat(b))) break;
      summary.push(b);
      i++;
    }
    for (const p of summary) c.text('summary.format', spec.summary, p, { element: 'summary' });
    if (summary.length > 0 && spec.summary.lowerFirst) {
      const first = flat(summary[0]).charAt(0);
      if (first !== first.toLocaleLowerCase('vi')) c.add('summary.lowerFirst', { paragraph: summary[0].index, excerpt: excerpt(flat(summary[0])) }, `“${excerpt(flat(summary[0])).slice(0, 12)}…”`, '“về …”');
    }
    // The rule under the summary (or under the kind when there is no summary).
    const under = summary[summary.length - 1] ?? kindPara;
    const next = blocks.slice(i, i + 2).map((x) => x.b).find((b): b is FormatParagraph => b.kind === 'p' && (b.lines.length > 0 || isDashes(flat(b))));
    const own = under.lines.length > 0 ? under : null;
    checkSummaryRule(spec, c, [kindPara, ...summary], next ?? own, width);
    if (next) i = blocks.indexOf(blocks.find((x) => x.b === next)!) + 1;
  } else {
    c.text('kind.format', { bold: true, caps: true }, kindPara, { element: 'kind' });
  }
  for (const p of [kindPara, ...summary]) loneYear(p, width, c);
  // The closing: the first borderless table after the title, or "Nơi nhận".
  let closeAt = blocks.length;
  for (let k = i; k < blocks.length; k++) {
    const b = blocks[k].b;
    if ((b.kind === 'tbl' && b.borderless) || (b.kind === 'p' && /^Nơi nhận/u.test(flat(b)))) {
      closeAt = k;
      break;
    }
  }
  const body = blocks.slice(i, closeAt).map((x) => x.b);
  if (kind === 'document') {
    checkBody(body, spec, c, {});
    checkBasis(body.filter((b): b is FormatParagraph => b.kind === 'p'), spec, c);
  }
  const closing = blocks.slice(closeAt).map((x) => x.b);
  checkClosing(closing, spec, c, kind, dateFound);
  // After the signature: attached lists (their titles keep the year with its line).
  for (const b of closing.slice(1)) if (b.kind === 'p' && b.align === 'center' && inkRuns(b).every((r) => r.bold)) loneYear(b, width, c);
  return kind;
}

const isDashes = (t: string) => /^[-–—_]{3,}$/.test(t.replace(/\s/g, ''));

/** The header block: left (parent body, name, rule or "*", number), right (titles, date line). */
function checkHeader(paras: Placed[], tables: FormatTable[], spec: FormatSpec, c: Collector, kind: DocumentKind, kindText: string): boolean {
  const h = spec.header;
  const found = new Set<string>();
  let dateFound = false;
  for (const t of h.titles) {
    const at = paras.find((x) => t.pattern.test(flat(x.p)));
    if (!at) {
      c.add('header.missing', { element: `header.${t.label}` }, '@missing', t.text);
      continue;
    }
    found.add(t.label);
    c.text('header.title', t.spec, at.p, { element: `header.${t.label}` }, runsMatching(at.p, t.pattern));
    if (t.ruled) {
      const underlined = runsMatching(at.p, t.pattern).every((r) => r.underline);
      const k = paras.indexOf(at);
      const line = at.p.lines.length > 0 || paras.slice(k + 1, k + 3).some((x) => x.p.lines.length > 0 && !flat(x.p));
      if (!underlined && !line) c.add('header.titleRule', { element: `header.${t.label}`, paragraph: at.p.index }, '@missing', '@ruleAsLong');
    }
  }
  // The left column: the first cell of a header table, else the text before a tab.
  const leftCell = tables[0]?.rows[0]?.cells[0];
  const left: Placed[] = leftCell
    ? paragraphsOf(leftCell.blocks).map((p) => ({ p, width: leftCell.width, section: 1 }))
    : paras.filter((x) => !HEADER_PATTERNS.some((re) => re.test(flat(x.p).split('\t')[0])));
  const leftText = (x: Placed) => flat(x.p).split(/\t/)[0].trim();
  const numberAt = paras.find((x) => /^Số(?=[\s:])/u.test(leftText(x)) || /^Số(?=[\s:])/u.test(flat(x.p)));
  const names = left.filter((x) => leftText(x) && isCaps(leftText(x)) && !/^\*+$/.test(leftText(x)) && !HEADER_PATTERNS.some((re) => re.test(leftText(x))) && x !== numberAt);
  const own = (x: Placed) => runsMatching(x.p, new RegExp(leftText(x).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u'));
  const boldNames = names.filter((x) => own(x).every((r) => r.bold));
  const nameLines = boldNames.length > 0 ? boldNames : names.slice(-1);
  const parentLines = names.filter((x) => !nameLines.includes(x));
  if (nameLines.length === 0) c.add('header.missing', { element: 'header.name' }, '@missing', '@orgName');
  for (const x of parentLines) c.text('header.parentBody', h.parentBody, x.p, { element: 'header.parentBody' }, own(x));
  for (const x of nameLines) c.text('header.name', h.name, x.p, { element: 'header.name' }, own(x));
  const lastName = nameLines[nameLines.length - 1];
  if (lastName) {
    const k = left.indexOf(lastName);
    const after = left.slice(k + 1, k + 3);
    if (h.nameRule === 'asterisk') {
      if (!after.some((x) => /^\*+$/.test(leftText(x)))) c.add('header.nameRule', { element: 'header.name', paragraph: lastName.p.index }, '@missing', '*');
    } else {
      const ruled = [lastName, ...after].find((x) => x.p.lines.length > 0 && (x === lastName || !leftText(x)));
      const nameWidth = Math.max(...nameLines.map((x) => lineWidth(x.p, x.width)));
      if (!ruled) c.add('header.nameRule', { element: 'header.name', paragraph: lastName.p.index }, '@missing', '@ruleShare');
      else checkRuleShare(c, 'header.nameRule', ruled, nameWidth, h.nameRule.share, 'header.name');
    }
  }
  if (numberAt) {
    c.text('header.number', h.number, numberAt.p, { element: 'header.number' }, runsMatching(numberAt.p, /Số(?=[\s:]).*/u));
    const text = /^Số(?=[\s:])/u.test(leftText(numberAt)) ? leftText(numberAt) : flat(numberAt.p);
    const problem = numberLineProblem(spec.style, text);
    if (problem) c.add('header.numberForm', { element: 'header.number', paragraph: numberAt.p.index }, `“${excerpt(text)}”`, `“${problem.expected}”`);
  } else if (kind === 'document' && !UNNUMBERED_KINDS.test(kindText)) {
    c.add('header.missing', { element: 'header.number' }, '@missing', spec.style === 'party' ? 'Số 05-QĐ/TCT' : 'Số: 05/QĐ-TCT');
  }
  const date = paras.find((x) => flat(x.p).split('\t').some((s) => parseDateLine(s.trim())));
  if (date) {
    dateFound = true;
    checkDateLine(date.p, spec, c);
  } else if (kind === 'document') {
    c.add('header.missing', { element: 'header.dateLine' }, '@missing', 'Địa danh, ngày … tháng … năm …');
  }
  return dateFound;
}

/** The runs holding the text a pattern matches in a paragraph (a header line shares its paragraph with a tab and another line). */
function runsMatching(p: FormatParagraph, re: RegExp): FormatRun[] {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(p.text);
  if (!m) return inkRuns(p);
  const start = m.index;
  const end = start + m[0].length;
  let pos = 0;
  const out: FormatRun[] = [];
  for (const r of p.runs) {
    const a = pos;
    pos += r.text.length;
    if (pos > start && a < end && r.text.trim()) out.push(r);
  }
  return out.length > 0 ? out : inkRuns(p);
}

function checkDateLine(p: FormatParagraph, spec: FormatSpec, c: Collector): void {
  const seg = flat(p).split('\t').map((s) => s.trim()).find((s) => parseDateLine(s))!;
  const d = parseDateLine(seg)!;
  c.text('header.dateLine', spec.header.dateLine, p, { element: 'header.dateLine' }, runsMatching(p, /[^\t]*ngày[^\t]*/u));
  const padded = paddedDate(d);
  const where = { element: 'header.dateLine', paragraph: p.index, excerpt: excerpt(seg) };
  if (!/^\d{4}$/.test(d.year) && padded) c.add('header.dateForm', where, `“năm ${d.year}”`, '“năm 2025”');
  if (padded && (padded.day !== d.day || padded.month !== d.month)) {
    c.add('header.datePadding', where, `“ngày ${d.day} tháng ${d.month}”`, `“ngày ${padded.day} tháng ${padded.month}”`);
  }
}

/** The width a line of text takes in its paragraph: its estimated width, at most the room it has. */
function lineWidth(p: FormatParagraph, width: number): number {
  const room = width - p.indent.left - p.indent.right;
  const bold = inkRuns(p).every((r) => r.bold);
  const size = inkRuns(p)[0]?.size ?? 14;
  return Math.min(room, textTwips(flat(p), size, bold));
}

/** A drawn rule's length as a share of the line it stands under. */
function checkRuleShare(c: Collector, rule: RuleId, ruled: Placed, lineW: number, share: Range, element: string): void {
  const l = ruled.p.lines[0];
  const width = l.width ?? ruled.width - ruled.p.indent.left - ruled.p.indent.right;
  if (lineW <= 0) return;
  const s = width / lineW;
  if (s < share.min || s > share.max) {
    c.add(rule, { element, paragraph: ruled.p.index }, `${mm(width)} (${Math.round(s * 100)}%)`, `@ruleOf:${mm(lineW)}`);
  }
}

function checkSummaryRule(spec: FormatSpec, c: Collector, title: FormatParagraph[], ruled: FormatParagraph | null, width: number): void {
  const where = { element: 'summary', paragraph: title[title.length - 1].index };
  if (spec.summaryRule === 'dashes') {
    if (!ruled) c.add('summary.rule', where, '@missing', '-----');
    return;
  }
  if (!ruled || isDashes(flat(ruled))) {
    c.add('summary.rule', where, ruled ? `“${flat(ruled)}”` : '@missing', '@ruleShare');
    return;
  }
  const longest = Math.max(...title.slice(1).map((p) => wrapWidth(p, width)), ...(title.length === 1 ? [wrapWidth(title[0], width)] : []));
  checkRuleShare(c, 'summary.rule', { p: ruled, width, section: 1 }, longest, spec.summaryRule.share, 'summary');
}

/** The width of the longest line a paragraph wraps into. */
function wrapWidth(p: FormatParagraph, width: number): number {
  const runs = inkRuns(p);
  const bold = runs.every((r) => r.bold);
  const size = runs[0]?.size ?? 14;
  const room = width - p.indent.left - p.indent.right;
  return Math.max(0, ...p.text.split('\n').flatMap((t) => wrapLines(t, size, bold, room)).map((l) => textTwips(l, size, bold)));
}

/** A title that would leave the year alone on its last line. */
function loneYear(p: FormatParagraph, width: number, c: Collector): void {
  const runs = inkRuns(p);
  if (runs.length === 0) return;
  const bold = runs.every((r) => r.bold);
  const size = Math.max(...runs.map((r) => r.size));
  const room = width - p.indent.left - p.indent.right;
  for (const text of p.text.split('\n')) {
    const lines = wrapLines(text, size, bold, room);
    if (lines.length > 1 && LONE_YEAR.test(lines[lines.length - 1])) {
      c.add('title.loneYear', { paragraph: p.index, excerpt: excerpt(text) }, `“${lines[lines.length - 1]}”`, '@yearWithLine');
    }
  }
}

/** Body paragraphs: size, first-line indent, line spacing, and the space between them. */
function checkBody(blocks: FormatBlock[], spec: FormatSpec, c: Collector, where: Where): void {
  const b = spec.body;
  let prev: FormatParagraph | null = null;
  for (const p of blocks) {
    if (p.kind === 'tbl') {
      prev = null;
      continue;
    }
    const text = flat(p);
    if (!text) {
      prev = null;
      continue;
    }
    if (prev) {
      const gap = Math.max(prev.spacing.after, p.spacing.before) / 20;
      if (gap < b.spacing - 0.01) c.add('body.spacing', { ...where, paragraph: p.index, excerpt: excerpt(text) }, pt(gap), `≥ ${b.spacing} pt`);
    }
    prev = p;
    if (p.align === 'center' || p.align === 'right') continue;
    c.text('body.size', { size: b.size }, p, where);
    if (p.align === 'justify') {
      const first = p.indent.firstLine / MM;
      if (first < b.firstLine.min - 0.3 || first > b.firstLine.max + 0.3) {
        c.add('body.indent', { ...where, paragraph: p.index, excerpt: excerpt(text) }, cm(p.indent.firstLine), `${b.firstLine.min / 10}–${b.firstLine.max / 10} cm`);
      }
    }
    const size = inkRuns(p)[0]?.size ?? 14;
    const lines = p.spacing.rule === 'auto' ? p.spacing.line / 240 : p.spacing.line / 20 / (size * 1.15);
    if (lines < b.line.min - 0.05 || lines > b.line.max + 0.05) {
      c.add('body.lineSpacing', { ...where, paragraph: p.index, excerpt: excerpt(text) }, `${Math.round(lines * 100) / 100}`, `${b.line.min}–${b.line.max}`);
    }
  }
}

/** Basis lines ("Căn cứ …") before "QUYẾT ĐỊNH:": each ends with ";", the last with "." (Decree 30); italic in the state style. */
function checkBasis(paras: FormatParagraph[], spec: FormatSpec, c: Collector): void {
  for (const block of basisBlocks(paras.map(flat))) {
    block.forEach((i, k) => {
      const p = paras[i];
      const text = flat(p);
      const want = basisEnding(k === block.length - 1);
      c.text('basis.format', spec.basis, p, { element: 'basis' });
      if (text.slice(-1) !== want) c.add('basis.ending', { element: 'basis', paragraph: p.index, excerpt: excerpt(text) }, `“…${text.slice(-12)}”`, `“…${want}”`);
    });
  }
}

/** "Nơi nhận" and its lines, and the signature (title in capitals, the name). */
function checkClosing(closing: FormatBlock[], spec: FormatSpec, c: Collector, kind: DocumentKind, dateFound: boolean): void {
  const first = closing[0];
  if (!first) return;
  const cells = first.kind === 'tbl' ? first.rows.flatMap((r) => r.cells.map((cell) => paragraphsOf(cell.blocks))) : [closing.flatMap((b) => paragraphsOf([b]))];
  for (const paras of cells) {
    const label = paras.findIndex((p) => /^Nơi nhận\s*:?$/u.test(flat(p)) || /^Nơi nhận\s*:/u.test(flat(p)));
    if (label >= 0) {
      checkRecipients(paras, label, spec, c);
      continue;
    }
    if (first.kind !== 'tbl') continue;
    const ink = paras.filter((p) => flat(p));
    if (ink.length === 0) continue;
    const dates = ink.filter((p) => parseDateLine(flat(p)));
    if (kind === 'certificate' && !dateFound && dates.length > 0) checkDateLine(dates[0], spec, c);
    const rest = ink.filter((p) => !dates.includes(p));
    if (rest.length < 2) continue;
    const name = rest[rest.length - 1];
    const titles = rest.slice(0, -1);
    for (const p of titles) c.text('signature.title', spec.signature.title, p, { element: 'signature.title' });
    c.text('signature.name', spec.signature.name, name, { element: 'signature.name' });
  }
}

function checkRecipients(paras: FormatParagraph[], label: number, spec: FormatSpec, c: Collector): void {
  const r = spec.recipients;
  c.text('recipients.label', r.label, paras[label], { element: 'recipients' }, runsMatching(paras[label], /Nơi nhận\s*:?/u));
  const lines = paras.slice(label + 1).filter((p) => flat(p));
  lines.forEach((p, k) => {
    const text = flat(p);
    const last = k === lines.length - 1;
    const where = { element: 'recipients', paragraph: p.index, excerpt: excerpt(text) };
    c.text('recipients.lines', r.lines, p, { element: 'recipients' });
    const want = recipientEnding(spec.style, last);
    if (!text.startsWith('-') || !text.endsWith(want)) {
      c.add('recipients.ending', where, `“${excerpt(text)}”`, `“- …${want}”`);
    }
    if (last && !/^-\s*Lưu\b/u.test(text)) c.add('recipients.last', where, `“${excerpt(text)}”`, spec.style === 'party' ? '“- Lưu …”' : '“- Lưu: VT, …”');
  });
}

/** Text sizes in tables, and column headings whose words do not fit their column (they would break inside a word). */
function checkTables(doc: FormatDoc, spec: FormatSpec, c: Collector): void {
  for (const [si, s] of doc.sections.entries()) {
    for (const t of tablesOf(s.blocks)) {
      if (t.borderless) continue;
      t.rows.forEach((row, ri) => {
        row.cells.forEach((cell, ci) => {
          for (const p of paragraphsOf(cell.blocks)) {
            c.text('table.size', { size: spec.table.size }, p, { section: si + 1, table: t.index, row: ri + 1, column: ci + 1 });
            if (!(row.header || ri === 0)) continue;
            const runs = inkRuns(p);
            if (runs.length === 0) continue;
            const bold = runs.every((r) => r.bold);
            const size = Math.max(...runs.map((r) => r.size));
            const word = flat(p).split(/\s+/).reduce((a, w) => (textTwips(w, size, bold) > textTwips(a, size, bold) ? w : a), '');
            const need = widestWord(flat(p), size, bold) + CELL_PADDING;
            if (need > cell.width * 1.02) {
              c.add('table.headingWord', { section: si + 1, table: t.index, row: ri + 1, column: ci + 1, excerpt: word }, `${mm(cell.width)} < ${mm(need)}`, `≥ ${mm(need)}`);
            }
          }
        });
      });
    }
  }
}

/** Page numbers: in the top margin, centred, from page 2 (none on the first page). */
function checkPageNumbers(doc: FormatDoc, kind: DocumentKind, c: Collector, printed: number): void {
  const s = doc.sections[0];
  if (!s) return;
  const numbered = doc.sections.some((x) => x.header.default?.pageField || x.footer.default?.pageField || x.header.first?.pageField || x.footer.first?.pageField);
  if (!numbered) {
    const pages = Math.max(doc.pagesHint ?? 1, forcedPages(doc), printed);
    // A print file of certificates is one bordered page each: no numbers.
    if (pages > 1 && !(kind === 'certificate' && doc.sections.every((x) => x.border))) {
      c.add('page.numberMissing', { section: 1 }, `@pagesNone:${pages}`, '@fromPage2');
    }
    return;
  }
  const footerOnly = doc.sections.some((x) => x.footer.default?.pageField) && !doc.sections.some((x) => x.header.default?.pageField);
  if (footerOnly) c.add('page.numberPlace', { section: 1 }, '@bottom', '@topCentre');
  const shown = s.header.default?.pageField ? s.header.default : s.footer.default;
  if (shown?.pageField && shown.pageAlign !== 'center') c.add('page.numberPlace', { section: 1 }, `@${shown.pageAlign ?? 'left'}`, '@topCentre');
  const firstShows = s.titlePage ? !!(s.header.first?.pageField || s.footer.first?.pageField) : !!(s.header.default?.pageField || s.footer.default?.pageField);
  if (firstShows) c.add('page.numberFirst', { section: 1, page: 1 }, '@page1Numbered', '@fromPage2');
}

/** Pages the file itself forces: one, plus each explicit page break and new-page section. */
function forcedPages(doc: FormatDoc): number {
  let n = 1;
  doc.sections.forEach((s, i) => {
    if (i > 0 && s.newPage) n++;
    for (const p of paragraphsOf(s.blocks)) n += p.pageBreaks.before + p.pageBreaks.after + (p.pageBreakBefore ? 1 : 0);
  });
  return n;
}

/**
 * Pages that would print blank, as far as the XML tells: a page break in a paragraph of its own
 * (when the page before is full it spills onto a page of its own), two breaks with nothing between,
 * a document ending in a break, empty paragraphs pushed down to a break.
 */
function checkBreaks(doc: FormatDoc, c: Collector): void {
  let content = false;
  let empties: FormatParagraph[] = [];
  let started = false;
  const brk = (p: FormatParagraph | null, section: number) => {
    if (started && !content) c.add('page.blank', { section, paragraph: p?.index }, '@blankPage', '@noBlankPage');
    if (empties.length >= 3 && p) c.add('page.emptyBeforeBreak', { section, paragraph: empties[0].index }, `@emptyParagraphs:${empties.length}`, '@breakNotEmptyLines');
    content = false;
    empties = [];
  };
  doc.sections.forEach((s, si) => {
    if (si > 0 && s.newPage) brk(null, si + 1);
    for (const b of s.blocks) {
      if (b.kind === 'tbl') {
        content = true;
        started = true;
        empties = [];
        continue;
      }
      const text = flat(b);
      const ink = text !== '' || b.lines.some((l) => l.width !== null);
      // A paragraph that starts a page already at the top of one (after a break) adds no page.
      if (b.pageBreakBefore && started && content) brk(b, si + 1);
      if (b.pageBreaks.before > 0) {
        if (!ink && b.pageBreaks.after === 0) c.add('page.breakAlone', { section: si + 1, paragraph: b.index }, '@breakAlone', '@breakBefore');
        brk(b, si + 1);
      }
      if (ink) {
        content = true;
        started = true;
        empties = [];
      } else if (!b.endsSection) empties.push(b);
      if (b.pageBreaks.after > 0) brk(b, si + 1);
    }
  });
  if (started && !content && forcedPages(doc) > 1) c.add('page.blank', { section: doc.sections.length }, '@lastPageEmpty', '@noBlankPage');
}
