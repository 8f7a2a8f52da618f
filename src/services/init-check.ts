/**
 * Before `init` creates a database: is there one in a folder above? A clerk who runs `thidua init` in a
 * subfolder of the office's folder (../thidua.sqlite, ../../thidua.sqlite) would otherwise start a
 * second, empty school beside the real one without noticing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const HEADER = 'SQLite format 3\0';

function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(HEADER.length);
    return readSync(fd, buf, 0, buf.length, 0) === buf.length && buf.toString('latin1') === HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The nearest database in a folder above the new one's folder, named `thidua.sqlite` (the default) or
 * as the new one is; null when there is none.
 */
export function databaseAbove(dbPath: string): string | null {
  const abs = resolve(dbPath);
  const names = [...new Set([basename(abs), 'thidua.sqlite'])];
  let dir = dirname(abs);
  for (let up = dirname(dir); up !== dir; dir = up, up = dirname(up)) {
    for (const name of names) {
      const candidate = join(up, name);
      if (isSqliteFile(candidate)) return candidate;
    }
  }
  return null;
}
