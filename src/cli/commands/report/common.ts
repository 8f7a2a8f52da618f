import type { Command } from 'commander';
import type { Context } from '../../../context.js';
import type { Kit, Registrar } from '../../kit.js';
import type { Labels, Report } from '../../../reports/model.js';
import type { YearData } from '../../../reports/year-data.js';
import { need } from '../../prompter.js';
import { emitReport, type ReportFlags } from '../../report-output.js';

/** The flags every report has: the format, the file, and `--draft` for its Word document. */
export function reportCommand(parent: Command, kit: Kit, name: string): Command {
  return parent
    .command(name)
    .option('--format <format>', kit.t('opt.report.format'))
    .option('--out <file>', kit.t('opt.report.out'))
    .option('--draft', kit.t('opt.draft'))
    .option('--force', kit.t('opt.force'));
}

/**
 * A report of one year (`--year`): `make` loads what else it needs and returns the builder; `flags`
 * adds the report's own options, which `make` reads.
 */
export function yearReport<O extends ReportFlags = ReportFlags>(
  name: string,
  make: (ctx: Context, data: YearData, opts: O) => Promise<(t: Labels) => Report>,
  flags: (cmd: Command, kit: Kit) => Command = (cmd) => cmd,
): Registrar {
  return {
    register(parent, kit) {
      const cmd = flags(reportCommand(parent, kit, name).option('--year <year>', kit.t('opt.report.year')), kit);
      kit.describe(cmd, `report.${name}`).action(
        kit.action<O & { year?: string }>(async (ctx, opts) => {
          const year = await need(ctx, opts.year, '--year', 'prompt.report.year', { default: ctx.clock.today().slice(0, 4) });
          const { loadYear } = await import('../../../services/reports.js');
          await emitReport(ctx, await make(ctx, await loadYear(ctx, year), opts), opts);
        }),
      );
    },
  };
}
