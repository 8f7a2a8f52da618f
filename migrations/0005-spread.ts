import type { Migration } from './types.js';
import { ID, rowid, TEXT } from './postgres.js';

/**
 * Replication (nhân rộng điển hình tiên tiến): where and when each exemplar was spread. Nominations
 * learn the day the council accepted them, so the CSTDCS quota can hand out its places in the order
 * dossiers were accepted. The LED screen's line width is a dated rule like every other setting.
 */
const sqlite = [
  `CREATE TABLE spread_records (
     id INTEGER PRIMARY KEY,
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     channel TEXT NOT NULL CHECK (channel IN ('website','led','meeting','legal-day','bloc','cluster','exchange')),
     date TEXT NOT NULL,
     note TEXT,
     created_at TEXT NOT NULL)`,
  `CREATE INDEX spread_records_date ON spread_records(date)`,
  `CREATE INDEX spread_records_subject ON spread_records(subject_code)`,
  `ALTER TABLE nominations ADD COLUMN accepted_on TEXT`,
  // Dossiers accepted before this migration: the day of their current state is the best record kept
  // (for one already voted on, the ballot's day: no earlier than its acceptance).
  `UPDATE nominations SET accepted_on = status_on WHERE status IN ('accepted','passed','failed','recognised')`,
];

const postgres = [
  `CREATE TABLE spread_records (
     id ${ID},
     subject_code ${TEXT} NOT NULL REFERENCES subjects(code),
     channel ${TEXT} NOT NULL CHECK (channel IN ('website','led','meeting','legal-day','bloc','cluster','exchange')),
     date ${TEXT} NOT NULL,
     note ${TEXT},
     created_at ${TEXT} NOT NULL)`,
  ...rowid('spread_records'),
  `CREATE INDEX spread_records_date ON spread_records(date)`,
  `CREATE INDEX spread_records_subject ON spread_records(subject_code)`,
  `ALTER TABLE nominations ADD COLUMN accepted_on ${TEXT}`,
  `UPDATE nominations SET accepted_on = status_on WHERE status IN ('accepted','passed','failed','recognised')`,
];

const LED = 'Quy định về bảng điện tử LED của Trường (mặc định: 40 ký tự một dòng; sửa được)';

export const migration0005: Migration = {
  id: '0005-spread',
  description: 'Nhân rộng điển hình tiên tiến (website, bảng LED, hội nghị, Ngày pháp luật, khối, cụm thi đua, giao lưu); ngày chấp nhận hồ sơ đề nghị',
  ddl: { sqlite, postgres },
  async up(trx, now) {
    await trx.insertInto('rules').values({ key: 'led.line_width', value: '40', valid_from: '2021-01-01', source: LED, created_at: now }).execute();
  },
};
