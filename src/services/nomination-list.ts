/** `nominate list`: the year's nominations, filtered by title and state. */
import type { ServiceContext } from '../context.js';
import { ValidationError } from '../domain/errors.js';
import { parseChoice } from '../domain/fields.js';
import type { NominationStatus } from '../db/schema.js';
import { transact } from './database.js';
import { requireTitle } from './reference.js';
import { type Nomination, nominationsIn } from './nominations.js';

export const NOMINATION_STATUSES: NominationStatus[] = ['submitted', 'accepted', 'returned', 'withdrawn', 'passed', 'failed', 'recognised'];

const STATUS_ALIASES: Record<string, NominationStatus> = {
  ...Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, s])),
  'da nop': 'submitted', 'cho tham dinh': 'submitted',
  'da chap nhan': 'accepted', 'chap nhan': 'accepted', 'du ho so': 'accepted',
  'tra lai': 'returned', 'da tra lai': 'returned',
  'da rut': 'withdrawn', rut: 'withdrawn',
  dat: 'passed', 'khong dat': 'failed',
  'da cong nhan': 'recognised', 'cong nhan': 'recognised', recognized: 'recognised',
};

export interface NominationFilter {
  year: number;
  award?: string;
  status?: string;
}

/** The year's nominations (of one title, in one state, when asked), each with its eligibility now. */
export async function listNominations(ctx: ServiceContext, filter: NominationFilter): Promise<Nomination[]> {
  let status: NominationStatus | undefined;
  if (filter.status !== undefined) {
    const p = parseChoice('nominationStatus', filter.status, STATUS_ALIASES, NOMINATION_STATUSES.join(', '));
    if (!p.ok) throw new ValidationError(p.problem.key, p.problem.params);
    status = p.value;
  }
  return transact(ctx, async (trx) => {
    const award = filter.award === undefined ? undefined : (await requireTitle(trx, filter.award)).code;
    return nominationsIn(trx, { year: filter.year, award, statuses: status && [status] });
  });
}
