import type { Context } from '../context.js';
import type { MessageParams } from '../domain/errors.js';

/** A column of a listing: its --json field is the row's own key; its header is translated. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined | boolean;
}

function cell(v: string | number | null | undefined | boolean, ctx: Context): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? ctx.t('common.yes') : ctx.t('common.no');
  return String(v);
}

function csvValue(v: string | number | null | undefined | boolean, ctx: Context): string | number {
  return typeof v === 'number' ? v : cell(v, ctx);
}

/** Prints a list as JSON (the given data), CSV or a table, to stdout. */
export async function emitList<T>(ctx: Context, rows: T[], columns: Column<T>[], json: unknown = rows): Promise<void> {
  if (ctx.options.json) {
    const { renderJson } = await import('../render/json.js');
    ctx.io.out(renderJson(json));
    return;
  }
  const headers = columns.map((c) => ctx.t(c.header));
  if (ctx.options.csv) {
    // Numbers stay numbers (a spreadsheet sums them); text is made safe to open (render/csv.ts).
    const { renderCsv } = await import('../render/csv.js');
    ctx.io.out(renderCsv(headers, rows.map((r) => columns.map((c) => csvValue(c.value(r), ctx)))));
    return;
  }
  const body = rows.map((r) => columns.map((c) => cell(c.value(r), ctx)));
  if (rows.length === 0) {
    say(ctx, 'common.emptyList');
    return;
  }
  const { renderTable } = await import('../render/text.js');
  ctx.io.out(await renderTable(headers, body, { color: ctx.io.color, width: ctx.io.stdoutIsTTY ? ctx.io.columns : undefined }));
}

/** Prints one record: JSON as given, or aligned "label: value" lines (CSV: two columns). */
export async function emitRecord(ctx: Context, json: unknown, pairs: [string, string | number | null | undefined | boolean][]): Promise<void> {
  if (ctx.options.json) {
    const { renderJson } = await import('../render/json.js');
    ctx.io.out(renderJson(json));
    return;
  }
  if (ctx.options.csv) {
    const { renderCsv } = await import('../render/csv.js');
    ctx.io.out(renderCsv([ctx.t('common.field'), ctx.t('common.value')], pairs.map(([k, v]) => [ctx.t(k), csvValue(v, ctx)])));
    return;
  }
  const lines: [string, string][] = pairs.map(([k, v]) => [ctx.t(k), cell(v, ctx)]);
  const { renderPairs } = await import('../render/text.js');
  ctx.io.out(await renderPairs(lines, { color: ctx.io.color }));
}

export async function emitHeading(ctx: Context, text: string): Promise<void> {
  if (ctx.options.json || ctx.options.csv) return;
  const { renderHeading } = await import('../render/text.js');
  ctx.io.out('\n' + (await renderHeading(text, { color: ctx.io.color })));
}

/** A message for the person at the terminal (stderr), silent with --quiet. */
export function say(ctx: Context, key: string, params?: MessageParams): void {
  if (ctx.options.quiet) return;
  ctx.io.err(ctx.t(key, params) + '\n');
}

/** The result of a change: JSON on stdout with --json; otherwise the message on stderr says it all. */
export async function emitResult(ctx: Context, json: unknown): Promise<void> {
  if (!ctx.options.json) return;
  const { renderJson } = await import('../render/json.js');
  ctx.io.out(renderJson(json));
}
