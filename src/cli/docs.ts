/** Writing Word documents the commands produce: rendered lazily (docx loads only here), written atomically. */
import type { Context } from '../context.js';
import type { DocModel } from '../domain/documents.js';
import { AppError, DatabaseError, UsageError } from '../domain/errors.js';
import { say } from './output.js';

export interface OutOptions {
  force?: boolean;
  /** The models are drafts (`--draft`): say so, not "written". */
  draft?: boolean;
}

/** `--draft` writes somewhere: without `--out` it is a usage error (exit 2) naming what to add. */
export function draftOut(ctx: Context, opts: { draft?: boolean; out?: string }, what: 'file' | 'dir'): void {
  if (opts.draft && !opts.out) throw new UsageError('draft.needsOut', { what: ctx.t(what === 'dir' ? 'draft.dir' : 'draft.file') });
}

/** A draft's file beside the issued one's, never in its way: `du-thao-…`. */
export const draftName = (name: string) => `du-thao-${name}`;

/** True when a file already there may be replaced: --force, or --yes. */
export function mayReplace(ctx: Context, opts: OutOptions): boolean {
  return !!opts.force || ctx.options.yes;
}

/** Refuses, before any work, a file that cannot be written there (exit 3 or 5, see services/files.ts). */
export async function checkOut(ctx: Context, file: string, opts: OutOptions = {}): Promise<void> {
  const { checkWritable } = await import('../services/files.js');
  const { resolve } = await import('node:path');
  checkWritable([resolve(file)], { force: mayReplace(ctx, opts) });
}

/** A document the register holds already: a failure to write it says so, and how to write it later. */
export interface Issued {
  id: number;
  symbol: string;
}

/**
 * Renders one model (or several as one print file) and writes it to `file`; returns the absolute path.
 * A file already there with the same bytes is not an error; one with other bytes needs --force (the
 * document is rendered first: only its bytes tell). With `issued` (the document took its number before
 * this write), a failure says that the document is issued all the same and gives the `document render`
 * command that writes it.
 */
export async function writeDocx(ctx: Context, models: DocModel | DocModel[], file: string, opts: OutOptions = {}, issued?: Issued): Promise<string> {
  const { writeFileAtomic } = await import('../services/files.js');
  const { resolve } = await import('node:path');
  try {
    const { renderDocx } = await import('../render/docx/index.js');
    const bytes = await renderDocx(models);
    const path = writeFileAtomic(file, bytes, { force: mayReplace(ctx, opts) });
    say(ctx, opts.draft ? 'draft.written' : 'document.written', { file: path });
    return path;
  } catch (e) {
    if (!issued || !(e instanceof AppError)) throw e;
    throw new DatabaseError('document.issuedNotWritten', { symbol: issued.symbol, id: issued.id, file: resolve(file) }, [{ key: e.key, params: e.params }, ...e.details]);
  }
}

/**
 * Before a command takes a number: the folder its files go to exists or can be made and takes a new
 * file, and the named files are free (or may be replaced). Nothing irreversible happens before a
 * write that was bound to fail.
 */
export async function checkOutFolder(ctx: Context, dir: string, names: string[] = [], opts: OutOptions = {}): Promise<void> {
  const { checkFolder, checkOutputs } = await import('../services/files.js');
  const { join } = await import('node:path');
  checkFolder(dir);
  if (names.length > 0) checkOutputs(names.map((n) => join(dir, n)), { force: mayReplace(ctx, opts) });
}
