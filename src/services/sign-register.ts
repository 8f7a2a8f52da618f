/** The signatures the register holds, for `document list` and `document show`. */
import type { ServiceContext } from '../context.js';
import { signaturesOf, type SignatureRow } from '../db/repos/signatures.js';
import { transact } from './database.js';
import { findDocument, listDocuments, type DocumentFilter, type IssuedDocument } from './documents.js';

export interface SignatureRecord {
  signedAt: string;
  signer: string;
  subject: string;
  serial: string;
  issuer: string;
  method: 'pkcs12' | 'pkcs11';
  visible: boolean;
  sha256: string;
  size: number;
}

function toRecord(r: SignatureRow): SignatureRecord {
  return {
    signedAt: r.signed_at, signer: r.signer_name, subject: r.signer_subject, serial: r.serial, issuer: r.issuer,
    method: r.method, visible: r.visible === 1, sha256: r.sha256, size: r.size,
  };
}

export interface SignedDocument extends IssuedDocument {
  signatures: SignatureRecord[];
}

/** `issued`, `revoked`, or `signed` for an issued document that carries a signature. */
export function statusOf(d: SignedDocument): 'issued' | 'signed' | 'revoked' {
  return d.status === 'revoked' ? 'revoked' : d.signatures.length > 0 ? 'signed' : 'issued';
}

/** The signers' names, each once, in signing order. */
export function signedBy(d: SignedDocument): string | null {
  const names = [...new Set(d.signatures.map((s) => s.signer))];
  return names.length > 0 ? names.join('; ') : null;
}

export async function listSignedDocuments(ctx: ServiceContext, filter: DocumentFilter): Promise<SignedDocument[]> {
  const docs = await listDocuments(ctx, filter);
  const rows = await transact(ctx, (trx) => signaturesOf(trx, docs.length > 500 ? undefined : docs.map((d) => d.id)));
  const by = new Map<number, SignatureRecord[]>();
  for (const r of rows) by.set(r.document_id, [...(by.get(r.document_id) ?? []), toRecord(r)]);
  return docs.map((d) => ({ ...d, signatures: by.get(d.id) ?? [] }));
}

export async function showDocument(ctx: ServiceContext, raw: string, year?: number): Promise<SignedDocument> {
  return transact(ctx, async (trx) => {
    const d = await findDocument(trx, raw, year ?? Number(ctx.clock.today().slice(0, 4)));
    return { ...d, signatures: (await signaturesOf(trx, [d.id])).map(toRecord) };
  });
}
