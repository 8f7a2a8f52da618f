/**
 * The five-year review: a "Tổng kết" once its last year has ended (a "Sơ kết" before), year by year,
 * the totals, and the trend from the first year with data to the last. A year the database holds no
 * record of is left out: no row of zeros, no words about it. Pure.
 */
import { formatMoney } from '../domain/money.js';
import type { Cell, Labels, Report, ReportSection } from './model.js';
import { registrationsTotal, titlesOnly } from './sections.js';
import type { YearData } from './year-data.js';

const KEYS = ['registrations', 'initiatives', 'initiativesRecognised', 'recognitions', 'exemplars', 'commended', 'bonus'] as const;
type Key = (typeof KEYS)[number];

/** True when the database holds any record of the year's work. */
function hasData(d: YearData): boolean {
  return [d.registrations, d.initiatives, d.ratings, d.nominations, d.recognitions, d.dissemination].some((x) => x.length > 0)
    || d.reporting.some((r) => r.made > 0) || d.commendations.some((c) => c.entries.length > 0);
}

function figures(d: YearData): Record<Key, number> {
  const titles = titlesOnly(d.recognitions);
  return {
    registrations: registrationsTotal(d),
    initiatives: d.initiatives.length,
    initiativesRecognised: d.initiatives.filter((i) => i.status === 'recognised').length,
    // Titles of the Law; exemplars are counted apart, initiatives are not titles.
    recognitions: titles.filter((r) => r.award !== 'DHTT').length,
    exemplars: titles.filter((r) => r.award === 'DHTT').length,
    commended: d.commendations.reduce((s, c) => s + c.entries.length, 0),
    bonus: d.recognitions.reduce((s, r) => s + r.bonus, 0),
  };
}

export function periodReport(years: YearData[], asOf: string, t: Labels): Report {
  const from = years[0].year;
  const to = years[years.length - 1].year;
  // A review at the end of its period is a "Tổng kết"; one while its last year still runs, a "Sơ kết".
  const ended = asOf > `${to}-12-31`;
  const per = years.filter(hasData).map((d) => ({ year: d.year, ...figures(d) }));
  const total = Object.fromEntries(KEYS.map((k) => [k, per.reduce((s, r) => s + r[k], 0)])) as Record<Key, number>;
  const columns = [{ key: 'year', header: t('report.col.year'), width: 0.1 }, ...KEYS.map((k) => ({ key: k, header: t(`report.fig.${k}`), format: (k === 'bonus' ? 'money' : 'int') as 'money' | 'int' }))];
  const sections: ReportSection[] = [
    {
      kind: 'table', key: 'years', heading: t('report.section.years'), columns, rows: per.map((r) => ({ ...r, year: String(r.year) })),
      total: per.length > 1 ? { year: t('report.total'), ...total } : undefined, empty: t('report.noData'),
    },
  ];
  // A trend and a line need two years of data at least.
  if (per.length > 1) {
    const first = per[0];
    const last = per[per.length - 1];
    const trend = KEYS.map((k) => {
      const a = first[k];
      const b = last[k];
      const f = (n: number) => (k === 'bonus' ? formatMoney(n) : String(n));
      const word = b > a ? t('report.trend.up') : b < a ? t('report.trend.down') : t('report.trend.same');
      return { label: t(`report.fig.${k}`), value: `${first.year}: ${f(a)} → ${last.year}: ${f(b)} (${word})` as Cell };
    });
    sections.push(
      {
        kind: 'chart', key: 'chart', heading: t('report.section.years'),
        chart: {
          type: 'line', title: t('report.chart.period', { from, to }), categories: per.map((r) => String(r.year)),
          series: (['registrations', 'recognitions', 'exemplars', 'commended'] as const).map((k) => ({ name: t(`report.fig.${k}`), values: per.map((r) => r[k]) })),
        },
      },
      { kind: 'pairs', key: 'trend', heading: t('report.section.trend'), pairs: trend },
    );
  }
  const kind = ended ? 'Tổng kết' : 'Sơ kết';
  return {
    id: 'period',
    title: t(ended ? 'report.period.title' : 'report.period.titleInterim', { from, to }),
    period: `${from}-${to}`,
    asOf,
    sections,
    data: { from, to, asOf, final: ended, years: per, totals: total },
    document: {
      kind: 'BC', type: 'report-period', ref: `${from}-${to}`, heading: 'BÁO CÁO',
      summary: [`${kind} thực hiện Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn ${from}–${to}`],
      intro: [`Nhà trường báo cáo kết quả thực hiện Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn ${from}–${to} như sau:`],
      closing: [`Trên đây là báo cáo ${kind.toLocaleLowerCase('vi')} giai đoạn ${from}–${to}, trình Hội nghị viên chức, người lao động của Nhà trường.`],
      orientation: 'landscape',
    },
    fileName: `bao-cao-giai-doan-${from}-${to}`,
  };
}
