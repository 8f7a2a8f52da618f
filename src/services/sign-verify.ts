/**
 * `thidua verify`: each signature of a PDF checked link by link (the byte range covers the whole file
 * but the signature; the bytes' digest is the one signed; the signature is the certificate's; the
 * certificate was valid on the signing date, may sign, and leads to a root given with --ca), and the
 * file looked up in the register by its SHA-256. Works without a database (the register is then not
 * checked, and said so).
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../context.js';
import { AppError, DatabaseError, NotFoundError, ValidationError, type MessageParams } from '../domain/errors.js';
import { signatureByHash } from '../db/repos/signatures.js';
import { getDocumentRow } from '../db/repos/documents.js';
import { transact } from './database.js';
import { toIssued } from './documents.js';
import { readInputFile } from './files.js';
import { canSign, certInfo, certsFromPem, checkChain, validAt, type CertInfo } from './sign-cert.js';
import { readDetached } from './sign-cms.js';
import { DerError } from './sign-der.js';
import { readPdfSignatures } from './sign-pdf.js';
import { signerView, type SignerView } from './sign.js';

export interface Problem {
  key: string;
  params: MessageParams;
}

export interface SignatureCheck {
  index: number;
  subFilter: string | null;
  signedAt: string | null;
  signer: SignerView | null;
  /** The signature covers the whole file as it is (nothing added after signing). */
  wholeFile: boolean;
  integrity: boolean;
  /** Null when no roots were given. */
  trusted: boolean | null;
  chain: string[];
  problems: Problem[];
}

export interface RegisterMatch {
  checked: boolean;
  /** Why the register was not checked. */
  reason?: string;
  document?: { id: number; symbol: string; kind: string; date: string; title: string; status: string; revokedOn: string | null };
  signature?: { signedAt: string; signer: string; serial: string };
}

export interface VerifyResult {
  file: string;
  sha256: string;
  size: number;
  signatures: SignatureCheck[];
  register: RegisterMatch;
  rootsGiven: boolean;
  valid: boolean;
  problems: Problem[];
}

/** A PDF is a few megabytes; far beyond any real document. */
const MAX_BYTES = 200 * 1024 * 1024;

async function readRoots(file: string): Promise<CertInfo[]> {
  const read = await readInputFile(file, 10 * 1024 * 1024);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('verify.caMissing', { file });
    throw new ValidationError('verify.caUnreadable', { file });
  }
  const text = read.bytes.toString('latin1');
  const ders = text.includes('-----BEGIN CERTIFICATE-----') ? certsFromPem(text) : [read.bytes];
  const out: CertInfo[] = [];
  for (const d of ders) {
    try {
      out.push(certInfo(d));
    } catch (e) {
      if (!(e instanceof DerError)) throw e;
    }
  }
  if (out.length === 0) throw new ValidationError('verify.caEmpty', { file });
  return out;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function checkOne(index: number, sig: ReturnType<typeof readPdfSignatures>[number], size: number, last: boolean, roots: CertInfo[] | null, now: Date): SignatureCheck {
  const problems: Problem[] = [];
  const n = index + 1;
  const result: SignatureCheck = { index: n, subFilter: sig.subFilter, signedAt: null, signer: null, wholeFile: false, integrity: false, trusted: null, chain: [], problems };
  if (sig.malformed) {
    problems.push({ key: 'verify.problem.malformed', params: { n } });
    return result;
  }
  result.wholeFile = sig.byteRange[2] + sig.byteRange[3] === size;
  if (!result.wholeFile && last) problems.push({ key: 'verify.problem.notWholeFile', params: { n, extra: size - sig.byteRange[2] - sig.byteRange[3] } });
  if (sig.subFilter && !['ETSI.CAdES.detached', 'adbe.pkcs7.detached'].includes(sig.subFilter)) problems.push({ key: 'verify.problem.subFilter', params: { n, value: sig.subFilter } });
  if (sig.gapAltered) problems.push({ key: 'verify.problem.gapAltered', params: { n } });
  if (!sig.contents) {
    if (!sig.gapAltered) problems.push({ key: 'verify.problem.notCms', params: { n } });
    return result;
  }
  let cms;
  try {
    cms = readDetached(sig.contents, sig.signed);
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
    problems.push({ key: 'verify.problem.notCms', params: { n } });
    return result;
  }
  const at = sig.time ?? cms.signingTime;
  result.signedAt = at?.toISOString() ?? null;
  if (!cms.signer) {
    problems.push({ key: 'verify.problem.noSignerCert', params: { n } });
    return result;
  }
  const cert = cms.signer;
  result.signer = signerView(cert);
  if (!cms.digestMatches) problems.push({ key: 'verify.problem.digest', params: { n } });
  if (!cms.signatureValid) problems.push({ key: 'verify.problem.signature', params: { n, name: cert.name } });
  if (cms.certificateBound === false) problems.push({ key: 'verify.problem.certNotBound', params: { n } });
  for (const name of cms.damaged) problems.push({ key: 'verify.problem.damagedCert', params: { n, name } });
  for (const name of cms.stray) problems.push({ key: 'verify.problem.strayCert', params: { n, name } });
  result.integrity = cms.digestMatches && cms.signatureValid && cms.certificateBound !== false && cms.damaged.length === 0 && cms.stray.length === 0 && !sig.gapAltered;
  const when = at ?? now;
  if (!validAt(cert, when)) {
    problems.push({ key: 'verify.problem.certExpired', params: { n, name: cert.name, date: isoDay(when), from: isoDay(cert.notBefore), untilDate: isoDay(cert.notAfter) } });
  }
  if (!canSign(cert)) problems.push({ key: 'verify.problem.certUsage', params: { n, name: cert.name } });
  if (roots) {
    const { path, problems: chain } = checkChain(cert, cms.certificates, roots, when);
    result.chain = path.map((c) => c.subject);
    for (const p of chain) {
      // The signer's own validity is reported above.
      if (p.problem === 'expiredAt' && p.name === cert.name && path[0] === cert) continue;
      if (p.problem === 'expiredAt') problems.push({ key: 'verify.problem.chainExpired', params: { n, name: p.name, date: isoDay(when), from: p.from.slice(0, 10), untilDate: p.to.slice(0, 10) } });
      else problems.push({ key: `verify.problem.${p.problem}`, params: { n, name: p.name } });
    }
    // The carried chain's top, when no root itself, must be signed by a given root: a copy altered in
    // the signature (unsigned bytes) no longer is.
    const top = cms.path[cms.path.length - 1];
    if (top && top.subject !== top.issuer) {
      const issuer = roots.find((r) => top.x509.checkIssued(r.x509));
      if (issuer && !top.x509.verify(issuer.x509.publicKey)) problems.push({ key: 'verify.problem.damagedCert', params: { n, name: top.name } });
      if (!issuer && !chain.some((p) => p.problem === 'untrusted')) problems.push({ key: 'verify.problem.damagedCert', params: { n, name: top.name } });
    }
    result.trusted = chain.filter((p) => !(p.problem === 'expiredAt' && p.name === cert.name)).length === 0;
  }
  return result;
}

async function lookUp(ctx: ServiceContext, sha256: string): Promise<RegisterMatch> {
  try {
    return await transact(ctx, async (trx) => {
      const s = await signatureByHash(trx, sha256);
      if (!s) return { checked: true };
      const row = await getDocumentRow(trx, s.document_id);
      const d = toIssued(row!);
      return {
        checked: true,
        document: { id: d.id, symbol: d.symbol, kind: d.kind, date: d.date, title: d.title, status: d.status, revokedOn: d.revokedOn },
        signature: { signedAt: s.signed_at, signer: s.signer_subject, serial: s.serial },
      };
    });
  } catch (e) {
    if (e instanceof DatabaseError) return { checked: false, reason: e.key };
    throw e;
  }
}

/** Every signature of a PDF's bytes checked (no file, no register): what `import` checks of a package's signed PDFs. */
export function checkPdfSignatures(pdf: Buffer, roots: CertInfo[] | null, now: Date): { signatures: SignatureCheck[]; problems: Problem[] } {
  const found = readPdfSignatures(pdf);
  const signatures = found.map((s, i) => checkOne(i, s, pdf.length, i === found.length - 1, roots, now));
  const problems: Problem[] = signatures.flatMap((s) => s.problems);
  if (signatures.length === 0) problems.push({ key: 'verify.problem.none', params: {} });
  return { signatures, problems };
}

export async function verifyPdf(ctx: ServiceContext, input: { file: string; ca?: string }): Promise<VerifyResult> {
  const roots = input.ca !== undefined ? await readRoots(input.ca) : null;
  const read = await readInputFile(input.file, MAX_BYTES);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('verify.missing', { file: input.file });
    throw new ValidationError('verify.unreadable', { file: input.file });
  }
  const pdf = read.bytes;
  if (!pdf.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw new ValidationError('verify.notPdf', { file: input.file });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const { signatures, problems } = checkPdfSignatures(pdf, roots, new Date(ctx.clock.now()));
  let register: RegisterMatch;
  try {
    register = await lookUp(ctx, sha256);
  } catch (e) {
    if (e instanceof AppError) register = { checked: false, reason: e.key };
    else throw e;
  }
  return { file: input.file, sha256, size: pdf.length, signatures, register, rootsGiven: roots !== null, valid: problems.length === 0, problems };
}
