/**
 * `thidua sign`: the PDF of a registered document, made by LibreOffice from the frozen model, signed
 * as PAdES with the principal's key (a PKCS #12 file, or a token through PKCS #11), recorded in the
 * register with the audit row in one transaction, and written to its file. Every check (the document,
 * LibreOffice, the file, the key, its certificate) comes before anything is written or recorded.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServiceContext } from '../context.js';
import type { DocModel, SignatureSpec } from '../domain/documents.js';
import { AppError, WorkflowError, ValidationError } from '../domain/errors.js';
import { fold } from '../domain/names.js';
import { insertSignature } from '../db/repos/signatures.js';
import { transact } from './database.js';
import { getDocument, type IssuedDocument } from './documents.js';
import { signingReason, stampLines } from '../reports/docs/signature.js';
import { checkWritable, writeFileAtomic } from './files.js';
import { convertToPdf, findProgram, findSoffice, pdfPathOf } from './pdf.js';
import { canSign, validAt, type CertInfo } from './sign-cert.js';
import { readDetached } from './sign-cms.js';
import { openP12, openToken, type OpenedKey } from './sign-keys.js';
import {
  addSignatureField, findSignatureArea, parseBbox, printedText, readPdfSignatures, signPlaceholder, stampDocument, type SignatureArea,
} from './sign-pdf.js';

export type KeySource =
  | { kind: 'pkcs12'; file: string; password: () => Promise<string> }
  | { kind: 'pkcs11'; library: string; slot: number; pin: () => Promise<string> };

export interface SignRequest {
  document: string;
  year?: number;
  out: string;
  force: boolean;
  visible: boolean;
  key: KeySource;
  /** Where LibreOffice and pdftotext are looked for (the command's PATH). */
  env: Record<string, string | undefined>;
  /** The Word bytes of a model (the renderer lives above services). */
  render(model: DocModel): Promise<Uint8Array>;
}

export interface SignerView {
  name: string;
  subject: string;
  serial: string;
  issuer: string;
  notAfter: string;
}

export interface SignResult {
  document: { id: number; symbol: string; kind: string; date: string; title: string };
  file: string;
  sha256: string;
  size: number;
  signedAt: string;
  signer: SignerView;
  method: 'pkcs12' | 'pkcs11';
  visible: boolean;
  /** The name printed under the signature block, when it is not the certificate holder's. */
  printedSigner: string | null;
}

export function signerView(c: CertInfo): SignerView {
  return { name: c.name, subject: c.subject, serial: c.serial, issuer: c.issuer, notAfter: c.notAfter.toISOString() };
}

/** The signature block the signer signs in: the one in their name, else the head's, else the last. */
export function signingBlock(model: DocModel, holder: string): SignatureSpec | null {
  const blocks = model.blocks.flatMap((b) => (b.type === 'signatures' ? b.blocks : [])).filter((b) => b.name.trim() !== '');
  const head = fold(model.identity.headTitle);
  return (
    blocks.find((b) => fold(b.name) === fold(holder)) ??
    blocks.find((b) => b.title.some((t) => fold(t).includes(head))) ??
    blocks[blocks.length - 1] ??
    null
  );
}

async function openKey(src: KeySource, at: Date): Promise<OpenedKey> {
  if (src.kind === 'pkcs12') return openP12(src.file, await src.password());
  return openToken({ library: src.library, slot: src.slot, pin: src.pin }, at);
}

/** The certificate may sign on this date: in its validity, with the signing key usage. */
export function checkSigningCertificate(cert: CertInfo, at: Date): void {
  if (at < cert.notBefore) throw new ValidationError('sign.certNotYetValid', { name: cert.name, from: cert.notBefore.toISOString().slice(0, 10) });
  if (!validAt(cert, at)) throw new ValidationError('sign.certExpired', { name: cert.name, date: cert.notAfter.toISOString().slice(0, 10) });
  if (!canSign(cert)) throw new ValidationError('sign.certUsage', { name: cert.name });
}

/** One document to sign and the file its signed PDF goes to. */
export interface SignItem {
  document: string;
  out: string;
}

export interface SignBatch extends Omit<SignRequest, 'document' | 'out'> {
  items: SignItem[];
}

/** `thidua sign`: one document. */
export async function signDocument(ctx: ServiceContext, req: SignRequest): Promise<SignResult> {
  const [r] = await signDocuments(ctx, { ...req, items: [{ document: req.document, out: req.out }] });
  return r;
}

interface Prepared {
  doc: IssuedDocument;
  out: string;
  block: SignatureSpec | null;
  docx: string;
  stamp: string | null;
}

/**
 * Signs several documents with one key and one LibreOffice run (the demo signs its decisions so); all
 * recorded in one transaction, all files written, or none.
 */
export async function signDocuments(ctx: ServiceContext, req: SignBatch): Promise<SignResult[]> {
  const docs: IssuedDocument[] = [];
  for (const item of req.items) {
    const doc = await getDocument(ctx, item.document, req.year);
    if (doc.status === 'revoked') throw new WorkflowError('sign.revoked', { symbol: doc.symbol, date: doc.revokedOn ?? '' });
    docs.push(doc);
  }
  const soffice = findSoffice(req.env);
  if (!soffice) throw new WorkflowError('sign.noSoffice');
  const pdftotext = req.visible ? findProgram(['pdftotext', 'pdftotext.exe'], req.env) : null;
  if (req.visible && !pdftotext) throw new WorkflowError('sign.noPdftotext');
  const outs = req.items.map((i) => resolve(i.out));
  checkWritable(outs, { force: req.force });
  const signingTime = new Date(ctx.clock.now());

  const key = await openKey(req.key, signingTime);
  const work = mkdtempSync(join(tmpdir(), 'thidua-sign-'));
  try {
    const cert = key.certificate;
    checkSigningCertificate(cert, signingTime);
    const prepared: Prepared[] = [];
    for (const [i, doc] of docs.entries()) {
      const block = signingBlock(doc.model, cert.name);
      if (req.visible && !block) throw new WorkflowError('sign.noSignatureArea', { symbol: doc.symbol });
      const docx = join(work, `van-ban-${i + 1}.docx`);
      writeFileSync(docx, await req.render(doc.model));
      let stamp: string | null = null;
      if (req.visible) {
        stamp = join(work, `chu-ky-${i + 1}.fodt`);
        writeFileSync(stamp, stampDocument(stampLines(block!.name, cert, signingTime)), 'utf8');
      }
      prepared.push({ doc, out: outs[i], block, docx, stamp });
    }
    // Every PDF (and each visible block's text) in one LibreOffice run.
    try {
      await convertToPdf(soffice, prepared.flatMap((p) => (p.stamp ? [p.docx, p.stamp] : [p.docx])), work);
    } catch (e) {
      if (e instanceof AppError) throw new WorkflowError('sign.pdfFailed', { reason: String(e.params.reason ?? '') });
      throw e;
    }
    const room = 8192 + key.certificates.reduce((n, c) => n + c.length, 0);
    const made: { p: Prepared; signed: Buffer; result: SignResult }[] = [];
    for (const p of prepared) {
      const pdfFile = pdfPathOf(p.docx);
      let visible: { area: SignatureArea; stamp: Uint8Array } | undefined;
      if (p.stamp) {
        const area = findSignatureArea(parseBbox(await printedText(pdftotext!, pdfFile)), p.block!);
        if (!area) throw new WorkflowError('sign.noSignatureArea', { symbol: p.doc.symbol });
        visible = { area, stamp: readFileSync(pdfPathOf(p.stamp)) };
      }
      const withField = await addSignatureField({
        pdf: readFileSync(pdfFile),
        signingTime,
        reason: signingReason(p.doc.kind, p.doc.symbol),
        location: p.doc.model.identity.place,
        name: cert.name,
        signatureLength: room,
        visible,
      });
      const signed = await signPlaceholder(withField, key, signingTime);
      // What was made is checked as `verify` would, before it is recorded.
      const [sig] = readPdfSignatures(signed);
      const check = sig?.contents ? readDetached(sig.contents, sig.signed) : null;
      if (!check?.digestMatches || !check.signatureValid) throw new WorkflowError('sign.selfCheckFailed', { symbol: p.doc.symbol });
      const doc = p.doc;
      made.push({
        p,
        signed,
        result: {
          document: { id: doc.id, symbol: doc.symbol, kind: doc.kind, date: doc.date, title: doc.title },
          file: p.out,
          sha256: createHash('sha256').update(signed).digest('hex'),
          size: signed.length,
          signedAt: signingTime.toISOString(),
          signer: signerView(cert),
          method: req.key.kind,
          visible: req.visible,
          printedSigner: p.block && fold(p.block.name) !== fold(cert.name) ? p.block.name : null,
        },
      });
    }
    const written: string[] = [];
    await transact(ctx, async (trx, audit) => {
      for (const { p, signed, result } of made) {
        await insertSignature(trx, {
          document_id: p.doc.id,
          signed_at: result.signedAt,
          signer_name: cert.name,
          signer_subject: cert.subject,
          serial: cert.serial,
          issuer: cert.issuer,
          certificate_sha256: cert.fingerprint,
          method: req.key.kind,
          visible: req.visible ? 1 : 0,
          sha256: result.sha256,
          size: signed.length,
          created_at: ctx.clock.now(),
        });
        await audit({
          entity: 'document',
          entityId: String(p.doc.id),
          action: 'sign',
          after: { number: p.doc.symbol, signer: cert.subject, serial: cert.serial, issuer: cert.issuer, signedAt: result.signedAt, pdfSha256: result.sha256, method: req.key.kind },
        });
      }
      // Written inside the transaction: a file that cannot be written leaves nothing recorded.
      for (const { p, signed } of made) {
        writeFileAtomic(p.out, signed, { force: req.force });
        written.push(p.out);
      }
    }).catch((e: unknown) => {
      // The records did not commit: no file may stand as a signed copy of the register.
      for (const f of written) rmSync(f, { force: true });
      throw e;
    });
    return made.map((m) => m.result);
  } finally {
    key.close();
    rmSync(work, { recursive: true, force: true });
  }
}
