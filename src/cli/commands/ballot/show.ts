import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitBallot } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').argument('<id>', kit.t('arg.ballot.id'));
  kit.describe(cmd, 'ballot.show').action(
    kit.action(async (ctx, _opts, [id]) => {
      const { showBallot } = await import('../../../services/ballot-read.js');
      await emitBallot(ctx, await showBallot(ctx, id));
    }),
  );
}
