import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';

interface Options {
  name?: string;
  kind?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<code>', kit.t('arg.unitCode'))
    .option('--name <name>', kit.t('opt.unit.name'))
    .option('--kind <kind>', kit.t('opt.unit.kind'));
  kit.describe(cmd, 'unit.add').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      const name = await need(ctx, opts.name, '--name', 'prompt.unit.name');
      const kind = await needChoice(ctx, opts.kind, '--kind', 'prompt.unit.kind', [
        { value: 'faculty', name: ctx.t('unitKind.faculty') },
        { value: 'office', name: ctx.t('unitKind.office') },
        { value: 'other', name: ctx.t('unitKind.other') },
      ]);
      const { addUnit } = await import('../../../services/units.js');
      const unit = await addUnit(ctx, code, { name, kind });
      say(ctx, 'unit.added', { code: unit.code, name: unit.name });
      await emitResult(ctx, unit);
    }),
  );
}
