/**
 * `thidua export`: the school's year as one package for the province (docs/export.md). The year is read
 * in one transaction; the caller renders each registered document (the render layer is the CLI's), and
 * the package is put together here: data.json, the documents, the signed PDFs found by their SHA-256
 * in a folder the school keeps them in, and manifest.json naming each file's size and SHA-256. The
 * same data gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../context.js';
import type { DocModel } from '../../domain/documents.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import {
  documentFileName, EXPORT_FORMAT, type DocumentRecord, type ExportData, type Manifest, type ManifestFile, type SignatureRecord,
} from '../../domain/exchange.js';
import { signaturesOf } from '../../db/repos/signatures.js';
import { transact } from '../database.js';
import { readInputFile } from '../files.js';
import { requireYear } from '../reports.js';
import { loadYearPackage, type YearPackage } from './year.js';
import { stableId } from './ids.js';
import { writePackage } from './zip.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A signature in the register, with the document it signs (the document record in the package). */
interface RegisteredSignature {
  record: Omit<SignatureRecord, 'file'>;
  documentRecord: Omit<DocumentRecord, 'size' | 'sha256'>;
}

export interface ExportYear extends YearPackage {
  signatures: RegisteredSignature[];
}

/** The year, its documents to render and the signatures of those documents. */
export async function loadExport(ctx: ServiceContext, rawYear: string | number | undefined): Promise<ExportYear> {
  const year = requireYear(rawYear);
  return transact(ctx, async (trx) => {
    const pkg = await loadYearPackage(trx, year, ctx.clock.today());
    const byRowId = new Map(pkg.documents.map((d) => [d.rowId, d.record]));
    const signatures: RegisteredSignature[] = [];
    for (const s of await signaturesOf(trx, [...byRowId.keys()])) {
      const doc = byRowId.get(s.document_id)!;
      signatures.push({
        documentRecord: doc,
        record: {
          id: stableId('sig', pkg.data.school.id, s.sha256), document: doc.id, signedAt: s.signed_at, signer: s.signer_name,
          certificateSubject: s.signer_subject, serial: s.serial, issuer: s.issuer, method: s.method, sha256: s.sha256, size: s.size,
        },
      });
    }
    return { ...pkg, signatures };
  });
}

/** The PDFs of a folder by their SHA-256 (only those the register knows are read whole). */
async function pdfsIn(dir: string, wanted: Set<string>): Promise<Map<string, Uint8Array>> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
  } catch {
    throw new NotFoundError('export.signedDirMissing', { dir });
  }
  const out = new Map<string, Uint8Array>();
  for (const n of names) {
    const read = await readInputFile(join(dir, n), 200 * 1024 * 1024);
    if ('problem' in read) continue;
    const h = sha256(read.bytes);
    if (wanted.has(h)) out.set(h, read.bytes);
  }
  return out;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: Manifest;
  /** Signatures in the register whose signed PDF was not found (the record is sent without it). */
  missingPdfs: string[];
}

/**
 * The package: `render` gives each document's .docx; `signedDir`, when given, is searched for the
 * signed PDFs the register names.
 */
export async function buildPackage(
  exp: ExportYear,
  render: (model: DocModel) => Promise<Uint8Array>,
  opts: { version: string; signedDir?: string },
): Promise<BuiltPackage> {
  if (!/^[0-9]+\.[0-9]+\.[0-9]+/.test(opts.version)) throw new ValidationError('export.badVersion', { version: opts.version });
  const files: { name: string; data: Uint8Array }[] = [];
  const documents: DocumentRecord[] = [];
  for (const d of exp.documents) {
    const data = await render(d.model);
    files.push({ name: d.record.file, data });
    documents.push({ ...d.record, size: data.length, sha256: sha256(data) });
  }
  const pdfs = opts.signedDir === undefined ? new Map<string, Uint8Array>() : await pdfsIn(opts.signedDir, new Set(exp.signatures.map((s) => s.record.sha256)));
  const nth = new Map<string, number>();
  const signatures: SignatureRecord[] = [];
  const missingPdfs: string[] = [];
  for (const s of exp.signatures) {
    const pdf = pdfs.get(s.record.sha256);
    if (!pdf) {
      missingPdfs.push(s.documentRecord.symbol);
      signatures.push({ ...s.record, file: null });
      continue;
    }
    const d = s.documentRecord;
    const k = (nth.get(d.id) ?? 0) + 1;
    nth.set(d.id, k);
    const name = documentFileName(d.year, d.kind, d.number, 'pdf', k);
    files.push({ name, data: pdf });
    signatures.push({ ...s.record, file: name });
  }
  const data: ExportData = { ...exp.data, documents, signatures };
  const dataBytes = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
  const listed = [{ name: 'data.json', data: dataBytes }, ...files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    school: exp.data.school,
    period: String(exp.data.year),
    version: opts.version,
    files: listed.map((f): ManifestFile => ({ name: f.name, size: f.data.length, sha256: sha256(f.data) })),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = writePackage([{ name: 'manifest.json', data: manifestBytes }, ...listed], `${exp.data.year}-12-31`);
  return { bytes, manifest, missingPdfs };
}
