import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { reportCommand } from './common.js';

interface Options extends ReportFlags {
  month?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'progress').option('--month <month>', kit.t('opt.report.month'));
  kit.describe(cmd, 'report.progress').action(
    kit.action<Options>(async (ctx, opts) => {
      const month = await need(ctx, opts.month, '--month', 'prompt.report.month', { default: ctx.clock.today().slice(0, 7) });
      const { loadMonth } = await import('../../../services/reports.js');
      const { progressReport } = await import('../../../reports/progress.js');
      const m = await loadMonth(ctx, month);
      await emitReport(ctx, (t) => progressReport(m.data, m.month, m.lines, ctx.clock.today(), t), opts);
    }),
  );
}
