/**
 * Reads any Word package (this program's, or one an office typed in Word or LibreOffice) into the
 * checker's model (domain/format/model.ts): sections, paragraphs and tables in order, each property
 * the one in effect (direct formatting, then the character and paragraph styles and what they are
 * based on, a table's style, then the document defaults; theme fonts resolved), as Word applies them.
 */
import { unzipSync } from 'fflate';
import { ValidationError } from '../../domain/errors.js';
import type {
  Alignment, DrawnLine, FormatBlock, FormatCell, FormatDoc, FormatParagraph, FormatRow, FormatRun, FormatSection, FormatTable, HeaderPart,
} from '../../domain/format/model.js';
import { descendants, kid, kids, parseXml, textOf, XmlError, type XmlElement } from './xml.js';

/** No part of a real document comes near this once unpacked; a bigger one is refused (a zip bomb). */
const MAX_PART = 64 * 1024 * 1024;

interface RProps {
  font?: { name?: string; theme?: string };
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  caps?: boolean;
  vanish?: boolean;
}

interface PProps {
  align?: Alignment;
  left?: number;
  right?: number;
  firstLine?: number;
  firstLineChars?: number;
  before?: number;
  after?: number;
  line?: number;
  rule?: 'auto' | 'exact' | 'atLeast';
  borderBottom?: boolean;
  pageBreakBefore?: boolean;
}

interface Style {
  type: string;
  basedOn?: string;
  pPr: PProps;
  rPr: RProps;
  borders: boolean;
}

const on = (el: XmlElement | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
};

const num = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

function readRPr(el: XmlElement | undefined): RProps {
  const out: RProps = {};
  if (!el) return out;
  const f = kid(el, 'w:rFonts');
  if (f) {
    const theme = f.attrs['w:hAnsiTheme'] ?? f.attrs['w:asciiTheme'];
    const name = f.attrs['w:hAnsi'] ?? f.attrs['w:ascii'];
    if (theme || name) out.font = { name, theme };
  }
  const sz = num(kid(el, 'w:sz')?.attrs['w:val']);
  if (sz !== undefined) out.size = sz / 2;
  const b = on(kid(el, 'w:b'));
  if (b !== undefined) out.bold = b;
  const i = on(kid(el, 'w:i'));
  if (i !== undefined) out.italic = i;
  const u = kid(el, 'w:u');
  if (u) out.underline = (u.attrs['w:val'] ?? 'single') !== 'none';
  const caps = on(kid(el, 'w:caps'));
  if (caps !== undefined) out.caps = caps;
  const vanish = on(kid(el, 'w:vanish'));
  if (vanish !== undefined) out.vanish = vanish;
  return out;
}

const ALIGN: Record<string, Alignment> = {
  left: 'left', start: 'left', right: 'right', end: 'right', center: 'center', both: 'justify', distribute: 'justify', justify: 'justify',
};

function readPPr(el: XmlElement | undefined): PProps {
  const out: PProps = {};
  if (!el) return out;
  const jc = kid(el, 'w:jc')?.attrs['w:val'];
  if (jc && ALIGN[jc]) out.align = ALIGN[jc];
  const ind = kid(el, 'w:ind');
  if (ind) {
    const left = num(ind.attrs['w:left'] ?? ind.attrs['w:start']);
    if (left !== undefined) out.left = left;
    const right = num(ind.attrs['w:right'] ?? ind.attrs['w:end']);
    if (right !== undefined) out.right = right;
    const first = num(ind.attrs['w:firstLine']);
    const hanging = num(ind.attrs['w:hanging']);
    if (first !== undefined) out.firstLine = first;
    if (hanging !== undefined) out.firstLine = -hanging;
    const chars = num(ind.attrs['w:firstLineChars']);
    if (chars !== undefined) out.firstLineChars = chars;
  }
  const sp = kid(el, 'w:spacing');
  if (sp) {
    const auto = (k: string) => sp.attrs[`w:${k}Autospacing`] === '1' || sp.attrs[`w:${k}Autospacing`] === 'true';
    const before = auto('before') ? 280 : num(sp.attrs['w:before']);
    if (before !== undefined) out.before = before;
    const after = auto('after') ? 280 : num(sp.attrs['w:after']);
    if (after !== undefined) out.after = after;
    const line = num(sp.attrs['w:line']);
    if (line !== undefined) out.line = line;
    const rule = sp.attrs['w:lineRule'];
    if (rule === 'exact' || rule === 'atLeast' || rule === 'auto') out.rule = rule;
  }
  const bottom = kid(kid(el, 'w:pBdr'), 'w:bottom');
  if (bottom) out.borderBottom = visible(bottom);
  const pbb = on(kid(el, 'w:pageBreakBefore'));
  if (pbb !== undefined) out.pageBreakBefore = pbb;
  return out;
}

/** A border that prints. */
function visible(b: XmlElement): boolean {
  const v = b.attrs['w:val'];
  return v !== undefined && v !== 'nil' && v !== 'none' && (num(b.attrs['w:sz']) ?? 1) > 0;
}

function hasVisibleBorder(el: XmlElement | undefined): boolean {
  return kids(el).some(visible);
}

const merge = <T extends object>(...layers: T[]): T => Object.assign({}, ...layers) as T;

interface Context {
  parts: Record<string, Uint8Array>;
  styles: Map<string, Style>;
  defaults: { r: RProps; p: PProps };
  defaultParagraphStyle?: string;
  defaultTableStyle?: string;
  theme: { minor?: string; major?: string };
  rels: Map<string, string>;
  counter: { p: number; t: number };
}

const decoder = new TextDecoder();

function part(ctx: { parts: Record<string, Uint8Array> }, name: string): XmlElement | undefined {
  const bytes = ctx.parts[name];
  if (!bytes) return undefined;
  return parseXml(decoder.decode(bytes));
}

function readStyles(root: XmlElement | undefined): Pick<Context, 'styles' | 'defaults' | 'defaultParagraphStyle' | 'defaultTableStyle'> {
  const styles = new Map<string, Style>();
  let defaultParagraphStyle: string | undefined;
  let defaultTableStyle: string | undefined;
  const dd = kid(root, 'w:docDefaults');
  const defaults = { r: readRPr(kid(kid(dd, 'w:rPrDefault'), 'w:rPr')), p: readPPr(kid(kid(dd, 'w:pPrDefault'), 'w:pPr')) };
  for (const s of kids(root, 'w:style')) {
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const type = s.attrs['w:type'] ?? 'paragraph';
    const isDefault = s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true';
    if (isDefault && type === 'paragraph') defaultParagraphStyle = id;
    if (isDefault && type === 'table') defaultTableStyle = id;
    styles.set(id, {
      type,
      basedOn: kid(s, 'w:basedOn')?.attrs['w:val'],
      pPr: readPPr(kid(s, 'w:pPr')),
      rPr: readRPr(kid(s, 'w:rPr')),
      borders: hasVisibleBorder(kid(kid(s, 'w:tblPr'), 'w:tblBorders')),
    });
  }
  return { styles, defaults, defaultParagraphStyle, defaultTableStyle };
}

/** A style with everything it is based on, the base first. */
function chain(ctx: Context, id: string | undefined): Style[] {
  const out: Style[] = [];
  const seen = new Set<string>();
  let cur = id;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    const s = ctx.styles.get(cur);
    if (!s) break;
    out.unshift(s);
    cur = s.basedOn;
  }
  return out;
}

function fontName(ctx: Context, f: RProps['font']): string | null {
  if (!f) return null;
  if (f.theme) return (f.theme.startsWith('major') ? ctx.theme.major : ctx.theme.minor) ?? f.name ?? null;
  return f.name ?? null;
}

interface ParaEnv {
  /** The table style of the table the paragraph is in. */
  tableStyle?: string;
}

function readParagraph(ctx: Context, p: XmlElement, env: ParaEnv): FormatParagraph {
  ctx.counter.p++;
  const pPrEl = kid(p, 'w:pPr');
  const styleId = kid(pPrEl, 'w:pStyle')?.attrs['w:val'] ?? ctx.defaultParagraphStyle;
  const pStyles = chain(ctx, styleId);
  const tStyles = chain(ctx, env.tableStyle);
  const pp = merge(ctx.defaults.p, ...tStyles.map((s) => s.pPr), ...pStyles.map((s) => s.pPr), readPPr(pPrEl));
  const baseR = merge(ctx.defaults.r, ...tStyles.map((s) => s.rPr), ...pStyles.map((s) => s.rPr));
  const runs: FormatRun[] = [];
  const lines: DrawnLine[] = [];
  const breaks: { textBefore: boolean; index: number }[] = [];
  let text = '';
  const effective = (rPrEl: XmlElement | undefined, rStyle: string | undefined): RProps =>
    merge(baseR, ...chain(ctx, rStyle).map((s) => s.rPr), readRPr(rPrEl));
  const addRun = (r: XmlElement) => {
    const rPrEl = kid(r, 'w:rPr');
    const props = effective(rPrEl, kid(rPrEl, 'w:rStyle')?.attrs['w:val']);
    if (props.vanish) return;
    let t = '';
    const walk = (el: XmlElement) => {
      for (const c of kids(el)) {
        switch (c.name) {
          case 'w:t':
            t += textOf(c);
            break;
          case 'w:tab':
            t += '\t';
            break;
          case 'w:cr':
            t += '\n';
            break;
          case 'w:noBreakHyphen':
            t += '-';
            break;
          case 'w:br':
            if (c.attrs['w:type'] === 'page') breaks.push({ textBefore: (text + t).trim() !== '', index: (text + t).length });
            else if (c.attrs['w:type'] !== 'column') t += '\n';
            break;
          case 'w:drawing':
          case 'w:pict':
          case 'w:object':
            lines.push(...drawnLines(c));
            break;
          case 'mc:AlternateContent':
            for (const choice of kids(c, 'mc:Choice').slice(0, 1)) walk(choice);
            break;
        }
      }
    };
    walk(r);
    if (t === '') return;
    text += t;
    runs.push({
      text: t,
      font: fontName(ctx, props.font),
      size: props.size ?? 10,
      bold: !!props.bold,
      italic: !!props.italic,
      underline: !!props.underline,
      caps: !!props.caps,
    });
  };
  const walkContent = (el: XmlElement) => {
    for (const c of kids(el)) {
      if (c.name === 'w:r') addRun(c);
      else if (['w:hyperlink', 'w:ins', 'w:smartTag', 'w:fldSimple', 'w:customXml', 'w:moveTo', 'w:dir', 'w:bdo'].includes(c.name)) walkContent(c);
      else if (c.name === 'w:sdt') walkContent(kid(c, 'w:sdtContent') ?? c);
      else if (c.name === 'mc:AlternateContent') for (const choice of kids(c, 'mc:Choice').slice(0, 1)) walkContent(choice);
    }
  };
  walkContent(p);
  const mark = merge(baseR, readRPr(kid(pPrEl, 'w:rPr')));
  const size = runs[0]?.size ?? mark.size ?? 10;
  const firstLine = pp.firstLineChars !== undefined ? Math.round((pp.firstLineChars / 100) * size * 20) : (pp.firstLine ?? 0);
  const trimmedEnd = text.replace(/\s+$/, '').length;
  return {
    kind: 'p',
    index: ctx.counter.p,
    runs,
    text,
    align: pp.align ?? 'left',
    indent: { left: pp.left ?? 0, right: pp.right ?? 0, firstLine },
    spacing: { before: pp.before ?? 0, after: pp.after ?? 0, line: pp.line ?? 240, rule: pp.rule ?? 'auto' },
    borderBottom: !!pp.borderBottom,
    pageBreakBefore: !!pp.pageBreakBefore,
    pageBreaks: {
      before: breaks.filter((b) => !b.textBefore).length,
      after: breaks.filter((b) => b.textBefore && b.index >= trimmedEnd).length,
    },
    // A bottom border draws a rule as wide as the paragraph (the checker knows the width it stands in).
    lines: [...lines, ...(pp.borderBottom ? [{ width: null }] : [])],
    markSize: mark.size ?? 10,
    endsSection: !!kid(pPrEl, 'w:sectPr'),
  };
}

const EMU_PER_TWIP = 635;

/** Straight lines drawn as shapes (DrawingML or VML): a rule typed in Word. */
function drawnLines(el: XmlElement): DrawnLine[] {
  const out: DrawnLine[] = [];
  for (const holder of [...descendants(el, 'wp:inline'), ...descendants(el, 'wp:anchor')]) {
    const ext = kid(holder, 'wp:extent');
    const geom = descendants(holder, 'a:prstGeom')[0]?.attrs.prst ?? '';
    const cx = num(ext?.attrs.cx) ?? 0;
    const cy = num(ext?.attrs.cy) ?? 0;
    if (/line|Connector/i.test(geom) || (cx > 0 && cy < 20_000)) out.push({ width: Math.round(cx / EMU_PER_TWIP) });
  }
  for (const l of descendants(el, 'v:line')) {
    const from = point(l.attrs.from);
    const to = point(l.attrs.to);
    out.push({ width: from && to ? Math.round(Math.abs(to[0] - from[0])) : null });
  }
  for (const s of descendants(el, 'v:shape')) {
    if (!/_x0000_t32|connector/i.test(`${s.attrs.type ?? ''}${s.attrs['o:connectortype'] ?? ''}`)) continue;
    const w = /width:\s*([\d.]+)(pt|in|cm|mm|px)?/.exec(s.attrs.style ?? '');
    out.push({ width: w ? Math.round(toTwips(Number(w[1]), w[2])) : null });
  }
  return out;
}

function toTwips(v: number, unit: string | undefined): number {
  switch (unit) {
    case 'in':
      return v * 1440;
    case 'cm':
      return (v * 1440) / 2.54;
    case 'mm':
      return (v * 1440) / 25.4;
    case 'px':
      return v * 15;
    default:
      return v * 20;
  }
}

function point(raw: string | undefined): [number, number] | null {
  if (!raw) return null;
  const parts = raw.split(',').map((s) => /^\s*(-?[\d.]+)(pt|in|cm|mm|px)?\s*$/.exec(s));
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return [toTwips(Number(parts[0][1]), parts[0][2]), toTwips(Number(parts[1][1]), parts[1][2])];
}

function readTable(ctx: Context, tbl: XmlElement, env: ParaEnv): FormatTable {
  ctx.counter.t++;
  const index = ctx.counter.t;
  const tblPr = kid(tbl, 'w:tblPr');
  const styleId = kid(tblPr, 'w:tblStyle')?.attrs['w:val'] ?? ctx.defaultTableStyle;
  const grid = kids(kid(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => num(g.attrs['w:w']) ?? 0);
  const tblW = kid(tblPr, 'w:tblW');
  const tableWidth = tblW?.attrs['w:type'] === 'dxa' ? (num(tblW.attrs['w:w']) ?? 0) : grid.reduce((a, b) => a + b, 0);
  let borders = hasVisibleBorder(kid(tblPr, 'w:tblBorders')) || chain(ctx, styleId).some((s) => s.borders);
  const inner: ParaEnv = { tableStyle: styleId ?? env.tableStyle };
  const rows: FormatRow[] = kids(tbl, 'w:tr').map((tr) => {
    const trPr = kid(tr, 'w:trPr');
    let col = num(kid(trPr, 'w:gridBefore')?.attrs['w:val']) ?? 0;
    const cells: FormatCell[] = [];
    for (const tc of cellsOf(tr)) {
      const tcPr = kid(tc, 'w:tcPr');
      const span = num(kid(tcPr, 'w:gridSpan')?.attrs['w:val']) ?? 1;
      const tcW = kid(tcPr, 'w:tcW');
      const fromGrid = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
      let width = fromGrid;
      if (tcW?.attrs['w:type'] === 'dxa' && num(tcW.attrs['w:w'])) width = num(tcW.attrs['w:w'])!;
      else if (tcW?.attrs['w:type'] === 'pct' && num(tcW.attrs['w:w'])) width = Math.round((num(tcW.attrs['w:w'])! / 5000) * tableWidth);
      col += span;
      if (hasVisibleBorder(kid(tcPr, 'w:tcBorders'))) borders = true;
      const vMerge = kid(tcPr, 'w:vMerge');
      const continued = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
      cells.push({ width, blocks: continued ? [] : readBlocks(ctx, tc, inner) });
    }
    return { header: !!on(kid(trPr, 'w:tblHeader')), cantSplit: !!on(kid(trPr, 'w:cantSplit')), cells };
  });
  return { kind: 'tbl', index, rows, borderless: !borders };
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return kids(tr).flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' || c.name === 'w:customXml' ? cellsOf(kid(c, 'w:sdtContent') ?? c) : []));
}

function readBlocks(ctx: Context, el: XmlElement, env: ParaEnv, sections?: { onEnd: (sectPr: XmlElement, blocks: FormatBlock[]) => FormatBlock[] }): FormatBlock[] {
  let blocks: FormatBlock[] = [];
  for (const c of kids(el)) {
    if (c.name === 'w:p') {
      blocks.push(readParagraph(ctx, c, env));
      const sectPr = kid(kid(c, 'w:pPr'), 'w:sectPr');
      if (sectPr && sections) blocks = sections.onEnd(sectPr, blocks);
    } else if (c.name === 'w:tbl') blocks.push(readTable(ctx, c, env));
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') {
      const inner = readBlocks(ctx, kid(c, 'w:sdtContent') ?? c, env, sections);
      blocks.push(...inner);
    }
  }
  return blocks;
}

function readHeaderPart(ctx: Context, name: string | undefined): HeaderPart | null {
  if (!name) return null;
  const root = part(ctx, name);
  if (!root) return null;
  const paras = descendants(root, 'w:p');
  let pageAlign: Alignment | null = null;
  let pageField = false;
  const texts: string[] = [];
  for (const p of paras) {
    const instr = [...descendants(p, 'w:fldSimple').map((f) => f.attrs['w:instr'] ?? ''), ...descendants(p, 'w:instrText').map(textOf)].join(' ');
    const para = readParagraph({ ...ctx, counter: { p: 0, t: 0 } }, p, {});
    texts.push(para.text);
    if (/(^|\s)PAGE(\s|\\|$)/.test(instr)) {
      pageField = true;
      // A number put in the middle with a tab (Word's Header style has a centre tab stop) is centred.
      pageAlign = para.align === 'left' && para.text.startsWith('\t') ? 'center' : para.align;
    }
  }
  return { text: texts.join('\n').trim(), pageField, pageAlign };
}

function sectionProps(ctx: Context, sectPr: XmlElement | undefined, prev: FormatSection | null): Omit<FormatSection, 'blocks'> {
  const pgSz = kid(sectPr, 'w:pgSz');
  const width = num(pgSz?.attrs['w:w']) ?? 12240;
  const height = num(pgSz?.attrs['w:h']) ?? 15840;
  const pgMar = kid(sectPr, 'w:pgMar');
  const m = (k: string, d: number) => Math.abs(num(pgMar?.attrs[`w:${k}`]) ?? d);
  // A section without a header of some kind keeps the one of the section before, as Word does.
  const partFor = (tag: string, type: string, inherited: HeaderPart | null | undefined): HeaderPart | null => {
    const ref = kids(sectPr, tag).find((r) => (r.attrs['w:type'] ?? 'default') === type);
    return ref ? readHeaderPart(ctx, ctx.rels.get(ref.attrs['r:id'] ?? '')) : (inherited ?? null);
  };
  const type = kid(sectPr, 'w:type')?.attrs['w:val'] ?? 'nextPage';
  return {
    page: { width, height, landscape: kid(sectPr, 'w:pgSz')?.attrs['w:orient'] === 'landscape' || width > height },
    margins: { top: m('top', 1440), bottom: m('bottom', 1440), left: m('left', 1800), right: m('right', 1800) },
    titlePage: !!on(kid(sectPr, 'w:titlePg')),
    header: { default: partFor('w:headerReference', 'default', prev?.header.default), first: partFor('w:headerReference', 'first', prev?.header.first) },
    footer: { default: partFor('w:footerReference', 'default', prev?.footer.default), first: partFor('w:footerReference', 'first', prev?.footer.first) },
    newPage: type !== 'continuous' && type !== 'nextColumn',
    border: kids(kid(sectPr, 'w:pgBorders')).some(visible),
  };
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `word/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The model of a .docx; a file that is not a Word document is refused (exit 3) with `file` named. */
export function readFormat(bytes: Uint8Array, file: string): FormatDoc {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) =>
        f.originalSize <= MAX_PART &&
        (/^word\/(document|styles|header\d*|footer\d*)\.xml$/.test(f.name) || /^word\/theme\/theme\d*\.xml$/.test(f.name) ||
          f.name === 'word/_rels/document.xml.rels' || f.name === 'docProps/app.xml'),
    });
  } catch {
    throw new ValidationError('format.unreadable', { file });
  }
  if (!parts['word/document.xml']) throw new ValidationError('format.unreadable', { file });
  try {
    return readParts(parts);
  } catch (e) {
    if (e instanceof XmlError) throw new ValidationError('format.unreadable', { file });
    throw e;
  }
}

function readParts(parts: Record<string, Uint8Array>): FormatDoc {
  const base = { parts };
  const themeRoot = part(base, Object.keys(parts).find((n) => n.startsWith('word/theme/')) ?? '');
  const fontOf = (tag: string) => (themeRoot ? descendants(themeRoot, tag)[0] : undefined);
  const latin = (el: XmlElement | undefined) => (el ? kid(el, 'a:latin')?.attrs.typeface : undefined);
  const rels = new Map<string, string>();
  const relRoot = part(base, 'word/_rels/document.xml.rels');
  for (const r of kids(relRoot, 'Relationship')) if (r.attrs.Id && r.attrs.Target) rels.set(r.attrs.Id, resolveTarget(r.attrs.Target));
  const ctx: Context = {
    parts,
    ...readStyles(part(base, 'word/styles.xml')),
    theme: { minor: latin(fontOf('a:minorFont')), major: latin(fontOf('a:majorFont')) },
    rels,
    counter: { p: 0, t: 0 },
  };
  const body = kid(part(base, 'word/document.xml'), 'w:body');
  const sections: FormatSection[] = [];
  const close = (sectPr: XmlElement | undefined, blocks: FormatBlock[]) => {
    sections.push({ ...sectionProps(ctx, sectPr, sections[sections.length - 1] ?? null), blocks });
  };
  const rest = readBlocks(ctx, body ?? { name: 'w:body', attrs: {}, children: [] }, {}, {
    onEnd: (sectPr, blocks) => {
      close(sectPr, blocks);
      return [];
    },
  });
  close(kid(body, 'w:sectPr'), rest);
  const app = part(base, 'docProps/app.xml');
  const pages = app ? num(textOf(kid(app, 'Pages') ?? { name: '', attrs: {}, children: [] })) : undefined;
  return { sections, pagesHint: pages && pages > 0 ? pages : null };
}
