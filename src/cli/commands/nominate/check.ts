import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitNomination } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('check').argument('<id>', kit.t('arg.nominate.id'));
  kit.describe(cmd, 'nominate.check').action(
    kit.action(async (ctx, _opts, [id]) => {
      const { checkNomination } = await import('../../../services/nominations.js');
      await emitNomination(ctx, await checkNomination(ctx, id));
    }),
  );
}
