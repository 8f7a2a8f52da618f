/** Writing Word documents the commands produce: rendered lazily (docx loads only here), written atomically. */
import type { Context } from '../context.js';
import type { DocModel } from '../domain/documents.js';
import { say } from './output.js';
import { UsageError } from '../domain/errors.js';

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

/** Renders one model (or several as one print file) and writes it to `file`; returns the absolute path. */
export async function writeDocx(ctx: Context, models: DocModel | DocModel[], file: string, opts: OutOptions = {}): Promise<string> {
  const { writeFileAtomic } = await import('../services/files.js');
  await checkOut(ctx, file, opts);
  const { renderDocx } = await import('../render/docx/index.js');
  const bytes = await renderDocx(models);
  const path = writeFileAtomic(file, bytes, { force: mayReplace(ctx, opts) });
  say(ctx, opts.draft ? 'draft.written' : 'document.written', { file: path });
  return path;
}
