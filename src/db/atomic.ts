/**
 * Writing a file so that nobody else's file is ever touched, whatever waits in the folder: the data
 * goes into a temporary file created exclusively (never an existing name, never through a link) under
 * a name nobody can guess, readable by its owner only whatever the umask; it then replaces the target
 * by a rename, which is refused when the target is a symbolic link. Temporary files a killed program
 * left behind are removed the next time a file is written into that folder. Used by backups (here,
 * below the services) and by every output the services write.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, lstatSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Owner only: documents, lists and backups carry personal data and bonus amounts. */
export const FILE_MODE = 0o600;
/** Folders the program makes. */
export const FOLDER_MODE = 0o700;

/** A path that must not be replaced: a symbolic link (the rename would swap the link, never follow it). */
export class LinkInTheWay extends Error {
  constructor(readonly path: string) {
    super(`${path} is a symbolic link`);
  }
}

const TEMP = /^\..+\.thidua-(\d+)-[0-9a-f]{16}\.tmp$/;
const swept = new Set<string>();

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes, once per folder and run, the temporary files of programs that are no longer running. */
function sweep(dir: string): void {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** True when `path` is a symbolic link (dangling or not). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Creates an empty temporary file beside `target`, exclusively and owner-only; returns its path.
 * Throws the file system's error (no space, no permission, read-only).
 */
export function createTemp(target: string): string {
  const dir = dirname(target);
  sweep(dir);
  const tmp = join(dir, `.${basename(target).slice(0, 100)}.thidua-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0), FILE_MODE);
  try {
    fchmodSync(fd, FILE_MODE);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Renames a finished temporary file over `target`, unless `target` is a symbolic link. */
export function replaceWith(tmp: string, target: string): void {
  if (isLink(target)) throw new LinkInTheWay(target);
  renameSync(tmp, target);
}

/** Writes `data` to `target` through an exclusive temporary file; a failure leaves neither behind. */
export function writeAtomically(target: string, data: string | Uint8Array): void {
  if (isLink(target)) throw new LinkInTheWay(target);
  const tmp = createTemp(target);
  try {
    const fd = openSync(tmp, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      closeSync(fd);
    }
    replaceWith(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
