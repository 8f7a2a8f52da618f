/** Sections several reports share, each built from the plain year data (pure). */
import { compareNames, compareText, sortByName } from '../domain/names.js';
import type { Cell, Labels, ReportColumn, ReportSection } from './model.js';
import type { DisseminationRow, YearData } from './year-data.js';
import { quarterWords } from './commend.js';

const LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
const col = (key: string, header: string, format?: ReportColumn['format'], width?: number): ReportColumn => ({ key, header, format, width });
const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a * 1000) / b) / 10);
/** "quý IV năm 2025" at the start of a cell: "Quý IV năm 2025". */
const cap = (x: string) => x.charAt(0).toLocaleUpperCase('vi') + x.slice(1);

/** How many registrations are in force in the year. */
export const registrationsTotal = (d: YearData) => d.registrations.reduce((n, r) => n + r.count, 0);

/** Registrations: a row per unit (a unit's members and itself), a column per title, and the totals. */
export function registrationsSection(d: YearData, t: Labels): { section: ReportSection; data: unknown } {
  const awards = [...new Set(d.registrations.map((r) => r.award))].sort();
  const awardName = new Map(d.registrations.map((r) => [r.award, r.awardName]));
  const units = [...new Set(d.registrations.map((r) => r.unit))]
    .map((code) => ({ code, name: d.registrations.find((r) => r.unit === code)!.unitName }))
    .sort((a, b) => compareText(a.name, b.name));
  const sum = (rows: YearData['registrations']) => rows.reduce((n, r) => n + r.count, 0);
  const rows = units.map((u) => {
    const mine = d.registrations.filter((r) => r.unit === u.code);
    const row: Record<string, Cell> = { unit: u.name, total: sum(mine) };
    for (const a of awards) row[a] = sum(mine.filter((r) => r.award === a));
    return row;
  });
  const total: Record<string, Cell> = { unit: t('report.total'), total: registrationsTotal(d) };
  for (const a of awards) total[a] = sum(d.registrations.filter((r) => r.award === a));
  return {
    section: {
      kind: 'table', key: 'registrations', heading: t('report.section.registrations'),
      columns: [col('unit', t('report.col.unit'), 'text', 0.3), ...awards.map((a) => col(a, awardName.get(a) ?? a, 'int')), col('total', t('report.total'), 'int', 0.09)],
      rows, total: rows.length > 0 ? total : undefined, empty: t('report.none'),
    },
    data: {
      total: registrationsTotal(d),
      byTitle: Object.fromEntries(awards.map((a) => [a, total[a]])),
      byUnit: units.map((u, i) => ({ unit: u.code, unitName: u.name, ...Object.fromEntries(awards.map((a) => [a, rows[i][a]])), total: rows[i].total })),
    },
  };
}

const STAGES = ['registered', 'running', 'recognised', 'rejected', 'withdrawn'] as const;
function stageOf(status: string): (typeof STAGES)[number] {
  if (status === 'registered') return 'registered';
  if (status === 'in_progress' || status === 'applied') return 'running';
  return status as 'recognised' | 'rejected' | 'withdrawn';
}

/** Initiatives and research topics registered in the year, by where they stand. */
export function initiativesSection(d: YearData, t: Labels): { section: ReportSection; data: Record<string, Record<string, number>> } {
  const data: Record<string, Record<string, number>> = {};
  const rows = (['initiative', 'research'] as const).map((kind) => {
    const mine = d.initiatives.filter((i) => i.kind === kind);
    const counts: Record<string, number> = { total: mine.length };
    for (const s of STAGES) counts[s] = mine.filter((i) => stageOf(i.status) === s).length;
    data[kind] = counts;
    return { kind: t(`report.kind.${kind}`), ...counts };
  });
  return {
    section: {
      kind: 'table', key: 'initiatives', heading: t('report.section.initiatives'),
      columns: [col('kind', '', 'text', 0.2), col('total', t('report.col.registeredTotal'), 'int'), ...STAGES.map((s) => col(s, t(`report.stage.${s}`), 'int'))],
      rows,
    },
    data,
  };
}

/** Per unit: the monthly reports due (initiatives running in the month) and made, and the months with gaps. */
export function reportingSection(d: YearData, months: string[], t: Labels): { section: ReportSection; data: unknown } {
  const wanted = new Set(months);
  const byUnit = new Map<string, { unitName: string; due: number; made: number; gaps: Set<string> }>();
  for (const r of d.reporting) {
    if (!wanted.has(r.month)) continue;
    const u = byUnit.get(r.unit) ?? { unitName: r.unitName, due: 0, made: 0, gaps: new Set<string>() };
    u.due += r.due;
    u.made += r.made;
    if (r.made < r.due) u.gaps.add(r.month);
    byUnit.set(r.unit, u);
  }
  const units = [...byUnit.entries()].sort((a, b) => compareText(a[1].unitName, b[1].unitName));
  const rows = units.map(([code, u]) => ({
    unit: u.unitName, code, due: u.due, made: u.made, missing: u.due - u.made, rate: pct(u.made, u.due),
    gaps: [...u.gaps].sort().map((m) => m.slice(5).replace(/^0/, '')).join(', '),
  }));
  return {
    section: {
      kind: 'table', key: 'reporting', heading: t('report.section.reporting'),
      columns: [
        col('unit', t('report.col.unit'), 'text', 0.3), col('due', t('report.col.due'), 'int'), col('made', t('report.col.made'), 'int'),
        col('missing', t('report.col.missing'), 'int'), col('rate', t('report.col.rate'), 'percent'), col('gaps', t('report.col.gapMonths'), 'text', 0.22),
      ],
      rows, empty: t('report.none'),
    },
    data: rows.map((r) => ({ unit: r.code, unitName: r.unit, due: r.due, made: r.made, missing: r.missing, rate: r.rate, gapMonths: r.gaps })),
  };
}

/** Ratings by period and level. */
export function ratingsSection(d: YearData, periods: string[], t: Labels): { section: ReportSection; data: Record<string, Record<string, number>>; chart: ReportSection | null } {
  const data: Record<string, Record<string, number>> = {};
  const label = (p: string) => cap(p.includes('-Q') ? quarterWords(p, t) : t('report.yearWord', { year: p }));
  const rows = periods.map((p) => {
    const mine = d.ratings.filter((r) => r.period === p);
    const count = (rows: typeof mine) => rows.reduce((n, r) => n + r.count, 0);
    const counts: Record<string, number> = { total: count(mine) };
    for (const l of LEVELS) counts[l] = count(mine.filter((r) => r.rating === l));
    data[p] = counts;
    return { period: label(p), ...counts } as Record<string, Cell> & { period: string; total: number } & Record<(typeof LEVELS)[number], number>;
  });
  const rated = rows.filter((r) => r.total > 0);
  const chart: ReportSection | null = rated.length === 0 ? null : {
    kind: 'chart', key: 'ratingsChart', heading: t('report.section.ratings'),
    chart: {
      type: 'column', title: t('report.chart.ratings'), categories: rated.map((r) => r.period),
      series: LEVELS.map((l) => ({ name: t(`ratingLevel.${l}`), values: rated.map((r) => r[l]) })),
    },
  };
  return {
    section: {
      kind: 'table', key: 'ratings', heading: t('report.section.ratings'),
      columns: [col('period', t('report.col.period'), 'text', 0.22), ...LEVELS.map((l) => col(l, t(`ratingLevel.${l}`), 'int', 0.15)), col('total', t('report.total'), 'int', 0.1)],
      rows,
    },
    data,
    chart,
  };
}

/** Nominations with their ballot result (agree of base, share, passed). */
export function nominationsSection(d: YearData, t: Labels): { section: ReportSection; data: unknown } {
  const results = new Map(d.ballotResults.map((r) => [r.nomination, r]));
  // By title, then the Vietnamese way (each name cleaned once: thousands of nominations in a province).
  const list = sortByName(d.nominations, (n) => n.name).sort((a, b) => a.award.localeCompare(b.award));
  const rows = list.map((n) => {
    const r = results.get(n.id);
    return {
      name: n.name, award: n.awardName, by: n.byUnitName ?? t('report.self'), status: t(`report.nomination.${n.status}`),
      votes: r ? `${r.agree}/${r.base}` : '', share: r ? pct(r.agree, r.base) : null,
    };
  });
  const byStatus: Record<string, number> = {};
  for (const n of d.nominations) byStatus[n.status] = (byStatus[n.status] ?? 0) + 1;
  return {
    section: {
      kind: 'table', key: 'nominations', heading: t('report.section.nominations'),
      columns: [
        col('name', t('report.col.name'), 'text', 0.26), col('award', t('report.col.award'), 'text', 0.2), col('by', t('report.col.by'), 'text', 0.2),
        col('status', t('report.col.status'), 'text', 0.14), col('votes', t('report.col.votes'), 'text', 0.1), col('share', t('report.col.share'), 'percent', 0.1),
      ],
      rows, empty: t('report.none'),
    },
    data: {
      total: d.nominations.length,
      byStatus,
      results: list.map((n) => {
        const r = results.get(n.id);
        return { nomination: n.id, subject: n.subject, name: n.name, award: n.award, status: n.status, agree: r?.agree ?? null, base: r?.base ?? null, passed: r ? r.passed : null };
      }),
    },
  };
}

/** The recognitions of titles (and exemplars): an initiative recognised is an initiative, counted as one, not a title. */
export const titlesOnly = (recs: YearData['recognitions']) => recs.filter((r) => r.initiative === null);

/** The initiatives (and research topics) recognised by the principal's decisions among `recs`, each once. */
export const initiativesRecognised = (recs: YearData['recognitions']) => new Set(recs.filter((r) => r.initiative !== null).map((r) => r.initiative)).size;

/** Recognitions by title: people, units, bonus paid; and the chart of them. Initiatives are not titles: left out. */
export function recognitionsSection(d: YearData, all: YearData['recognitions'], t: Labels): { section: ReportSection; chart: ReportSection | null; bonusTotal: number } {
  const recs = titlesOnly(all);
  const awards = [...new Set(recs.map((r) => r.award))].sort();
  const rows = awards.map((a) => {
    const mine = recs.filter((r) => r.award === a);
    return {
      award: mine[0].awardName, people: mine.filter((r) => r.kind === 'person').length, units: mine.filter((r) => r.kind === 'unit').length,
      bonus: mine.reduce((s, r) => s + r.bonus, 0),
    };
  });
  const bonusTotal = all.reduce((s, r) => s + r.bonus, 0);
  return {
    section: {
      kind: 'table', key: 'recognitions', heading: t('report.section.recognitions'),
      columns: [col('award', t('report.col.award'), 'text', 0.4), col('people', t('report.col.people'), 'int'), col('units', t('report.col.units'), 'int'), col('bonus', t('report.col.bonus'), 'money', 0.25)],
      rows,
      total: rows.length > 0 ? { award: t('report.total'), people: rows.reduce((s, r) => s + r.people, 0), units: rows.reduce((s, r) => s + r.units, 0), bonus: bonusTotal } : undefined,
      empty: t('report.none'),
    },
    chart: rows.length === 0 ? null : {
      kind: 'chart', key: 'recognitionsChart', heading: t('report.section.recognitions'),
      chart: { type: 'column', title: t('report.chart.recognitions', { year: d.year }), categories: rows.map((r) => r.award), series: [{ name: t('report.col.count'), values: rows.map((r) => r.people + r.units) }] },
    },
    bonusTotal,
  };
}

/** The quarterly lists: how many were commended, and whether the list is final. */
export function commendationsSection(d: YearData, t: Labels): { section: ReportSection; data: unknown } {
  const rows = d.commendations.map((c) => ({ quarter: cap(quarterWords(c.quarter, t)), count: c.entries.length, final: c.final ? t('common.yes') : t('common.no'), names: c.entries.map((e) => e.name).join(', ') }));
  return {
    section: {
      kind: 'table', key: 'commendations', heading: t('report.section.commendations'),
      columns: [
        col('quarter', t('report.col.quarter'), 'text', 0.18), col('count', t('report.col.count'), 'int', 0.1),
        { ...col('final', t('report.col.final'), 'text', 0.12), screenOnly: true }, col('names', t('report.col.names'), 'text', 0.6),
      ],
      rows, empty: t('report.none'),
    },
    data: d.commendations.map((c) => ({ quarter: c.quarter, final: c.final, count: c.entries.length, subjects: c.entries.map((e) => e.subject) })),
  };
}

/**
 * Dissemination of exemplars (website, LED screen, meetings, the bloc, the cluster, exchange visits).
 * Fed with the replication records when they exist (`spread`, built elsewhere); today it is given [].
 */
export function disseminationSection(rows: DisseminationRow[], t: Labels): { section: ReportSection; data: unknown } {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date) || compareNames(a.name, b.name));
  return {
    section: {
      kind: 'table', key: 'dissemination', heading: t('report.section.dissemination'),
      columns: [col('date', t('report.col.date'), 'date', 0.15), col('name', t('report.col.name'), 'text', 0.3), col('channel', t('report.col.channel'), 'text', 0.2), col('note', t('report.col.note'), 'text', 0.35)],
      rows: sorted.map((r) => ({ date: r.date, name: r.name, channel: t(`report.channel.${r.channel}`), note: r.note })),
      empty: t('report.noDissemination'),
    },
    data: sorted,
  };
}

export function monthsOf(year: number, asOf: string): string[] {
  const last = asOf.startsWith(`${year}-`) ? Number(asOf.slice(5, 7)) : asOf < `${year}-01-01` ? 0 : 12;
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
