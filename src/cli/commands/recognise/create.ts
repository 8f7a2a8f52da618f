import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { UsageError } from '../../../domain/errors.js';
import { formatMoney } from '../../../domain/money.js';
import { confirmStep, need } from '../../prompter.js';
import { emitResult, say } from '../../output.js';
import { draftName, draftOut, writeDocx } from '../../docs.js';
import { emitRecognitions, recognisedJson } from './views.js';

interface Options {
  year?: string;
  award?: string;
  initiatives?: boolean;
  date?: string;
  signer?: string;
  out?: string;
  force?: boolean;
  draft?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('create', { isDefault: true })
    .option('--year <year>', kit.t('opt.recognise.year'))
    .option('--award <code>', kit.t('opt.recognise.award'))
    .option('--initiatives', kit.t('opt.recognise.initiatives'))
    .option('--date <date>', kit.t('opt.recognise.date'))
    .option('--signer <code>', kit.t('opt.recognise.signer'))
    .option('--out <dir>', kit.t('opt.recognise.out'))
    .option('--draft', kit.t('opt.recognise.draft'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'recognise.create').action(
    kit.action<Options>(async (ctx, opts) => {
      if (opts.initiatives && opts.award) throw new UsageError('recognise.awardOrInitiatives');
      const year = await need(ctx, opts.year, '--year', 'prompt.recognise.year', { default: ctx.clock.today().slice(0, 4) });
      const award = opts.initiatives ? undefined : await need(ctx, opts.award, '--award', 'prompt.recognise.award');
      draftOut(ctx, opts, 'dir');
      if (!opts.draft) await confirmStep(ctx, 'recognise.confirm', { what: award ?? ctx.t('recognise.initiativesWord'), year, date: opts.date ?? ctx.clock.today() });
      const service = await import('../../../services/recognitions.js');
      const input = { year, award, date: opts.date, signer: opts.signer, draft: opts.draft };
      const result = opts.initiatives ? await service.recogniseInitiatives(ctx, input) : await service.recognise(ctx, input);
      const total = result.recognitions.reduce((a, r) => a + r.bonus, 0);
      if (!opts.draft) say(ctx, 'recognise.done', { decision: result.decision.symbol, count: result.recognitions.length, total: formatMoney(total) });
      const files: string[] = [];
      if (opts.out) {
        const { join } = await import('node:path');
        const { asciiFileName } = await import('../../../domain/documents.js');
        const name = opts.draft ? draftName(`${asciiFileName(result.decision.title)}.docx`) : `${asciiFileName(result.decision.symbol)}-${asciiFileName(result.decision.title)}.docx`;
        files.push(await writeDocx(ctx, result.decision.model, join(opts.out, name), opts));
        if (opts.draft) return;
      } else {
        say(ctx, 'recognise.next.out', { id: result.decision.id });
      }
      if (ctx.options.json) await emitResult(ctx, recognisedJson(result, files));
      else await emitRecognitions(ctx, result.recognitions);
    }),
  );
}
