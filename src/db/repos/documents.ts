/** The register of issued documents: numbers per kind and year, never reused, never deleted. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { DocKind, DocumentsTable } from '../schema.js';

export type DocumentRow = Selectable<DocumentsTable>;

/** The next number of a kind in a year: one more than the highest ever issued (revoked ones included). */
export async function nextDocumentNumber(trx: Tx, kind: DocKind, year: number): Promise<number> {
  const r = await trx
    .selectFrom('documents')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('kind', '=', kind)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertDocument(trx: Tx, row: Insertable<DocumentsTable>): Promise<number> {
  const r = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function getDocumentRow(trx: Tx, id: number): Promise<DocumentRow | undefined> {
  return trx.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A document by its printed number (kind, year, number). */
export function findDocumentByNumber(trx: Tx, kind: DocKind, year: number, number: number): Promise<DocumentRow | undefined> {
  return trx.selectFrom('documents').selectAll().where('kind', '=', kind).where('year', '=', year).where('number', '=', number).executeTakeFirst();
}

export function listDocumentRows(trx: Tx, filter: { year?: number; kind?: DocKind; type?: string; ref?: string }): Promise<DocumentRow[]> {
  let q = trx.selectFrom('documents').selectAll();
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.type) q = q.where('type', '=', filter.type);
  if (filter.ref !== undefined) q = q.where('ref', '=', filter.ref);
  return q.orderBy('year').orderBy('date').orderBy('id').execute();
}

export async function revokeDocumentRow(trx: Tx, id: number, on: string, reason: string): Promise<void> {
  await trx.updateTable('documents').set({ status: 'revoked', revoked_on: on, revoked_reason: reason }).where('id', '=', id).execute();
}
