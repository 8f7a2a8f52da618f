import type { Migration } from './types.js';
import { TEXT } from './postgres.js';

/**
 * What a provincial office receives from the schools (`thidua import FILE.zip`, docs/export.md): each
 * school by the identifier its packages carry (never mixed with the office's own units and people),
 * each school's year as the package last received (its manifest), every record of the year as received
 * (the JSON of data.json, under its stable identifier) and every file of the package (the documents,
 * the signed PDFs). A corrected package replaces a school's year record by record; a record that was
 * signed is marked so it is never replaced silently.
 *
 * Plain tables and indexes, written for each engine (PostgreSQL: BIGINT, byte-order TEXT, BYTEA).
 */
const sqlite = [
  `CREATE TABLE received_schools (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     full_name TEXT NOT NULL,
     parent_body TEXT NOT NULL,
     symbol TEXT NOT NULL,
     place TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL)`,
  `CREATE TABLE received_years (
     school_id TEXT NOT NULL REFERENCES received_schools(id),
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     manifest TEXT NOT NULL,
     package_sha256 TEXT NOT NULL CHECK (length(package_sha256) = 64),
     version TEXT NOT NULL,
     received_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (school_id, year))`,
  `CREATE INDEX received_years_year ON received_years(year)`,
  `CREATE TABLE received_records (
     school_id TEXT NOT NULL,
     year INTEGER NOT NULL,
     id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('unit','person','registration','rating','initiative','nomination','recognition','proposal','spread','document','signature')),
     body TEXT NOT NULL,
     signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0,1)),
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (school_id, year, id),
     FOREIGN KEY (school_id, year) REFERENCES received_years(school_id, year))`,
  `CREATE INDEX received_records_kind ON received_records(year, kind)`,
  `CREATE TABLE received_files (
     school_id TEXT NOT NULL,
     year INTEGER NOT NULL,
     name TEXT NOT NULL,
     sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
     size INTEGER NOT NULL CHECK (size >= 0),
     content BLOB NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (school_id, year, name),
     FOREIGN KEY (school_id, year) REFERENCES received_years(school_id, year))`,
];

/** The same tables on PostgreSQL. */
const postgres = [
  `CREATE TABLE received_schools (
     id ${TEXT} PRIMARY KEY,
     name ${TEXT} NOT NULL,
     full_name ${TEXT} NOT NULL,
     parent_body ${TEXT} NOT NULL,
     symbol ${TEXT} NOT NULL,
     place ${TEXT} NOT NULL,
     created_at ${TEXT} NOT NULL,
     updated_at ${TEXT} NOT NULL)`,
  `CREATE TABLE received_years (
     school_id ${TEXT} NOT NULL REFERENCES received_schools(id),
     year BIGINT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     manifest ${TEXT} NOT NULL,
     package_sha256 ${TEXT} NOT NULL CHECK (length(package_sha256) = 64),
     version ${TEXT} NOT NULL,
     received_at ${TEXT} NOT NULL,
     updated_at ${TEXT} NOT NULL,
     PRIMARY KEY (school_id, year))`,
  `CREATE INDEX received_years_year ON received_years(year)`,
  `CREATE TABLE received_records (
     school_id ${TEXT} NOT NULL,
     year BIGINT NOT NULL,
     id ${TEXT} NOT NULL,
     kind ${TEXT} NOT NULL CHECK (kind IN ('unit','person','registration','rating','initiative','nomination','recognition','proposal','spread','document','signature')),
     body ${TEXT} NOT NULL,
     signed BIGINT NOT NULL DEFAULT 0 CHECK (signed IN (0,1)),
     created_at ${TEXT} NOT NULL,
     updated_at ${TEXT} NOT NULL,
     PRIMARY KEY (school_id, year, id),
     FOREIGN KEY (school_id, year) REFERENCES received_years(school_id, year))`,
  `CREATE INDEX received_records_kind ON received_records(year, kind)`,
  `CREATE TABLE received_files (
     school_id ${TEXT} NOT NULL,
     year BIGINT NOT NULL,
     name ${TEXT} NOT NULL,
     sha256 ${TEXT} NOT NULL CHECK (length(sha256) = 64),
     size BIGINT NOT NULL CHECK (size >= 0),
     content BYTEA NOT NULL,
     created_at ${TEXT} NOT NULL,
     PRIMARY KEY (school_id, year, name),
     FOREIGN KEY (school_id, year) REFERENCES received_years(school_id, year))`,
];

export const migration0015: Migration = {
  id: '0015-received',
  description: 'Dữ liệu các trường gửi lên (gói xuất năm: danh tính trường, bản kê, từng bản ghi, văn bản và bản ký số)',
  ddl: { sqlite, postgres },
};
