import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { nominationRowJson } from './views.js';

interface Options {
  year?: string;
  award?: string;
  status?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--year <year>', kit.t('opt.nominate.listYear'))
    .option('--award <code>', kit.t('opt.nominate.listAward'))
    .option('--status <status>', kit.t('opt.nominate.listStatus'));
  kit.describe(cmd, 'nominate.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year) ?? Number(ctx.clock.today().slice(0, 4));
      const { listNominations } = await import('../../../services/nomination-list.js');
      const rows = await listNominations(ctx, { year, award: opts.award, status: opts.status });
      await emitList(
        ctx,
        rows,
        [
          { header: 'col.id', value: (n) => n.id },
          { header: 'col.code', value: (n) => n.subject },
          { header: 'col.name', value: (n) => n.name },
          { header: 'col.award', value: (n) => n.award },
          { header: 'nominate.col.by', value: (n) => n.by ?? ctx.t('nominate.bySelf') },
          { header: 'nominate.col.status', value: (n) => ctx.t(`nominationStatus.${n.status}`) },
          { header: 'nominate.col.eligible', value: (n) => n.eligible },
        ],
        rows.map(nominationRowJson),
      );
    }),
  );
}
