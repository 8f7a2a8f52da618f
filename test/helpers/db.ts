/** Straight access to a test database: what later issues (ballots, the council's decisions) will do through commands. */
import Database from 'better-sqlite3';

export function sql(db: string, statement: string, ...params: unknown[]): void {
  const conn = new Database(db);
  try {
    conn.prepare(statement).run(...params);
  } finally {
    conn.close();
  }
}

export function count(db: string, table: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}
