/** What each engine's catalogue says of the program's tables (for copies and checks), one query per engine side by side. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './open.js';
import type { Migration } from '../../migrations/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The program's tables in the order its steps create them (parents before the tables that refer to them). */
export function tablesInOrder(migrations: Migration[]): string[] {
  const names = ['migrations'];
  // A table rebuilt (created anew, the old one dropped, the new one renamed to the old name) keeps
  // the old one's place, so tables are still written before those that refer to them.
  const dropped = new Map<string, number>();
  for (const m of migrations) {
    for (const stmt of m.ddl.sqlite) {
      const created = /^\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/i.exec(stmt)?.[1];
      if (created && !names.includes(created)) names.push(created);
      const drop = /^\s*DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(\w+)/i.exec(stmt)?.[1];
      if (drop && names.includes(drop)) {
        dropped.set(drop, names.indexOf(drop));
        names.splice(names.indexOf(drop), 1);
      }
      const rename = /^\s*ALTER\s+TABLE\s+(\w+)\s+RENAME\s+TO\s+(\w+)/i.exec(stmt);
      if (rename && names.includes(rename[1])) {
        names.splice(names.indexOf(rename[1]), 1);
        names.splice(dropped.get(rename[2]) ?? names.length, 0, rename[2]);
        dropped.delete(rename[2]);
      }
    }
  }
  return names;
}

/** The tables in the database (the program's and any other), by name. */
export async function tableNames(db: Database, trx: AnyDb = db.kysely): Promise<string[]> {
  const { rows } =
    db.engine === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`.execute(trx)
      : await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(trx);
  return rows.map((r) => r.name);
}

/** A table's primary key columns, in key order. */
export async function primaryKey(db: Database, table: string, trx: AnyDb = db.kysely): Promise<string[]> {
  const { rows } =
    db.engine === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(trx)
      : await sql<{ name: string }>`
          SELECT a.attname AS name FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
          WHERE i.indrelid = to_regclass(${table}) AND i.indisprimary
          ORDER BY array_position(i.indkey::int2[], a.attnum)`.execute(trx);
  return rows.map((r) => r.name);
}
