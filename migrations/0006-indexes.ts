import type { Migration } from './types.js';

/**
 * Indexes for the questions a province asks of years of data (test/integration/query-plans.test.ts):
 * open initiatives by status (progress missing, status), initiatives up to a year and achievements
 * in a date range (detect), ratings of a year by the period's range.
 */
const sqlite = [
  `CREATE INDEX initiatives_status ON initiatives(status, year)`,
  `CREATE INDEX initiatives_year ON initiatives(year)`,
  `CREATE INDEX achievements_date ON achievements(date)`,
  `CREATE INDEX progress_reports_month ON progress_reports(month)`,
];

const postgres = [
  `CREATE INDEX initiatives_status ON initiatives(status, year)`,
  `CREATE INDEX initiatives_year ON initiatives(year)`,
  `CREATE INDEX achievements_date ON achievements(date)`,
  `CREATE INDEX progress_reports_month ON progress_reports(month)`,
];

export const migration0006: Migration = {
  id: '0006-indexes',
  description: 'Chỉ mục cho các báo cáo trên dữ liệu nhiều năm (sáng kiến theo trạng thái, năm; thành tích theo ngày)',
  ddl: { sqlite, postgres },
};
