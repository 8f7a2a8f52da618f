import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { Kit } from '../kit.js';
import { need } from '../prompter.js';
import { say } from '../output.js';
import { vietnamese } from '../report-output.js';
import { draftName, draftOut } from '../docs.js';

interface Options {
  quarter?: string;
  out?: string;
  final?: boolean;
  force?: boolean;
  draft?: boolean;
}

/**
 * `thidua commend`: the quarterly commendation list. Safe from cron: no prompt without a terminal, the
 * same data gives the same files byte for byte, and files already holding those bytes are left alone.
 */
export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('commend')
    .option('--quarter <quarter>', kit.t('opt.commend.quarter'))
    .option('--out <dir>', kit.t('opt.commend.out'))
    .option('--final', kit.t('opt.commend.final'))
    .option('--draft', kit.t('opt.commend.draft'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'commend').action(kit.action<Options>((ctx, opts) => runCommend(ctx, opts)));
}

export async function runCommend(ctx: Context, opts: Options): Promise<void> {
  draftOut(ctx, opts, 'dir');
  const quarter = await need(ctx, opts.quarter, '--quarter', 'prompt.commend.quarter', { default: 'previous' });
  const service = await import('../../services/commend.js');
  const { commendReport } = await import('../../reports/commend.js');
  const { join } = await import('node:path');
  const dir = opts.out;
  const names = (fileName: string) => (dir ? [join(dir, `${fileName}.docx`), join(dir, `${fileName}.csv`)] : []);
  if (dir) {
    // Before anything is registered: the folder can be made and written, no link or device is in the way.
    const { checkOutputs } = await import('../../services/files.js');
    checkOutputs(names(`tuyen-duong-${service.resolveQuarter(quarter, ctx.clock.today()).text}`), { force: true });
  }
  let list = opts.final ? await service.finaliseCommendList(ctx, quarter) : await service.commendList(ctx, quarter);
  if ('already' in list) say(ctx, list.already ? 'commend.alreadyFinal' : 'commend.finalised', { quarter: list.quarter, count: list.entries.length, date: list.finalisedOn });
  if (list.drift) {
    const names = (xs: string[]) => (xs.length > 0 ? xs.join(', ') : '—');
    ctx.io.err(ctx.t('commend.drift', { quarter: list.quarter, date: list.finalisedOn, added: names(list.drift.added), removed: names(list.drift.removed), changed: names(list.drift.changed) }) + '\n');
  }
  if (list.open && !list.final) say(ctx, 'commend.open', { quarter: list.quarter });
  const files: string[] = [];
  if (dir) {
    const labels = await vietnamese(ctx);
    const render = await import('../../render/report.js');
    const { writeOutputs, ensureDir } = await import('../../services/files.js');
    ensureDir(dir);
    const force = !!opts.force || ctx.options.yes;
    // The list is read again with the notice it is registered by, in one transaction (rolled back for a draft).
    list = await service.withCommendNotice(ctx, list.quarter, async (now, issue) => {
      const vi = commendReport(now.entries, { quarter: now.quarter, asOf: ctx.clock.today(), final: now.final }, labels);
      const notice = await issue(vi);
      const docx = await render.renderReport(vi, 'docx', { color: false, lang: 'vi', model: notice.document.model });
      if (opts.draft) {
        // A draft is a file of its own: the notice issued later (by cron too) never meets it in its way.
        const [w] = writeOutputs([{ path: join(dir, draftName(`${vi.fileName}.docx`)), data: docx }], { force });
        say(ctx, 'draft.written', { file: w!.path });
        files.push(w!.path);
        return { ...now, drift: list.drift };
      }
      const csv = await render.renderReportCsv(vi, 'vi');
      const [docxPath, csvPath] = names(vi.fileName);
      const written = writeOutputs([{ path: docxPath!, data: docx }, { path: csvPath!, data: csv }], { force });
      for (const w of written) say(ctx, w.status === 'unchanged' ? 'report.unchanged' : 'report.written', { file: w.path });
      if (!notice.reused) say(ctx, 'commend.issued', { number: notice.document.symbol });
      files.push(...written.map((w) => w.path));
      return { ...now, drift: list.drift };
    }, { draft: opts.draft });
  }
  const options = { quarter: list.quarter, asOf: ctx.clock.today(), final: list.final };
  const report = commendReport(list.entries, options, ctx.t);
  const render = await import('../../render/report.js');
  if (ctx.options.json) {
    ctx.io.out(render.renderReportJson(report, { files }));
    return;
  }
  if (ctx.options.csv) {
    ctx.io.out(await render.renderReportCsv(report, ctx.lang));
    return;
  }
  ctx.io.out(await render.renderReportText(report, { color: ctx.io.color, width: ctx.io.stdoutIsTTY ? ctx.io.columns : undefined, lang: ctx.lang }));
}
