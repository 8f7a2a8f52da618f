import type { ReportFlags } from '../../report-output.js';
import { yearReport } from './common.js';

interface Options extends ReportFlags {
  notes?: string;
}

/** `report annual --year [--notes FILE.md]`: the clerk's assessment comes from the notes file. */
export const { register } = yearReport<Options>(
  'annual',
  async (ctx, data, opts) => {
    const { annualReport } = await import('../../../reports/annual.js');
    const { readAnnualNotes } = await import('../../../services/reports.js');
    const notes = opts.notes === undefined ? null : await readAnnualNotes(opts.notes, data.year, { draft: opts.draft });
    return (t) => annualReport(data, ctx.clock.today(), t, notes);
  },
  (cmd, kit) => cmd.option('--notes <file.md>', kit.t('opt.report.notes')),
);
