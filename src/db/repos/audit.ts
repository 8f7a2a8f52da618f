import type { Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { AuditTable } from '../schema.js';

export type AuditRow = Selectable<AuditTable>;

export function listAudit(trx: Tx, filter: { entity?: string; entityId?: string; since?: string; limit?: number }): Promise<AuditRow[]> {
  let q = trx.selectFrom('audit').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.since) q = q.where('at', '>=', filter.since);
  return q.orderBy('id', 'desc').limit(filter.limit ?? 1000).execute();
}
