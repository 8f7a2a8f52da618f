import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import { DatabaseError, ValidationError, WorkflowError } from '../domain/errors.js';
import {
  auditProblems, backupTo, dbFacts, foreignKeyProblems, freshDatabase, integrityProblems, schemaProblems, seededRules, subjectProblems, type DbFacts,
} from '../db/care.js';
import { recordProblems } from './integrity.js';
import type { AuditRow } from '../db/repos/audit.js';
import { profileAt } from '../db/repos/org.js';
import { auditHead, findAuditRow, findAuditRows, type AuditHead, type AuditProblem } from '../db/audit.js';
import { makeFolder, reasonOf } from './files.js';
import { isLink, LinkInTheWay } from '../db/atomic.js';
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
  // A link planted where the copy goes is never written through nor replaced.
  if (isLink(target)) throw new ValidationError('files.isLink', { file });
  // A device (/dev/full) or a folder is never replaced by the copy renamed over it.
  if (existsSync(target) && !statSync(target).isFile()) throw new ValidationError('files.notAFile', { file });
  if (existsSync(target) && !opts.overwrite) throw new WorkflowError('backup.exists', { file });
  // A dated backup folder (sao-luu/…) is made when missing, as a clerk expects.
  makeFolder(dirname(target));
  let bytes: number;
  let audit: AuditHead;
  try {
    // The head of the copy itself: what it holds, even when a writer committed during the copy.
    ({ bytes, audit } = await backupTo(db, target, { at: ctx.clock.now(), actor: ctx.actor, command: ctx.command }));
  } catch (e) {
    if (e instanceof LinkInTheWay) throw new ValidationError('files.isLink', { file });
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

/**
 * One check; a file too damaged to answer it (a page SQLite cannot read) fails it with that reason,
 * and the other checks still run.
 */
async function runCheck(name: string, work: () => Promise<Omit<Check, 'name' | 'ok'>> | Omit<Check, 'name' | 'ok'>): Promise<Check> {
  try {
    const c = await work();
    return { name, ...c, ok: c.problems.length === 0 };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('SQLITE_')) throw e;
    const detail = (e as Error).message;
    return { name, ok: false, problems: [`unreadable: ${detail}`], details: [{ key: 'check.unreadable', params: { detail } }] };
  }
}

const plain = (problems: string[]) => ({ problems });

/**
 * Integrity of the file, its schema against its migrations (the append-only triggers among them),
 * the links between records, the shared code space, the audit chain, and the records against the
 * audit trail (services/integrity.ts).
 */
export async function checkDatabase(ctx: ServiceContext): Promise<{ ok: boolean; checks: Check[] }> {
  const db = await ctx.db();
  const fresh = await freshDatabase();
  try {
    const checks: Check[] = [
      await runCheck('integrity', async () => plain(await integrityProblems(db))),
      await runCheck('schema', async () => plain(await schemaProblems(db, fresh))),
      await runCheck('foreignKeys', async () => plain((await foreignKeyProblems(db)).map((p) => `${p.table}#${p.rowid} → ${p.parent}`))),
      await runCheck('subjects', async () => plain(await subjectProblems(db))),
      await runCheck('auditChain', async () => {
        const audit = await auditProblems(db);
        return {
          problems: audit.problems.map(describeAuditProblem),
          details: audit.problems.map((p) => ({ key: `audit.problem.${p.problem}`, params: { id: p.id ?? '' } })),
        };
      }),
      await runCheck('records', async () => {
        const found = await recordProblems(db.kysely, { rules: await seededRules(fresh) });
        return {
          problems: found.map((p) => `${p.params.entity} ${p.params.id}${p.params.field ? `: ${p.params.field}` : ''} (${p.key.split('.')[1]})`),
          details: found.map((p) => ({ key: p.key, params: p.params })),
        };
      }),
    ];
    return { ok: checks.every((c) => c.ok), checks };
  } finally {
    await fresh.close();
  }
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
    // Every row a `review score` wrote (the application's council too) carries the scores in its command line.
    const scoredBy = (r: AuditEntryView) => scoredInCommand(r.command);
    const codes = rows.flatMap((r) => [scoreOf(r), scoredBy(r)]).filter((c): c is string => c !== null);
    if (codes.length === 0) return rows;
    const visible = await scoresVisible(trx, codes);
    return rows.map((r) => {
      const code = scoreOf(r);
      const hidden = code && !visible.has(code) ? { ...r, before: r.before === null ? null : HIDDEN, after: r.after === null ? null : HIDDEN } : r;
      const by = scoredBy(r);
      return by && !visible.has(by) ? { ...hidden, command: maskScores(hidden.command) } : hidden;
    });
  });
}

const SCORE_FLAGS = /(--(?:novelty|applicability|benefit)(?:=|\s+))('(?:[^']|'\\'')*'|\S+)/g;

/** The initiative a `review score` command line scores (null for any other command). */
function scoredInCommand(command: string): string | null {
  const words = command.split(/\s+/);
  const at = words.findIndex((w, i) => w === 'score' && words[i - 1] === 'review');
  if (at < 0) return null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      if (!w.includes('=')) i++;
      continue;
    }
    return w.replace(/^'|'$/g, '').toUpperCase();
  }
  return null;
}

/** A command line with the scores it gave hidden. */
export function maskScores(command: string): string {
  return command.replace(SCORE_FLAGS, (_m, flag: string) => `${flag}…`);
}

/** What the audit listing shows in place of a score nobody may see yet. */
export const HIDDEN = { hidden: true } as const;
