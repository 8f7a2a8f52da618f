import type { Kit } from '../../kit.js';
import type { Command } from 'commander';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { reportCommand } from './common.js';

/** `report received`: what the schools sent a provincial office for a year (after `thidua import`). */
export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'received').option('--year <year>', kit.t('opt.report.year'));
  kit.describe(cmd, 'report.received').action(
    kit.action<ReportFlags & { year?: string }>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: ctx.clock.today().slice(0, 4) });
      const [{ loadReceived }, { receivedReport }] = await Promise.all([import('../../../services/exchange/received.js'), import('../../../reports/received.js')]);
      const data = await loadReceived(ctx, year);
      await emitReport(ctx, (t) => receivedReport(data, t), opts);
    }),
  );
}
