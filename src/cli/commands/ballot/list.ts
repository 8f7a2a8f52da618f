import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { formatVnDate } from '../../../domain/dates.js';
import { emitList } from '../../output.js';
import { ballotRowJson } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('list').option('--year <year>', kit.t('opt.ballot.listYear'));
  kit.describe(cmd, 'ballot.list').action(
    kit.action<{ year?: string }>(async (ctx, opts) => {
      const { listBallots } = await import('../../../services/ballot-read.js');
      const rows = await listBallots(ctx, { year: opts.year ?? ctx.clock.today().slice(0, 4) });
      await emitList(
        ctx,
        rows,
        [
          { header: 'col.id', value: (b) => b.id },
          { header: 'col.award', value: (b) => b.award },
          { header: 'nominate.col.year', value: (b) => b.year },
          { header: 'ballot.col.heldOn', value: (b) => formatVnDate(b.heldOn) },
          { header: 'ballot.col.status', value: (b) => ctx.t(`ballotStatus.${b.status}`) },
          { header: 'ballot.col.presence', value: (b) => `${b.present}/${b.membersTotal}` },
          { header: 'ballot.col.passed', value: (b) => (b.status === 'closed' ? `${b.results.filter((r) => r.passed).length}/${b.nominees.length}` : `–/${b.nominees.length}`) },
        ],
        rows.map(ballotRowJson),
      );
    }),
  );
}
