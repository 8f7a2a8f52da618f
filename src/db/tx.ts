import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import type { Database } from './open.js';
import { auditWriter, type AuditEntry, type AuditMeta } from './audit.js';

/** The handle repositories work with: always the transaction, never the database itself. */
export type Tx = Kysely<DB>;
export type Audit = (entry: AuditEntry) => Promise<void>;

/** Runs `fn` in one transaction; every change it makes is audited in that same transaction. */
export async function inTransaction<T>(db: Database, meta: AuditMeta, fn: (trx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  try {
    return await db.kysely.transaction().execute(async (trx) => {
      const audit = auditWriter(trx, meta);
      const result = await fn(trx, (entry) => audit.write(entry));
      await audit.finish();
      return result;
    });
  } catch (e) {
    throw db.translate(e);
  }
}
