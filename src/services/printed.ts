/**
 * A document as printed: LibreOffice makes the PDF (one `soffice` run for a whole batch, with a private
 * profile, in a private folder: nothing is written beside the documents) and poppler's `pdftotext` gives
 * the text of each page. The format checker reads these pages back (blank pages, page numbers, lost rows).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, WorkflowError } from '../domain/errors.js';
import { convertToPdf, findProgram, findSoffice } from './pdf.js';

export interface PrintTools {
  soffice: string;
  pdftotext: string;
}

/** LibreOffice and pdftotext as found on the PATH; or the names of what is missing. */
export function findPrintTools(env: Record<string, string | undefined>): PrintTools | { missing: string[] } {
  const soffice = findSoffice(env);
  const pdftotext = findProgram(['pdftotext', 'pdftotext.exe'], env);
  if (soffice && pdftotext) return { soffice, pdftotext };
  return { missing: [...(soffice ? [] : ['soffice']), ...(pdftotext ? [] : ['pdftotext'])] };
}

function pdfText(pdftotext: string, pdf: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(pdftotext, ['-raw', '-enc', 'UTF-8', pdf, '-'], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (e, out, err) =>
      e ? reject(new WorkflowError('format.pdfFailed', { reason: String(err || e.message).trim().split('\n')[0] })) : resolve(out),
    );
  });
}

/** The text of each printed page of each document, in the order given (as LibreOffice draws it: row by row, a page's header first). */
export async function printedPages(tools: PrintTools, files: string[]): Promise<string[][]> {
  if (files.length === 0) return [];
  const work = mkdtempSync(join(tmpdir(), 'thidua-print-'));
  try {
    // Copies, one folder each: two documents of the same name do not meet, and no PDF lands beside the originals.
    const copies = files.map((f, i) => {
      const dir = join(work, String(i));
      mkdirSync(dir);
      const copy = join(dir, basename(f).replace(/\.[^.]*$/, '') + '.docx');
      copyFileSync(f, copy);
      return copy;
    });
    let pdfs: string[];
    try {
      pdfs = await convertToPdf(tools.soffice, copies, work);
    } catch (e) {
      if (e instanceof AppError) throw new WorkflowError('format.pdfFailed', { reason: String(e.params.reason ?? '') });
      throw e;
    }
    const out: string[][] = [];
    for (const pdf of pdfs) {
      const text = await pdfText(tools.pdftotext, pdf);
      // Each page ends with a form feed.
      const pages = text.split('\f');
      if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
      out.push(pages);
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
