/** Straight access to a test database, file or server: what later issues (ballots, the council's decisions) will do through commands. */
import { countRows, execDb } from './engines.js';

export function sql(db: string, statement: string, ...params: unknown[]): void {
  execDb(db, statement, ...params);
}

export function count(db: string, table: string): number {
  return countRows(db, table);
}
