/** The monthly digest of initiative progress per unit, with the gaps (who did not report). Pure. */
import { compareText } from '../domain/names.js';
import { countsInMonth, monthEnd, type ReportingLife } from '../domain/progress.js';
import { dateInWords } from '../domain/documents.js';
import type { Labels, Report, ReportSection } from './model.js';
import type { YearData } from './year-data.js';
import { reportingSection } from './sections.js';

export interface ProgressLine {
  code: string;
  title: string;
  unit: string;
  unitName: string;
  percent: number | null;
  previous: number | null;
  note: string | null;
}

/** `lines`: every initiative running in the month, with its report of the month (null: a gap) and the one before. */
export function progressReport(d: YearData, month: string, lines: ProgressLine[], asOf: string, t: Labels): Report {
  const [y, m] = month.split('-');
  const when = t('report.monthWords', { month: String(Number(m)), year: y });
  const rep = reportingSection(d, [month], t);
  const sorted = [...lines].sort((a, b) => compareText(a.unitName, b.unitName) || a.code.localeCompare(b.code));
  const detail: ReportSection = {
    kind: 'table', key: 'initiatives', heading: t('report.section.progressDetail', { month: when }),
    columns: [
      { key: 'unit', header: t('report.col.unit'), width: 0.22 }, { key: 'code', header: t('report.col.code'), width: 0.14, screenOnly: true },
      { key: 'title', header: t('report.col.title'), width: 0.32 }, { key: 'percent', header: t('report.col.percent'), format: 'percent', width: 0.1 },
      { key: 'previous', header: t('report.col.previous'), format: 'percent', width: 0.1 }, { key: 'note', header: t('report.col.note'), width: 0.12 },
    ],
    rows: sorted.map((l) => ({ unit: l.unitName, code: l.code, title: l.title, percent: l.percent, previous: l.previous, note: l.percent === null ? t('report.notReported') : l.note })),
    empty: t('report.none'),
  };
  return {
    id: 'progress',
    title: t('report.progress.title', { month: when }),
    period: month,
    asOf,
    sections: [{ ...rep.section, heading: t('report.section.reportingMonth', { month: when }) }, detail],
    data: {
      month,
      asOf,
      units: rep.data,
      initiatives: sorted.map((l) => ({ code: l.code, title: l.title, unit: l.unit, percent: l.percent, previous: l.previous, note: l.note, reported: l.percent !== null })),
    },
    document: {
      kind: 'BC', type: 'report-progress', ref: month, heading: 'BÁO CÁO',
      summary: [`Tiến độ thực hiện sáng kiến, đề tài ${when}`],
      intro: [`Tổng hợp báo cáo tiến độ hằng tháng của các khoa, phòng ${when}, tính đến ${dateInWords(monthEnd(month))}:`],
      closing: ['Đề nghị các đơn vị chưa báo cáo bổ sung trước ngày 05 của tháng sau.'],
      orientation: 'landscape',
    },
    fileName: `tien-do-${month}`,
  };
}

/** The lines of the month from the initiatives (with what decides whether they owe a report) and the reports' percentages. */
export function progressLines(
  month: string,
  initiatives: (ReportingLife & { code: string; title: string; unit: string; unitName: string })[],
  reports: { code: string; month: string; percent: number; note: string | null }[],
): ProgressLine[] {
  const reported = new Set(reports.filter((r) => r.month === month).map((r) => r.code));
  const running = new Set(initiatives.filter((i) => countsInMonth(i, month, reported.has(i.code))).map((i) => i.code));
  // Each initiative's reports up to the month, newest first: grouped once, not searched for each initiative.
  const byCode = new Map<string, typeof reports>();
  for (const r of reports) {
    if (r.month > month || !running.has(r.code)) continue;
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  return initiatives.filter((i) => running.has(i.code)).map((i) => {
    const mine = (byCode.get(i.code) ?? []).sort((a, b) => b.month.localeCompare(a.month));
    const now = mine[0]?.month === month ? mine[0] : null;
    const before = mine.find((r) => r.month < month) ?? null;
    return { code: i.code, title: i.title, unit: i.unit, unitName: i.unitName, percent: now?.percent ?? null, previous: before?.percent ?? null, note: now?.note ?? null };
  });
}
