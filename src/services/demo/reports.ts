/**
 * The demonstration's reports: the four quarterly commendation lists of 2025 (notice .docx and CSV) and
 * every report as a Word document, issued in the register as the office would. Rendering lives in
 * render/ (which services do not import): the caller hands it in with the Vietnamese labels, e.g.
 * `demoReports(ctx, dir, await demoRenderers())` from cli/demo-reports.ts.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../context.js';
import type { DocModel } from '../../domain/documents.js';
import type { Labels, Report } from '../../reports/model.js';
import { annualReport } from '../../reports/annual.js';
import { benefitsReport } from '../../reports/benefits.js';
import { commendReport } from '../../reports/commend.js';
import { periodReport } from '../../reports/period.js';
import { progressReport } from '../../reports/progress.js';
import { provinceReport } from '../../reports/province.js';
import { quarterlyReport } from '../../reports/quarterly.js';
import { commendList, resolveQuarter } from '../commend.js';
import { writeOutputs } from '../files.js';
import { withIssuedReport } from '../report-docs.js';
import { loadMonth, loadPeriod, loadYear, readAnnualNotes } from '../reports.js';
import { loadProvinceProposal } from '../province.js';
import { DEMO_NOTES, DEMO_NOTES_FILE } from './notes.js';
import type { DemoFile } from './year.js';

export interface DemoRenderers {
  /** Vietnamese labels (documents are always Vietnamese). */
  t: Labels;
  docx(model: DocModel): Promise<Uint8Array>;
  csv(report: Report): Promise<string>;
}

const YEAR = 2025;

async function issue(ctx: ServiceContext, dir: string, report: Report, r: DemoRenderers, csv = false): Promise<DemoFile[]> {
  return withIssuedReport(ctx, report, async ({ document }) => {
    const files = [{ path: join(dir, `${report.fileName}.docx`), data: await r.docx(document.model) }];
    if (csv) files.push({ path: join(dir, `${report.fileName}.csv`), data: Buffer.from(await r.csv(report), 'utf8') });
    return writeOutputs(files, { force: true }).map((w) => ({ kind: report.id, path: w.path }));
  });
}

export async function demoReports(ctx: ServiceContext, dir: string, r: DemoRenderers): Promise<DemoFile[]> {
  const asOf = ctx.clock.today();
  const files: DemoFile[] = [];
  for (const q of [1, 2, 3, 4]) {
    const list = await commendList(ctx, `${YEAR}-Q${q}`);
    files.push(...(await issue(ctx, dir, commendReport(list.entries, { quarter: list.quarter, asOf, final: list.final }, r.t), r, true)));
  }
  const year = await loadYear(ctx, YEAR);
  const proposal = await loadProvinceProposal(ctx, YEAR);
  const quarter = resolveQuarter(`${YEAR}-Q4`, asOf);
  const month = await loadMonth(ctx, `${YEAR}-11`);
  const period = await loadPeriod(ctx, '2021', String(YEAR));
  // The clerk's assessment of the year, written as a --notes file and read back as the command reads it.
  const [notesFile] = writeOutputs([{ path: join(dir, DEMO_NOTES_FILE), data: DEMO_NOTES }], { force: true });
  files.push({ kind: 'notes', path: notesFile.path });
  const notes = await readAnnualNotes(notesFile.path, YEAR);
  const reports = [
    annualReport(year, asOf, r.t, notes),
    quarterlyReport(year, quarter, asOf, r.t),
    progressReport(month.data, month.month, month.lines, asOf, r.t),
    provinceReport(proposal, r.t),
    periodReport(period, asOf, r.t),
    benefitsReport(year, asOf, r.t),
  ];
  for (const report of reports) files.push(...(await issue(ctx, dir, report, r)));
  return files;
}
