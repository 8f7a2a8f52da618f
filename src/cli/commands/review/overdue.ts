import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList, say } from '../../output.js';
import { dateText } from '../../views.js';
import { overdueColumns, overdueJson } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('overdue');
  kit.describe(cmd, 'review.overdue').action(
    kit.action(async (ctx) => {
      const { listOverdueReviews } = await import('../../../services/review.js');
      const rows = await listOverdueReviews(ctx);
      if (rows.length === 0 && !ctx.options.json && !ctx.options.csv) {
        say(ctx, 'review.noneOverdue', { date: dateText(ctx.clock.today()) });
        return;
      }
      await emitList(ctx, rows, overdueColumns(), rows.map(overdueJson));
    }),
  );
}
