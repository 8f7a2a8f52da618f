import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { printId, watchJson } from './views.js';

interface Options {
  mentor?: string;
  goal?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<person>', kit.t('arg.personCode'))
    .option('--mentor <code>', kit.t('opt.foster.mentor'))
    .option('--goal <text>', kit.t('opt.foster.goal'));
  kit.describe(cmd, 'foster.add').action(
    kit.action<Options>(async (ctx, opts, [person]) => {
      const mentor = await need(ctx, opts.mentor, '--mentor', 'prompt.foster.mentor');
      const goal = await need(ctx, opts.goal, '--goal', 'prompt.foster.goal');
      const { startWatch } = await import('../../../services/foster.js');
      const watch = await startWatch(ctx, { person, mentor, goal });
      say(ctx, 'foster.added', { id: watch.id, code: watch.person, name: watch.name, mentor: watch.mentorName, date: dateText(watch.since) });
      printId(ctx, watch.id);
      await emitResult(ctx, watchJson(watch));
    }),
  );
}
