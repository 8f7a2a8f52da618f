/** The five-year review: year by year, the totals, and the trend from the first year to the last. Pure. */
import { formatMoney } from '../domain/money.js';
import type { Cell, Labels, Report } from './model.js';
import type { YearData } from './year-data.js';

const KEYS = ['registrations', 'initiatives', 'initiativesRecognised', 'recognitions', 'exemplars', 'commended', 'bonus'] as const;
type Key = (typeof KEYS)[number];

function figures(d: YearData): Record<Key, number> {
  return {
    registrations: d.registrations.length,
    initiatives: d.initiatives.length,
    initiativesRecognised: d.initiatives.filter((i) => i.status === 'recognised').length,
    recognitions: d.recognitions.length,
    exemplars: d.recognitions.filter((r) => r.award === 'DHTT').length,
    commended: d.commendations.reduce((s, c) => s + c.entries.length, 0),
    bonus: d.recognitions.reduce((s, r) => s + r.bonus, 0),
  };
}

export function periodReport(years: YearData[], asOf: string, t: Labels): Report {
  const from = years[0].year;
  const to = years[years.length - 1].year;
  const per = years.map((d) => ({ year: d.year, ...figures(d) }));
  const total = Object.fromEntries(KEYS.map((k) => [k, per.reduce((s, r) => s + r[k], 0)])) as Record<Key, number>;
  const first = per[0];
  const last = per[per.length - 1];
  const trend = KEYS.map((k) => {
    const a = first[k];
    const b = last[k];
    const f = (n: number) => (k === 'bonus' ? formatMoney(n) : String(n));
    const word = b > a ? t('report.trend.up') : b < a ? t('report.trend.down') : t('report.trend.same');
    return { label: t(`report.fig.${k}`), value: `${from}: ${f(a)} → ${to}: ${f(b)} (${word})` as Cell };
  });
  const columns = [{ key: 'year', header: t('report.col.year'), width: 0.1 }, ...KEYS.map((k) => ({ key: k, header: t(`report.fig.${k}`), format: (k === 'bonus' ? 'money' : 'int') as 'money' | 'int' }))];
  return {
    id: 'period',
    title: t('report.period.title', { from, to }),
    period: `${from}-${to}`,
    asOf,
    sections: [
      { kind: 'table', key: 'years', heading: t('report.section.years'), columns, rows: per.map((r) => ({ ...r, year: String(r.year) })), total: { year: t('report.total'), ...total } },
      {
        kind: 'chart', key: 'chart', heading: t('report.section.years'),
        chart: {
          type: 'line', title: t('report.chart.period', { from, to }), categories: per.map((r) => String(r.year)),
          series: (['registrations', 'recognitions', 'exemplars', 'commended'] as const).map((k) => ({ name: t(`report.fig.${k}`), values: per.map((r) => r[k]) })),
        },
      },
      { kind: 'pairs', key: 'trend', heading: t('report.section.trend'), pairs: trend },
    ],
    data: { from, to, asOf, years: per, totals: total },
    document: {
      kind: 'BC', type: 'report-period', ref: `${from}-${to}`, heading: 'BÁO CÁO',
      summary: [`Sơ kết thực hiện Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn ${from}–${to}`],
      intro: [`Nhà trường báo cáo kết quả thực hiện Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn ${from}–${to}, từng năm và cả giai đoạn, như sau:`],
      closing: ['Trên đây là báo cáo sơ kết giai đoạn, trình Hội nghị viên chức, người lao động của Nhà trường.'],
      recipients: ['Ban Thi đua – Khen thưởng tỉnh', 'Ban Giám hiệu', 'Lưu: VT, TĐKT'],
      orientation: 'landscape',
    },
    fileName: `bao-cao-giai-doan-${from}-${to}`,
  };
}
