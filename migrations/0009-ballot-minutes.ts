import type { Migration } from './types.js';
import { TEXT } from './postgres.js';

/**
 * What the counting minutes always carry (issue 13): the meeting's start and end time and its place,
 * who presided and who kept the minutes, who on the roll attended and who was absent, and the counting
 * committee in the order it was named (the first is its head). Ballots opened before this step keep
 * NULL in the new columns (not recorded). Times are `HH:MM`, checked by the service. The seeded ballot rules lose their "(mặc định)" note, which
 * the minutes print as the source of the rule.
 */
const sqlite = [
  `ALTER TABLE ballots ADD COLUMN starts_at TEXT`,
  `ALTER TABLE ballots ADD COLUMN ends_at TEXT`,
  `ALTER TABLE ballots ADD COLUMN place TEXT`,
  `ALTER TABLE ballots ADD COLUMN presiding_code TEXT REFERENCES people(code)`,
  `ALTER TABLE ballots ADD COLUMN secretary_code TEXT REFERENCES people(code)`,
  `ALTER TABLE ballot_roll ADD COLUMN attended INTEGER CHECK (attended IN (0,1))`,
  `ALTER TABLE ballot_roll ADD COLUMN counter_rank INTEGER CHECK (counter_rank >= 1)`,
  `UPDATE rules SET source = 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng'
     WHERE key IN ('ballot.quorum', 'ballot.threshold', 'ballot.base')
       AND source = 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định)'`,
];

const postgres = [
  `ALTER TABLE ballots ADD COLUMN starts_at ${TEXT}`,
  `ALTER TABLE ballots ADD COLUMN ends_at ${TEXT}`,
  `ALTER TABLE ballots ADD COLUMN place ${TEXT}`,
  `ALTER TABLE ballots ADD COLUMN presiding_code ${TEXT} REFERENCES people(code)`,
  `ALTER TABLE ballots ADD COLUMN secretary_code ${TEXT} REFERENCES people(code)`,
  `ALTER TABLE ballot_roll ADD COLUMN attended BIGINT CHECK (attended IN (0,1))`,
  `ALTER TABLE ballot_roll ADD COLUMN counter_rank BIGINT CHECK (counter_rank >= 1)`,
  `UPDATE rules SET source = 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng'
     WHERE key IN ('ballot.quorum', 'ballot.threshold', 'ballot.base')
       AND source = 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định)'`,
];

export const migration0009: Migration = {
  id: '0009-ballot-minutes',
  description: 'giờ, địa điểm, chủ trì, thư ký, người vắng mặt và thứ tự Ban kiểm phiếu của cuộc bỏ phiếu',
  ddl: { sqlite, postgres },
};
