/**
 * The document register (sổ đăng ký văn bản): every issued document takes the next number of its kind
 * in the year of its date, with the organisation's identity in force on that date; its model is frozen
 * at issue, so `document render` gives back the same bytes. Numbers are never reused.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context.js';
import { DatabaseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { DRAFT_NUMBER, docSymbol, identityOf, parseDocKind, type DocIdentity, type DocKind, type DocModel, type DocNumber } from '../domain/documents.js';
import { fold, unprintableText } from '../domain/names.js';
import { parseYearField, valueOrThrow } from '../domain/fields.js';
import { profileAt } from '../db/repos/org.js';
import {
  findDocumentByNumber, getDocumentRow, insertDocument, listDocumentRows, nextDocumentNumber, type DocumentRow,
} from '../db/repos/documents.js';
import { transact, type Audit, type Tx } from './database.js';
import { toProfile } from './org.js';

export interface IssuedDocument {
  id: number;
  number: number;
  kind: DocKind;
  year: number;
  /** As printed: `01/QĐ-TCT` (state) or `01-QĐ/TCT` (party). */
  symbol: string;
  date: string;
  type: string;
  title: string;
  ref: string | null;
  /** `draft`: printed for review, never registered (id and number 0). */
  status: 'issued' | 'revoked' | 'draft';
  revokedOn: string | null;
  revokedReason: string | null;
  model: DocModel;
}

export function toIssued(r: DocumentRow): IssuedDocument {
  const model = JSON.parse(r.payload) as DocModel;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    year: r.year,
    symbol: docSymbol(model.identity.style, r.number, r.kind, model.identity.symbol),
    date: r.date,
    type: r.type,
    title: r.title,
    ref: r.ref,
    status: r.status,
    revokedOn: r.revoked_on,
    revokedReason: r.revoked_reason,
    model,
  };
}

/** The identity printed on a document of this date. */
export async function identityAt(trx: Tx, date: string): Promise<DocIdentity> {
  const p = await profileAt(trx, date);
  if (!p) throw new DatabaseError('org.missing');
  return identityOf(toProfile(p));
}

export interface IssueRequest {
  kind: DocKind;
  date: string;
  type: string;
  title: string;
  ref?: string | null;
  /** Builds the model once the number and the identity of the date are known. */
  build(identity: DocIdentity, number: DocNumber): DocModel | Promise<DocModel>;
}

// ---------------------------------------------------------------------------------------------
// Drafts (DOMAIN.md "Drafts and issued documents"). A command run as a draft does all its work in a
// transaction that is then rolled back: the checks are the same as for the real thing, the document
// is built as it would be issued, but it takes no number, and nothing (register, audit trail,
// recognitions, a ballot's state) is kept. The model is marked `draft` and printed "DỰ THẢO".

const drafts = new WeakSet<Tx>();

/** True inside a draft run: issueDocument gives a draft instead of taking a number. */
export function isDraft(trx: Tx): boolean {
  return drafts.has(trx);
}

class DraftDone<T> {
  constructor(readonly value: T) {}
}

/**
 * `transact`, or with `draft` the same work rolled back: nothing it writes is kept, and every
 * document it issues is a draft. The result is what the work returned.
 */
export async function transactDraft<T>(ctx: ServiceContext, draft: boolean | undefined, fn: (trx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  if (!draft) return transact(ctx, fn);
  try {
    await transact(ctx, async (trx, audit) => {
      drafts.add(trx);
      throw new DraftDone(await fn(trx, audit));
    });
  } catch (e) {
    if (e instanceof DraftDone) return e.value as T;
    throw e;
  }
  throw new Error('transactDraft: the draft was not rolled back');
}

/**
 * Takes the next number and records the document with its frozen model (inside the caller's
 * transaction). Inside a draft run (transactDraft) the model is built with the blank number and marked
 * a draft; it is recorded like any other, so that what refers to it within the run holds, and the
 * run's rollback removes it with everything else: no number is spent.
 */
export async function issueDocument(trx: Tx, audit: Audit, now: string, req: IssueRequest): Promise<IssuedDocument> {
  const year = Number(req.date.slice(0, 4));
  const identity = await identityAt(trx, req.date);
  const number: DocNumber = { kind: req.kind, year, number: await nextDocumentNumber(trx, req.kind, year) };
  const draft = isDraft(trx);
  const model = draft ? { ...(await req.build(identity, { ...number, number: DRAFT_NUMBER })), draft: true } : await req.build(identity, number);
  // Before the number is taken: a model holding text no document can hold (stored before such text was
  // refused, or planted in the file) would be a document Word cannot open, numbered for ever.
  const unprintable = unprintableText(model);
  if (unprintable !== null) throw new ValidationError('document.unprintable', { text: unprintable });
  const id = await insertDocument(trx, {
    kind: req.kind,
    year,
    number: number.number,
    date: req.date,
    type: req.type,
    title: req.title,
    ref: req.ref ?? null,
    profile_valid_from: identity.validFrom,
    payload: JSON.stringify(model),
    status: 'issued',
    revoked_on: null,
    revoked_reason: null,
    created_at: now,
  });
  const issued = toIssued((await getDocumentRow(trx, id))!);
  if (draft) return { ...issued, number: DRAFT_NUMBER, symbol: docSymbol(identity.style, DRAFT_NUMBER, req.kind, identity.symbol), status: 'draft' };
  // The hash of the frozen model: `db check` sees a model changed in the file (services/integrity.ts).
  const sha256 = createHash('sha256').update(JSON.stringify(model), 'utf8').digest('hex');
  await audit({ entity: 'document', entityId: String(id), action: 'issue', after: { number: issued.symbol, kind: issued.kind, date: issued.date, type: issued.type, title: issued.title, ref: issued.ref, sha256 } });
  return issued;
}

export async function requireDocument(trx: Tx, id: number): Promise<IssuedDocument> {
  const r = await getDocumentRow(trx, id);
  if (!r) throw new NotFoundError('document.notFound', { id });
  return toIssued(r);
}

/**
 * A document as the clerk names it: its register id (`12`), or its printed number (`01/QĐ-TCT`,
 * `01-QĐ/TCT`, with the year of `--year` or of today when the number does not say it).
 */
export async function findDocument(trx: Tx, raw: string, year: number): Promise<IssuedDocument> {
  const text = raw.trim();
  if (/^#?\d{1,9}$/.test(text)) return requireDocument(trx, Number(text.replace('#', '')));
  const m = /^(?:số:?\s*)?(\d{1,5})\s*[-/]\s*([^-/\s]+)\s*[-/]\s*(\S+)$/iu.exec(text);
  const kind = m ? parseDocKind(m[2]) : null;
  if (!m || !kind) throw new ValidationError('document.badNumber', { value: raw });
  const r = await findDocumentByNumber(trx, kind, year, Number(m[1]));
  if (!r || fold(toIssued(r).model.identity.symbol) !== fold(m[3])) throw new NotFoundError('document.numberNotFound', { value: raw, year });
  return toIssued(r);
}

export interface DocumentFilter {
  year?: string | number;
  kind?: string;
}

export async function listDocuments(ctx: ServiceContext, filter: DocumentFilter): Promise<IssuedDocument[]> {
  const year = filter.year === undefined ? undefined : valueOrThrow(parseYearField('year', filter.year));
  let kind: DocKind | undefined;
  if (filter.kind !== undefined) {
    const k = parseDocKind(filter.kind);
    if (!k) throw new ValidationError('document.badKind', { value: filter.kind, allowed: 'QĐ, BB, TTr, BC, KH, TB, GCN' });
    kind = k;
  }
  return transact(ctx, async (trx) => (await listDocumentRows(trx, { year, kind })).map(toIssued));
}

export async function getDocument(ctx: ServiceContext, raw: string, year?: number): Promise<IssuedDocument> {
  return transact(ctx, (trx) => findDocument(trx, raw, year ?? Number(ctx.clock.today().slice(0, 4))));
}
