import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { unitColumns } from '../../views.js';

interface Options {
  all?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--all', kit.t('opt.unit.all'));
  kit.describe(cmd, 'unit.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listUnits } = await import('../../../services/units.js');
      const units = await listUnits(ctx, { all: opts.all });
      await emitList(ctx, units, unitColumns(ctx));
    }),
  );
}
