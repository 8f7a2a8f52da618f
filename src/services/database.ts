import type { ServiceContext } from '../context.js';
import { openDatabase, translateSqliteError, type Database, type OpenOptions } from '../db/open.js';
import { isServerUrl } from '../domain/db-address.js';
import { inTransaction, type Audit, type Tx } from '../db/tx.js';
import { guardPath } from './files.js';

export type { Tx, Audit };

export function connect(file: string, opts: OpenOptions): Promise<Database> {
  if (file !== ':memory:' && !isServerUrl(file)) guardPath(file);
  return openDatabase(file, opts);
}

/** An error of the database engine, as the error (exit 6) it is; anything else as it was. */
export function databaseFault(e: unknown, file: string): unknown {
  return translateSqliteError(e, file);
}

/** One command, one transaction: the work and its audit rows commit together or not at all. */
export async function transact<T>(ctx: ServiceContext, fn: (trx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  const db = await ctx.db();
  return inTransaction(db, { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command }, fn);
}
