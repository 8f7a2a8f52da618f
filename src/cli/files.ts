/**
 * Writing output files: all checked before any is written, never over an existing file unless asked
 * (--force or --yes), each written whole to a temporary file beside it and renamed into place, so a
 * reader never sees half a file.
 */
import { makeFolder } from '../services/files.js';
import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError, WorkflowError } from '../domain/errors.js';

export interface OutFile {
  name: string;
  content: string;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Writes the files into `dir` (created when missing); returns their paths, in order. */
export function writeFilesAtomically(dir: string, files: OutFile[], opts: { overwrite: boolean }): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ValidationError('files.notADirectory', { path: dir });
  const paths = files.map((f) => join(dir, f.name));
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length > 0 && !opts.overwrite) throw new WorkflowError('files.exist', { count: taken.length, paths: taken.join(', ') });
  // One level at a time, a clear refusal (exit 6): Node's recursive mkdir spins for ever under /proc.
  makeFolder(dir);
  files.forEach((f, i) => {
    const target = paths[i]!;
    const tmp = `${target}.tmp-${process.pid}`;
    try {
      writeFileSync(tmp, f.content, { flag: 'w' });
      renameSync(tmp, target);
    } catch (e) {
      if (existsSync(tmp)) unlinkSync(tmp);
      throw new ValidationError('files.cannotWrite', { path: target, reason: reason(e) });
    }
  });
  return paths;
}
