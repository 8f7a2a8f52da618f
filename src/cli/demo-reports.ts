/** What `demoReports` (services/demo/reports.ts) needs from the layers it may not import: the renderers and Vietnamese labels. */
import type { DemoRenderers } from '../services/demo/reports.js';
import type { Context } from '../context.js';
import { vietnamese } from './report-output.js';

export async function demoRenderers(ctx: Context): Promise<DemoRenderers> {
  const { renderDocx } = await import('../render/docx/index.js');
  const { renderReportCsv } = await import('../render/report.js');
  return { t: await vietnamese(ctx), docx: (m) => renderDocx(m), csv: (rep) => renderReportCsv(rep, 'vi') };
}
