/**
 * `thidua certificate`: plans the batch, refuses before anything is numbered or written (no LibreOffice
 * for --pdf, a template with unknown or missing placeholders, files already there), numbers the new
 * certificates, then writes one .docx each (and the print file, and the PDFs) atomically.
 * Word rendering is handed in (services never import docx): the CLI and the demo pass render/docx.
 */
import { join, resolve } from 'node:path';
import type { ProgressBar, ServiceContext } from '../context.js';
import { NotFoundError, UsageError, ValidationError, WorkflowError } from '../domain/errors.js';
import type { DocModel } from '../domain/documents.js';
import { CERTIFICATE_PLACEHOLDERS, REQUIRED_PLACEHOLDERS } from '../reports/docs/certificate.js';
import { transact } from './database.js';
import { checkWritable, ensureDir, readInputFile, writeFileAtomic } from './files.js';
import { issueCertificates, planCertificates, type CertificateQuery } from './certificates.js';
import { convertToPdf, pdfPathOf } from './pdf.js';

export interface CertificateRenderer {
  docx(models: DocModel | DocModel[]): Promise<Uint8Array>;
  /** The placeholders a template holds (found even when Word split them over several runs). */
  placeholders(template: Uint8Array): Promise<string[]>;
  fill(template: Uint8Array, fields: Record<string, string>, date: string): Promise<Uint8Array>;
}

export interface PrintOptions extends CertificateQuery {
  out: string;
  merge?: boolean;
  pdf?: boolean;
  /** LibreOffice's soffice, as found on the PATH (null: not installed). */
  soffice?: string | null;
  template?: string;
  force?: boolean;
  progress?: (total: number) => Promise<ProgressBar>;
}

export interface PrintedCertificate {
  id: number;
  number: number;
  symbol: string;
  subject: string;
  name: string;
  award: string;
  file: string;
  /** True when it was numbered before (printed again). */
  reprint: boolean;
}

export interface PrintResult {
  files: string[];
  certificates: PrintedCertificate[];
  merged: string | null;
  pdfs: string[];
}

/** A template's bytes, checked: every placeholder known, the required ones there (exit 3, listing them). */
async function loadTemplate(file: string, renderer: CertificateRenderer): Promise<Uint8Array> {
  // A Word template is a few hundred kilobytes; 50 MB is far beyond any real one.
  const read = await readInputFile(resolve(file), 50 * 1024 * 1024);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('certificate.templateMissing', { file });
    throw new ValidationError('certificate.templateUnreadable', { file });
  }
  const bytes: Uint8Array = read.bytes;
  let found: string[];
  try {
    found = (await renderer.placeholders(bytes)).map((p) => p.toLowerCase());
  } catch {
    throw new ValidationError('certificate.templateUnreadable', { file });
  }
  const known = new Set<string>(CERTIFICATE_PLACEHOLDERS);
  const unknown = found.filter((p) => !known.has(p));
  const missing = REQUIRED_PLACEHOLDERS.filter((p) => !found.includes(p));
  if (unknown.length > 0 || missing.length > 0) {
    throw new ValidationError('certificate.templatePlaceholders', {
      file,
      unknown: unknown.map((p) => `{{${p}}}`).join(', ') || '–',
      missing: missing.map((p) => `{{${p}}}`).join(', ') || '–',
      known: [...known].map((p) => `{{${p}}}`).join(' '),
    });
  }
  return bytes;
}

function mergedName(q: CertificateQuery, year: number): string {
  const scope = q.decision !== undefined ? `QD-${q.decision.replace(/[^0-9a-z]+/gi, '-').replace(/^-|-$/g, '')}` : q.award ? `${year}-${q.award.toUpperCase()}` : String(year);
  return `GCN-${scope}-in-chung.docx`;
}

export async function printCertificates(ctx: ServiceContext, opts: PrintOptions, renderer: CertificateRenderer): Promise<PrintResult> {
  if (opts.merge && opts.template !== undefined) throw new UsageError('certificate.mergeTemplate');
  if (opts.pdf && !opts.soffice) throw new WorkflowError('certificate.noSoffice');
  const template = opts.template !== undefined ? await loadTemplate(opts.template, renderer) : null;
  const dir = resolve(opts.out);
  const { planned, docs } = await transact(ctx, async (trx, audit) => {
    const planned = await planCertificates(trx, opts, ctx.clock.today());
    // Refused before any number is taken: a file in the way of a certificate numbered now (or of a
    // print file holding one). A reprint gives the same bytes: the writer leaves such a file as it is.
    // (PDFs are LibreOffice's, never the same bytes twice: an existing one always needs --force.)
    const files = planned.map((p) => ({ path: join(dir, p.file), fresh: p.existing === null }));
    if (opts.merge) files.push({ path: join(dir, mergedName(opts, planned[0].year)), fresh: files.some((f) => f.fresh) });
    const pdfs = opts.pdf ? files.map((f) => pdfPathOf(f.path)) : [];
    checkWritable([...files.filter((f) => f.fresh).map((f) => f.path), ...pdfs], { force: opts.force });
    return { planned, docs: await issueCertificates(trx, audit, ctx, planned) };
  });
  ensureDir(dir);
  const bar = await opts.progress?.(planned.length + (opts.merge ? 1 : 0));
  const files: string[] = [];
  const certificates: PrintedCertificate[] = [];
  try {
    for (const [i, p] of planned.entries()) {
      const doc = docs[i];
      const bytes = template ? await renderer.fill(template, doc.model.fields ?? {}, doc.date) : await renderer.docx(doc.model);
      const file = writeFileAtomic(join(dir, p.file), bytes, { force: opts.force });
      files.push(file);
      certificates.push({ id: doc.id, number: doc.number, symbol: doc.symbol, subject: p.subject, name: p.name, award: p.award, file, reprint: p.existing !== null });
      bar?.tick();
    }
    let merged: string | null = null;
    if (opts.merge) {
      merged = writeFileAtomic(join(dir, mergedName(opts, planned[0].year)), await renderer.docx(docs.map((d) => d.model)), { force: opts.force });
      files.push(merged);
      bar?.tick();
    }
    bar?.stop();
    const pdfs = opts.pdf ? await convertToPdf(opts.soffice!, files, dir) : [];
    return { files: [...files, ...pdfs], certificates, merged, pdfs };
  } finally {
    bar?.stop();
  }
}
