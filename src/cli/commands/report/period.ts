import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { reportCommand } from './common.js';

interface Options extends ReportFlags {
  from?: string;
  to?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'period').option('--from <year>', kit.t('opt.report.from')).option('--to <year>', kit.t('opt.report.to'));
  kit.describe(cmd, 'report.period').action(
    kit.action<Options>(async (ctx, opts) => {
      const from = await need(ctx, opts.from, '--from', 'prompt.report.from');
      const to = await need(ctx, opts.to, '--to', 'prompt.report.to');
      const { loadPeriod } = await import('../../../services/reports.js');
      const { periodReport } = await import('../../../reports/period.js');
      const years = await loadPeriod(ctx, from, to);
      await emitReport(ctx, (t) => periodReport(years, ctx.clock.today(), t), opts);
    }),
  );
}
