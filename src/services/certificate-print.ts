/**
 * `thidua certificate`: plans the batch, refuses before anything is numbered or written (no LibreOffice
 * for --pdf, a template with unknown or missing placeholders, files already there), numbers the new
 * certificates, then writes one .docx each (and the print file, and the PDFs) atomically.
 * Word rendering is handed in (services never import docx): the CLI and the demo pass render/docx.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProgressBar, ServiceContext } from '../context.js';
import { AppError, NotFoundError, UsageError, ValidationError, WorkflowError } from '../domain/errors.js';
import type { DocModel } from '../domain/documents.js';
import { CERTIFICATE_PLACEHOLDERS, REQUIRED_PLACEHOLDERS } from '../reports/docs/certificate.js';
import { transact } from './database.js';
import { checkOutputs, ensureDir, readInputFile, sameBytes, writeFileAtomic, writeOutputs } from './files.js';
import { issueCertificate, planCertificates, predictedModels, type CertificateQuery, type PlannedCertificate } from './certificates.js';
import { transactDraft, type IssuedDocument } from './documents.js';
import { convertToPdf, pdfPathOf } from './pdf.js';

export interface CertificateRenderer {
  docx(models: DocModel | DocModel[]): Promise<Uint8Array>;
  /** The placeholders a template holds (found even when Word split them over several runs). */
  placeholders(template: Uint8Array): Promise<string[]>;
  fill(template: Uint8Array, fields: Record<string, string>, date: string): Promise<Uint8Array>;
  /** One print file of packages this renderer made, joined as they are (no document tree held per package). */
  merge(packages: Iterable<Uint8Array>, date: string): Uint8Array;
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
  /** Drafts: every certificate built afresh, marked, unnumbered, `du-thao-…` files; nothing recorded. */
  draft?: boolean;
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

function mergedName(q: CertificateQuery & { draft?: boolean }, year: number): string {
  const scope = q.decision !== undefined ? `QD-${q.decision.replace(/[^0-9a-z]+/gi, '-').replace(/^-|-$/g, '')}` : q.award ? `${year}-${q.award.toUpperCase()}` : String(year);
  return `${q.draft ? 'du-thao-' : ''}GCN-${scope}-in-chung.docx`;
}

/**
 * Prints the certificates of a query. Everything is checked before the first number is taken: the
 * template, LibreOffice for --pdf, the folder (it exists or can be made, takes a new file), and each
 * file already there (a certificate printed before, or one a killed batch wrote, with the same bytes
 * is left as it is; any other file needs --force). Each new certificate then takes its number in a
 * transaction of its own that commits only once its file is written: a batch stopped half way has
 * spent no number without its file, and running the same command again finishes it.
 */
export async function printCertificates(ctx: ServiceContext, opts: PrintOptions, renderer: CertificateRenderer): Promise<PrintResult> {
  if (opts.merge && opts.template !== undefined) throw new UsageError('certificate.mergeTemplate');
  if (opts.draft && opts.template !== undefined) throw new UsageError('draft.noTemplate');
  if (opts.pdf && !opts.soffice) throw new WorkflowError('certificate.noSoffice');
  const template = opts.template !== undefined ? await loadTemplate(opts.template, renderer) : null;
  const dir = resolve(opts.out);
  const render = async (model: DocModel, date: string) => (template ? renderer.fill(template, model.fields ?? {}, date) : renderer.docx(model));
  const { planned, predicted } = await transact(ctx, async (trx) => {
    const found = await planCertificates(trx, opts, ctx.clock.today());
    // A draft is built from today's data, never the numbered certificate, and is a file of its own.
    const planned = opts.draft ? found.map((p) => ({ ...p, existing: null, file: `du-thao-${p.file}` })) : found;
    // A draft is checked as it is written (below): no numbered model to predict.
    return { planned, predicted: opts.draft ? new Map<PlannedCertificate, DocModel>() : await predictedModels(trx, planned) };
  });
  const targets = planned.map((p) => join(dir, p.file));
  const merged = opts.merge ? join(dir, mergedName(opts, planned[0].year)) : null;
  const all = [...targets, ...(merged ? [merged] : [])];
  checkOutputs(opts.pdf ? [...all, ...all.map(pdfPathOf)] : all, { force: true });
  // A draft takes no number: its files are checked as they are written (the same bytes are no error).
  if (!opts.force && !opts.draft) {
    const taken: string[] = [];
    for (const [i, p] of planned.entries()) {
      if (!existsSync(targets[i])) continue;
      const model = p.existing?.model ?? predicted.get(p)!;
      if (!sameBytes(targets[i], await render(model, p.data.decisionDate))) taken.push(targets[i]);
    }
    // The print file too is refused only when its bytes would differ (a reprint gives the same file).
    if (merged && existsSync(merged) && !sameBytes(merged, await renderer.docx(planned.map((p) => p.existing?.model ?? predicted.get(p)!)))) taken.push(merged);
    if (opts.pdf) taken.push(...all.map(pdfPathOf).filter((f) => existsSync(f)));
    if (taken.length > 0) throw new WorkflowError('file.exists', { file: taken[0], count: taken.length });
  }
  ensureDir(dir);
  const bar = await opts.progress?.(planned.length + (opts.merge ? 1 : 0));
  const files: string[] = [];
  const certificates: PrintedCertificate[] = [];
  const docs: IssuedDocument[] = [];
  // The print file is joined from the packages just written (kept as bytes: a few kilobytes each).
  const packages: Uint8Array[] = [];
  try {
    for (const [i, p] of planned.entries()) {
      const write = async (doc: IssuedDocument) => {
        const data = await render(doc.model, doc.date);
        writeOutputs([{ path: targets[i], data }], { force: opts.force });
        if (merged) packages.push(data);
        return doc;
      };
      let doc: IssuedDocument;
      try {
        doc = p.existing ? await write(p.existing) : await transactDraft(ctx, opts.draft, async (trx, audit) => write(await issueCertificate(trx, audit, ctx, p)));
      } catch (e) {
        if (!(e instanceof AppError) || i === 0) throw e;
        // Those before are numbered and written: the same command finishes the batch.
        throw new (e.constructor as typeof AppError)(e.key, e.params, [...e.details, { key: 'certificate.partial', params: { done: i, total: planned.length } }]);
      }
      docs.push(doc);
      files.push(targets[i]);
      certificates.push({ id: doc.id, number: doc.number, symbol: doc.symbol, subject: p.subject, name: p.name, award: p.award, file: targets[i], reprint: p.existing !== null });
      bar?.tick();
    }
    if (merged) {
      writeFileAtomic(merged, renderer.merge(packages, docs[0].model.date), { force: true });
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
