import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';
import { dateText } from '../../views.js';
import { SPREAD_CHANNELS } from '../../../domain/spread.js';

interface Options {
  channel?: string;
  date?: string;
  note?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<subject>', kit.t('arg.spreadSubject'))
    .option('--channel <channel>', kit.t('opt.spread.channel'))
    .option('--date <date>', kit.t('opt.spread.date'))
    .option('--note <text>', kit.t('opt.spread.note'));
  kit.describe(cmd, 'spread.add').action(
    kit.action<Options>(async (ctx, opts, [subject]) => {
      const channel = await needChoice(ctx, opts.channel, '--channel', 'prompt.spread.channel',
        SPREAD_CHANNELS.map((c) => ({ value: c, name: ctx.t(`spreadChannel.${c}`) })));
      const date = await need(ctx, opts.date, '--date', 'prompt.spread.date', { default: ctx.clock.today() });
      const { addSpread } = await import('../../../services/spread.js');
      const r = await addSpread(ctx, subject, { channel, date, note: opts.note });
      say(ctx, 'spread.added', { id: r.id, subject: r.subject, name: r.name, channel: ctx.t(`spreadChannel.${r.channel}`), date: dateText(r.date) });
      if (ctx.options.json) await emitResult(ctx, r);
      else ctx.io.out(`${r.id}\n`);
    }),
  );
}
