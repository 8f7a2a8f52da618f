import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import { DatabaseError, WorkflowError } from '../domain/errors.js';
import { auditProblems, backupTo, dbFacts, foreignKeyProblems, integrityProblems, subjectProblems, type DbFacts } from '../db/care.js';
import type { AuditRow } from '../db/repos/audit.js';
import { profileAt } from '../db/repos/org.js';
import { findAuditRows, type AuditProblem } from '../db/audit.js';
import { transact } from './database.js';
import { scoresVisible } from './review.js';

/** The same file under another name (a symbolic or hard link): the copy is renamed over its target. */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

export async function backupDatabase(ctx: ServiceContext, file: string, opts: { overwrite?: boolean } = {}): Promise<{ file: string; bytes: number }> {
  const db = await ctx.db();
  const target = resolve(file);
  if (target === resolve(db.file) || sameFile(target, db.file)) throw new WorkflowError('backup.sameFile', { file });
  if (existsSync(target) && !opts.overwrite) throw new WorkflowError('backup.exists', { file });
  // A dated backup folder (sao-luu/…) is made when missing, as a clerk expects.
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch {
    throw new DatabaseError('db.cantOpen', { file });
  }
  const { bytes } = await backupTo(db, target);
  return { file: target, bytes };
}

export interface Check {
  name: string;
  ok: boolean;
  problems: string[];
  /** The problems as message keys, where the catalogue has words for them (the audit chain). */
  details?: { key: string; params: Record<string, string | number> }[];
}

/** Integrity of the file, the links between records, the shared code space and the audit chain. */
export async function checkDatabase(ctx: ServiceContext): Promise<{ ok: boolean; checks: Check[] }> {
  const db = await ctx.db();
  const audit = await auditProblems(db);
  const checks: Check[] = [
    { name: 'integrity', problems: integrityProblems(db) },
    { name: 'foreignKeys', problems: foreignKeyProblems(db).map((p) => `${p.table}#${p.rowid} → ${p.parent}`) },
    { name: 'subjects', problems: await subjectProblems(db) },
    {
      name: 'auditChain',
      problems: audit.problems.map(describeAuditProblem),
      details: audit.problems.map((p) => ({ key: `audit.problem.${p.problem}`, params: { id: p.id ?? '' } })),
    },
  ].map((c) => ({ ...c, ok: c.problems.length === 0 }));
  return { ok: checks.every((c) => c.ok), checks };
}

export function describeAuditProblem(p: AuditProblem): string {
  return `${p.problem}${p.id !== null ? ` #${p.id}` : ''}`;
}

export async function verifyAuditChain(ctx: ServiceContext): Promise<{ ok: boolean; rows: number; problems: AuditProblem[] }> {
  const db = await ctx.db();
  const r = await auditProblems(db);
  return { ok: r.problems.length === 0, ...r };
}

export interface DbInfo extends DbFacts {
  file: string;
  schemaVersion: string;
  organisation: string | null;
}

export async function databaseInfo(ctx: ServiceContext): Promise<DbInfo> {
  const db = await ctx.db();
  const facts = await dbFacts(db);
  const org = await transact(ctx, (trx) => profileAt(trx, ctx.clock.today()));
  return {
    file: resolve(db.file),
    schemaVersion: facts.migrations[facts.migrations.length - 1]?.id ?? '',
    organisation: org?.full_name ?? null,
    ...facts,
  };
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

function view(r: AuditRow): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    command: r.command,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  };
}

/**
 * Audit rows, newest first. `id` is matched ignoring case (VC002, vc002; coefficient.ldtt@2027-01-01);
 * `since` is an instant (ISO 8601), the start of the day the clerk means on the office's clock.
 */
/** Audit entries, newest first. Initiative scores stay hidden here until they may be shown in the review. */
export async function listAuditEntries(ctx: ServiceContext, filter: { entity?: string; id?: string; since?: string; limit?: number }): Promise<AuditEntryView[]> {
  return transact(ctx, async (trx) => {
    const rows = (await findAuditRows(trx, { entity: filter.entity, entityId: filter.id, since: filter.since, limit: filter.limit })).map(view);
    const scoreOf = (r: AuditEntryView) => (r.entity === 'initiative_score' && r.entityId ? r.entityId.split('/')[0] : null);
    const codes = rows.map(scoreOf).filter((c): c is string => c !== null);
    if (codes.length === 0) return rows;
    const visible = await scoresVisible(trx, codes);
    return rows.map((r) => {
      const code = scoreOf(r);
      return code && !visible.has(code) ? { ...r, before: r.before === null ? null : HIDDEN, after: r.after === null ? null : HIDDEN } : r;
    });
  });
}

/** What the audit listing shows in place of a score nobody may see yet. */
export const HIDDEN = { hidden: true } as const;
