import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { dateText } from '../../views.js';
import { printId, taskJson } from './views.js';

interface Options {
  text?: string;
  due?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('task')
    .argument('<person>', kit.t('arg.personCode'))
    .option('--text <text>', kit.t('opt.foster.text'))
    .option('--due <date>', kit.t('opt.foster.due'));
  kit.describe(cmd, 'foster.task').action(
    kit.action<Options>(async (ctx, opts, [person]) => {
      const text = await need(ctx, opts.text, '--text', 'prompt.foster.text');
      const due = await need(ctx, opts.due, '--due', 'prompt.foster.due');
      const { assignTask } = await import('../../../services/foster.js');
      const { task, watch } = await assignTask(ctx, { person, text, due });
      say(ctx, 'foster.taskAdded', { id: task.id, code: watch.person, name: watch.name, due: dateText(task.due) });
      printId(ctx, task.id);
      await emitResult(ctx, { person: watch.person, ...taskJson(task) });
    }),
  );
}
