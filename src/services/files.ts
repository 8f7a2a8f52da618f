/**
 * Folders and files the program writes beside the database (backups, documents, lists, exports):
 * written atomically (a temporary file in the same folder, then a rename), never over an existing file
 * unless asked, and clear failures, never a hang, for a folder that cannot be made or a full disk.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseError, WorkflowError } from '../domain/errors.js';

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'EIO';
}

const KNOWN = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EEXIST']);

/** The message key of a file-system failure's reason ("the disk is full"), and its code for the rest. */
export function reasonOf(e: unknown): { key: string; code: string } {
  const code = codeOf(e);
  return { key: KNOWN.has(code) ? `files.reason.${code}` : 'files.reason.other', code };
}

/**
 * Makes `dir` and any missing parents, one level at a time. Node's own recursive mkdir never returns
 * where the kernel refuses a folder without saying why it cannot exist (under /proc it spins at 100%
 * CPU forever); here each level is made once and a refusal is a DatabaseError naming the folder.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let st;
    try {
      st = statSync(at);
    } catch (e) {
      if (codeOf(e) !== 'ENOENT') throw folderError(dir, e);
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      continue;
    }
    if (!st.isDirectory()) throw folderError(dir, { code: 'ENOTDIR' });
    break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (e) {
      if (codeOf(e) !== 'EEXIST' || !statSync(level).isDirectory()) throw folderError(dir, e);
    }
  }
}

function folderError(dir: string, e: unknown): DatabaseError {
  const { key, code } = reasonOf(e);
  return new DatabaseError('files.cantMakeFolder', { dir }, [{ key, params: { code } }]);
}

export interface WriteOptions {
  /** Replace a file that is already there (--force or --yes). */
  force?: boolean;
}

/** Makes a folder for output (exit 6 when it cannot be made); returns its absolute path. */
export function ensureDir(dir: string): string {
  const abs = resolve(dir);
  makeFolder(abs);
  return abs;
}

/** The open database and its journal files: no output may land on them, --force or not. */
const guarded = new Set<string>();

export function guardPath(path: string): void {
  const abs = resolve(path);
  for (const p of [abs, `${abs}-wal`, `${abs}-shm`, `${abs}-journal`]) guarded.add(p);
}

/** Refuses (exit 5) before any work when a target exists and may not be replaced, or is the database. */
export function checkWritable(paths: string[], opts: WriteOptions = {}): void {
  const onDb = paths.map((p) => resolve(p)).find((p) => guarded.has(p));
  if (onDb) throw new WorkflowError('file.isDatabase', { file: onDb });
  if (opts.force) return;
  const taken = paths.filter((p) => existsSync(p));
  if (taken.length > 0) throw new WorkflowError('file.exists', { file: taken[0], count: taken.length });
}

let serial = 0;

/**
 * Writes one file atomically; returns its absolute path. A failure leaves no half-written file. A file
 * already there with the same bytes is left as it is (not an error, for every command); one with
 * other bytes needs `force`.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): string {
  const abs = resolve(path);
  const same = !opts.force && sameBytes(abs, data);
  checkWritable([abs], { force: opts.force || same });
  if (same) return abs;
  makeFolder(dirname(abs));
  if (existsSync(abs) && !statSync(abs).isFile()) throw new DatabaseError('files.notAFile', { file: abs });
  const tmp = join(dirname(abs), `.thidua-${process.pid}-${++serial}.tmp`);
  try {
    writeFileSync(tmp, data, { mode: 0o644 });
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    const { key, code } = reasonOf(e);
    throw new DatabaseError('files.cantWrite', { file: abs }, [{ key, params: { code } }]);
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
    const want = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    // Only a regular file of the same size is read (a device such as /dev/full never ends).
    const st = statSync(path);
    if (!st.isFile() || st.size !== want.length) return false;
    const have = readFileSync(path);
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

export type InputProblem = 'missing' | 'notAFile' | 'tooBig' | 'unreadable';

/**
 * Reads a file the user gave as input. A device, a pipe or a folder named like a file (a link to
 * /dev/zero, /dev/full) would be read for ever or fail strangely: each is refused before reading, as is
 * a file over `maxBytes`.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<{ bytes: Buffer } | { problem: InputProblem; code?: string }> {
  const { readFile, stat } = await import('node:fs/promises');
  try {
    const st = await stat(path);
    if (!st.isFile()) return { problem: 'notAFile' };
    if (st.size > maxBytes) return { problem: 'tooBig' };
    return { bytes: await readFile(path) };
  } catch (e) {
    const code = codeOf(e);
    return { problem: code === 'ENOENT' ? 'missing' : 'unreadable', code };
  }
}
