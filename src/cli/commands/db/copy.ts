import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList, say } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('copy').argument('<from>', kit.t('arg.copyFrom')).argument('<to>', kit.t('arg.copyTo'));
  kit.describe(cmd, 'db.copy').action(
    kit.action(async (ctx, _opts, [from, to]) => {
      const { copyBetween } = await import('../../../services/copy.js');
      const result = await copyBetween(ctx, from, to);
      await emitList(
        ctx,
        result.tables,
        [
          { header: 'col.table', value: (t) => t.table },
          { header: 'col.sourceRows', value: (t) => t.source },
          { header: 'col.targetRows', value: (t) => t.target },
        ],
        result,
      );
      say(ctx, 'copy.done', { from: result.from, to: result.to, tables: result.tables.length, rows: result.rows });
      say(ctx, 'copy.head', { ...result.audit });
    }),
  );
}
