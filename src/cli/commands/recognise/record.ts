import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { formatVnDate } from '../../../domain/dates.js';
import { need } from '../../prompter.js';
import { emitResult, say } from '../../output.js';
import { collectCodes } from '../council/set.js';
import { emitRecognitions, recognitionJson } from './views.js';

interface Options {
  award?: string;
  subject: string[];
  number?: string;
  date?: string;
  issuer?: string;
  year?: string;
  corrects?: string;
}

/** `recognise record`: a decision taken above the school (the province's), recorded as printed on it. */
export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('record')
    .option('--award <code>', kit.t('opt.record.award'))
    .option('--subject <code>', kit.t('opt.record.subject'), collectCodes, [])
    .option('--number <number>', kit.t('opt.record.number'))
    .option('--date <date>', kit.t('opt.record.date'))
    .option('--issuer <text>', kit.t('opt.record.issuer'))
    .option('--year <year>', kit.t('opt.record.year'))
    .option('--corrects <id>', kit.t('opt.record.corrects'));
  kit.describe(cmd, 'recognise.record').action(
    kit.action<Options>(async (ctx, opts) => {
      // A correction may take the title and the subject from the entry it replaces.
      const award = opts.corrects === undefined ? await need(ctx, opts.award, '--award', 'prompt.record.award') : opts.award;
      const subjects = opts.subject.length > 0 || opts.corrects !== undefined ? opts.subject : [await need(ctx, undefined, '--subject', 'prompt.record.subject')];
      const number = await need(ctx, opts.number, '--number', 'prompt.record.number');
      const date = await need(ctx, opts.date, '--date', 'prompt.record.date');
      const issuer = await need(ctx, opts.issuer, '--issuer', 'prompt.record.issuer');
      const { recordDecision } = await import('../../../services/recorded.js');
      const r = await recordDecision(ctx, { award, subjects, number, date, issuer, year: opts.year, corrects: opts.corrects });
      if (r.corrected) say(ctx, 'record.corrected', { id: r.corrected.id, decision: r.corrected.decision });
      say(ctx, 'record.done', { number: r.number, date: formatVnDate(r.date), issuer: r.issuer, award: r.award, year: r.year, count: r.recognitions.length });
      const json = { number: r.number, date: r.date, issuer: r.issuer, award: r.award, year: r.year, recognitions: r.recognitions.map(recognitionJson), corrected: r.corrected && recognitionJson(r.corrected) };
      if (ctx.options.json) await emitResult(ctx, json);
      else await emitRecognitions(ctx, r.recognitions);
    }),
  );
}
