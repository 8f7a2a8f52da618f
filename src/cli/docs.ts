/** Writing Word documents the commands produce: rendered lazily (docx loads only here), written atomically. */
import type { Context } from '../context.js';
import type { DocModel } from '../domain/documents.js';
import { say } from './output.js';

export interface OutOptions {
  force?: boolean;
}

/** True when a file already there may be replaced: --force, or --yes. */
export function mayReplace(ctx: Context, opts: OutOptions): boolean {
  return !!opts.force || ctx.options.yes;
}

/**
 * Renders one model (or several as one print file) and writes it to `file`; returns the absolute path.
 * A file already there with the same bytes is not an error; one with other bytes needs --force.
 */
export async function writeDocx(ctx: Context, models: DocModel | DocModel[], file: string, opts: OutOptions = {}): Promise<string> {
  const { writeFileAtomic } = await import('../services/files.js');
  const { renderDocx } = await import('../render/docx/index.js');
  const bytes = await renderDocx(models);
  const path = writeFileAtomic(file, bytes, { force: mayReplace(ctx, opts) });
  say(ctx, 'document.written', { file: path });
  return path;
}
