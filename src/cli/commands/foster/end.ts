import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { watchJson } from './views.js';

interface Options {
  reason?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('end')
    .argument('<person>', kit.t('arg.personCode'))
    .option('--reason <text>', kit.t('opt.foster.reason'));
  kit.describe(cmd, 'foster.end').action(
    kit.action<Options>(async (ctx, opts, [person]) => {
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.foster.reason');
      const { endWatch } = await import('../../../services/foster.js');
      const watch = await endWatch(ctx, person, reason);
      say(ctx, watch.openTasks > 0 ? 'foster.endedWithOpen' : 'foster.ended', {
        code: watch.person, name: watch.name, date: dateText(watch.ended), open: watch.openTasks,
      });
      await emitResult(ctx, watchJson(watch));
    }),
  );
}
