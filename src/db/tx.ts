import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Database } from './open.js';
import { translateSqliteError } from './open.js';
import { writeAudit, type AuditEntry, type AuditMeta } from './audit.js';
import { ValidationError } from '../domain/errors.js';

/** The handle repositories work with: always the transaction, never the database itself. */
export type Tx = Kysely<DB>;
export type Audit = (entry: AuditEntry) => Promise<void>;

function translate(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) return new ValidationError('db.constraint', { detail: (e as Error).message });
  return translateSqliteError(e, file);
}

/** Runs `fn` in one transaction; every change it makes is audited in that same transaction. */
export async function inTransaction<T>(db: Database, meta: AuditMeta, fn: (trx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  try {
    return await db.kysely.transaction().execute((trx) => fn(trx, (entry) => writeAudit(trx, meta, entry)));
  } catch (e) {
    throw translate(e, db.file);
  }
}
