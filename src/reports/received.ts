/**
 * What the schools sent the province for a year (`report received`): each school's package, the
 * proposals awaiting the province's decision, and the recognitions by title and by school, with
 * totals. Pure.
 */
import { compareText } from '../domain/names.js';
import { sum, type Labels, type Report } from './model.js';

export interface ReceivedSchoolYear {
  school: string;
  name: string;
  version: string;
  receivedAt: string;
  updatedAt: string;
  /** SHA-256 of the package's manifest.json. */
  package: string;
  proposals: number;
  awaiting: number;
  recognitions: number;
  documents: number;
  signatures: number;
}

export interface ReceivedData {
  year: number;
  asOf: string;
  schools: ReceivedSchoolYear[];
  awaiting: {
    school: string; schoolName: string; subject: string; name: string; kind: 'person' | 'unit'; award: string; awardName: string;
    position: string | null; unit: string; achievement: string;
  }[];
  recognitions: { school: string; schoolName: string; award: string; awardName: string; count: number }[];
}

export function receivedReport(d: ReceivedData, t: Labels): Report {
  const byTitle = new Map<string, { award: string; awardName: string; count: number }>();
  for (const r of d.recognitions) {
    const c = byTitle.get(r.award) ?? { award: r.award, awardName: r.awardName, count: 0 };
    c.count += r.count;
    byTitle.set(r.award, c);
  }
  const titles = [...byTitle.values()].sort((a, b) => compareText(a.award, b.award));
  const total = sum(d.recognitions.map((r) => r.count));
  const day = (iso: string) => iso.slice(0, 10);
  return {
    id: 'received',
    title: t('report.received.title', { year: d.year }),
    period: String(d.year),
    asOf: d.asOf,
    sections: [
      {
        kind: 'table', key: 'schools', heading: t('report.received.schools'),
        columns: [
          { key: 'school', header: t('report.received.col.school'), width: 0.34 }, { key: 'received', header: t('report.received.col.received'), format: 'date', width: 0.14 },
          { key: 'proposals', header: t('report.received.col.proposals'), format: 'int', width: 0.13 }, { key: 'awaiting', header: t('report.received.col.awaiting'), format: 'int', width: 0.13 },
          { key: 'recognitions', header: t('report.received.col.recognitions'), format: 'int', width: 0.13 }, { key: 'documents', header: t('report.received.col.documents'), format: 'int', width: 0.13 },
        ],
        rows: d.schools.map((s) => ({ school: s.name, received: day(s.updatedAt), proposals: s.proposals, awaiting: s.awaiting, recognitions: s.recognitions, documents: s.documents })),
        total: d.schools.length > 0
          ? { school: t('report.total'), proposals: sum(d.schools.map((s) => s.proposals)), awaiting: sum(d.schools.map((s) => s.awaiting)), recognitions: sum(d.schools.map((s) => s.recognitions)), documents: sum(d.schools.map((s) => s.documents)) }
          : undefined,
        empty: t('report.received.none', { year: d.year }),
      },
      {
        kind: 'table', key: 'awaiting', heading: t('report.received.awaiting'),
        columns: [
          { key: 'no', header: t('report.col.no'), format: 'int', width: 0.06 }, { key: 'school', header: t('report.received.col.school'), width: 0.22 },
          { key: 'name', header: t('report.col.name'), width: 0.18 }, { key: 'position', header: t('report.received.col.position'), width: 0.16 },
          { key: 'award', header: t('report.col.award'), width: 0.16 }, { key: 'achievement', header: t('report.received.col.achievement'), width: 0.22 },
        ],
        rows: d.awaiting.map((a, i) => ({ no: i + 1, school: a.schoolName, name: a.name, position: a.position ?? (a.kind === 'unit' ? '' : a.unit), award: a.awardName, achievement: a.achievement })),
        empty: t('report.none'),
      },
      {
        kind: 'table', key: 'byTitle', heading: t('report.received.byTitle'),
        columns: [{ key: 'award', header: t('report.col.award'), width: 0.7 }, { key: 'count', header: t('report.col.count'), format: 'int', width: 0.3 }],
        rows: titles.map((x) => ({ award: x.awardName, count: x.count })),
        total: titles.length > 0 ? { award: t('report.total'), count: total } : undefined,
        empty: t('report.none'),
      },
      {
        kind: 'table', key: 'bySchool', heading: t('report.received.bySchool'),
        columns: [{ key: 'school', header: t('report.received.col.school'), width: 0.45 }, { key: 'award', header: t('report.col.award'), width: 0.35 }, { key: 'count', header: t('report.col.count'), format: 'int', width: 0.2 }],
        rows: d.recognitions.map((r) => ({ school: r.schoolName, award: r.awardName, count: r.count })),
        total: d.recognitions.length > 0 ? { school: t('report.total'), count: total } : undefined,
        empty: t('report.none'),
      },
    ],
    data: { year: d.year, schools: d.schools, awaiting: d.awaiting, recognitions: { byTitle: titles, bySchool: d.recognitions, total } },
    document: {
      kind: 'BC', type: 'report-received', ref: String(d.year), heading: 'BÁO CÁO',
      summary: [`Tổng hợp hồ sơ thi đua, khen thưởng các trường gửi về năm ${d.year}`],
      intro: [`Tổng hợp hồ sơ các trường đã gửi về năm ${d.year}: đề nghị chờ cấp tỉnh quyết định, các danh hiệu đã công nhận theo danh hiệu và theo trường:`],
      closing: [],
      orientation: 'landscape',
    },
    fileName: `ho-so-nhan-${d.year}`,
  };
}
