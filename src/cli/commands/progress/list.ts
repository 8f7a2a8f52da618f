import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { monthFlag, yearFlag } from '../../flags.js';
import { progressColumns, progressJson } from './views.js';

interface Options {
  month?: string;
  unit?: string;
  initiative?: string;
  year?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--month <YYYY-MM>', kit.t('opt.progress.filterMonth'))
    .option('--unit <code>', kit.t('opt.filter.unit'))
    .option('--initiative <code>', kit.t('opt.progress.filterInitiative'))
    .option('--year <YYYY>', kit.t('opt.progress.filterYear'));
  kit.describe(cmd, 'progress.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const month = monthFlag(opts.month);
      const year = yearFlag(opts.year);
      const { listProgress } = await import('../../../services/progress.js');
      const reports = await listProgress(ctx, { month, year, unit: opts.unit, initiative: opts.initiative });
      await emitList(ctx, reports, progressColumns(), reports.map(progressJson));
    }),
  );
}
