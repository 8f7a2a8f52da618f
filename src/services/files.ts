/** Folders and files the program writes beside the database (backups, documents): clear failures, never a hang. */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseError } from '../domain/errors.js';

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
