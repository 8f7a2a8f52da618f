import { createHash } from 'node:crypto';
import { type Kysely, type Selectable } from 'kysely';
import type { DB, AuditTable } from './schema.js';

/** Who and how, for every audit row. */
export interface AuditMeta {
  at: string;
  actor: string;
  command: string;
}

export interface AuditEntry {
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** The hash of a row covers every field and the previous row's hash, so no row can change unseen. */
export function auditHash(row: Omit<AuditTable, 'hash'>): string {
  const body = JSON.stringify([
    row.id, row.at, row.actor, row.command, row.entity, row.entity_id, row.action, row.before, row.after, row.prev_hash,
  ]);
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * Writes a transaction's audit rows: each appended to the hash chain, then (`finish`, once, before the
 * commit) the chain head kept in `meta`, so removing the newest rows is detected too. The previous
 * row is read once; after that this transaction holds the write lock, so its own last row is the
 * chain's last. Rows are sent a hundred at a time (and the rest at `finish`): a server is a network
 * round trip away, and an import writes thousands. Nothing reads the log inside a writing transaction.
 */
export function auditWriter(trx: Kysely<DB>, meta: AuditMeta): { write(entry: AuditEntry): Promise<void>; finish(): Promise<void> } {
  let last: { id: number; hash: string } | undefined | null = null;
  let head: string | null = null;
  let pending: AuditTable[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    await trx.insertInto('audit').values(rows).execute();
  };
  return {
    async write(entry) {
      if (last === null) last = await trx.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      const row = {
        id: (last?.id ?? 0) + 1,
        at: meta.at,
        actor: meta.actor,
        command: meta.command,
        entity: entry.entity,
        entity_id: entry.entityId,
        action: entry.action,
        before: json(entry.before),
        after: json(entry.after),
        prev_hash: last?.hash ?? GENESIS,
      };
      const hash = auditHash(row);
      pending.push({ ...row, hash });
      if (pending.length >= 100) await flush();
      last = { id: row.id, hash };
      head = `${row.id}:${hash}`;
    },
    async finish() {
      await flush();
      if (head === null) return;
      const value = head;
      await trx
        .insertInto('meta')
        .values({ key: HEAD_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      head = null;
    },
  };
}

/** Appends one row to the hash chain and moves the head, inside the caller's transaction. */
export async function writeAudit(trx: Kysely<DB>, meta: AuditMeta, entry: AuditEntry): Promise<void> {
  const w = auditWriter(trx, meta);
  await w.write(entry);
  await w.finish();
}

export interface AuditProblem {
  id: number | null;
  problem: 'altered' | 'missing' | 'broken-link' | 'head-mismatch';
}

/** Walks the whole chain; returns every problem found (an empty list means intact). */
export async function verifyAudit(db: Kysely<DB>): Promise<{ rows: number; problems: AuditProblem[] }> {
  const rows = await db.selectFrom('audit').selectAll().orderBy('id').execute();
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS;
  let expectedId = 1;
  for (const r of rows) {
    if (r.id !== expectedId) problems.push({ id: expectedId, problem: 'missing' });
    if (r.prev_hash !== prevHash) problems.push({ id: r.id, problem: 'broken-link' });
    const { hash, ...rest } = r;
    if (auditHash(rest) !== hash) problems.push({ id: r.id, problem: 'altered' });
    prevHash = r.hash;
    expectedId = r.id + 1;
  }
  const head = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const last = rows[rows.length - 1];
  const actual = last ? `${last.id}:${last.hash}` : undefined;
  if (head?.value !== actual) problems.push({ id: last?.id ?? null, problem: 'head-mismatch' });
  if (rows.length === 0 && head === undefined) {
    // Every migration writes a row, so an initialised database never has an empty log.
    const applied = await db.selectFrom('migrations').select('id').limit(1).executeTakeFirst();
    if (applied) problems.push({ id: 1, problem: 'missing' });
  }
  return { rows: rows.length, problems };
}

export interface AuditHead {
  /** Rows in the chain (ids run 1…count in an intact chain). */
  count: number;
  /** The last row's hash; the genesis value when the log is empty. */
  hash: string;
}

export async function auditHead(db: Kysely<DB>): Promise<AuditHead> {
  const last = await db.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { count: last?.id ?? 0, hash: last?.hash ?? GENESIS };
}

/** The row with this hash, if the chain has one. */
export function findAuditRow(db: Kysely<DB>, hash: string): Promise<{ id: number } | undefined> {
  return db.selectFrom('audit').select('id').where('hash', '=', hash).executeTakeFirst();
}

export interface AuditFilter {
  entity?: string;
  /** The entity's id, matched ignoring case (codes and rule keys are typed in any case). */
  entityId?: string;
  /** An instant (ISO 8601): rows written at or after it. */
  since?: string;
  limit?: number;
}

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Audit rows, newest first. */
export function findAuditRows(db: Kysely<DB>, filter: AuditFilter): Promise<Selectable<AuditTable>[]> {
  let q = db.selectFrom('audit').selectAll();
  // Ignoring case as SQLite's NOCASE does (ASCII letters only), the same on both engines: the
  // column's lower() folds ASCII only (SQLite's lower(); PostgreSQL's under the C collation).
  if (filter.entity) q = q.where((eb) => eb(eb.fn('lower', ['entity']), '=', asciiLower(filter.entity!)));
  if (filter.entityId) q = q.where((eb) => eb(eb.fn('lower', ['entity_id']), '=', asciiLower(filter.entityId!)));
  if (filter.since) q = q.where('at', '>=', filter.since);
  return q.orderBy('id', 'desc').limit(filter.limit ?? 1000).execute();
}
