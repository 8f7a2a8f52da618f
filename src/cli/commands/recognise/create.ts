import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../domain/errors.js';
import { formatMoney } from '../../../domain/money.js';
import { confirmStep, need } from '../../prompter.js';
import { emitResult, say } from '../../output.js';
import { checkOutFolder, draftName, draftOut, writeDocx } from '../../docs.js';
import { emitRecognitions, recognisedJson } from './views.js';

interface Options {
  year?: string;
  award?: string;
  initiatives?: boolean;
  date?: string;
  signer?: string;
  minutes?: string[];
  out?: string;
  force?: boolean;
  draft?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The question before the decision takes its number: who it recognises (by name, with the bonus of
 * each) and the total, so the clerk checks the list against the council's minutes first.
 */
async function confirmDecision(ctx: Context, input: { year: string; award?: string; date?: string; initiatives?: boolean }): Promise<void> {
  if (ctx.options.yes) return;
  if (!ctx.options.interactive) return confirmStep(ctx, 'recognise.confirm', {});
  const { previewRecognition } = await import('../../../services/recognise.js');
  const p = await previewRecognition(ctx, input);
  const names = p.recognised.map((r, i) =>
    r.work
      ? ctx.t('recognise.confirm.work', { n: i + 1, name: r.name, work: r.work })
      : ctx.t('recognise.confirm.line', { n: i + 1, name: r.name, bonus: formatMoney(r.bonus) }));
  await confirmStep(ctx, 'recognise.confirm', {
    what: p.awardName ?? ctx.t('recognise.initiativesWord'),
    year: p.year,
    date: p.date.split('-').reverse().join('/'),
    count: p.recognised.length,
    list: names.join('\n'),
    total: formatMoney(p.total),
  });
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('create', { isDefault: true })
    .option('--year <year>', kit.t('opt.recognise.year'))
    .option('--award <code>', kit.t('opt.recognise.award'))
    .option('--initiatives', kit.t('opt.recognise.initiatives'))
    .option('--minutes <number-and-date>', kit.t('opt.recognise.minutes'), collect)
    .option('--date <date>', kit.t('opt.recognise.date'))
    .option('--signer <code>', kit.t('opt.recognise.signer'))
    .option('--out <dir>', kit.t('opt.recognise.out'))
    .option('--draft', kit.t('opt.recognise.draft'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'recognise.create').action(
    kit.action<Options>(async (ctx, opts) => {
      if (opts.initiatives && opts.award) throw new UsageError('recognise.awardOrInitiatives');
      if (opts.minutes && !opts.initiatives) throw new UsageError('recognise.minutesForInitiatives');
      const year = await need(ctx, opts.year, '--year', 'prompt.recognise.year', { default: ctx.clock.today().slice(0, 4) });
      const award = opts.initiatives ? undefined : await need(ctx, opts.award, '--award', 'prompt.recognise.award');
      draftOut(ctx, opts, 'dir');
      const minutes = opts.initiatives ? (opts.minutes ?? [await need(ctx, undefined, '--minutes', 'prompt.recognise.minutes')]) : undefined;
      const [service, { recogniseInitiatives }] = await Promise.all([import('../../../services/recognise.js'), import('../../../services/recognise-initiatives.js')]);
      // A title the principal does not decide is refused before anyone is asked to confirm.
      if (award) await service.checkRecognisable(ctx, { year, award, date: opts.date });
      // The folder is checked before the decision takes its number.
      if (opts.out) await checkOutFolder(ctx, opts.out);
      // A draft takes no number and recognises no one: nothing to confirm.
      if (!opts.draft) await confirmDecision(ctx, { year, award, date: opts.date, initiatives: opts.initiatives });
      const input = { year, award, date: opts.date, signer: opts.signer, minutes, draft: opts.draft };
      const result = opts.initiatives ? await recogniseInitiatives(ctx, input) : await service.recognise(ctx, input);
      const total = result.recognitions.reduce((a, r) => a + r.bonus, 0);
      if (!opts.draft) say(ctx, 'recognise.done', { decision: result.decision.symbol, count: result.recognitions.length, total: formatMoney(total) });
      const files: string[] = [];
      if (opts.out) {
        const { join } = await import('node:path');
        const { asciiFileName } = await import('../../../domain/documents.js');
        const name = opts.draft ? draftName(`${asciiFileName(result.decision.title)}.docx`) : `${asciiFileName(result.decision.symbol)}-${asciiFileName(result.decision.title)}.docx`;
        files.push(await writeDocx(ctx, result.decision.model, join(opts.out, name), opts, opts.draft ? undefined : result.decision));
        if (opts.draft) return;
      } else {
        say(ctx, 'recognise.next.out', { id: result.decision.id });
      }
      if (ctx.options.json) await emitResult(ctx, recognisedJson(result, files));
      else await emitRecognitions(ctx, result.recognitions);
    }),
  );
}
