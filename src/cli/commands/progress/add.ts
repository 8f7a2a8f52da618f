import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { monthText, progressJson } from './views.js';

interface Options {
  month?: string;
  percent?: string;
  note?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<initiative>', kit.t('arg.progress.initiative'))
    .option('--month <YYYY-MM>', kit.t('opt.progress.month'))
    .option('--percent <n>', kit.t('opt.progress.percent'))
    .option('--note <text>', kit.t('opt.progress.note'));
  kit.describe(cmd, 'progress.add').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      const month = await need(ctx, opts.month, '--month', 'prompt.progress.month');
      const percent = await need(ctx, opts.percent, '--percent', 'prompt.progress.percent');
      const { addProgress } = await import('../../../services/progress.js');
      const added = await addProgress(ctx, code, { month, percent, note: opts.note });
      const r = added.report;
      const params = { code: r.code, month: monthText(r.month), percent: r.percent };
      if (added.replaced) say(ctx, 'progress.replaced', { ...params, before: added.replaced.percent });
      else say(ctx, 'progress.added', params);
      if (added.started) say(ctx, 'progress.started', { code: r.code });
      if (added.dropFrom) {
        // A warning is shown even with --quiet: it may be a typing mistake.
        ctx.io.err(ctx.t('progress.lower', { ...params, before: added.dropFrom.percent, previous: monthText(added.dropFrom.month) }) + '\n');
      }
      await emitResult(ctx, progressJson(r));
    }),
  );
}
