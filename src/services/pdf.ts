/**
 * PDF copies through LibreOffice: the whole batch in ONE `soffice` process, with a private profile so
 * that a LibreOffice already open on the desk (or another run) neither blocks nor is disturbed.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkflowError } from '../domain/errors.js';

/** The program's path on the PATH the command was given (not this process's), or null. */
export function findProgram(names: string[], env: Record<string, string | undefined>): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        if (statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** LibreOffice's converter, as installed on Linux, macOS (on the PATH) and Windows. */
export function findSoffice(env: Record<string, string | undefined>): string | null {
  return findProgram(['soffice', 'soffice.exe', 'soffice.com'], env);
}

/** The PDF a document converts to, beside it. */
export function pdfPathOf(docx: string): string {
  return join(docx.slice(0, docx.length - basename(docx).length), `${basename(docx, extname(docx))}.pdf`);
}

/** Converts every file in one LibreOffice run; each PDF lands beside its document (atomically, by rename). */
export async function convertToPdf(soffice: string, files: string[], outDir: string): Promise<string[]> {
  if (files.length === 0) return [];
  const work = mkdtempSync(join(outDir, '.pdf-'));
  const profile = mkdtempSync(join(tmpdir(), 'thidua-soffice-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...files];
      execFile(soffice, args, { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 }, (e, _out, err) =>
        e ? reject(new WorkflowError('certificate.pdfFailed', { reason: String(err || e.message).trim().split('\n')[0] })) : resolve(),
      );
    });
    const out: string[] = [];
    for (const f of files) {
      const made = join(work, `${basename(f, extname(f))}.pdf`);
      if (!existsSync(made)) throw new WorkflowError('certificate.pdfFailed', { reason: basename(f) });
      const target = pdfPathOf(f);
      renameSync(made, target);
      out.push(target);
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
