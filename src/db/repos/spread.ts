/** Queries of replication records (nhân rộng) and of what an exemplar's article tells. */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../tx.js';
import type { SpreadRecordsTable } from '../schema.js';
import type { SpreadChannel } from '../../domain/spread.js';

export type SpreadRow = Selectable<SpreadRecordsTable>;

/** A record with its subject's name and unit. */
export interface SpreadView extends SpreadRow {
  subject_kind: 'person' | 'unit';
  subject_name: string;
  /** A person's unit; a unit's own code. */
  unit_code: string;
  unit_name: string;
}

export async function insertSpread(trx: Tx, row: Insertable<SpreadRecordsTable>): Promise<number> {
  const r = await trx.insertInto('spread_records').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface SpreadFilter {
  from?: string;
  to?: string;
  channel?: SpreadChannel;
  subject?: string;
}

export async function listSpreadViews(trx: Tx, f: SpreadFilter = {}): Promise<SpreadView[]> {
  let q = trx
    .selectFrom('spread_records as r')
    .innerJoin('subjects as s', 's.code', 'r.subject_code')
    .leftJoin('people as p', 'p.code', 'r.subject_code')
    .leftJoin('units as pu', 'pu.code', 'p.unit_code')
    .leftJoin('units as su', 'su.code', 'r.subject_code')
    .selectAll('r')
    .select(['s.kind as subject_kind', 'p.name as person_name', 'pu.code as pu_code', 'pu.name as pu_name', 'su.name as su_name']);
  if (f.from) q = q.where('r.date', '>=', f.from);
  if (f.to) q = q.where('r.date', '<=', f.to);
  if (f.channel) q = q.where('r.channel', '=', f.channel);
  if (f.subject) q = q.where('r.subject_code', '=', f.subject);
  const rows = await q.orderBy('r.date').orderBy('r.id').execute();
  return rows.map(({ person_name, pu_code, pu_name, su_name, ...r }) => ({
    ...r,
    subject_name: (r.subject_kind === 'person' ? person_name : su_name) ?? '',
    unit_code: pu_code ?? r.subject_code,
    unit_name: (r.subject_kind === 'person' ? pu_name : su_name) ?? '',
  }));
}

/**
 * Initiatives recognised and research topics accepted in the year (`status_on` in it): a person's
 * (as an author) or a unit's (registered by it).
 */
export function recognisedWorks(
  trx: Tx, subject: { code: string; kind: 'person' | 'unit' }, year: number,
): Promise<{ code: string; kind: 'initiative' | 'research'; title: string }[]> {
  let q = trx
    .selectFrom('initiatives as i')
    .select(['i.code', 'i.kind', 'i.title'])
    .where('i.status', '=', 'recognised')
    .where('i.status_on', '>=', `${year}-01-01`)
    .where('i.status_on', '<=', `${year}-12-31`);
  q = subject.kind === 'unit'
    ? q.where('i.unit_code', '=', subject.code)
    : q.where('i.code', 'in', (eb) => eb.selectFrom('initiative_authors').select('initiative_code').where('person_code', '=', subject.code));
  return q.orderBy('i.code').execute();
}
