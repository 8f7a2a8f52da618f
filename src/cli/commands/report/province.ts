import type { Kit } from '../../kit.js';
import type { Command } from 'commander';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { reportCommand } from './common.js';

/** `report province`: the proposal to the province (Tờ trình), from the rules of who decides each title. */
export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'province').option('--year <year>', kit.t('opt.report.year'));
  kit.describe(cmd, 'report.province').action(
    kit.action<ReportFlags & { year?: string }>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: ctx.clock.today().slice(0, 4) });
      const [{ loadProvinceProposal }, { provinceReport }] = await Promise.all([import('../../../services/province.js'), import('../../../reports/province.js')]);
      const proposal = await loadProvinceProposal(ctx, year);
      await emitReport(ctx, (t) => provinceReport(proposal, t), opts);
    }),
  );
}
