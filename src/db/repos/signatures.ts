/** Digital signatures of issued documents: appended, never changed. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { DocumentSignaturesTable } from '../schema.js';

export type SignatureRow = Selectable<DocumentSignaturesTable>;

export async function insertSignature(trx: Tx, row: Insertable<DocumentSignaturesTable>): Promise<number> {
  const r = await trx.insertInto('document_signatures').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The signatures of some documents (all when `ids` is absent), oldest first. */
export function signaturesOf(trx: Tx, ids?: number[]): Promise<SignatureRow[]> {
  let q = trx.selectFrom('document_signatures').selectAll();
  if (ids !== undefined) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('document_id', 'in', ids);
  }
  return q.orderBy('signed_at').orderBy('id').execute();
}

/** The signature whose signed file has this SHA-256. */
export function signatureByHash(trx: Tx, sha256: string): Promise<SignatureRow | undefined> {
  return trx.selectFrom('document_signatures').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Marks a document revoked by a later decision (the only way a signed one may be revoked). */
export async function revokeDocumentBy(trx: Tx, id: number, on: string, reason: string, by: number): Promise<void> {
  await trx.updateTable('documents').set({ status: 'revoked', revoked_on: on, revoked_reason: reason, revoked_by: by }).where('id', '=', id).execute();
}
