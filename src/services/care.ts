import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import { DatabaseError, ValidationError, WorkflowError } from '../domain/errors.js';
import { auditProblems, backupTo, dbFacts, foreignKeyProblems, integrityProblems, subjectProblems, type DbFacts } from '../db/care.js';
import type { AuditRow } from '../db/repos/audit.js';
import { profileAt } from '../db/repos/org.js';
import { auditHead, findAuditRow, findAuditRows, type AuditHead, type AuditProblem } from '../db/audit.js';
import { makeFolder, reasonOf } from './files.js';
import { transact } from './database.js';
import { scoresVisible } from './review.js';

/** The same file under another name (a symbolic or hard link): the copy is renamed over its target. */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

export async function backupDatabase(ctx: ServiceContext, file: string, opts: { overwrite?: boolean } = {}): Promise<{ file: string; bytes: number; audit: AuditHead }> {
  if (file.includes('\0')) throw new ValidationError('files.badName', { file: JSON.stringify(file) });
  const db = await ctx.db();
  const target = resolve(file);
  if (target === resolve(db.file) || sameFile(target, db.file)) throw new WorkflowError('backup.sameFile', { file });
  // A device (/dev/full) or a folder is never replaced by the copy renamed over it.
  if (existsSync(target) && !statSync(target).isFile()) throw new ValidationError('files.notAFile', { file });
  if (existsSync(target) && !opts.overwrite) throw new WorkflowError('backup.exists', { file });
  // A dated backup folder (sao-luu/…) is made when missing, as a clerk expects.
  makeFolder(dirname(target));
  // The head is read in the same transaction the copy sees, so it names the copy's last row.
  const audit = await auditHead(db.kysely);
  let bytes: number;
  try {
    ({ bytes } = await backupTo(db, target, { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command }));
  } catch (e) {
    // A name too long for the file system, a full disk, no permission: said, not a stack.
    const { key, code } = reasonOf(e);
    throw new DatabaseError('files.cantWrite', { file: target.length > 200 ? `${target.slice(0, 200)}…` : target }, [{ key, params: { code } }]);
  }
  return { file: target, bytes, audit };
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
    { name: 'integrity', problems: await integrityProblems(db) },
    { name: 'foreignKeys', problems: (await foreignKeyProblems(db)).map((p) => `${p.table}#${p.rowid} → ${p.parent}`) },
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

/** A head kept earlier: `HASH`, or `ROWS:HASH` as `audit head` prints it. */
export function parseAnchor(value: string): { hash: string; id?: number } {
  const m = /^\s*(?:(\d{1,12}):)?([0-9a-fA-F]{64})\s*$/.exec(value);
  if (!m) throw new ValidationError('audit.badAnchor', { value: value.slice(0, 80) });
  return { hash: m[2].toLowerCase(), id: m[1] === undefined ? undefined : Number(m[1]) };
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  problems: AuditProblem[];
  /** With an anchor: the row that has its hash (null when none has). */
  anchor?: { hash: string; id: number | null };
}

/**
 * The chain from the first row to the head is intact; with an anchor, the chain also still holds
 * the hash kept earlier, so today's log extends the one seen then (a log rewritten from the start,
 * every hash recomputed, no longer does).
 */
export async function verifyAuditChain(ctx: ServiceContext, anchorText?: string): Promise<AuditVerification> {
  const anchor = anchorText === undefined ? undefined : parseAnchor(anchorText);
  const db = await ctx.db();
  const r = await auditProblems(db);
  if (!anchor) return { ok: r.problems.length === 0, ...r };
  const row = await findAuditRow(db.kysely, anchor.hash);
  const id = row?.id ?? null;
  if (id === null) throw new DatabaseError('audit.anchorMissing', { hash: anchor.hash });
  if (anchor.id !== undefined && anchor.id !== id) throw new DatabaseError('audit.anchorMoved', { hash: anchor.hash, expected: anchor.id, id });
  return { ok: r.problems.length === 0, ...r, anchor: { hash: anchor.hash, id } };
}

/** The chain's length and its last hash, to keep outside the file. */
export async function auditChainHead(ctx: ServiceContext): Promise<AuditHead> {
  const db = await ctx.db();
  return auditHead(db.kysely);
}

export interface DbInfo extends DbFacts {
  schemaVersion: string;
  organisation: string | null;
}

export async function databaseInfo(ctx: ServiceContext): Promise<DbInfo> {
  const db = await ctx.db();
  const { file, ...facts } = await dbFacts(db);
  const org = await transact(ctx, (trx) => profileAt(trx, ctx.clock.today()));
  return {
    file,
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
