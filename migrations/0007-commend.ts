import { sql } from 'kysely';
import type { Migration } from './types.js';

/**
 * Quarterly commendation lists marked final once read out at the quarterly meeting: the list is frozen
 * as it was (entries with their reasons and evidence, as JSON), and never changes afterwards.
 */
const ddl = [
  `CREATE TABLE commend_lists (
     quarter TEXT PRIMARY KEY CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
     entries TEXT NOT NULL,
     finalised_on TEXT NOT NULL,
     document_id INTEGER REFERENCES documents(id),
     created_at TEXT NOT NULL)`,
  `CREATE TRIGGER commend_lists_no_update BEFORE UPDATE OF entries, finalised_on ON commend_lists
     BEGIN SELECT RAISE(ABORT, 'a final commendation list never changes'); END`,
  `CREATE TRIGGER commend_lists_no_delete BEFORE DELETE ON commend_lists
     BEGIN SELECT RAISE(ABORT, 'a final commendation list is never deleted'); END`,
];

export const migration0007: Migration = {
  id: '0007-commend',
  description: 'final quarterly commendation lists',
  async up(trx) {
    for (const s of ddl) await sql.raw(s).execute(trx);
  },
};
