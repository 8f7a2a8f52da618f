/** The quarter's report: the commendation list, ratings, recognitions, initiative decisions and monthly reporting of the quarter. Pure. */
import { periodRange, type Period } from '../domain/periods.js';
import { quarterOpen, quarterWords, reasonText } from './commend.js';
import type { Labels, Report, ReportSection } from './model.js';
import type { YearData } from './year-data.js';
import { ratingsSection, recognitionsSection, reportingSection } from './sections.js';

export function quarterlyReport(d: YearData, quarter: Period & { kind: 'quarter' }, asOf: string, t: Labels): Report {
  const { from, to } = periodRange(quarter);
  const when = quarterWords(quarter.text, t);
  const list = d.commendations.find((c) => c.quarter === quarter.text)?.entries ?? [];
  const months = [0, 1, 2].map((i) => `${quarter.year}-${String((quarter.quarter - 1) * 3 + 1 + i).padStart(2, '0')}`).filter((m) => `${m}-01` <= asOf);
  const recs = d.recognitions.filter((r) => r.decidedOn >= from && r.decidedOn <= to);
  const decided = d.initiatives.filter((i) => i.decidedOn !== null && i.decidedOn >= from && i.decidedOn <= to);
  const rat = ratingsSection(d, [quarter.text], t);
  const rec = recognitionsSection(d, recs, t);
  const commend: ReportSection = {
    kind: 'table', key: 'commend', heading: t('commend.heading', { quarter: when, count: list.length }),
    columns: [{ key: 'name', header: t('report.col.name'), width: 0.3 }, { key: 'unit', header: t('report.col.unit'), width: 0.3 }, { key: 'reasons', header: t('commend.col.reasons'), width: 0.4 }],
    rows: list.map((e) => ({ name: e.name, unit: e.unitName, reasons: e.reasons.map((r) => reasonText(r, t)).join('\n') })),
    empty: t('commend.empty', { quarter: when }),
  };
  const decisions: ReportSection = {
    kind: 'table', key: 'decisions', heading: t('report.section.decisions'),
    columns: [
      { key: 'code', header: t('report.col.code'), width: 0.15, screenOnly: true }, { key: 'title', header: t('report.col.title'), width: 0.4 },
      { key: 'unit', header: t('report.col.unit'), width: 0.25 }, { key: 'decision', header: t('report.col.decision'), width: 0.2 },
    ],
    rows: decided.map((i) => ({ code: i.code, title: i.title, unit: i.unitName, decision: t(`report.stage.${i.status === 'recognised' ? 'recognised' : 'rejected'}`) })),
    empty: t('report.none'),
  };
  const rep = reportingSection(d, months, t);
  return {
    id: 'quarterly',
    title: t('report.quarterly.title', { quarter: when }),
    period: quarter.text,
    asOf,
    sections: [commend, rat.section, rec.section, decisions, rep.section],
    data: {
      quarter: quarter.text,
      asOf,
      commended: list.map((e) => ({ subject: e.subject, name: e.name, unit: e.unit })),
      ratings: rat.data,
      recognitions: recs.map((r) => ({ subject: r.subject, name: r.name, award: r.award, decision: r.decision, decidedOn: r.decidedOn, bonus: r.bonus })),
      bonusTotal: rec.bonusTotal,
      decisions: decided.map((i) => ({ code: i.code, title: i.title, unit: i.unit, status: i.status, decidedOn: i.decidedOn })),
      reporting: rep.data,
    },
    document: {
      kind: 'BC', type: 'report-quarterly', ref: quarter.text, heading: 'BÁO CÁO',
      summary: [`Kết quả công tác thi đua, khen thưởng ${when}`],
      intro: [`Nhà trường báo cáo kết quả công tác thi đua, khen thưởng và phát hiện, bồi dưỡng điển hình tiên tiến ${when} như sau:`],
      closing: [],
      missing: quarterOpen(quarter.text, asOf, t),
    },
    fileName: `bao-cao-quy-${quarter.year}-Q${quarter.quarter}`,
  };
}
