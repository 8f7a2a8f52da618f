/**
 * The annual report to the provincial board: "Báo cáo kết quả phát hiện, bồi dưỡng, nhân rộng điển
 * hình tiên tiến năm …" (registrations, initiatives, monthly reporting, ratings, nominations and
 * ballots, recognitions and bonuses, quarterly commendations, dissemination), with charts; then the
 * assessment and next year's direction, which are the clerk's own words (`--notes`, reports/notes.ts),
 * never the program's. Without them the document can only be a draft. Pure.
 */
import { amountInWords, formatMoney } from '../domain/money.js';
import type { Labels, Report, ReportSection } from './model.js';
import { NOTES_KEYS, notesHeading, notesHeadings, type AnnualNotes } from './notes.js';
import type { YearData } from './year-data.js';
import {
  commendationsSection, disseminationSection, initiativesRecognised, initiativesSection, monthsOf, nominationsSection, ratingsSection,
  recognitionsSection, registrationsSection, registrationsTotal, reportingSection, titlesOnly,
} from './sections.js';

/** The assessment sections: what the clerk wrote (a part not written stays empty: a draft prints room for it). */
function assessmentSections(year: number, notes: Partial<AnnualNotes>, t: Labels): ReportSection[] {
  return [
    {
      kind: 'text', key: 'assessment', heading: t('report.section.assessment'), paragraphs: [],
      parts: (['strengths', 'shortcomings', 'causes'] as const).map((k) => ({ heading: t(`report.notes.${k}`), paragraphs: notes[k] ?? [] })),
    },
    { kind: 'text', key: 'direction', heading: t('report.section.direction', { year: year + 1 }), paragraphs: notes.direction ?? [] },
  ];
}

/** `notes`: the clerk's assessment (`--notes`), or null when none was given. */
export function annualReport(d: YearData, asOf: string, t: Labels, notes: Partial<AnnualNotes> | null = null): Report {
  const reg = registrationsSection(d, t);
  const ini = initiativesSection(d, t);
  const rep = reportingSection(d, monthsOf(d.year, asOf), t);
  const rat = ratingsSection(d, [`${d.year}-Q1`, `${d.year}-Q2`, `${d.year}-Q3`, `${d.year}-Q4`, String(d.year)], t);
  const nom = nominationsSection(d, t);
  const rec = recognitionsSection(d, d.recognitions, t);
  const com = commendationsSection(d, t);
  const dis = disseminationSection(d.dissemination, t);
  const sections: ReportSection[] = [reg.section, ini.section, rep.section, rat.section];
  if (rat.chart) sections.push(rat.chart);
  sections.push(nom.section, rec.section);
  if (rec.chart) sections.push(rec.chart);
  sections.push(com.section, dis.section, ...assessmentSections(d.year, notes ?? {}, t));
  const titles = titlesOnly(d.recognitions);
  const exemplars = titles.filter((r) => r.award === 'DHTT').length;
  const missing = notes === null
    ? [{ key: 'document.missing.notes', params: { headings: notesHeadings(d.year) } }]
    : NOTES_KEYS.filter((k) => !notes[k]).map((k) => ({ key: 'document.missing.notesPart', params: { heading: notesHeading(k, d.year) } }));
  return {
    id: 'annual',
    title: t('report.annual.title', { year: d.year }),
    period: String(d.year),
    asOf,
    sections,
    data: {
      year: d.year,
      asOf,
      units: d.units.map((u) => ({ code: u.code, name: u.name })),
      registrations: reg.data,
      initiatives: ini.data,
      reporting: rep.data,
      ratings: rat.data,
      nominations: nom.data,
      recognitions: d.recognitions.map((r) => ({ id: r.id, subject: r.subject, name: r.name, award: r.award, decision: r.decision, decidedOn: r.decidedOn, bonus: r.bonus })),
      bonusTotal: rec.bonusTotal,
      commendations: com.data,
      dissemination: dis.data,
      assessment: notes === null ? null : Object.fromEntries(NOTES_KEYS.map((k) => [k, notes[k] ?? []])),
    },
    document: {
      kind: 'BC',
      type: 'report-annual',
      ref: String(d.year),
      heading: 'BÁO CÁO',
      summary: [`Kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm ${d.year}`],
      intro: [
        `Thực hiện Kế hoạch phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến, Nhà trường báo cáo kết quả năm ${d.year}: ${registrationsTotal(d)} lượt đăng ký danh hiệu thi đua; ${d.initiatives.length} sáng kiến, đề tài đăng ký; ${titles.length - exemplars} lượt được công nhận danh hiệu thi đua, ${exemplars} điển hình tiên tiến, ${initiativesRecognised(d.recognitions)} sáng kiến, đề tài được công nhận; tổng tiền thưởng đã chi ${formatMoney(rec.bonusTotal)} đồng (Bằng chữ: ${amountInWords(rec.bonusTotal)}), cụ thể như sau:`,
      ],
      closing: ['Trên đây là báo cáo kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm ' + d.year + ' của Nhà trường.'],
      missing,
    },
    fileName: `bao-cao-nam-${d.year}`,
  };
}
