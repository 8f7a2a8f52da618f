/**
 * The quarterly commendation list (DOMAIN.md "Quarterly commendation"): everyone who, in the quarter,
 * was rated HTXSNV for it, is an author of an initiative recognised in it, or was recognised with a
 * title by a decision dated in it; each with the reasons, and the achievements logged in the quarter as
 * evidence. Sorted the Vietnamese way. Pure: the same data gives the same list.
 */
import { sortByName } from '../domain/names.js';
import { formatVnDate } from '../domain/dates.js';
import { parsePeriod, periodRange } from '../domain/periods.js';
import type { Detail } from '../domain/errors.js';
import type { Labels, Report, ReportSection } from './model.js';

export type CommendReason =
  | { kind: 'rating'; rating: string; period: string }
  /** `work`: an initiative or a research topic (lists frozen before it was recorded hold initiatives). */
  | { kind: 'initiative'; code: string; title: string; decidedOn: string; work?: 'initiative' | 'research' }
  | { kind: 'recognition'; award: string; awardName: string; decision: string; decidedOn: string };

export interface CommendEvidence {
  date: string;
  text: string;
}

export interface CommendEntry {
  subject: string;
  name: string;
  unit: string;
  unitName: string;
  reasons: CommendReason[];
  evidence: CommendEvidence[];
}

interface Person {
  code: string;
  name: string;
  unit: string;
  unitName: string;
}

export interface CommendInput {
  quarter: string;
  /** People rated HTXSNV for the quarter. */
  excellent: (Person & { rating: string })[];
  /** Initiatives recognised by a decision dated in the quarter, with their authors. */
  initiatives: { code: string; title: string; kind: 'initiative' | 'research'; decidedOn: string; authors: Person[] }[];
  /** Titles granted to people by decisions dated in the quarter (not revoked; an initiative is not a title). */
  recognitions: (Person & { award: string; awardName: string; decision: string; decidedOn: string })[];
  /** Achievements of people logged in the quarter. */
  achievements: { subject: string; date: string; text: string }[];
}

const reasonOrder = { rating: 0, initiative: 1, recognition: 2 } as const;

export function selectCommendations(input: CommendInput): CommendEntry[] {
  const entries = new Map<string, CommendEntry>();
  const entry = (p: Person) => {
    let e = entries.get(p.code);
    if (!e) entries.set(p.code, (e = { subject: p.code, name: p.name, unit: p.unit, unitName: p.unitName, reasons: [], evidence: [] }));
    return e;
  };
  for (const p of input.excellent) entry(p).reasons.push({ kind: 'rating', rating: p.rating, period: input.quarter });
  for (const i of input.initiatives) {
    for (const a of i.authors) entry(a).reasons.push({ kind: 'initiative', code: i.code, title: i.title, decidedOn: i.decidedOn, work: i.kind });
  }
  for (const r of input.recognitions) {
    entry(r).reasons.push({ kind: 'recognition', award: r.award, awardName: r.awardName, decision: r.decision, decidedOn: r.decidedOn });
  }
  for (const a of input.achievements) entries.get(a.subject)?.evidence.push({ date: a.date, text: a.text });
  const key = (r: CommendReason) => `${reasonOrder[r.kind]}|${'decidedOn' in r ? r.decidedOn : ''}|${'code' in r ? r.code : 'award' in r ? r.award : ''}`;
  for (const e of entries.values()) {
    e.reasons.sort((a, b) => key(a).localeCompare(key(b)));
    e.evidence.sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
  }
  // The Vietnamese way, then by code (each name cleaned once, not at every comparison).
  return sortByName([...entries.values()].sort((a, b) => a.subject.localeCompare(b.subject)), (e) => e.name);
}

/** A date inside a sentence: in words in Vietnamese ("ngày 20 tháng 11 năm 2025", as dateInWords writes it). */
export function dateWords(iso: string, t: Labels): string {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  if (!y) return iso;
  return t('commend.dateWords', { day: d, month: Number(m) <= 2 ? m : String(Number(m)), year: y });
}

/**
 * A reason as the notice writes it: a rating by its name, an initiative by its title, a title by its
 * name (an exemplar as "điển hình tiên tiến", which is not a danh hiệu), dates in words; never a code.
 */
export function reasonText(r: CommendReason, t: Labels): string {
  switch (r.kind) {
    case 'rating':
      return t('commend.reason.rating', { quarter: quarterWords(r.period, t) });
    case 'initiative':
      return t(r.work === 'research' ? 'commend.reason.research' : 'commend.reason.initiative', { title: r.title, day: dateWords(r.decidedOn, t) });
    case 'recognition': {
      const day = dateWords(r.decidedOn, t);
      // A list frozen before initiatives stopped being listed as titles may hold one: words, not its code.
      if (r.award === 'SK') return t('commend.reason.initiativeDecision', { decision: r.decision, day });
      if (r.award === 'DHTT') return t('commend.reason.exemplar', { decision: r.decision, day });
      return t('commend.reason.recognition', { award: r.awardName, decision: r.decision, day });
    }
  }
}

/**
 * What a quarter's documents lack while it runs (DOMAIN.md "Drafts and issued documents"): nothing
 * once it has ended; before that, only a draft can be printed.
 */
export function quarterOpen(quarter: string, asOf: string, t: Labels): Detail[] {
  const end = periodRange(parsePeriod(quarter)!).to;
  return end >= asOf ? [{ key: 'document.missing.quarterOpen', params: { quarter: quarterWords(quarter, t), end: formatVnDate(end) } }] : [];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "quý IV năm 2025" / "Q4 2025". */
export function quarterWords(quarter: string, t: Labels): string {
  const [y, q] = quarter.split('-Q');
  return t('commend.quarterWords', { year: y, q, roman: ROMAN[Number(q) - 1] });
}

/** Who a final list has that the data would no longer give, and the other way round. */
export function compareLists(frozen: CommendEntry[], current: CommendEntry[]): { added: string[]; removed: string[]; changed: string[] } {
  const f = new Map(frozen.map((e) => [e.subject, e]));
  const c = new Map(current.map((e) => [e.subject, e]));
  const sig = (e: CommendEntry) => JSON.stringify([e.reasons, e.evidence]);
  return {
    added: current.filter((e) => !f.has(e.subject)).map((e) => e.name),
    removed: frozen.filter((e) => !c.has(e.subject)).map((e) => e.name),
    changed: current.filter((e) => f.has(e.subject) && sig(f.get(e.subject)!) !== sig(e)).map((e) => e.name),
  };
}

export interface CommendReportOptions {
  quarter: string;
  asOf: string;
  final: boolean;
}

/** The list as a report: one table (STT, name, unit, reasons, evidence), and its notice (TB) for Word. */
export function commendReport(entries: CommendEntry[], opts: CommendReportOptions, t: Labels): Report {
  const when = quarterWords(opts.quarter, t);
  const table: ReportSection = {
    kind: 'table',
    key: 'entries',
    heading: t('commend.heading', { quarter: when, count: entries.length }),
    columns: [
      { key: 'no', header: t('report.col.no'), format: 'int', width: 0.05 },
      { key: 'name', header: t('report.col.name'), width: 0.17 },
      { key: 'unit', header: t('report.col.unit'), width: 0.18 },
      { key: 'reasons', header: t('commend.col.reasons'), width: 0.4 },
      { key: 'evidence', header: t('commend.col.evidence'), width: 0.2 },
    ],
    rows: entries.map((e, i) => ({
      no: i + 1,
      name: e.name,
      unit: e.unitName,
      reasons: e.reasons.map((r) => reasonText(r, t)).join('\n'),
      evidence: e.evidence.map((a) => `${formatVnDate(a.date)}: ${a.text}`).join('\n'),
    })),
    empty: t('commend.empty', { quarter: when }),
  };
  const [year, q] = opts.quarter.split('-Q');
  return {
    id: 'commend',
    title: t('commend.title', { quarter: when }),
    period: opts.quarter,
    asOf: opts.asOf,
    sections: [table],
    data: {
      quarter: opts.quarter,
      final: opts.final,
      entries: entries.map((e) => ({
        subject: e.subject,
        name: e.name,
        unit: e.unit,
        unitName: e.unitName,
        reasons: e.reasons.map((r) => reasonText(r, t)),
        evidence: e.evidence,
      })),
    },
    document: {
      kind: 'TB',
      type: 'commend-list',
      ref: opts.quarter,
      heading: 'THÔNG BÁO',
      summary: [`Danh sách cá nhân được tuyên dương ${when}`],
      intro: [
        `Căn cứ kết quả đánh giá, xếp loại chất lượng ${when}, các quyết định công nhận sáng kiến và danh hiệu thi đua ban hành trong quý, Nhà trường thông báo danh sách ${entries.length} cá nhân được tuyên dương tại hội nghị giao ban ${when} như sau:`,
      ],
      closing: ['Đề nghị các khoa, phòng phổ biến đến viên chức, người lao động; tiếp tục phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến.'],
      orientation: 'landscape',
      // A list read out (final) is complete; otherwise not before its quarter has ended.
      missing: opts.final ? [] : quarterOpen(opts.quarter, opts.asOf, t),
    },
    fileName: `tuyen-duong-${year}-Q${q}`,
  };
}
