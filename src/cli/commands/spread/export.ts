import type { Command } from 'commander';
import type { Context } from '../../../context.js';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { yearFlag } from '../../flags.js';
import type { OutFile } from '../../files.js';
import type { SpreadExport } from '../../../services/spread.js';

interface Options {
  channel?: string;
  year?: string;
  out?: string;
  force?: boolean;
}

/** One file an exemplar: the article as Markdown, or the LED lines as text. */
async function filesOf(x: SpreadExport): Promise<OutFile[]> {
  const { articleMarkdown } = await import('../../../render/markdown.js');
  return x.items.map((i) =>
    x.channel === 'website'
      ? { name: `dien-hinh-${x.year}-${i.subject}.md`, content: articleMarkdown(i.article!) }
      : { name: `led-${x.year}-${i.subject}.txt`, content: `${i.led!.lines.join('\n')}\n` },
  );
}

/** The website articles as Word documents too (written only with --out). */
async function docxFiles(ctx: Context, x: SpreadExport): Promise<OutFile[]> {
  if (x.channel !== 'website' || x.items.length === 0) return [];
  const { articleModels } = await import('../../../services/spread.js');
  const { renderDocx } = await import('../../../render/docx/index.js');
  const out: OutFile[] = [];
  for (const a of await articleModels(ctx, x)) out.push({ name: `dien-hinh-${x.year}-${a.subject}.docx`, content: await renderDocx(a.model) });
  return out;
}

function warnOverlong(ctx: Context, x: SpreadExport): void {
  for (const i of x.items) {
    for (const word of i.led?.overlong ?? []) say(ctx, 'spread.ledOverlong', { word, width: x.lineWidth ?? 0, subject: i.subject });
  }
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('export')
    .option('--channel <channel>', kit.t('opt.spread.exportChannel'))
    .option('--year <year>', kit.t('opt.spread.exportYear'))
    .option('--out <dir>', kit.t('opt.spread.out'))
    .option('--force', kit.t('opt.spread.force'));
  kit.describe(cmd, 'spread.export').action(
    kit.action<Options>(async (ctx, opts) => {
      const channel = await need(ctx, opts.channel, '--channel', 'prompt.spread.exportChannel');
      const year = yearFlag(await need(ctx, opts.year, '--year', 'prompt.spread.year'))!;
      const { exportSpread } = await import('../../../services/spread.js');
      const x = await exportSpread(ctx, { channel, year });
      if (x.items.length === 0) say(ctx, 'spread.nothing', { year });
      else if (x.source === 'spread') say(ctx, 'spread.fallback', { year, count: x.items.length });
      warnOverlong(ctx, x);
      const files = await filesOf(x);
      if (opts.out !== undefined) {
        const { writeFilesAtomically } = await import('../../files.js');
        const paths = writeFilesAtomically(opts.out, [...files, ...(await docxFiles(ctx, x))], { overwrite: !!opts.force || ctx.options.yes });
        for (const p of paths) say(ctx, 'spread.wrote', { path: p });
        if (ctx.options.json) await emitResult(ctx, { ...x, files: paths });
        else ctx.io.out(paths.map((p) => `${p}\n`).join(''));
        return;
      }
      if (ctx.options.json) await emitResult(ctx, { ...x, files: [] });
      else ctx.io.out(files.map((f) => f.content).join(x.channel === 'website' ? '\n---\n\n' : '\n'));
    }),
  );
}
