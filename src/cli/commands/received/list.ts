import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitList } from '../../output.js';

/** `received list --year Y`: each school's package of the year as last imported. */
export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--year <year>', kit.t('opt.report.year'));
  kit.describe(cmd, 'received.list').action(
    kit.action<{ year?: string }>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: ctx.clock.today().slice(0, 4) });
      const { loadReceived } = await import('../../../services/exchange/received.js');
      const d = await loadReceived(ctx, year);
      await emitList(ctx, d.schools, [
        { header: 'received.col.school', value: (s) => s.name },
        { header: 'received.col.updated', value: (s) => s.updatedAt.slice(0, 10) },
        { header: 'received.col.proposals', value: (s) => s.proposals },
        { header: 'received.col.awaiting', value: (s) => s.awaiting },
        { header: 'received.col.recognitions', value: (s) => s.recognitions },
        { header: 'received.col.documents', value: (s) => s.documents },
        { header: 'received.col.signatures', value: (s) => s.signatures },
      ]);
    }),
  );
}
