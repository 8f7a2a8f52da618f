import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { looksLikeInitiativeCode } from '../../../domain/initiatives.js';
import { dateText } from '../../views.js';
import { initiativeJson } from './initiative.js';
import { needYear, titleJson } from './title.js';

interface Options {
  award?: string;
  year?: string;
  reason?: string;
  date?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('withdraw')
    .argument('<target>', kit.t('arg.registration.withdrawTarget'))
    .option('--award <code>', kit.t('opt.registration.withdrawAward'))
    .option('--year <year>', kit.t('opt.registration.withdrawYear'))
    .option('--reason <text>', kit.t('opt.registration.reason'))
    .option('--date <date>', kit.t('opt.registration.withdrawDate'));
  kit.describe(cmd, 'register.withdraw').action(
    kit.action<Options>(async (ctx, opts, [target]) => {
      // Without --award, a code like SK-2025-001 or DT-2025-001 names an initiative (a mistyped one is
      // refused as such); anything else is a person or unit whose title registration is withdrawn.
      if (opts.award === undefined && looksLikeInitiativeCode(target)) {
        const reason = await need(ctx, opts.reason, '--reason', 'prompt.registration.reason');
        const { withdrawInitiative } = await import('../../../services/initiatives.js');
        const i = await withdrawInitiative(ctx, target, reason, opts.date);
        say(ctx, 'initiative.withdrawn', { code: i.code, title: i.title, date: dateText(i.statusOn) });
        await emitResult(ctx, initiativeJson(i));
        return;
      }
      const award = await need(ctx, opts.award, '--award', 'prompt.registration.award');
      const year = await needYear(ctx, opts.year);
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.registration.reason');
      const { withdrawTitle } = await import('../../../services/registration.js');
      const r = await withdrawTitle(ctx, { subject: target, award, year, reason, date: opts.date });
      say(ctx, 'registration.withdrawn', { code: r.subject, name: r.name, award: r.awardName, year: r.year });
      await emitResult(ctx, titleJson(r));
    }),
  );
}
