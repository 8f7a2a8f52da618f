import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { need } from '../../prompter.js';
import { say } from '../../output.js';
import { collectCriterion as collect } from '../nominate/create.js';
import { emitBallot } from './views.js';

interface Options {
  year?: string;
  award?: string;
  present?: string;
  date?: string;
  counter?: string[];
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('open')
    .option('--year <year>', kit.t('opt.ballot.year'))
    .option('--award <code>', kit.t('opt.ballot.award'))
    .option('--present <n>', kit.t('opt.ballot.present'))
    .option('--date <date>', kit.t('opt.ballot.date'))
    .option('--counter <code>', kit.t('opt.ballot.counter'), collect);
  kit.describe(cmd, 'ballot.open').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.ballot.year', { default: ctx.clock.today().slice(0, 4) });
      const award = await need(ctx, opts.award, '--award', 'prompt.ballot.award');
      const present = await need(ctx, opts.present, '--present', 'prompt.ballot.present');
      const { openBallot } = await import('../../../services/ballots.js');
      const { ballot, leftOff } = await openBallot(ctx, { year, award, present, date: opts.date, counters: opts.counter });
      say(ctx, 'ballot.opened', { id: ballot.id, award: ballot.award, year: ballot.year, count: ballot.nominees.length, present: ballot.present, members: ballot.membersTotal });
      for (const l of leftOff) say(ctx, `ballot.leftOff.${l.reason}`, { id: l.id, code: l.subject, name: l.name });
      say(ctx, 'ballot.next.paper', { id: ballot.id });
      await emitBallot(ctx, ballot);
    }),
  );
}
