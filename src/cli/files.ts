/**
 * Writing a set of output files into a folder: all checked before any is written, never over an
 * existing file with other bytes unless asked (--force or --yes; one with the same bytes is left as it
 * is), each written atomically (services/files.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../domain/errors.js';
import { writeOutputs } from '../services/files.js';

export interface OutFile {
  name: string;
  content: string | Uint8Array;
}

/** Writes the files into `dir` (created when missing); returns their paths, in order. */
export function writeFilesAtomically(dir: string, files: OutFile[], opts: { overwrite: boolean }): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ValidationError('files.notADirectory', { path: dir });
  return writeOutputs(files.map((f) => ({ path: join(dir, f.name), data: f.content })), { force: opts.overwrite }).map((w) => w.path);
}
