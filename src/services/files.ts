/**
 * Files the office takes away (documents, lists, exports): written atomically (a temporary file in the
 * same folder, then a rename), never over an existing file unless asked, with clear errors for a
 * folder that cannot be made or a disk that is full.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ValidationError, WorkflowError } from '../domain/errors.js';

export interface WriteOptions {
  /** Replace a file that is already there (--force or --yes). */
  force?: boolean;
}

function ioProblem(e: unknown, path: string): never {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT') throw new ValidationError('file.diskFull', { file: path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new ValidationError('file.noPermission', { file: path });
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOENT' || code === 'EISDIR' || code === 'EINVAL' || code === 'ENAMETOOLONG') {
    throw new ValidationError('file.badPath', { file: path, reason: code });
  }
  throw e;
}

/** Makes a folder (and its parents) for output; a clear error (exit 3) when it cannot be made. */
export function ensureDir(dir: string): string {
  const abs = resolve(dir);
  try {
    mkdirSync(abs, { recursive: true });
  } catch (e) {
    ioProblem(e, abs);
  }
  return abs;
}

/** Refuses (exit 5) before any work when a target exists and may not be replaced. */
export function checkWritable(paths: string[], opts: WriteOptions = {}): void {
  if (opts.force) return;
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length > 0) throw new WorkflowError('file.exists', { file: taken[0], count: taken.length });
}

/** Writes one file atomically; returns its absolute path. */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): string {
  const abs = resolve(path);
  checkWritable([abs], opts);
  ensureDir(dirname(abs));
  const tmp = join(dirname(abs), `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(tmp, data, { mode: 0o644 });
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    ioProblem(e, abs);
  }
  return abs;
}

export interface Output {
  path: string;
  data: string | Uint8Array;
}

function sameBytes(path: string, data: string | Uint8Array): boolean {
  if (!existsSync(path)) return false;
  try {
    const have = readFileSync(path);
    const want = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    return have.equals(want);
  } catch {
    return false;
  }
}

/**
 * Writes a set of files for an unattended job: a file already there with the same bytes is left as it
 * is (not an error: a second run writes nothing new); one with other bytes is refused (exit 5) unless
 * `force`, before anything is written.
 */
export function writeOutputs(files: Output[], opts: WriteOptions = {}): { path: string; status: 'written' | 'unchanged' }[] {
  const plan = files.map((f) => ({ ...f, path: resolve(f.path), same: sameBytes(resolve(f.path), f.data) }));
  checkWritable(plan.filter((f) => !f.same).map((f) => f.path), opts);
  return plan.map((f) => {
    if (f.same) return { path: f.path, status: 'unchanged' as const };
    writeFileAtomic(f.path, f.data, { force: true });
    return { path: f.path, status: 'written' as const };
  });
}
