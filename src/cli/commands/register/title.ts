import type { Command } from 'commander';
import type { Context } from '../../../context.js';
import type { Kit } from '../../kit.js';
import type { TitleRegistration } from '../../../services/registration.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';

interface Options {
  award?: string;
  year?: string;
  note?: string;
  date?: string;
}

/** `register title --json` (and `register withdraw` of a title): exactly these fields. */
export function titleJson(r: TitleRegistration) {
  return { id: r.id, subject: r.subject, name: r.name, award: r.award, year: r.year, status: r.status };
}

/** `--year`, or a question on a terminal offering the current year. */
export function needYear(ctx: Context, value: string | undefined): Promise<string> {
  return need(ctx, value, '--year', 'prompt.registration.year', { default: ctx.clock.today().slice(0, 4) });
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('title')
    .argument('<subject>', kit.t('arg.registration.subject'))
    .option('--award <code>', kit.t('opt.registration.award'))
    .option('--year <year>', kit.t('opt.registration.year'))
    .option('--note <text>', kit.t('opt.registration.note'))
    .option('--date <date>', kit.t('opt.registration.date'));
  kit.describe(cmd, 'register.title').action(
    kit.action<Options>(async (ctx, opts, [subject]) => {
      const award = await need(ctx, opts.award, '--award', 'prompt.registration.award');
      const year = await needYear(ctx, opts.year);
      const { registerTitle } = await import('../../../services/registration.js');
      const r = await registerTitle(ctx, { subject, award, year, note: opts.note, date: opts.date });
      say(ctx, 'registration.added', { id: r.id, code: r.subject, name: r.name, award: r.awardName, year: r.year });
      await emitResult(ctx, titleJson(r));
    }),
  );
}
