import type { Kit } from '../../kit.js';
import type { Command } from 'commander';
import { UsageError } from '../../../domain/errors.js';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';
import { mayReplace } from '../../docs.js';
import { say } from '../../output.js';
import { reportCommand } from './common.js';

type Flags = ReportFlags & { year?: string; layout?: string };

/** `--format xlsx`, or an --out ending in .xlsx: the province's Excel list rather than the report. */
const wantsXlsx = (f: Flags) => (f.format !== undefined ? f.format.trim().toLowerCase() === 'xlsx' : /\.xlsx$/i.test(f.out ?? ''));

/** `report province`: the proposal to the province (Tờ trình), from the rules of who decides each title; or its Excel list. */
export function register(parent: Command, kit: Kit): void {
  const cmd = reportCommand(parent, kit, 'province').option('--year <year>', kit.t('opt.report.year')).option('--layout <file.json>', kit.t('opt.report.layout'));
  kit.describe(cmd, 'report.province').action(
    kit.action<Flags>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: ctx.clock.today().slice(0, 4) });
      if (wantsXlsx(opts)) {
        if (opts.draft) throw new UsageError('draft.needsDocx');
        if (!opts.out) throw new UsageError('layout.needsOut');
        const { checkOutputs, writeOutputs } = await import('../../../services/files.js');
        checkOutputs([opts.out], { force: true });
        const [{ loadProvinceSheet }, { renderXlsx }] = await Promise.all([import('../../../services/province-sheet.js'), import('../../../render/xlsx.js')]);
        const sheet = await loadProvinceSheet(ctx, year, opts.layout);
        const [w] = writeOutputs([{ path: opts.out, data: renderXlsx(sheet) }], { force: mayReplace(ctx, opts) });
        say(ctx, w.status === 'unchanged' ? 'layout.unchanged' : 'layout.written', { file: w.path, count: sheet.rows.length, year: sheet.year });
        return;
      }
      if (opts.layout !== undefined) throw new UsageError('layout.onlyXlsx');
      const [{ loadProvinceProposal }, { provinceReport }] = await Promise.all([import('../../../services/province.js'), import('../../../reports/province.js')]);
      const proposal = await loadProvinceProposal(ctx, year);
      await emitReport(ctx, (t) => provinceReport(proposal, t), opts);
    }),
  );
}
