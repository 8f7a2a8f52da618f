import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitHeading, emitList, say } from '../../output.js';
import { need } from '../../prompter.js';
import { missingColumns, missingJson, monthText } from './views.js';

interface Options {
  month?: string;
  unit?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('missing')
    .option('--month <YYYY-MM>', kit.t('opt.progress.missingMonth'))
    .option('--unit <code>', kit.t('opt.filter.unit'));
  kit.describe(cmd, 'progress.missing').action(
    kit.action<Options>(async (ctx, opts) => {
      const raw = await need(ctx, opts.month, '--month', 'prompt.progress.month');
      const { missingProgress, groupByUnit } = await import('../../../services/progress.js');
      const { month, entries } = await missingProgress(ctx, { month: raw, unit: opts.unit });
      if (ctx.options.json || ctx.options.csv) {
        await emitList(ctx, entries, missingColumns(ctx, true), entries.map(missingJson));
        return;
      }
      if (entries.length === 0) {
        say(ctx, 'progress.noneMissing', { month: monthText(month) });
        return;
      }
      say(ctx, 'progress.missingSummary', { count: entries.length, month: monthText(month) });
      for (const g of groupByUnit(entries)) {
        await emitHeading(ctx, ctx.t('progress.unitHeading', { unit: g.unitName, code: g.unit, count: g.entries.length }));
        await emitList(ctx, g.entries, missingColumns(ctx, false));
      }
    }),
  );
}
