import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';
import { dateText } from '../../views.js';

interface Options {
  name?: string;
  by?: string;
  from?: string;
  to?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<code>', kit.t('arg.movementCode'))
    .option('--name <name>', kit.t('opt.movement.name'))
    .option('--by <by>', kit.t('opt.movement.by'))
    .option('--from <date>', kit.t('opt.movement.from'))
    .option('--to <date>', kit.t('opt.movement.to'));
  kit.describe(cmd, 'movement.add').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      const name = await need(ctx, opts.name, '--name', 'prompt.movement.name');
      const by = await needChoice(ctx, opts.by, '--by', 'prompt.movement.by', [
        { value: 'school', name: ctx.t('launchedBy.school') },
        { value: 'union', name: ctx.t('launchedBy.union') },
      ]);
      const from = await need(ctx, opts.from, '--from', 'prompt.movement.from');
      const { addMovement } = await import('../../../services/movements.js');
      const m = await addMovement(ctx, code, { name, by, from, to: opts.to });
      say(ctx, m.to ? 'movement.added' : 'movement.addedOpen', {
        code: m.code, name: m.name, by: ctx.t(`launchedBy.${m.by}`), from: dateText(m.from), to: dateText(m.to),
      });
      await emitResult(ctx, m);
    }),
  );
}
