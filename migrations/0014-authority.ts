import type { Migration } from './types.js';
import { TEXT } from './postgres.js';

/**
 * Who decides each title (DOMAIN.md "Who decides, and what the school sends up"): a dated rule per
 * title, `authority.<TITLE>` = `school` (the head of the unit, Law 06/2022/QH15 Art. 80; the school's
 * own recognition of điển hình tiên tiến under its plan) or `province` (Tập thể lao động xuất sắc and
 * higher forms); who decides above the school and whom the proposal (Tờ trình) is addressed to, as
 * dated rules a clerk can change (`province.decider`, `province.addressee`).
 *
 * A decision taken above the school is recorded as a recognition of its own kind: no decision of the
 * school's register (`decision_id` empty), the decision's number and issuer as printed on it, and no
 * money paid by the school. SQLite cannot drop a NOT NULL, so the table is rebuilt with every row,
 * index and trigger it had. PostgreSQL changes the table in place (other tables may refer to it).
 */
const COLUMNS = [
  'id', 'year', 'subject_code', 'award', 'nomination_id', 'initiative_code', 'decision_id', 'decided_on', 'base_salary', 'coefficient', 'bonus',
  'rounding', 'share', 'succession', 'status', 'revoked_on', 'revoked_reason', 'created_at',
].join(', ');

const sqlite = [
  `CREATE TABLE recognitions_0014 (
     id INTEGER PRIMARY KEY,
     year INTEGER NOT NULL,
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     award TEXT NOT NULL,
     nomination_id INTEGER REFERENCES nominations(id),
     initiative_code TEXT REFERENCES initiatives(code),
     decision_id INTEGER REFERENCES documents(id),
     decided_on TEXT NOT NULL,
     base_salary INTEGER NOT NULL,
     coefficient TEXT NOT NULL,
     bonus INTEGER NOT NULL CHECK (bonus >= 0),
     rounding TEXT NOT NULL,
     share INTEGER,
     succession INTEGER NOT NULL DEFAULT 0 CHECK (succession IN (0,1)),
     status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','revoked')),
     revoked_on TEXT,
     revoked_reason TEXT,
     created_at TEXT NOT NULL,
     recorded_number TEXT,
     recorded_issuer TEXT,
     CHECK ((decision_id IS NOT NULL AND recorded_number IS NULL AND recorded_issuer IS NULL)
         OR (decision_id IS NULL AND recorded_number IS NOT NULL AND recorded_issuer IS NOT NULL AND bonus = 0)))`,
  `INSERT INTO recognitions_0014 (${COLUMNS}) SELECT ${COLUMNS} FROM recognitions`,
  `DROP TABLE recognitions`,
  `ALTER TABLE recognitions_0014 RENAME TO recognitions`,
  `CREATE INDEX recognitions_subject ON recognitions(subject_code, year)`,
  `CREATE INDEX recognitions_decision ON recognitions(decision_id)`,
  `CREATE INDEX recognitions_year_award ON recognitions(year, award)`,
  `CREATE INDEX recognitions_decided ON recognitions(decided_on)`,
  `CREATE UNIQUE INDEX recognitions_one_per_nomination ON recognitions(nomination_id) WHERE nomination_id IS NOT NULL AND status = 'active'`,
  // One title of a year per subject from the decisions taken above the school.
  `CREATE UNIQUE INDEX recognitions_one_recorded ON recognitions(subject_code, award, year) WHERE decision_id IS NULL AND status = 'active'`,
  `CREATE TRIGGER recognitions_no_delete BEFORE DELETE ON recognitions
     BEGIN SELECT RAISE(ABORT, 'recognitions are never deleted'); END`,
];

const postgres = [
  `ALTER TABLE recognitions ALTER COLUMN decision_id DROP NOT NULL`,
  `ALTER TABLE recognitions ADD COLUMN recorded_number ${TEXT}`,
  `ALTER TABLE recognitions ADD COLUMN recorded_issuer ${TEXT}`,
  `ALTER TABLE recognitions ADD CONSTRAINT recognitions_decided_or_recorded
     CHECK ((decision_id IS NOT NULL AND recorded_number IS NULL AND recorded_issuer IS NULL)
         OR (decision_id IS NULL AND recorded_number IS NOT NULL AND recorded_issuer IS NOT NULL AND bonus = 0))`,
  `CREATE UNIQUE INDEX recognitions_one_recorded ON recognitions(subject_code, award, year) WHERE decision_id IS NULL AND status = 'active'`,
];

const LAW2003 = 'Luật Thi đua, khen thưởng số 15/2003/QH11 ngày 26 tháng 11 năm 2003 của Quốc hội';
const ART80 = 'Khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội';
const ART79 = 'Điều 79 Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022 của Quốc hội';
const PLAN = 'Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn 2021–2025 của Trường';

// key, value, valid_from, source
const rules: [string, string, string, string][] = [
  ...(['LDTT', 'CSTDCS', 'TTLDTT', 'GK'] as const).flatMap((t): [string, string, string, string][] => [
    [`authority.${t}`, 'school', '2004-07-01', LAW2003],
    [`authority.${t}`, 'school', '2024-01-01', ART80],
  ]),
  ['authority.TTLDXS', 'province', '2004-07-01', LAW2003],
  ['authority.TTLDXS', 'province', '2024-01-01', ART79],
  ['authority.DHTT', 'school', '2021-01-01', PLAN],
  ['province.decider', 'Chủ tịch Ủy ban nhân dân tỉnh', '2004-07-01', LAW2003],
  ['province.decider', 'Chủ tịch Ủy ban nhân dân tỉnh', '2024-01-01', ART79],
  ['province.addressee', 'Hội đồng Thi đua – Khen thưởng tỉnh', '2004-07-01', 'Quy chế công tác thi đua, khen thưởng của tỉnh (mặc định; Trường sửa theo quy chế của tỉnh)'],
];

export const migration0014: Migration = {
  id: '0014-authority',
  description: 'Thẩm quyền quyết định từng danh hiệu (theo ngày, có căn cứ); nơi nhận Tờ trình; ghi nhận quyết định khen thưởng của cấp trên',
  ddl: { sqlite, postgres },
  async up(trx, now) {
    await trx
      .insertInto('rules')
      .values(rules.map(([key, value, valid_from, source]) => ({ key, value, valid_from, source, created_at: now })))
      .execute();
  },
};
