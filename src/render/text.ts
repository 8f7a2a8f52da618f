
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

/** A plain table; colour codes only when asked for (cli-table3 adds them unless emptied). */
export async function renderTable(headers: string[], rows: string[][], style: TextStyle): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const b = await styleFor(style);
  const colWidths = style.width ? fitColumns(headers, rows, style.width) : undefined;
  const table = new Table({
    head: headers.map((h) => b(h)),
    style: { head: [], border: [], compact: true },
    ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : { wordWrap: false }),
  });
  for (const r of rows) table.push(r);
  return table.toString() + '\n';
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
