/**
 * Writing a set of output files into a folder: all checked before any is written, never over an
 * existing file unless asked (--force or --yes), each written atomically (services/files.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../domain/errors.js';
import { checkWritable, makeFolder, writeFileAtomic } from '../services/files.js';

export interface OutFile {
  name: string;
  content: string | Uint8Array;
}

/** Writes the files into `dir` (created when missing); returns their paths, in order. */
export function writeFilesAtomically(dir: string, files: OutFile[], opts: { overwrite: boolean }): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ValidationError('files.notADirectory', { path: dir });
  const paths = files.map((f) => join(dir, f.name));
  checkWritable(paths, { force: opts.overwrite });
  makeFolder(dir);
  return files.map((f, i) => writeFileAtomic(paths[i], f.content, { force: true }));
}
