import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { taskJson } from './views.js';

interface Options {
  result?: string;
  date?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('done')
    .argument('<task>', kit.t('arg.fosterTask'))
    .option('--result <text>', kit.t('opt.foster.result'))
    .option('--date <date>', kit.t('opt.foster.doneDate'));
  kit.describe(cmd, 'foster.done').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const result = await need(ctx, opts.result, '--result', 'prompt.foster.result');
      const { completeTask } = await import('../../../services/foster.js');
      const { task, watch } = await completeTask(ctx, id, result, opts.date);
      say(ctx, 'foster.taskDone', { id: task.id, code: watch.person, name: watch.name, date: dateText(task.done), left: watch.openTasks });
      await emitResult(ctx, { person: watch.person, ...taskJson(task) });
    }),
  );
}
