import { sql } from 'kysely';
import type { Migration } from './types.js';

/**
 * What leaves the office: the register of issued documents (numbers never reused), the secret
 * ballot (frozen roll and rules, counts only: no table relates a member to a choice), and the
 * recognitions the principal's decisions make, with the bonus as paid.
 */
const ddl = [
  `CREATE TABLE documents (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('QĐ','BB','TTr','BC','KH','TB','GCN')),
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     number INTEGER NOT NULL CHECK (number >= 1),
     date TEXT NOT NULL,
     type TEXT NOT NULL,
     title TEXT NOT NULL,
     ref TEXT,
     profile_valid_from TEXT NOT NULL,
     payload TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','revoked')),
     revoked_on TEXT,
     revoked_reason TEXT,
     created_at TEXT NOT NULL,
     UNIQUE (kind, year, number))`,
  `CREATE INDEX documents_type_ref ON documents(type, ref)`,
  `CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
     BEGIN SELECT RAISE(ABORT, 'issued documents are never deleted'); END`,
  `CREATE TABLE ballots (
     id INTEGER PRIMARY KEY,
     year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
     award TEXT NOT NULL REFERENCES titles(code),
     council_id INTEGER NOT NULL REFERENCES councils(id),
     held_on TEXT NOT NULL,
     members_total INTEGER NOT NULL CHECK (members_total >= 1),
     present INTEGER NOT NULL CHECK (present >= 0),
     quorum TEXT NOT NULL,
     threshold TEXT NOT NULL,
     base TEXT NOT NULL CHECK (base IN ('present','members')),
     rule_sources TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
     closed_on TEXT,
     created_at TEXT NOT NULL)`,
  `CREATE UNIQUE INDEX ballots_one_open ON ballots(year, award) WHERE status = 'open'`,
  `CREATE TABLE ballot_roll (
     ballot_id INTEGER NOT NULL REFERENCES ballots(id),
     person_code TEXT NOT NULL REFERENCES people(code),
     name TEXT NOT NULL,
     role TEXT NOT NULL,
     counter INTEGER NOT NULL DEFAULT 0 CHECK (counter IN (0,1)),
     sort INTEGER NOT NULL,
     PRIMARY KEY (ballot_id, person_code))`,
  `CREATE TABLE ballot_items (
     ballot_id INTEGER NOT NULL REFERENCES ballots(id),
     nomination_id INTEGER NOT NULL REFERENCES nominations(id),
     sort INTEGER NOT NULL,
     PRIMARY KEY (ballot_id, nomination_id))`,
  `CREATE INDEX ballot_items_nomination ON ballot_items(nomination_id)`,
  `CREATE TABLE ballot_tallies (
     id INTEGER PRIMARY KEY,
     ballot_id INTEGER NOT NULL REFERENCES ballots(id),
     round INTEGER NOT NULL CHECK (round >= 1),
     entry INTEGER NOT NULL CHECK (entry IN (1,2)),
     issued INTEGER NOT NULL CHECK (issued >= 0),
     returned INTEGER NOT NULL CHECK (returned >= 0),
     invalid INTEGER NOT NULL CHECK (invalid >= 0),
     reason TEXT,
     entered_on TEXT NOT NULL,
     created_at TEXT NOT NULL,
     UNIQUE (ballot_id, round, entry))`,
  `CREATE TABLE ballot_votes (
     tally_id INTEGER NOT NULL REFERENCES ballot_tallies(id),
     nomination_id INTEGER NOT NULL REFERENCES nominations(id),
     agree INTEGER NOT NULL CHECK (agree >= 0),
     disagree INTEGER NOT NULL CHECK (disagree >= 0),
     blank INTEGER NOT NULL CHECK (blank >= 0),
     PRIMARY KEY (tally_id, nomination_id))`,
  `CREATE TABLE ballot_rounds (
     ballot_id INTEGER NOT NULL REFERENCES ballots(id),
     round INTEGER NOT NULL,
     closed_on TEXT NOT NULL,
     reason TEXT,
     minutes_id INTEGER REFERENCES documents(id),
     created_at TEXT NOT NULL,
     PRIMARY KEY (ballot_id, round))`,
  `CREATE TABLE ballot_results (
     ballot_id INTEGER NOT NULL REFERENCES ballots(id),
     round INTEGER NOT NULL,
     nomination_id INTEGER NOT NULL REFERENCES nominations(id),
     agree INTEGER NOT NULL, disagree INTEGER NOT NULL, blank INTEGER NOT NULL,
     base INTEGER NOT NULL,
     passed INTEGER NOT NULL CHECK (passed IN (0,1)),
     PRIMARY KEY (ballot_id, round, nomination_id))`,
  `CREATE TABLE recognitions (
     id INTEGER PRIMARY KEY,
     year INTEGER NOT NULL,
     subject_code TEXT NOT NULL REFERENCES subjects(code),
     award TEXT NOT NULL,
     nomination_id INTEGER REFERENCES nominations(id),
     initiative_code TEXT REFERENCES initiatives(code),
     decision_id INTEGER NOT NULL REFERENCES documents(id),
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
     created_at TEXT NOT NULL)`,
  `CREATE INDEX recognitions_subject ON recognitions(subject_code, year)`,
  `CREATE INDEX recognitions_decision ON recognitions(decision_id)`,
  `CREATE INDEX recognitions_year_award ON recognitions(year, award)`,
  `CREATE INDEX recognitions_decided ON recognitions(decided_on)`,
  `CREATE UNIQUE INDEX recognitions_one_per_nomination ON recognitions(nomination_id) WHERE nomination_id IS NOT NULL AND status = 'active'`,
  `CREATE TRIGGER recognitions_no_delete BEFORE DELETE ON recognitions
     BEGIN SELECT RAISE(ABORT, 'recognitions are never deleted'); END`,
];

export const migration0004: Migration = {
  id: '0004-ballots-documents',
  description: 'Sổ đăng ký văn bản, bỏ phiếu kín (chỉ lưu số phiếu), công nhận và tiền thưởng',
  async up(trx) {
    for (const stmt of ddl) await sql.raw(stmt).execute(trx);
    // The 2026 base salary's decree (DOMAIN.md "Money").
    await trx
      .updateTable('rules')
      .set({ source: 'Nghị định 161/2026/NĐ-CP ngày 15/05/2026' })
      .where('key', '=', 'base_salary')
      .where('valid_from', '=', '2026-07-01')
      .execute();
  },
};
