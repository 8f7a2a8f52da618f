/**
 * Every migration carries its DDL for each engine (migrations/postgres.ts): the two schemas must be
 * the same tables with the same columns in the same order, the same keys, unique and partial
 * indexes, foreign keys and refusing triggers. A migration ported wrongly (or not at all) fails here
 * with what differs.
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/cli.js';
import { queryDb, testServer, execDb } from '../helpers/engines.js';

interface Column {
  table: string;
  name: string;
  notNull: boolean;
  pk: number;
  default: string | null;
}

/** A default as written, without PostgreSQL's casts and quotes. */
function plainDefault(d: string | null): string | null {
  if (d === null) return null;
  return d.replace(/::[a-z ]+/g, '').replace(/^'(.*)'$/, '$1');
}

function sqliteColumns(db: string): Column[] {
  const tables = queryDb<{ name: string }>(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  return tables.flatMap(({ name }) =>
    queryDb<{ name: string; notnull: number; pk: number; dflt_value: string | null }>(db, `SELECT * FROM pragma_table_info('${name}') ORDER BY cid`).map((c) => ({
      table: name,
      name: c.name,
      // SQLite's INTEGER PRIMARY KEY is never null, though it does not say NOT NULL.
      notNull: c.notnull === 1 || c.pk > 0,
      pk: c.pk,
      default: plainDefault(c.dflt_value),
    })),
  );
}

function pgColumns(db: string): Column[] {
  return queryDb<{ table: string; name: string; notnull: boolean; pk: number; dflt: string | null }>(
    db,
    `SELECT c.relname AS table, a.attname AS name, a.attnotnull AS notnull,
            CASE WHEN a.attnum = ANY (i.indkey) THEN array_position(i.indkey::int2[], a.attnum) + 1 - array_lower(i.indkey::int2[], 1) ELSE 0 END AS pk,
            pg_get_expr(d.adbin, d.adrelid) AS dflt
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
      ORDER BY c.relname, a.attnum`,
  ).map((c) => ({ table: c.table, name: c.name, notNull: Boolean(c.notnull), pk: Number(c.pk), default: plainDefault(c.dflt) }));
}

/** Indexes by what they do: table, unique or not, columns, and the condition of a partial one. */
function sqliteIndexes(db: string): string[] {
  const list = queryDb<{ tbl_name: string; name: string }>(db, `SELECT tbl_name, name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%'`);
  return list
    .flatMap(({ name: table }) =>
      queryDb<{ name: string; unique: number; origin: string; partial: number }>(db, `SELECT * FROM pragma_index_list('${table}')`)
        .filter((ix) => ix.origin !== 'pk')
        .map((ix) => {
          const cols = queryDb<{ name: string }>(db, `SELECT name FROM pragma_index_info('${ix.name}') ORDER BY seqno`).map((c) => c.name);
          const where = ix.partial ? queryDb<{ sql: string }>(db, `SELECT sql FROM sqlite_master WHERE name = ?`, ix.name)[0].sql.replace(/^[\s\S]*\bWHERE\b/i, '').trim() : '';
          return `${table} ${ix.unique ? 'unique' : 'index'} (${cols.join(', ')})${where ? ` where ${where}` : ''}`;
        }),
    )
    .sort();
}

function pgIndexes(db: string): string[] {
  return queryDb<{ table: string; unique: boolean; cols: string; pred: string | null }>(
    db,
    `SELECT t.relname AS table, i.indisunique AS unique,
            (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols,
            pg_get_expr(i.indpred, i.indrelid) AS pred
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisprimary`,
  )
    .map((r) => {
      // PostgreSQL prints a condition its own way: brackets, casts and spacing aside, the same words.
      const pred = r.pred
        ?.replace(/::[a-z ]+/g, '')
        .replace(/[()]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      return `${r.table} ${r.unique ? 'unique' : 'index'} (${r.cols})${pred ? ` where ${pred}` : ''}`;
    })
    .sort();
}

const normaliseWhere = (s: string) => s.replace(/[()]/g, '').replace(/\s+/g, ' ').trim();

function sqliteForeignKeys(db: string): string[] {
  const tables = queryDb<{ name: string }>(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return tables
    .flatMap(({ name }) =>
      queryDb<{ table: string; from: string; to: string | null }>(db, `SELECT * FROM pragma_foreign_key_list('${name}')`).map((f) => `${name}.${f.from} → ${f.table}.${f.to ?? ''}`),
    )
    .sort();
}

/** Every column pair of every foreign key (a composite key gives one line per column, as SQLite lists them). */
function pgForeignKeys(db: string): string[] {
  return queryDb<{ fk: string }>(
    db,
    `SELECT c.conrelid::regclass::text || '.' || a.attname || ' → ' || c.confrelid::regclass::text || '.' || b.attname AS fk
       FROM pg_constraint c
       CROSS JOIN LATERAL generate_subscripts(c.conkey, 1) AS k(i)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[k.i]
       JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[k.i]
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  )
    .map((r) => r.fk)
    .sort();
}

describe.skipIf(!testServer())('the PostgreSQL schema matches the SQLite one, migration by migration', () => {
  it('has the same tables, columns (in order), keys, indexes, foreign keys and refusing triggers', async () => {
    const lite = (await freshDb('sqlite')).db;
    const pg = (await freshDb('postgres')).db;
    expect(pgColumns(pg)).toEqual(sqliteColumns(lite));
    expect(pgIndexes(pg)).toEqual(sqliteIndexes(lite).map((s) => s.replace(/ where (.*)$/, (_, w: string) => ` where ${normaliseWhere(w)}`)));
    expect(pgForeignKeys(pg)).toEqual(sqliteForeignKeys(lite));
    const sqliteTriggers = queryDb<{ name: string }>(lite, `SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).map((t) => t.name);
    const pgTriggers = queryDb<{ name: string }>(pg, `SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname NOT LIKE '%\\_rowid' ORDER BY tgname`).map((t) => t.name);
    expect(pgTriggers).toEqual(sqliteTriggers);
  });

  it('refuses the same changes with the same words on both (the append-only audit, the register, final lists)', async () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const { db } = await freshDb(engine);
      const refused = (statement: string) => {
        try {
          execDb(db, statement);
        } catch (e) {
          return (e as Error).message;
        }
        return 'accepted';
      };
      expect(refused(`UPDATE audit SET actor = 'x' WHERE id = 1`), engine).toMatch(/audit rows are append-only/);
      expect(refused(`DELETE FROM audit WHERE id = 1`), engine).toMatch(/audit rows are append-only/);
      execDb(db, `INSERT INTO documents (kind, year, number, date, type, title, profile_valid_from, payload, created_at) VALUES ('QĐ', 2025, 1, '2025-12-15', 't', 't', '1900-01-01', '{}', 'x')`);
      expect(refused(`DELETE FROM documents`), engine).toMatch(/issued documents are never deleted/);
      // A signed document is final, revoked only by a later decision; its signature never changes (0013).
      execDb(db, `INSERT INTO document_signatures (document_id, signed_at, signer_name, signer_subject, serial, issuer, certificate_sha256, method, visible, sha256, size, created_at)
                  VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x', 'pkcs12', 0, '${'a'.repeat(64)}', 1, 'x')`);
      expect(refused(`UPDATE documents SET title = 'y' WHERE id = 1`), engine).toMatch(/a signed document is final/);
      expect(refused(`UPDATE documents SET status = 'revoked' WHERE id = 1`), engine).toMatch(/a signed document is revoked only by a new decision/);
      expect(refused(`UPDATE document_signatures SET serial = 'y'`), engine).toMatch(/a signature record never changes/);
      expect(refused(`DELETE FROM document_signatures`), engine).toMatch(/a signature record is never deleted/);
      expect(refused(`INSERT INTO commend_lists (quarter, entries, finalised_on, created_at) VALUES ('2025-Q5', '[]', '2025-12-31', 'x')`), engine).toMatch(/CHECK|check/);
      execDb(db, `INSERT INTO commend_lists (quarter, entries, finalised_on, created_at) VALUES ('2025-Q4', '[]', '2025-12-31', 'x')`);
      expect(refused(`UPDATE commend_lists SET entries = '[1]'`), engine).toMatch(/a final commendation list never changes/);
      expect(refused(`UPDATE commend_lists SET document_id = 1`), engine).toBe('accepted');
      // Ids as SQLite's rowid gives them: the highest + 1, so both engines number rows alike.
      execDb(db, `INSERT INTO documents (kind, year, number, date, type, title, profile_valid_from, payload, created_at) VALUES ('QĐ', 2025, 7, '2025-12-15', 't', 't', '1900-01-01', '{}', 'x')`);
      expect(queryDb<{ id: number }>(db, `SELECT id FROM documents ORDER BY id`).map((r) => Number(r.id)), engine).toEqual([1, 2]);
    }
  });
});
