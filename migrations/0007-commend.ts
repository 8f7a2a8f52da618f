import type { Migration } from './types.js';
import { refuse, TEXT } from './postgres.js';

/**
 * Quarterly commendation lists marked final once read out at the quarterly meeting: the list is frozen
 * as it was (entries with their reasons and evidence, as JSON), and never changes afterwards.
 */
const sqlite = [
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

const postgres = [
  `CREATE TABLE commend_lists (
     quarter ${TEXT} PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
     entries ${TEXT} NOT NULL,
     finalised_on ${TEXT} NOT NULL,
     document_id BIGINT REFERENCES documents(id),
     created_at ${TEXT} NOT NULL)`,
  refuse('commend_lists_no_update', 'UPDATE OF entries, finalised_on', 'commend_lists', 'a final commendation list never changes'),
  refuse('commend_lists_no_delete', 'DELETE', 'commend_lists', 'a final commendation list is never deleted'),
];

export const migration0007: Migration = {
  id: '0007-commend',
  description: 'final quarterly commendation lists',
  ddl: { sqlite, postgres },
};
