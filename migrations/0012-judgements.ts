import type { Migration } from './types.js';
import { TEXT } from './postgres.js';

/**
 * The eligibility of a nomination as the decision recognising it judged it (issue 15): a recognised
 * result is judged as of its decision date, so a person joining the unit afterwards, or a later change
 * of the quota, never makes a recognised title look ineligible. One row per recognised nomination:
 * whether it was eligible and each criterion's status and explanation (JSON), on the decision's date.
 */
const sqlite = [
  `CREATE TABLE nomination_judgements (
     nomination_id INTEGER PRIMARY KEY REFERENCES nominations(id),
     judged_on TEXT NOT NULL,
     eligible INTEGER NOT NULL CHECK (eligible IN (0, 1)),
     criteria TEXT NOT NULL)`,
];

const postgres = [
  `CREATE TABLE nomination_judgements (
     nomination_id BIGINT PRIMARY KEY REFERENCES nominations(id),
     judged_on ${TEXT} NOT NULL,
     eligible BIGINT NOT NULL CHECK (eligible IN (0, 1)),
     criteria ${TEXT} NOT NULL)`,
];

export const migration0012: Migration = {
  id: '0012-judgements',
  description: 'the eligibility of recognised nominations, as of their decision',
  ddl: { sqlite, postgres },
};
