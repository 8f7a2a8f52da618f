/**
 * What recognition brought in a year: each recognition with its bonus as paid, the totals per person
 * and per unit, and the exemplars to consider for succession planning and exchange visits. Pure.
 */
import { compareNames, compareText } from '../domain/names.js';
import type { Labels, Report, ReportSection } from './model.js';
import type { YearData } from './year-data.js';

/** What a recognition was for, in words: the title's name, or the initiative (topic) by its title. */
function recognisedFor(r: YearData['recognitions'][number], t: Labels): string {
  if (!r.work) return r.awardName;
  return t(r.work.kind === 'research' ? 'report.recognisedResearch' : 'report.recognisedInitiative', { title: r.work.title });
}

export function benefitsReport(d: YearData, asOf: string, t: Labels): Report {
  // A title decided above the school brings no money from the school: its bonus is the deciding authority's.
  const recs = d.recognitions.filter((r) => !r.recorded).sort((a, b) => compareNames(a.name, b.name) || a.award.localeCompare(b.award) || a.id - b.id);
  const people = new Map<string, { name: string; unitName: string; count: number; bonus: number; awards: string[] }>();
  for (const r of recs.filter((x) => x.kind === 'person')) {
    const p = people.get(r.subject) ?? { name: r.name, unitName: r.unitName, count: 0, bonus: 0, awards: [] };
    p.count++;
    p.bonus += r.bonus;
    p.awards.push(recognisedFor(r, t));
    people.set(r.subject, p);
  }
  const units = new Map<string, { name: string; count: number; bonus: number }>();
  for (const r of recs) {
    const u = units.get(r.unit) ?? { name: r.unitName, count: 0, bonus: 0 };
    u.count++;
    u.bonus += r.bonus;
    units.set(r.unit, u);
  }
  const exemplars = recs.filter((r) => r.award === 'DHTT' && r.kind === 'person' && r.succession);
  const total = recs.reduce((s, r) => s + r.bonus, 0);
  const shortList = (key: string, heading: string): ReportSection => ({
    kind: 'table', key, heading,
    columns: [{ key: 'no', header: t('report.col.no'), format: 'int', width: 0.08 }, { key: 'name', header: t('report.col.name'), width: 0.4 }, { key: 'unit', header: t('report.col.unit'), width: 0.52 }],
    rows: exemplars.map((r, i) => ({ no: i + 1, name: r.name, unit: r.unitName })),
    empty: t('report.none'),
  });
  return {
    id: 'benefits',
    title: t('report.benefits.title', { year: d.year }),
    period: String(d.year),
    asOf,
    sections: [
      {
        kind: 'table', key: 'recognitions', heading: t('report.section.benefitList'),
        columns: [
          { key: 'name', header: t('report.col.name'), width: 0.24 }, { key: 'unit', header: t('report.col.unit'), width: 0.24 },
          { key: 'award', header: t('report.col.recognisedFor'), width: 0.22 }, { key: 'decision', header: t('report.col.decision'), width: 0.14 },
          { key: 'bonus', header: t('report.col.bonus'), format: 'money', width: 0.18 },
        ],
        rows: recs.map((r) => ({ name: r.name, unit: r.kind === 'person' ? r.unitName : '', award: recognisedFor(r, t), decision: r.decision, bonus: r.bonus })),
        total: recs.length > 0 ? { name: t('report.total'), bonus: total } : undefined,
        empty: t('report.none'),
      },
      {
        kind: 'table', key: 'people', heading: t('report.section.perPerson'),
        columns: [
          { key: 'name', header: t('report.col.name'), width: 0.22 }, { key: 'unit', header: t('report.col.unit'), width: 0.24 },
          { key: 'awards', header: t('report.col.recognisedFor'), width: 0.36 }, { key: 'bonus', header: t('report.col.bonus'), format: 'money', width: 0.18 },
        ],
        rows: [...people.values()].map((p) => ({ name: p.name, unit: p.unitName, awards: p.awards.join('; '), bonus: p.bonus })),
        empty: t('report.none'),
      },
      {
        kind: 'table', key: 'units', heading: t('report.section.perUnit'),
        columns: [{ key: 'unit', header: t('report.col.unit'), width: 0.5 }, { key: 'count', header: t('report.col.count'), format: 'int', width: 0.2 }, { key: 'bonus', header: t('report.col.bonus'), format: 'money', width: 0.3 }],
        rows: [...units.values()].sort((a, b) => compareText(a.name, b.name)).map((u) => ({ unit: u.name, count: u.count, bonus: u.bonus })),
        total: units.size > 0 ? { unit: t('report.total'), count: recs.length, bonus: total } : undefined,
        empty: t('report.none'),
      },
      shortList('succession', t('report.section.succession')),
      shortList('exchange', t('report.section.exchange')),
    ],
    data: {
      year: d.year, asOf, bonusTotal: total,
      recognitions: recs.map((r) => ({ id: r.id, subject: r.subject, name: r.name, unit: r.unit, award: r.award, decision: r.decision, bonus: r.bonus })),
      perPerson: [...people.entries()].map(([subject, p]) => ({ subject, name: p.name, count: p.count, bonus: p.bonus })),
      perUnit: [...units.entries()].map(([unit, u]) => ({ unit, name: u.name, count: u.count, bonus: u.bonus })),
      succession: exemplars.map((r) => ({ subject: r.subject, name: r.name, unit: r.unit })),
      exchangeVisits: exemplars.map((r) => ({ subject: r.subject, name: r.name, unit: r.unit })),
    },
    document: {
      kind: 'BC', type: 'report-benefits', ref: String(d.year), heading: 'BÁO CÁO',
      summary: [`Tiền thưởng và quyền lợi của cá nhân, tập thể được công nhận năm ${d.year}`],
      intro: [`Nhà trường báo cáo các danh hiệu đã công nhận năm ${d.year}, tiền thưởng đã chi (tổng ${total.toLocaleString('de-DE')} đồng) và danh sách điển hình tiên tiến được xem xét quy hoạch, bổ nhiệm và tham gia trao đổi, học tập kinh nghiệm:`],
      closing: [],
    },
    fileName: `quyen-loi-${d.year}`,
  };
}
