import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitHeading, emitList } from '../../output.js';
import { dateText } from '../../views.js';
import { watchColumns, watchJson } from './views.js';

interface Options {
  all?: boolean;
  overdue?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--all', kit.t('opt.foster.all')).option('--overdue', kit.t('opt.foster.overdue'));
  kit.describe(cmd, 'foster.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listWatches } = await import('../../../services/foster.js');
      const watches = await listWatches(ctx, opts);
      await emitList(ctx, watches, watchColumns(ctx, !!opts.all), watches.map(watchJson));
      // Below the list, in a table only: every overdue task, the most overdue first.
      const late = watches
        .flatMap((w) => w.tasks.filter((t) => t.overdue).map((t) => ({ w, t })))
        .sort((a, b) => b.t.daysOverdue - a.t.daysOverdue);
      if (late.length === 0 || ctx.options.json || ctx.options.csv) return;
      await emitHeading(ctx, ctx.t('foster.overdueHeading', { count: late.length }));
      await emitList(ctx, late, [
        { header: 'col.name', value: ({ w }) => `${w.name} (${w.person})` },
        { header: 'col.task', value: ({ t }) => `${t.id}. ${t.text}` },
        { header: 'col.due', value: ({ t }) => dateText(t.due) },
        { header: 'col.daysOverdue', value: ({ t }) => t.daysOverdue },
      ]);
    }),
  );
}
