/** Emulation movements (phong trào thi đua), launched by the school or by its trade union. */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { compareIso, formatVnDate } from '../domain/dates.js';
import { FieldCollector, parseChoice, parseIsoDate, parseRequiredDate, parseRequiredText } from '../domain/fields.js';
import { compareText } from '../domain/names.js';
import { LAUNCHED_BY_ALIASES, LAUNCHED_BY_ALLOWED, spanOverlaps, type LaunchedBy } from '../domain/records.js';
import { getMovement, insertMovement, listMovements as listMovementRows, type MovementRow } from '../db/repos/records.js';
import { transact, type Tx } from './database.js';
import { codeOrThrow } from './subjects.js';

/** A movement as `movement list --json` prints it. */
export interface Movement {
  code: string;
  name: string;
  by: LaunchedBy;
  from: string;
  to: string | null;
}

export function toMovement(r: MovementRow): Movement {
  return { code: r.code, name: r.name, by: r.launched_by, from: r.from_date, to: r.to_date };
}

export async function requireMovement(trx: Tx, code: string): Promise<MovementRow> {
  const m = await getMovement(trx, code);
  if (!m) throw new NotFoundError('movement.notFound', { code });
  return m;
}

export interface MovementInput {
  name?: string;
  by?: string;
  from?: string;
  to?: string;
}

export async function addMovement(ctx: ServiceContext, rawCode: string, input: MovementInput): Promise<Movement> {
  const code = codeOrThrow('code', rawCode);
  const c = new FieldCollector();
  const name = c.take(parseRequiredText('movementName', input.name, 300));
  const by = c.take(parseChoice('launchedBy', input.by, LAUNCHED_BY_ALIASES, LAUNCHED_BY_ALLOWED));
  const from = c.take(parseRequiredDate('movementFrom', input.from));
  const to = c.take(parseIsoDate('movementTo', input.to));
  if (from && to && to < from) c.add('movement.endsBeforeStart', { from: formatVnDate(from), to: formatVnDate(to) });
  if (c.problems.length > 0) throw new ValidationError('movement.invalid', { code }, c.problems);
  return transact(ctx, async (trx, audit) => {
    const existing = await getMovement(trx, code);
    if (existing) throw new WorkflowError('movement.exists', { code, name: existing.name });
    const row = { code, name, launched_by: by, from_date: from, to_date: to, created_at: ctx.clock.now() };
    await insertMovement(trx, row);
    const movement = toMovement(row);
    await audit({ entity: 'movement', entityId: code, action: 'create', after: movement });
    return movement;
  });
}

/** Movements by their first day (all, or those running at any time in `year`). */
export async function listMovements(ctx: ServiceContext, opts: { year?: number } = {}): Promise<Movement[]> {
  return transact(ctx, async (trx) =>
    (await listMovementRows(trx))
      .map(toMovement)
      .filter((m) => opts.year === undefined || spanOverlaps(m, `${opts.year}-01-01`, `${opts.year}-12-31`))
      .sort((a, b) => compareIso(a.from, b.from) || compareText(a.name, b.name)),
  );
}
