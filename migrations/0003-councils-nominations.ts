import type { Migration } from './types.js';
import { ID, rowid, TEXT } from './postgres.js';

/**
 * Councils (emulation, initiative) and their rolls per year; the initiative council's review
 * (application, scores, decision); nominations with their attested criteria and appraisal.
 */
const sqlite = [
  `CREATE TABLE councils (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('emulation','initiative')),
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     created_at TEXT NOT NULL,
     UNIQUE (kind, year))`,
  `CREATE TABLE council_members (
     council_id INTEGER NOT NULL REFERENCES councils(id),
     person_code TEXT NOT NULL REFERENCES people(code),
     role TEXT NOT NULL CHECK (role IN ('chair','vice','member','secretary')),
     sort INTEGER NOT NULL,
     PRIMARY KEY (council_id, person_code))`,
  `CREATE TABLE initiative_applications (
     initiative_code TEXT PRIMARY KEY REFERENCES initiatives(code),
     applied_on TEXT NOT NULL,
     first_applied TEXT NOT NULL,
     description TEXT NOT NULL,
     novelty TEXT,
     application TEXT,
     benefit TEXT,
     conditions TEXT,
     deadline TEXT NOT NULL,
     council_id INTEGER REFERENCES councils(id),
     created_at TEXT NOT NULL)`,
  `CREATE TABLE initiative_scores (
     initiative_code TEXT NOT NULL REFERENCES initiatives(code),
     member_code TEXT NOT NULL REFERENCES people(code),
     novelty REAL NOT NULL,
     applicability REAL NOT NULL,
     benefit REAL NOT NULL,
     scored_on TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (initiative_code, member_code))`,
  `CREATE TABLE initiative_decisions (
     initiative_code TEXT PRIMARY KEY REFERENCES initiatives(code),
     decision TEXT NOT NULL CHECK (decision IN ('recognised','rejected')),
     decided_on TEXT NOT NULL,
     reason TEXT,
     average REAL,
     conditions TEXT,
     created_at TEXT NOT NULL)`,
  `CREATE TABLE nominations (
     id INTEGER PRIMARY KEY,
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     award TEXT NOT NULL REFERENCES titles(code),
     registration_id INTEGER NOT NULL REFERENCES registrations(id),
     by_unit TEXT REFERENCES units(code),
     category TEXT CHECK (category IN ('leader','staff')),
     summary TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'submitted'
       CHECK (status IN ('submitted','accepted','returned','withdrawn','passed','failed','recognised')),
     status_on TEXT NOT NULL,
     status_reason TEXT,
     created_on TEXT NOT NULL,
     created_at TEXT NOT NULL)`,
  `CREATE UNIQUE INDEX nominations_one_live ON nominations(year, subject_code, award) WHERE status <> 'withdrawn'`,
  `CREATE TABLE nomination_criteria (
     nomination_id INTEGER NOT NULL REFERENCES nominations(id),
     code TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('met','unmet')),
     evidence TEXT,
     attested_on TEXT NOT NULL,
     PRIMARY KEY (nomination_id, code))`,
];

const postgres = [
  `CREATE TABLE councils (
     id ${ID},
     kind ${TEXT} NOT NULL CHECK (kind IN ('emulation','initiative')),
     year BIGINT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     created_at ${TEXT} NOT NULL,
     UNIQUE (kind, year))`,
  ...rowid('councils'),
  `CREATE TABLE council_members (
     council_id BIGINT NOT NULL REFERENCES councils(id),
     person_code ${TEXT} NOT NULL REFERENCES people(code),
     role ${TEXT} NOT NULL CHECK (role IN ('chair','vice','member','secretary')),
     sort BIGINT NOT NULL,
     PRIMARY KEY (council_id, person_code))`,
  `CREATE TABLE initiative_applications (
     initiative_code ${TEXT} PRIMARY KEY REFERENCES initiatives(code),
     applied_on ${TEXT} NOT NULL,
     first_applied ${TEXT} NOT NULL,
     description ${TEXT} NOT NULL,
     novelty ${TEXT},
     application ${TEXT},
     benefit ${TEXT},
     conditions ${TEXT},
     deadline ${TEXT} NOT NULL,
     council_id BIGINT REFERENCES councils(id),
     created_at ${TEXT} NOT NULL)`,
  `CREATE TABLE initiative_scores (
     initiative_code ${TEXT} NOT NULL REFERENCES initiatives(code),
     member_code ${TEXT} NOT NULL REFERENCES people(code),
     novelty DOUBLE PRECISION NOT NULL,
     applicability DOUBLE PRECISION NOT NULL,
     benefit DOUBLE PRECISION NOT NULL,
     scored_on ${TEXT} NOT NULL,
     created_at ${TEXT} NOT NULL,
     PRIMARY KEY (initiative_code, member_code))`,
  `CREATE TABLE initiative_decisions (
     initiative_code ${TEXT} PRIMARY KEY REFERENCES initiatives(code),
     decision ${TEXT} NOT NULL CHECK (decision IN ('recognised','rejected')),
     decided_on ${TEXT} NOT NULL,
     reason ${TEXT},
     average DOUBLE PRECISION,
     conditions ${TEXT},
     created_at ${TEXT} NOT NULL)`,
  `CREATE TABLE nominations (
     id ${ID},
     year BIGINT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     subject_code ${TEXT} NOT NULL REFERENCES subjects(code),
     award ${TEXT} NOT NULL REFERENCES titles(code),
     registration_id BIGINT NOT NULL REFERENCES registrations(id),
     by_unit ${TEXT} REFERENCES units(code),
     category ${TEXT} CHECK (category IN ('leader','staff')),
     summary ${TEXT} NOT NULL,
     status ${TEXT} NOT NULL DEFAULT 'submitted'
       CHECK (status IN ('submitted','accepted','returned','withdrawn','passed','failed','recognised')),
     status_on ${TEXT} NOT NULL,
     status_reason ${TEXT},
     created_on ${TEXT} NOT NULL,
     created_at ${TEXT} NOT NULL)`,
  ...rowid('nominations'),
  `CREATE UNIQUE INDEX nominations_one_live ON nominations(year, subject_code, award) WHERE status <> 'withdrawn'`,
  `CREATE TABLE nomination_criteria (
     nomination_id BIGINT NOT NULL REFERENCES nominations(id),
     code ${TEXT} NOT NULL,
     status ${TEXT} NOT NULL CHECK (status IN ('met','unmet')),
     evidence ${TEXT},
     attested_on ${TEXT} NOT NULL,
     PRIMARY KEY (nomination_id, code))`,
];

const REVIEW = 'Quy chế hoạt động của Hội đồng sáng kiến (mặc định, sửa được)';

export const migration0003: Migration = {
  id: '0003-councils-nominations',
  description: 'Hội đồng thi đua, Hội đồng sáng kiến, xét công nhận sáng kiến, hồ sơ đề nghị và thẩm định',
  ddl: { sqlite, postgres },
  async up(trx, now) {
    await trx
      .insertInto('rules')
      .values([
        { key: 'review.score_max', value: '10', valid_from: '2000-01-01', source: REVIEW, created_at: now },
        { key: 'review.pass_mark', value: '5', valid_from: '2000-01-01', source: REVIEW, created_at: now },
        { key: 'review.deadline_days', value: '90', valid_from: '2000-01-01', source: REVIEW, created_at: now },
      ])
      .execute();
  },
};
