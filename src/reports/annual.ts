/**
 * The annual report to the provincial board: "Báo cáo kết quả phát hiện, bồi dưỡng, nhân rộng điển
 * hình tiên tiến năm …" (registrations, initiatives, monthly reporting, ratings, nominations and
 * ballots, recognitions and bonuses, quarterly commendations, dissemination), with charts. Pure.
 */
import type { Labels, Report, ReportSection } from './model.js';
import type { YearData } from './year-data.js';
import {
  commendationsSection, disseminationSection, initiativesSection, monthsOf, nominationsSection, ratingsSection, recognitionsSection,
  registrationsSection, reportingSection,
} from './sections.js';

export function annualReport(d: YearData, asOf: string, t: Labels): Report {
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
  sections.push(com.section, dis.section);
  const exemplars = d.recognitions.filter((r) => r.award === 'DHTT').length;
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
    },
    document: {
      kind: 'BC',
      type: 'report-annual',
      ref: String(d.year),
      heading: 'BÁO CÁO',
      summary: [`Kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm ${d.year}`],
      intro: [
        `Thực hiện Kế hoạch phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến, Nhà trường báo cáo kết quả năm ${d.year}: ${d.registrations.length} lượt đăng ký danh hiệu thi đua, ${d.initiatives.length} sáng kiến, đề tài đăng ký, ${d.recognitions.length} lượt được công nhận (trong đó ${exemplars} điển hình tiên tiến), tổng tiền thưởng đã chi ${rec.bonusTotal.toLocaleString('de-DE')} đồng, cụ thể như sau:`,
      ],
      closing: ['Trên đây là báo cáo kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm ' + d.year + ' của Nhà trường.'],
      recipients: ['Ban Thi đua – Khen thưởng tỉnh', 'Ban Giám hiệu', 'Lưu: VT, TĐKT'],
    },
    fileName: `bao-cao-nam-${d.year}`,
  };
}
