import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { reportCommand } from './common.js';

interface Options extends ReportFlags {
  quarter?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'quarterly').option('--quarter <quarter>', kit.t('opt.commend.quarter'));
  kit.describe(cmd, 'report.quarterly').action(
    kit.action<Options>(async (ctx, opts) => {
      const quarter = await need(ctx, opts.quarter, '--quarter', 'prompt.commend.quarter', { default: 'previous' });
      const { loadQuarter } = await import('../../../services/reports.js');
      const { quarterlyReport } = await import('../../../reports/quarterly.js');
      const q = await loadQuarter(ctx, quarter);
      await emitReport(ctx, (t) => quarterlyReport(q.data, q.quarter, ctx.clock.today(), t), opts);
    }),
  );
}
