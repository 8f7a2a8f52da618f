import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('retire').argument('<code>', kit.t('arg.unitCode'));
  kit.describe(cmd, 'unit.retire').action(
    kit.action(async (ctx, _opts, [code]) => {
      const { retireUnit } = await import('../../../services/units.js');
      const unit = await retireUnit(ctx, code);
      say(ctx, 'unit.retiredDone', { code: unit.code, name: unit.name, date: unit.retiredOn ?? '' });
      await emitResult(ctx, unit);
    }),
  );
}
