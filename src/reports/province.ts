/**
 * The proposal to the province (Tờ trình, DOMAIN.md "Who decides, and what the school sends up"): the
 * titles decided above the school (the rule `authority.<TITLE>`) for everyone the council's ballot passed,
 * and the school's exemplars of the year proposed for recognition at the provincial level. It is addressed
 * as the data says ("Kính gửi:", rule `province.addressee`), asks the authority that decides ("kính trình
 * Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định", rule `province.decider`), rests on the counting
 * minutes and the principal's decisions (cited with number and date in words), and lists each nominee
 * with position and achievement. The deadline (rule `deadline.province`) is for the clerk's screen only.
 * Pure: services/province.ts loads what it is built from.
 */
import { dateInWords } from '../domain/documents.js';
import { daysBetween } from '../domain/progress.js';
import type { Labels, Report, ReportSection } from './model.js';

export interface ProvinceNominee {
  /** Person or unit code (JSON only; documents never show codes). */
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  /** "Giảng viên chính"; null when none is recorded (and for a unit). */
  position: string | null;
  /** The person's unit, or the unit itself. */
  unit: string;
  unitName: string;
  /** What the nominee achieved, as the clerk typed it on the nomination (citation, else summary). */
  achievement: string;
  nomination: number | null;
  /** Once the province's decision is recorded (JSON only: the proposal as sent does not change). */
  decided: { number: string; date: string; issuer: string } | null;
}

export interface ProvinceGroup {
  /** `title`: a title decided above the school; `exemplar`: the school's exemplars proposed for the provincial level. */
  kind: 'title' | 'exemplar';
  award: string;
  awardName: string;
  nominees: ProvinceNominee[];
}

/** A document the proposal rests on: the counting minutes, the principal's decision. */
export interface ProvinceBasis {
  kind: 'minutes' | 'decision';
  symbol: string;
  date: string;
  /** Whose document it is, as the basis line names it ("Hội đồng Thi đua – Khen thưởng Trường", "Hiệu trưởng Trường Chính trị tỉnh Đồng Nai"). */
  author: string;
  /** What it is about ("bỏ phiếu danh hiệu “Tập thể lao động xuất sắc” năm 2025"). */
  about: string;
}

export interface ProvinceProposal {
  year: number;
  asOf: string;
  deadline: string;
  /** "Hội đồng Thi đua – Khen thưởng tỉnh" (one a line). */
  addressees: string[];
  /** "Chủ tịch Ủy ban nhân dân tỉnh". */
  decider: string;
  /** The school as running text names it ("Trường Chính trị tỉnh Đồng Nai"). */
  school: string;
  basis: ProvinceBasis[];
  groups: ProvinceGroup[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "01 tập thể", "04 cá nhân và 01 tập thể" (documents count with two digits). */
function countWords(list: ProvinceNominee[]): string {
  const people = list.filter((n) => n.kind === 'person').length;
  const units = list.length - people;
  return [people > 0 ? `${pad(people)} cá nhân` : '', units > 0 ? `${pad(units)} tập thể` : ''].filter(Boolean).join(' và ');
}

/** What is asked for a group, as the proposing sentence words it. */
function ask(g: ProvinceGroup, year: number): string {
  return g.kind === 'title'
    ? `tặng danh hiệu “${g.awardName}” năm ${year} cho ${countWords(g.nominees)}`
    : `công nhận điển hình tiên tiến cấp tỉnh năm ${year} cho ${countWords(g.nominees)}`;
}

/** The summary line under "TỜ TRÌNH". */
function summaryOf(p: ProvinceProposal): string {
  const titles = p.groups.filter((g) => g.kind === 'title');
  const exemplars = p.groups.some((g) => g.kind === 'exemplar');
  const what =
    titles.length === 1 && !exemplars
      ? `tặng danh hiệu “${titles[0].awardName}”`
      : titles.length > 0 && exemplars
        ? 'tặng danh hiệu thi đua và công nhận điển hình tiên tiến cấp tỉnh'
        : titles.length > 0
          ? 'tặng danh hiệu thi đua'
          : 'công nhận điển hình tiên tiến cấp tỉnh';
  return `Đề nghị ${what} năm ${p.year}`;
}

/** The school's emulation council, as the proposal names it. */
const SCHOOL_COUNCIL = 'Hội đồng Thi đua – Khen thưởng Trường';

/** The council's counting minutes of the ballot on a title, as a basis of the proposal. */
export function minutesBasis(symbol: string, date: string, awardName: string, year: number): ProvinceBasis {
  return { kind: 'minutes', symbol, date, author: SCHOOL_COUNCIL, about: `về kết quả bỏ phiếu danh hiệu “${awardName}” năm ${year}` };
}

/** The principal's decision recognising the year's exemplars, as a basis of the proposal. */
export function exemplarDecisionBasis(symbol: string, date: string, head: { headTitle: string; fullName: string }, year: number): ProvinceBasis {
  return { kind: 'decision', symbol, date, author: `${head.headTitle} ${head.fullName}`, about: `về việc công nhận điển hình tiên tiến năm ${year}` };
}

function basisLine(b: ProvinceBasis, last: boolean): string {
  const kind = b.kind === 'minutes' ? 'Biên bản kiểm phiếu' : 'Quyết định';
  return `Căn cứ ${kind} số ${b.symbol} ${dateInWords(b.date)} của ${b.author} ${b.about}${last ? '.' : ';'}`;
}

function groupSection(g: ProvinceGroup, year: number, t: Labels, i: number): ReportSection {
  const people = g.nominees.filter((n) => n.kind === 'person').length;
  const units = g.nominees.length - people;
  const count = [people > 0 ? t('report.province.countPeople', { n: people }) : '', units > 0 ? t('report.province.countUnits', { n: units }) : ''].filter(Boolean).join(', ');
  const nameHeader = g.nominees.every((n) => n.kind === 'unit') ? 'report.col.unitName' : g.nominees.some((n) => n.kind === 'unit') ? 'report.col.nameOrUnit' : 'report.col.name';
  return {
    kind: 'table',
    key: `proposed${i + 1}`,
    heading: t(g.kind === 'title' ? 'report.province.group.title' : 'report.province.group.exemplar', { awardName: g.awardName, year, count }),
    columns: [
      { key: 'no', header: t('report.col.no'), format: 'int', width: 0.07 },
      { key: 'name', header: t(nameHeader), width: 0.24 },
      { key: 'position', header: t('report.col.positionUnit'), width: 0.27 },
      { key: 'achievement', header: t('report.col.achievement'), width: 0.42 },
    ],
    rows: g.nominees.map((n, k) => ({
      no: k + 1,
      name: n.name,
      position: n.kind === 'person' ? [n.position, n.unitName].filter(Boolean).join(', ') : '',
      achievement: n.achievement,
    })),
  };
}

export function provinceReport(p: ProvinceProposal, t: Labels): Report {
  const daysLeft = daysBetween(p.asOf, p.deadline);
  const late = daysLeft < 0;
  const when = late ? t('report.province.late', { deadline: p.deadline, days: -daysLeft }) : t('report.province.left', { deadline: p.deadline, days: daysLeft });
  const groups = p.groups.filter((g) => g.nominees.length > 0);
  const tables: ReportSection[] =
    groups.length > 0
      ? groups.map((g, i) => groupSection(g, p.year, t, i))
      : [{
          kind: 'table', key: 'proposed', heading: t('report.section.proposed', { count: 0 }),
          columns: [{ key: 'no', header: t('report.col.no'), format: 'int' }, { key: 'name', header: t('report.col.name') }, { key: 'position', header: t('report.col.positionUnit') }, { key: 'achievement', header: t('report.col.achievement') }],
          rows: [], empty: t('report.province.none', { year: p.year }),
        }];
  const request = groups.map((g) => ask(g, p.year)).join('; ');
  const intro = [
    ...p.basis.map((b, i) => basisLine(b, i === p.basis.length - 1)),
    ...(request ? [`${p.school} đề nghị ${request}, có tên và thành tích như sau:`] : []),
  ];
  return {
    id: 'province',
    title: t('report.province.title', { year: p.year }),
    period: String(p.year),
    asOf: p.asOf,
    sections: [
      {
        kind: 'pairs', key: 'deadline', heading: t('report.section.deadline'), screenOnly: true,
        pairs: [
          { label: t('report.col.deadline'), value: p.deadline, format: 'date' },
          { label: t('report.col.daysLeft'), value: daysLeft, format: 'int' },
          { label: t('report.col.state'), value: when },
        ],
      },
      ...tables,
    ],
    data: {
      year: p.year, asOf: p.asOf, deadline: p.deadline, daysLeft, late, addressees: p.addressees, decider: p.decider,
      proposed: groups.flatMap((g) => g.nominees.map((n) => ({ group: g.kind, award: g.award, awardName: g.awardName, ...n }))),
    },
    document: {
      kind: 'TTr', type: 'province-proposal', ref: String(p.year), heading: 'TỜ TRÌNH',
      summary: [summaryOf(p)],
      addressees: p.addressees,
      intro,
      closing: [
        ...(groups.length > 0 ? [`Hồ sơ kèm theo gồm: báo cáo thành tích của từng cá nhân, tập thể; biên bản kiểm phiếu của ${SCHOOL_COUNCIL}.`] : []),
        `${p.school} kính trình ${p.decider} xem xét, quyết định./.`,
      ],
    },
    fileName: `to-trinh-tinh-${p.year}`,
  };
}
