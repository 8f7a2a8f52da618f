import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { Context } from '../../../context.js';
import { parseTimeField, type Parsed } from '../../../domain/fields.js';
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
  time?: string;
  place?: string;
  absent?: string[];
  secretary?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('open')
    .option('--year <year>', kit.t('opt.ballot.year'))
    .option('--award <code>', kit.t('opt.ballot.award'))
    .option('--present <n>', kit.t('opt.ballot.present'))
    .option('--absent <code>', kit.t('opt.ballot.absent'), collect)
    .option('--time <HH:MM>', kit.t('opt.ballot.time'))
    .option('--place <text>', kit.t('opt.ballot.place'))
    .option('--date <date>', kit.t('opt.ballot.date'))
    .option('--counter <code>', kit.t('opt.ballot.counter'), collect)
    .option('--secretary <code>', kit.t('opt.ballot.secretary'));
  kit.describe(cmd, 'ballot.open').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = await need(ctx, opts.year, '--year', 'prompt.ballot.year', { default: ctx.clock.today().slice(0, 4) });
      const award = await need(ctx, opts.award, '--award', 'prompt.ballot.award');
      const present = await need(ctx, opts.present, '--present', 'prompt.ballot.present');
      const { openBallot } = await import('../../../services/ballot-open.js');
      const time = await need(ctx, opts.time, '--time', 'prompt.ballot.time', { validate: (v) => timeCheck(ctx, parseTimeField('startTime', v)) });
      const place = await need(ctx, opts.place, '--place', 'prompt.ballot.place');
      const { ballot, leftOff } = await openBallot(ctx, { year, award, present, date: opts.date, counters: opts.counter, time, place, absent: opts.absent, secretary: opts.secretary });
      say(ctx, 'ballot.opened', { id: ballot.id, award: ballot.award, year: ballot.year, count: ballot.nominees.length, present: ballot.present, members: ballot.membersTotal });
      for (const l of leftOff) say(ctx, `ballot.leftOff.${l.reason}`, { id: l.id, code: l.subject, name: l.name });
      say(ctx, 'ballot.next.paper', { id: ballot.id });
      await emitBallot(ctx, ballot);
    }),
  );
}

/** A prompt's check of a typed time: true, or what is wrong with it. */
export function timeCheck(ctx: Context, p: Parsed<string>): string | true {
  return p.ok ? true : ctx.t(p.problem.key, p.problem.params);
}
