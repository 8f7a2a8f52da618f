import type { Citation } from '../../domain/citations.js';
import type { Tx } from '../tx.js';

/** The stored source that is this citation word for word, or a new one. */
export async function saveSource(trx: Tx, c: Citation, now: string): Promise<number> {
  let q = trx
    .selectFrom('legal_sources')
    .select('id')
    .where('kind', '=', c.kind)
    .where('issued_on', '=', c.date)
    .where('issuer', '=', c.issuer)
    .where('subject', '=', c.subject);
  q = c.number === null ? q.where('number', 'is', null) : q.where('number', '=', c.number);
  const found = await q.orderBy('id').limit(1).executeTakeFirst();
  if (found) return found.id;
  const row = await trx
    .insertInto('legal_sources')
    .values({ kind: c.kind, number: c.number, issued_on: c.date, issuer: c.issuer, subject: c.subject, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stored sources by id, as citations. */
export async function sourcesByIds(trx: Tx, ids: readonly (number | null | undefined)[]): Promise<Map<number, Citation>> {
  const wanted = [...new Set(ids.filter((i): i is number => typeof i === 'number'))];
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('legal_sources').selectAll().where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, number: r.number, date: r.issued_on, issuer: r.issuer, subject: r.subject }]));
}
