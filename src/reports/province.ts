/**
 * The proposal to the province (Tờ trình) for provincial-level exemplars: the school's DHTT of the year,
 * and the deadline (rule `deadline.province`, 31 January of the next year by default), said plainly
 * when it has passed. Pure.
 */
import { formatVnDate } from '../domain/dates.js';
import { daysBetween } from '../domain/progress.js';
import { compareNames } from '../domain/names.js';
import type { Labels, Report } from './model.js';
import type { YearData } from './year-data.js';

export function provinceReport(d: YearData, deadline: string, asOf: string, t: Labels): Report {
  const list = d.recognitions.filter((r) => r.award === 'DHTT').sort((a, b) => (a.kind === b.kind ? compareNames(a.name, b.name) : a.kind === 'person' ? -1 : 1));
  const daysLeft = daysBetween(asOf, deadline);
  const late = daysLeft < 0;
  const when = late ? t('report.province.late', { deadline, days: -daysLeft }) : t('report.province.left', { deadline, days: daysLeft });
  const people = list.filter((r) => r.kind === 'person').length;
  return {
    id: 'province',
    title: t('report.province.title', { year: d.year }),
    period: String(d.year),
    asOf,
    sections: [
      {
        kind: 'pairs', key: 'deadline', heading: t('report.section.deadline'), screenOnly: true,
        pairs: [
          { label: t('report.col.deadline'), value: deadline, format: 'date' },
          { label: t('report.col.daysLeft'), value: daysLeft, format: 'int' },
          { label: t('report.col.state'), value: when },
        ],
      },
      {
        kind: 'table', key: 'proposed', heading: t('report.section.proposed', { count: list.length }),
        columns: [
          { key: 'no', header: t('report.col.no'), format: 'int', width: 0.07 }, { key: 'name', header: t('report.col.name'), width: 0.3 },
          { key: 'unit', header: t('report.col.unit'), width: 0.3 }, { key: 'decision', header: t('report.col.decision'), width: 0.33 },
        ],
        rows: list.map((r, i) => ({ no: i + 1, name: r.name, unit: r.kind === 'person' ? r.unitName : '', decision: `${r.decision} (${formatVnDate(r.decidedOn)})` })),
        empty: t('report.province.none', { year: d.year }),
      },
    ],
    data: {
      year: d.year, asOf, deadline, daysLeft, late,
      proposed: list.map((r) => ({ subject: r.subject, name: r.name, kind: r.kind, unit: r.unit, decision: r.decision, decidedOn: r.decidedOn })),
    },
    document: {
      kind: 'TTr', type: 'province-proposal', ref: String(d.year), heading: 'TỜ TRÌNH',
      summary: [`Đề nghị công nhận điển hình tiên tiến cấp tỉnh năm ${d.year}`],
      intro: [
        `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và kết quả bình xét, công nhận điển hình tiên tiến cấp cơ sở năm ${d.year}, Nhà trường kính trình Ban Thi đua – Khen thưởng tỉnh xem xét, đề nghị công nhận điển hình tiên tiến cấp tỉnh cho ${[people > 0 ? `${people} cá nhân` : '', list.length - people > 0 ? `${list.length - people} tập thể` : ''].filter(Boolean).join(' và ') || 'các cá nhân, tập thể'} có tên trong danh sách dưới đây, đã được Hiệu trưởng công nhận điển hình tiên tiến cấp cơ sở.`,
      ],
      closing: [`Hồ sơ gửi kèm theo Tờ trình gồm: báo cáo thành tích của từng cá nhân, tập thể và biên bản họp Hội đồng Thi đua – Khen thưởng Trường. Kính trình Ban Thi đua – Khen thưởng tỉnh xem xét, quyết định.`],
      recipients: ['Ban Thi đua – Khen thưởng tỉnh', 'Ban Giám hiệu', 'Lưu: VT, TĐKT'],
    },
    fileName: `to-trinh-tinh-${d.year}`,
  };
}
