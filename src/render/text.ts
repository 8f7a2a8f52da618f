import { createRequire } from 'node:module';
import type TableType from 'cli-table3';

const require = createRequire(import.meta.url);

export interface TextStyle {
  color: boolean;
}

async function styleFor(style: TextStyle): Promise<(s: string) => string> {
  if (!style.color) return (s) => s;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return (s) => c.bold(s);
}

/** A plain table; colour codes only when asked for (cli-table3 adds them unless emptied). */
export async function renderTable(headers: string[], rows: string[][], style: TextStyle): Promise<string> {
  const Table = require('cli-table3') as typeof TableType;
  const b = await styleFor(style);
  const table = new Table({
    head: headers.map((h) => b(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: false,
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
