/**
 * The demo year's certificates: every title that carries one and every recognised initiative, written
 * into DIR/giay-chung-nhan with one print file, and as PDF when LibreOffice is installed. The Word
 * renderer is handed in (services never import docx): `thidua demo` passes render/docx.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../context.js';
import { WorkflowError } from '../../domain/errors.js';
import { printCertificates, type CertificateRenderer } from '../certificate-print.js';
import type { DemoFile } from './year.js';
import { DEMO_YEAR } from './year-data.js';

export const DEMO_CERTIFICATE_DIR = 'giay-chung-nhan';

/**
 * Call after the year's decisions; `soffice` is findSoffice(sys.env) (null: no PDFs). Returns [] when
 * the year has no recognition that carries a certificate.
 */
export async function demoCertificates(ctx: ServiceContext, dir: string, renderer: CertificateRenderer, opts: { soffice?: string | null } = {}): Promise<DemoFile[]> {
  try {
    const r = await printCertificates(
      ctx,
      { year: DEMO_YEAR, out: join(dir, DEMO_CERTIFICATE_DIR), merge: true, pdf: !!opts.soffice, soffice: opts.soffice ?? null, force: true },
      renderer,
    );
    return [
      ...r.certificates.map((c) => ({ kind: 'certificate', path: c.file })),
      ...(r.merged ? [{ kind: 'certificatePrintFile', path: r.merged }] : []),
      ...r.pdfs.map((p) => ({ kind: 'certificatePdf', path: p })),
    ];
  } catch (e) {
    if (e instanceof WorkflowError && e.key === 'certificate.nothing') return [];
    throw e;
  }
}
