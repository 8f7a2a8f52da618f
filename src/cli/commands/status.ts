import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { Kit } from '../kit.js';
import type { StatusColumn, StatusReport, StatusSection, StatusValue } from '../../reports/status.js';
import { emitHeading, emitList, emitResult } from '../output.js';
import { dateText } from '../views.js';
import { monthText } from './progress/views.js';

/** A cell; a message (what to do) is filled in from its item: the command to run, ready to type. */
function cellText(ctx: Context, c: StatusColumn, v: StatusValue | undefined, item: Record<string, StatusValue> = {}): string | number | null | undefined {
  switch (c.kind) {
    case 'date':
      return dateText(v as string | null);
    case 'month':
      return v ? monthText(v as string) : ctx.t('progress.never');
    case 'list':
      return (v as string[]).join(', ');
    case 'message': {
      const params = Object.fromEntries(Object.entries(item).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'));
      return ctx.t(`status.what.${v}`, params);
    }
    default:
      return v as string | number | null;
  }
}

function heading(ctx: Context, s: StatusSection): string {
  const params = Object.fromEntries(Object.entries(s.params ?? {}).map(([k, v]) => [k, k === 'month' ? monthText(String(v)) : v]));
  return ctx.t(`status.section.${s.key}`, { ...params, count: s.items.length });
}

/** `--json`: the day and, per section with something due, its key and items. */
function statusJson(r: StatusReport) {
  return { today: r.today, sections: r.sections.map((s) => ({ key: s.key, items: s.items })) };
}

/** CSV: one block per section (its heading, then its table), a blank line between; one BOM. */
async function emitCsv(ctx: Context, r: StatusReport): Promise<void> {
  const { csvRecords } = await import('../../render/csv.js');
  const blocks = r.sections.map((s) => {
    const headers = s.columns.map((c) => ctx.t(c.header));
    const rows = s.items.map((it) => s.columns.map((c) => cellText(ctx, c, it[c.field], it)));
    return csvRecords([[heading(ctx, s)], headers, ...rows]);
  });
  ctx.io.out('\uFEFF' + blocks.join('\r\n'));
}

export function register(program: Command, kit: Kit): void {
  const cmd = program.command('status');
  kit.describe(cmd, 'status').action(
    kit.action(async (ctx) => {
      const { buildStatus } = await import('../../services/status.js');
      const report = await buildStatus(ctx);
      if (ctx.options.json) return emitResult(ctx, statusJson(report));
      if (ctx.options.csv) return emitCsv(ctx, report);
      if (report.sections.length === 0) {
        ctx.io.out(ctx.t('status.nothingDue', { date: dateText(report.today) }) + '\n');
        return;
      }
      ctx.io.out(ctx.t('status.title', { date: dateText(report.today) }) + '\n');
      for (const s of report.sections) {
        await emitHeading(ctx, heading(ctx, s));
        await emitList(ctx, s.items, s.columns.map((c) => ({ header: c.header, value: (it: Record<string, StatusValue>) => cellText(ctx, c, it[c.field], it) })));
      }
    }),
  );
}
