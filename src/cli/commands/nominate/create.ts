import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { UsageError } from '../../../domain/errors.js';
import { say } from '../../output.js';
import { need } from '../../prompter.js';
import { emitNomination } from './views.js';

interface Options {
  award?: string;
  year?: string;
  by?: string;
  summary?: string;
  citation?: string;
  criterion?: string[];
}

/** `--criterion` may be repeated; each value is one criterion (evidence may hold commas). */
export function collectCriterion(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * `thidua nominate SUBJECT ...`: the group's default verb (also `nominate create SUBJECT ...`).
 * A default subcommand rather than options on the group itself, so that the group never takes
 * the flags of its other verbs (`nominate list --year`).
 */
export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('create', { isDefault: true })
    .argument('[subject]', kit.t('arg.nominate.subject'))
    .option('--award <code>', kit.t('opt.nominate.award'))
    .option('--year <year>', kit.t('opt.nominate.year'))
    .option('--by <unit|self>', kit.t('opt.nominate.by'))
    .option('--summary <text>', kit.t('opt.nominate.summary'))
    .option('--citation <text>', kit.t('opt.nominate.citation'))
    .option('--criterion <code=met|unmet[:evidence]>', kit.t('opt.nominate.criterion'), collectCriterion);
  kit.describe(cmd, 'nominate.create').action(
    kit.action<Options>(async (ctx, opts, [subjectArg]) => {
      if (!subjectArg && !ctx.options.interactive) throw new UsageError('usage.missingArgument', { argument: 'subject' });
      const subject = await need(ctx, subjectArg, 'SUBJECT', 'prompt.nominate.subject');
      const award = await need(ctx, opts.award, '--award', 'prompt.nominate.award');
      const year = await need(ctx, opts.year, '--year', 'prompt.nominate.year', { default: ctx.clock.today().slice(0, 4) });
      const by = await need(ctx, opts.by, '--by', 'prompt.nominate.by');
      const summary = await need(ctx, opts.summary, '--summary', 'prompt.nominate.summary');
      const { createNomination } = await import('../../../services/nominate.js');
      const n = await createNomination(ctx, { subject, award, year, by, summary, citation: opts.citation, criteria: opts.criterion ?? [] });
      say(ctx, 'nominate.created', { id: n.id, code: n.subject, name: n.name, award: n.awardName, year: n.year });
      await emitNomination(ctx, n);
    }),
  );
}
