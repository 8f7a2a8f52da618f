/** The demo's dissemination exports: the website articles (Markdown and Word) and the LED lines of the year's exemplars. */
import { join } from 'node:path';
import type { ServiceContext } from '../context.js';
import type { DemoFile } from '../services/demo/year.js';
import { writeFilesAtomically, type OutFile } from './files.js';

const YEAR = 2025;

export async function demoExports(ctx: ServiceContext, dir: string): Promise<DemoFile[]> {
  const { articleModels, exportSpread } = await import('../services/spread.js');
  const { articleMarkdown } = await import('../render/markdown.js');
  const { renderDocx } = await import('../render/docx/index.js');
  const out = join(dir, 'nhan-rong');
  const website = await exportSpread(ctx, { channel: 'website', year: YEAR });
  const led = await exportSpread(ctx, { channel: 'led', year: YEAR });
  const files: OutFile[] = website.items.map((i) => ({ name: `dien-hinh-${YEAR}-${i.subject}.md`, content: articleMarkdown(i.article!) }));
  for (const a of await articleModels(ctx, website)) files.push({ name: `dien-hinh-${YEAR}-${a.subject}.docx`, content: await renderDocx(a.model) });
  files.push({ name: `man-hinh-led-${YEAR}.txt`, content: led.items.map((i) => i.led!.lines.join('\n')).join('\n\n') + '\n' });
  return writeFilesAtomically(out, files, { overwrite: true }).map((path) => ({ kind: path.endsWith('.txt') ? 'led' : 'article', path }));
}
