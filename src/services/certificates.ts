/**
 * Certificates (giấy chứng nhận) for recognitions whose title carries one: each is numbered in the
 * register as GCN, dated as its decision, the first time it is printed; printing again finds it by its
 * `ref` (`cert:<recognition>` or `cert:SK:<initiative>`) and gives back the same number and bytes.
 * Revoked recognitions get none; LDTT and TTLDTT carry money only.
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError, WorkflowError } from '../domain/errors.js';
import { asciiFileName, docSymbol, type DocModel, type SignatureSpec } from '../domain/documents.js';
import { fold } from '../domain/names.js';
import { parseYear } from '../domain/periods.js';
import { carriesCertificate, certificateModel, certificateName, honorificOf, type CertificateData } from '../reports/docs/certificate.js';
import { getPerson } from '../db/repos/subjects.js';
import { listDocumentRows, nextDocumentNumber } from '../db/repos/documents.js';
import { getNominationView } from '../db/repos/nominations.js';
import { listRecognitionViews, type RecognitionView } from '../db/repos/recognitions.js';
import { getInitiativeRow, unitNames } from '../db/repos/registrations.js';
import type { Audit, Tx } from './database.js';
import { findDocument, identityAt, issueDocument, requireDocument, toIssued, type IssuedDocument, type IssueRequest } from './documents.js';
import { requireTitle } from './reference.js';

export interface CertificateQuery {
  /** The decision as printed (`01/QĐ-TCT`, `01-QĐ/TCT`) or its register id. */
  decision?: string;
  year?: string | number;
  award?: string;
}

/** One certificate to print: found in the register, or to be numbered. */
export interface PlannedCertificate {
  ref: string;
  /** Person or unit code; the initiative's code for an initiative. */
  subject: string;
  name: string;
  award: string;
  year: number;
  /** The file name (ASCII, unique in the batch). */
  file: string;
  existing: IssuedDocument | null;
  data: CertificateData;
}

function yearOf(raw: string | number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const y = parseYear(String(raw).trim());
  if (y === null) throw new ValidationError('invalid.year', { field: 'year', value: String(raw) });
  return y;
}

/** The recognitions the query names (active only), and what the words of the refusals need. */
async function recognitionsFor(trx: Tx, q: CertificateQuery, today: string): Promise<{ rows: RecognitionView[]; what: string }> {
  const year = yearOf(q.year);
  if (q.decision !== undefined) {
    const doc = await findDocument(trx, q.decision, year ?? Number(today.slice(0, 4))).catch(async (e: unknown) => {
      // A decision taken above the school is not in its register: say so rather than "not found".
      const recorded = (await listRecognitionViews(trx, { year })).filter((r) => r.decision_id === null && fold(r.decision_payload_symbol) === fold(q.decision ?? ''));
      if (e instanceof NotFoundError && recorded.length > 0) throw decidedAbove(q.decision ?? '', recorded);
      throw e;
    });
    if (doc.kind !== 'QĐ') throw new WorkflowError('certificate.notDecision', { value: q.decision, symbol: doc.symbol });
    const rows = await listRecognitionViews(trx, { decisionId: doc.id });
    return { rows, what: doc.symbol };
  }
  if (year === undefined) throw new ValidationError('invalid.required', { field: 'year' });
  let award: string | undefined;
  if (q.award !== undefined) {
    award = fold(q.award).trim() === 'sk' ? 'SK' : (await requireTitle(trx, q.award)).code;
    if (!carriesCertificate(award)) throw new WorkflowError('certificate.moneyOnly', { awards: award });
  }
  return { rows: await listRecognitionViews(trx, { year, award }), what: award ? `${award} ${year}` : String(year) };
}

function signatureIn(decision: IssuedDocument): SignatureSpec {
  for (const b of decision.model.blocks) if (b.type === 'signatures' && b.blocks[0]) return b.blocks[0];
  const id = decision.model.identity;
  return { title: [id.headTitle.toLocaleUpperCase('vi')], name: id.headName };
}

/** The refusal for recognitions decided above the school (no certificate, no money from the school). */
function decidedAbove(what: string, rows: RecognitionView[]): WorkflowError {
  const decisions = [...new Set(rows.map((r) => `${r.award} – ${r.decision_payload_symbol} (${r.recorded_issuer ?? ''})`))].join('; ');
  return new WorkflowError('certificate.decidedAbove', { what, decisions });
}

/** Names files by title, person and code; a second file of the same name gets `-2`. */
function uniqueNames(items: PlannedCertificate[]): void {
  const seen = new Map<string, number>();
  for (const it of items) {
    const key = it.file.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > 1) it.file = it.file.replace(/\.docx$/, `-${n}.docx`);
  }
}

/** What a query would print, in the decisions' order; nothing is numbered yet. */
export async function planCertificates(trx: Tx, q: CertificateQuery, today: string): Promise<PlannedCertificate[]> {
  const { rows, what } = await recognitionsFor(trx, q, today);
  const all = rows.filter((r) => r.status === 'active');
  // Titles decided above the school: their certificate (and money) comes from the authority that decided.
  const active = all.filter((r) => r.decision_id !== null);
  const printable = active.filter((r) => carriesCertificate(r.award));
  if (printable.length === 0 && active.length === 0 && all.length > 0) throw decidedAbove(what, all);
  if (printable.length === 0) {
    if (active.length > 0) throw new WorkflowError('certificate.moneyOnly', { awards: [...new Set(active.map((r) => r.award))].join(', ') });
    throw new WorkflowError('certificate.nothing', { what });
  }
  const decisions = new Map<number, IssuedDocument>();
  const planned: PlannedCertificate[] = [];
  /** People a new certificate would address without knowing whether as Ông or Bà. */
  const unaddressed: string[] = [];
  const done = new Set<string>();
  for (const r of printable) {
    const ref = r.award === 'SK' ? `cert:SK:${r.initiative_code}` : `cert:${r.id}`;
    if (done.has(ref)) continue;
    done.add(ref);
    const decisionId = r.decision_id!;
    if (!decisions.has(decisionId)) decisions.set(decisionId, await requireDocument(trx, decisionId));
    const decision = decisions.get(decisionId)!;
    const [found] = await listDocumentRows(trx, { kind: 'GCN', ref });
    const base: Omit<CertificateData, 'name' | 'kind' | 'unitName' | 'achievement'> = {
      award: r.award, awardName: r.award_name ?? r.award, year: r.year, decisionSymbol: decision.symbol, decisionDate: decision.date, signature: signatureIn(decision),
      honorific: null, position: null,
    };
    let data: CertificateData;
    let file: string;
    if (r.award === 'SK') {
      const ini = (await getInitiativeRow(trx, r.initiative_code!))!;
      const authors = printable.filter((a) => a.initiative_code === r.initiative_code).map((a) => ({ name: a.subject_name, share: a.share ?? 0 }));
      const unitName = (await unitNames(trx, [ini.unit_code])).get(ini.unit_code) ?? ini.unit_code;
      data = { ...base, awardName: 'Sáng kiến', name: authors.map((a) => a.name).join(', '), kind: 'person', unitName, achievement: '', initiative: { code: ini.code, kind: ini.kind, title: ini.title, unitName, authors } };
      file = `GCN-${ini.code}-${asciiFileName(ini.title, 60)}.docx`;
      planned.push({ ref, subject: ini.code, name: ini.title, award: 'SK', year: r.year, file, existing: found ? toIssued(found) : null, data });
      continue;
    }
    // The clerk's wording for the certificate, or else the nomination's summary: as typed.
    const nomination = r.nomination_id ? await getNominationView(trx, r.nomination_id) : undefined;
    const achievement = (nomination?.citation ?? nomination?.summary ?? '').normalize('NFC').trim();
    const person = r.subject_kind === 'person' ? await getPerson(trx, r.subject_code) : undefined;
    if (r.subject_kind === 'person' && !found && !person?.gender) unaddressed.push(`${r.subject_code} ${r.subject_name}`);
    data = {
      ...base, name: r.subject_name, kind: r.subject_kind, unitName: r.unit_name ?? '', achievement,
      honorific: honorificOf(person?.gender), position: person?.position ?? null,
    };
    file = `GCN-${r.award}-${r.year}-${asciiFileName(r.subject_code, 20)}-${asciiFileName(r.subject_name, 60)}.docx`;
    planned.push({ ref, subject: r.subject_code, name: r.subject_name, award: r.award, year: r.year, file, existing: found ? toIssued(found) : null, data });
  }
  // A certificate addresses the person as Ông or Bà: refused before anything is numbered when it cannot.
  if (unaddressed.length > 0) {
    throw new WorkflowError('certificate.noGender', { people: unaddressed.join(', '), code: unaddressed[0].split(' ')[0] });
  }
  uniqueNames(planned);
  return planned;
}

/** How a certificate printed for the first time is registered (GCN, in the year of the decision's date). */
function certificateRequest(p: PlannedCertificate): IssueRequest {
  return {
    kind: 'GCN',
    date: p.data.decisionDate,
    type: 'certificate',
    title: `${certificateName(p.data)} – ${p.award === 'SK' ? p.data.name : p.name}`,
    ref: p.ref,
    build: (id, number) => certificateModel(p.data, id, number, docSymbol(id.style, number.number, 'GCN', id.symbol)),
  };
}

/** Numbers one certificate printed for the first time (its number is taken with this transaction). */
export async function issueCertificate(trx: Tx, audit: Audit, ctx: ServiceContext, p: PlannedCertificate): Promise<IssuedDocument> {
  return p.existing ?? issueDocument(trx, audit, ctx.clock.now(), certificateRequest(p));
}

/**
 * The model each new certificate of `planned` will have when numbered in this order, the register
 * as it is: to tell a file a killed batch already wrote (the same bytes) from someone else's file.
 */
export async function predictedModels(trx: Tx, planned: PlannedCertificate[]): Promise<Map<PlannedCertificate, DocModel>> {
  const next = new Map<number, number>();
  const out = new Map<PlannedCertificate, DocModel>();
  for (const p of planned) {
    if (p.existing) continue;
    const req = certificateRequest(p);
    const year = Number(req.date.slice(0, 4));
    const number = next.get(year) ?? (await nextDocumentNumber(trx, 'GCN', year));
    next.set(year, number + 1);
    out.set(p, await req.build(await identityAt(trx, req.date), { kind: 'GCN', year, number }));
  }
  return out;
}
