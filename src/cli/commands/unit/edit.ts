import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';

interface Options {
  name?: string;
  kind?: string;
  active?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('edit')
    .argument('<code>', kit.t('arg.unitCode'))
    .option('--name <name>', kit.t('opt.unit.name'))
    .option('--kind <kind>', kit.t('opt.unit.kind'))
    .option('--active', kit.t('opt.unit.active'));
  kit.describe(cmd, 'unit.edit').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      const { editUnit } = await import('../../../services/units.js');
      const unit = await editUnit(ctx, code, opts);
      say(ctx, 'unit.updated', { code: unit.code, name: unit.name });
      await emitResult(ctx, unit);
    }),
  );
}
