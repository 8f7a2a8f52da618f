
export interface TextStyle {
  color: boolean;
  /** The terminal's width: a wider table wraps its longest columns to fit (absent in a pipe). */
  width?: number;
}

/** Display width of a cell's widest line (NFC Vietnamese: one column per character). */
function cellWidth(s: string): number {
  return Math.max(0, ...s.split('\n').map((l) => [...l].length));
}

const MIN_COLUMN = 10;
/** Columns this narrow (codes, dates, short words) keep their width; the long texts give way. */
const KEEP = 16;

/**
 * Column widths that fit `width`: short columns keep theirs, long ones shrink in proportion
 * (never below MIN_COLUMN), so a title keeps more room than a unit name; undefined when the
 * table fits as it is.
 */
export function fitColumns(headers: string[], rows: string[][], width: number): number[] | undefined {
  // Each column has one space of padding on both sides and one border.
  const natural = headers.map((h, i) => Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ''))) + 2);
  const budget = width - (headers.length + 1);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= budget) return undefined;
  const fixed = sum(natural.filter((w) => w <= KEEP));
  const flex = sum(natural.filter((w) => w > KEEP));
  const ratio = Math.max(0, budget - fixed) / flex;
  const cols = natural.map((w) => (w <= KEEP ? w : Math.max(MIN_COLUMN + 2, Math.floor(w * ratio))));
  while (sum(cols) > budget) {
    const widest = cols.indexOf(Math.max(...cols));
    if (cols[widest] <= MIN_COLUMN + 2) break;
    cols[widest]--;
  }
  return cols;
}

async function styleFor(style: TextStyle): Promise<(s: string) => string> {
  if (!style.color) return (s) => s;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return (s) => c.bold(s);
}

/** Rows per cli-table3 table: its layout costs the square of its rows, so rows it must wrap go in slices. */
export const SLICE_ROWS = 100;

/** Text whose every character takes one column (ASCII, Vietnamese NFC letters): its width is its length. */
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u1e00-\u1eff\u2013\u2014]*$/;

/** cli-table3's measure, without its cost for the plain text most cells are. */
function measure(strlen: (s: string) => number): (s: string) => number {
  return (s) => (NARROW.test(s) ? s.length : strlen(s));
}

/** A row on one line, laid out as cli-table3 lays it ("│ cell   │ cell │"); null when a cell needs wrapping. */
function oneLine(cells: string[], widths: number[], strlen: (s: string) => number): string | null {
  if (cells.length !== widths.length) return null;
  let out = '│';
  for (let i = 0; i < widths.length; i++) {
    const c = cells[i];
    if (c.includes('\n')) return null;
    const room = widths[i] - 2 - strlen(c);
    if (room < 0) return null;
    out += ` ${c}${' '.repeat(room)} │`;
  }
  return out;
}

/**
 * A plain table; colour codes only when asked for (cli-table3 adds them unless emptied). The column
 * widths are fixed once over all rows (the terminal's fit, or each column's widest cell). A row that
 * fits on one line is written directly; rows that must wrap are laid out by cli-table3 in slices of
 * SLICE_ROWS (its layout costs the square of its rows). The result is the table cli-table3 would
 * make of all rows at once, in time proportional to the rows.
 */
export async function renderTable(headers: string[], rows: string[][], style: TextStyle): Promise<string> {
  const [{ default: Table }, utils] = await Promise.all([import('cli-table3'), import('cli-table3/src/utils.js')]);
  // A CommonJS module: its functions are named exports under Node, but only on `default` once bundled.
  const strlen = measure((utils as { strlen?: (s: string) => number }).strlen ?? (utils as unknown as { default: { strlen: (s: string) => number } }).default.strlen);
  const b = await styleFor(style);
  const fitted = style.width ? fitColumns(headers, rows, style.width) : undefined;
  // One space of padding on each side, as cli-table3 lays out a column by itself.
  const widths = fitted ?? headers.map((h, i) => rows.reduce((w, r) => Math.max(w, strlen(r[i] ?? '')), strlen(h)) + 2);
  const options = fitted ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : { colWidths: widths, wordWrap: false };
  /** The lines of rows cli-table3 lays out (without the borders above and below them). */
  const laidOut = (body: string[][], head: string[] = []): string[] => {
    const table = new Table({ head, style: { head: [], border: [], compact: true }, ...options });
    for (const r of body) table.push(r);
    return table.toString().split('\n').slice(1, -1);
  };
  const rule = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const head = headers.map((h) => b(h));
  const headLine = oneLine(head, widths, strlen);
  const lines = [rule('┌', '┬', '┐'), ...(headLine !== null ? [headLine] : laidOut([], head))];
  if (rows.length > 0) lines.push(rule('├', '┼', '┤'));
  let pending: string[][] = [];
  const flush = () => {
    if (pending.length > 0) lines.push(...laidOut(pending));
    pending = [];
  };
  for (const r of rows) {
    const line = oneLine(r, widths, strlen);
    if (line === null) {
      pending.push(r);
      if (pending.length === SLICE_ROWS) flush();
    } else {
      flush();
      lines.push(line);
    }
  }
  flush();
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n') + '\n';
}

/** "Label: value" lines, labels aligned. */
export async function renderPairs(pairs: [string, string][], style: TextStyle): Promise<string> {
  const b = await styleFor(style);
  const width = Math.max(0, ...pairs.map(([k]) => [...k].length));
  return pairs.map(([k, v]) => `${b(k.padEnd(width))}  ${v}`).join('\n') + '\n';
}

export async function renderHeading(text: string, style: TextStyle): Promise<string> {
  const b = await styleFor(style);
  return `${b(text)}\n`;
}
