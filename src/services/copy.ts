/**
 * `thidua db copy FROM TO`: a whole database from one engine to the other (a school's file onto the
 * province's server; a server's records back into a file), proven by row counts, the audit chain
 * verified on the copy and the same audit head on both.
 */
import { existsSync, statSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import { copyDatabaseInto, type TableCount } from '../db/copy.js';
import { translateSqliteError, type Database } from '../db/open.js';
import type { AuditHead } from '../db/audit.js';
import { isServerUrl, maskUrl } from '../domain/db-address.js';
import { AppError, ValidationError, WorkflowError } from '../domain/errors.js';
import { connect } from './database.js';

export interface CopyResult {
  from: string;
  to: string;
  tables: TableCount[];
  rows: number;
  audit: AuditHead;
}

function label(target: string): string {
  return isServerUrl(target) ? maskUrl(target) : resolve(target);
}

function opener(ctx: ServiceContext): NonNullable<ServiceContext['open']> {
  const meta = { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command };
  return ctx.open ?? ((target, o = {}) => connect(target, { create: o.create || o.empty, migrations: o.empty ? [] : undefined, meta }));
}

/** Opens the target as a new, empty database; one that holds anything at all is refused (exit 5). */
async function openEmptyTarget(ctx: ServiceContext, to: string): Promise<Database> {
  const refuse = () => new WorkflowError('copy.targetNotEmpty', { target: label(to) });
  if (!isServerUrl(to) && existsSync(to)) {
    if (!statSync(to).isFile() || statSync(to).size > 0) throw refuse();
    // An empty file is taken over (one the system keeps, /proc/…, cannot be: exit 6, said).
    try {
      unlinkSync(to);
    } catch (e) {
      throw translateSqliteError(e, label(to));
    }
  }
  try {
    return await opener(ctx)(to, { empty: true });
  } catch (e) {
    // (Opened with no steps of its own, a thidua database there reads as "newer".)
    if (e instanceof AppError && ['init.exists', 'pg.notEmpty', 'db.newer'].includes(e.key)) throw refuse();
    throw e;
  }
}

export async function copyBetween(ctx: ServiceContext, from: string, to: string): Promise<CopyResult> {
  for (const [flag, v] of [['from', from], ['to', to]] as const) {
    if (v.trim() === '' || v.includes('\0')) throw new ValidationError('invalid.required', { field: flag });
  }
  const source = await opener(ctx)(from);
  let target: Database | undefined;
  try {
    target = await openEmptyTarget(ctx, to);
    const proof = await copyDatabaseInto(source, target);
    return {
      from: label(from),
      to: label(to),
      tables: proof.tables,
      rows: proof.tables.reduce((n, t) => n + t.target, 0),
      audit: proof.audit,
    };
  } catch (e) {
    // A file this copy created and could not finish is removed (a server's copy was one transaction, undone).
    if (target?.created && target.engine === 'sqlite') {
      await target.close();
      for (const f of [to, `${to}-wal`, `${to}-shm`]) if (existsSync(f)) unlinkSync(f);
      target = undefined;
    }
    throw e;
  } finally {
    await target?.close();
    await source.close();
  }
}
