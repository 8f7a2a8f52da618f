import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { dateText } from '../../views.js';

interface Options {
  year?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--year <year>', kit.t('opt.movement.year'));
  kit.describe(cmd, 'movement.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year);
      const { listMovements } = await import('../../../services/movements.js');
      const movements = await listMovements(ctx, { year });
      await emitList(ctx, movements, [
        { header: 'col.code', value: (m) => m.code },
        { header: 'col.movementName', value: (m) => m.name },
        { header: 'col.launchedBy', value: (m) => ctx.t(`launchedBy.${m.by}`) },
        { header: 'col.startsOn', value: (m) => dateText(m.from) },
        { header: 'col.endsOn', value: (m) => dateText(m.to) },
      ]);
    }),
  );
}
