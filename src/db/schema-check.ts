/**
 * Is this file what its records say it is? (SQLite; a PostgreSQL twin reads information_schema.)
 * - The file is as long as its header says: a file cut short (a copy that stopped, a full disk)
 *   would otherwise be read as if the missing pages were empty.
 * - The migrations recorded are the program's first N, in order, none missing.
 * - `user_version` is the number of migrations applied (stamped by the program; a value set by
 *   another program, or copied with tables from elsewhere, does not match).
 * - The tables, columns, indexes and triggers are those the migrations made: a fingerprint of the
 *   schema is stamped after migrating and compared on every open (cheap); `db check` names each
 *   difference against a database migrated afresh in memory.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from '../../migrations/index.js';
import { DatabaseError } from '../domain/errors.js';

const HASH_KEY = 'schema.hash';
/** SQLite's schema cookie when the fingerprint was stamped: while it is the same, nothing changed. */
const COOKIE_KEY = 'schema.cookie';

/** Names SQLite keeps for itself (statistics, automatic indexes): not part of the program's schema. */
const OWN = /^sqlite_/;

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaRows(raw: BetterSqlite3.Database): SchemaRow[] {
  return (raw.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as SchemaRow[]).filter((r) => !OWN.test(r.name));
}

/** What a schema statement says, whatever the spacing it was typed with. */
function normalised(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();
}

/** A hash of every table, column, index and trigger the file holds. */
export function schemaFingerprint(raw: BetterSqlite3.Database): string {
  const h = createHash('sha256');
  for (const r of schemaRows(raw)) h.update(`${r.type}\u0000${r.name}\u0000${r.tbl_name}\u0000${r.sql ?? ''}\u0001`);
  return h.digest('hex');
}

const cookie = (raw: BetterSqlite3.Database) => String(raw.pragma('schema_version', { simple: true }));

/** After migrating: the number of migrations in `user_version` and the schema's fingerprint. */
export function stampSchema(raw: BetterSqlite3.Database, applied: number): void {
  const hash = schemaFingerprint(raw);
  const put = raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  raw.transaction(() => {
    raw.pragma(`user_version = ${applied}`);
    put.run(HASH_KEY, hash);
    put.run(COOKIE_KEY, cookie(raw));
  }).immediate();
}

/**
 * What is wrong with the record of migrations, each as a short text (none when all is well): a
 * migration missing from the record while later ones are there, a `user_version` that is not the
 * program's, a schema that is not the one stamped when it was last migrated. Reads only.
 */
export function recordedSchemaProblems(raw: BetterSqlite3.Database, applied: string[], all: Migration[]): string[] {
  const out: string[] = [];
  const expected = all.slice(0, applied.length).map((m) => m.id);
  const missing = expected.filter((id) => !applied.includes(id));
  if (missing.length > 0) out.push(`migrations ${missing.join(', ')} not recorded`);
  const version = Number(raw.pragma('user_version', { simple: true }));
  if (version !== 0 && version !== applied.length) out.push(`user_version ${version}, ${applied.length} migrations recorded`);
  const stamped = new Map((raw.prepare('SELECT key, value FROM meta WHERE key IN (?, ?)').all(HASH_KEY, COOKIE_KEY) as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  // The schema cookie moves with every change of the schema: while it has not, the fingerprint holds.
  const same = stamped.get(COOKIE_KEY) === cookie(raw);
  if (stamped.has(HASH_KEY) && !same && stamped.get(HASH_KEY) !== schemaFingerprint(raw)) out.push('tables, columns, indexes or triggers changed');
  return out;
}

/**
 * Refuses (exit 6) a file shorter than the pages its header counts, or cut inside a page. The header
 * is trusted only when SQLite would trust it (its change counter matches). A checkpoint writes the
 * header before it extends the file: with a write-ahead log present the file is looked at again a
 * moment later before it is called short.
 */
export async function checkFileLength(file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const short = shortBy(file);
    if (short === null) return;
    const wal = `${file}-wal`;
    if (attempt >= 5 || !existsSync(wal) || statSync(wal).size === 0) {
      throw new DatabaseError('db.truncated', { file, have: short.have, want: short.want });
    }
    await new Promise((r) => setTimeout(r, 40));
  }
}

function shortBy(file: string): { have: number; want: number } | null {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  let size: number;
  try {
    size = statSync(file).size;
    if (size < 100 || readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null;
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  if (pageSize < 512) return null;
  const pages = header.readUInt32BE(28);
  const valid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (size % pageSize !== 0) return { have: size, want: Math.ceil(size / pageSize) * pageSize };
  if (valid && size < pages * pageSize) return { have: size, want: pages * pageSize };
  return null;
}

/** Each table, column, index and trigger that differs from what the migrations make (for `db check`). */
export function schemaDifferences(raw: BetterSqlite3.Database, fresh: BetterSqlite3.Database): string[] {
  const key = (r: SchemaRow) => `${r.type} ${r.name}`;
  const have = new Map(schemaRows(raw).map((r) => [key(r), r]));
  const want = new Map(schemaRows(fresh).map((r) => [key(r), r]));
  const out: string[] = [];
  for (const [k, w] of want) {
    const h = have.get(k);
    if (!h) {
      out.push(`${k}: missing`);
      continue;
    }
    if (w.type === 'table') {
      const cols = (db: BetterSqlite3.Database) => new Map((db.prepare(`SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)`).all(w.name) as { name: string; type: string; nn: number; pk: number }[]).map((c) => [c.name, `${c.type} ${c.nn} ${c.pk}`]));
      const [hc, wc] = [cols(raw), cols(fresh)];
      for (const [name, def] of wc) {
        if (!hc.has(name)) out.push(`table ${w.name}: column ${name} missing`);
        else if (hc.get(name) !== def) out.push(`table ${w.name}: column ${name} changed`);
      }
      for (const name of hc.keys()) if (!wc.has(name)) out.push(`table ${w.name}: column ${name} not made by a migration`);
      if (normalised(h.sql) !== normalised(w.sql) && out.every((o) => !o.startsWith(`table ${w.name}:`))) out.push(`table ${w.name}: definition changed`);
    } else if (normalised(h.sql) !== normalised(w.sql)) {
      out.push(`${k}: definition changed`);
    }
  }
  for (const k of have.keys()) if (!want.has(k)) out.push(`${k}: not made by a migration`);
  return out;
}
