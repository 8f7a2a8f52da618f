import { sql } from 'kysely';
import type { Migration } from './types.js';

/**
 * The year's records: registrations, initiatives and research topics with their authors and monthly
 * progress, quality ratings, emulation movements, achievements, and the fostering watch list.
 */
const ddl = [
  `CREATE TABLE registrations (
     id INTEGER PRIMARY KEY,
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     award TEXT NOT NULL REFERENCES titles(code),
     registered_on TEXT NOT NULL,
     note TEXT,
     status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn')),
     withdrawn_on TEXT, withdrawn_reason TEXT,
     created_at TEXT NOT NULL,
     UNIQUE (year, subject_code, award))`,
  `CREATE INDEX registrations_subject ON registrations(subject_code)`,
  `CREATE TABLE initiatives (
     code TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('initiative','research')),
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     seq INTEGER NOT NULL,
     title TEXT NOT NULL,
     unit_code TEXT NOT NULL REFERENCES units(code),
     field TEXT,
     status TEXT NOT NULL DEFAULT 'registered'
       CHECK (status IN ('registered','in_progress','applied','recognised','rejected','withdrawn')),
     registered_on TEXT NOT NULL,
     status_on TEXT NOT NULL,
     status_reason TEXT,
     created_at TEXT NOT NULL,
     UNIQUE (kind, year, seq))`,
  `CREATE INDEX initiatives_unit ON initiatives(unit_code, year)`,
  `CREATE TABLE initiative_authors (
     initiative_code TEXT NOT NULL REFERENCES initiatives(code),
     person_code TEXT NOT NULL REFERENCES people(code),
     share INTEGER NOT NULL CHECK (share BETWEEN 1 AND 100),
     sort INTEGER NOT NULL,
     PRIMARY KEY (initiative_code, person_code))`,
  `CREATE INDEX initiative_authors_person ON initiative_authors(person_code)`,
  `CREATE TABLE progress_reports (
     id INTEGER PRIMARY KEY,
     initiative_code TEXT NOT NULL REFERENCES initiatives(code),
     month TEXT NOT NULL,
     percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
     note TEXT,
     reported_on TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (initiative_code, month))`,
  `CREATE TABLE ratings (
     id INTEGER PRIMARY KEY,
     person_code TEXT NOT NULL REFERENCES people(code),
     period TEXT NOT NULL,
     rating TEXT NOT NULL REFERENCES rating_levels(code),
     rated_on TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (person_code, period))`,
  `CREATE INDEX ratings_period ON ratings(period)`,
  `CREATE TABLE movements (
     code TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     launched_by TEXT NOT NULL CHECK (launched_by IN ('school','union')),
     from_date TEXT NOT NULL,
     to_date TEXT,
     created_at TEXT NOT NULL)`,
  `CREATE TABLE achievements (
     id INTEGER PRIMARY KEY,
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     date TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('task','movement','union','charity','other')),
     text TEXT NOT NULL,
     movement_code TEXT REFERENCES movements(code),
     created_at TEXT NOT NULL)`,
  `CREATE INDEX achievements_subject ON achievements(subject_code, date)`,
  `CREATE TABLE foster_watch (
     id INTEGER PRIMARY KEY,
     person_code TEXT NOT NULL REFERENCES people(code),
     mentor_code TEXT NOT NULL REFERENCES people(code),
     goal TEXT NOT NULL,
     started_on TEXT NOT NULL,
     ended_on TEXT,
     end_reason TEXT,
     created_at TEXT NOT NULL,
     CHECK (person_code <> mentor_code))`,
  `CREATE UNIQUE INDEX foster_watch_one_open ON foster_watch(person_code) WHERE ended_on IS NULL`,
  `CREATE TABLE foster_tasks (
     id INTEGER PRIMARY KEY,
     watch_id INTEGER NOT NULL REFERENCES foster_watch(id),
     text TEXT NOT NULL,
     due TEXT NOT NULL,
     assigned_on TEXT NOT NULL,
     done_on TEXT,
     result TEXT,
     created_at TEXT NOT NULL)`,
];

export const migration0002: Migration = {
  id: '0002-year-records',
  description: 'Đăng ký thi đua, sáng kiến/đề tài và tiến độ, xếp loại, phong trào, thành tích, bồi dưỡng nhân tố mới',
  async up(trx) {
    for (const stmt of ddl) await sql.raw(stmt).execute(trx);
  },
};
