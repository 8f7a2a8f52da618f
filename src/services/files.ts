/**
 * Folders and files the program writes beside the database (backups, documents, lists, exports):
 * written atomically (an exclusive, unguessable temporary file in the same folder, then a rename that
 * never replaces a symbolic link), owner-only (files 0600, folders the program makes 0700, whatever the
 * umask), never over an existing file unless asked, and clear failures, never a hang, for a folder
 * that cannot be made or a full disk. Commands that issue a number check every output first
 * (`checkOutputs`), so nothing irreversible happens before a write that was bound to fail.
 */
import { accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseError, ValidationError, WorkflowError } from '../domain/errors.js';
import { createTemp, FOLDER_MODE, isLink, LinkInTheWay, writeAtomically } from '../db/atomic.js';

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
      mkdirSync(level, { mode: FOLDER_MODE });
      // The umask may take bits away from the mode asked; the folder is the owner's, exactly.
      chmodSync(level, FOLDER_MODE);
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

/** True when something is at `path` (a dangling link too). */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses before any work when a target is the database (exit 5), a symbolic link (exit 3: the program
 * never writes through or over a link), or exists and may not be replaced (exit 5).
 */
export function checkWritable(paths: string[], opts: WriteOptions = {}): void {
  const abs = paths.map((p) => resolve(p));
  const onDb = abs.find((p) => guarded.has(p));
  if (onDb) throw new WorkflowError('file.isDatabase', { file: onDb });
  const link = abs.find(isLink);
  if (link) throw new ValidationError('files.isLink', { file: link });
  if (opts.force) return;
  const taken = abs.filter(present);
  if (taken.length > 0) throw new WorkflowError('file.exists', { file: taken[0], count: taken.length });
}

/** The nearest folder of `path` that exists (the one a missing folder would be made in). */
function nearestFolder(path: string): string {
  let at = resolve(path);
  for (;;) {
    if (existsSync(at)) return at;
    const up = dirname(at);
    if (up === at) return at;
    at = up;
  }
}

/**
 * Everything that can be known about writing `paths` before anything irreversible is done: the
 * targets are free (or may be replaced), none is a link, a device or a folder, and their folder exists
 * or can be made and takes a new file (a temporary file is made there and removed). Throws what
 * writing would have thrown, so a command that issues a number stops before it takes one.
 */
export function checkOutputs(paths: string[], opts: WriteOptions = {}): void {
  checkWritable(paths, opts);
  for (const p of paths) {
    const abs = resolve(p);
    if (present(abs) && !lstatSync(abs).isFile()) throw new DatabaseError('files.notAFile', { file: abs });
  }
  for (const dir of new Set(paths.map((p) => dirname(resolve(p))))) checkFolder(dir);
}

/** A folder files will be written into exists, or can be made, and takes a new file (exit 6 otherwise). */
export function checkFolder(folder: string): void {
  const dir = resolve(folder);
  const at = nearestFolder(dir);
  try {
    if (!statSync(at).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(at, constants.W_OK | constants.X_OK);
    rmSync(createTemp(`${at}/probe`), { force: true });
  } catch (e) {
    const { key, code } = reasonOf(e);
    if (at !== dir) throw new DatabaseError('files.cantMakeFolder', { dir }, [{ key, params: { code } }]);
    throw new DatabaseError('files.cantWrite', { file: dir }, [{ key, params: { code } }]);
  }
}

/**
 * Writes one file atomically and owner-only; returns its absolute path. A failure leaves no half-written
 * file. A file already there with the same bytes is left as it is (not an error, for every command);
 * one with other bytes needs `force`.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): string {
  const abs = resolve(path);
  const same = !opts.force && sameBytes(abs, data);
  checkWritable([abs], { force: opts.force || same });
  if (same) return abs;
  makeFolder(dirname(abs));
  if (existsSync(abs) && !statSync(abs).isFile()) throw new DatabaseError('files.notAFile', { file: abs });
  try {
    writeAtomically(abs, data);
  } catch (e) {
    if (e instanceof LinkInTheWay) throw new ValidationError('files.isLink', { file: abs });
    const { key, code } = reasonOf(e);
    throw new DatabaseError('files.cantWrite', { file: abs }, [{ key, params: { code } }]);
  }
  return abs;
}

export interface Output {
  path: string;
  data: string | Uint8Array;
}

export function sameBytes(path: string, data: string | Uint8Array): boolean {
  if (!existsSync(path)) return false;
  try {
    const want = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    // Only a regular file of the same size is read (a device such as /dev/full never ends), never a link.
    const st = lstatSync(path);
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
