import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';
import { dateText } from '../../views.js';
import { ACHIEVEMENT_KINDS } from '../../../domain/records.js';

interface Options {
  date?: string;
  kind?: string;
  text?: string;
  movement?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('add')
    .argument('<subject>', kit.t('arg.achieveSubject'))
    .option('--date <date>', kit.t('opt.achieve.date'))
    .option('--kind <kind>', kit.t('opt.achieve.kind'))
    .option('--text <text>', kit.t('opt.achieve.text'))
    .option('--movement <code>', kit.t('opt.achieve.movement'));
  kit.describe(cmd, 'achieve.add').action(
    kit.action<Options>(async (ctx, opts, [subject]) => {
      const date = await need(ctx, opts.date, '--date', 'prompt.achieve.date', { default: ctx.clock.today() });
      // Naming a movement says the kind; otherwise it is asked for.
      const kind = opts.kind === undefined && opts.movement !== undefined
        ? undefined
        : await needChoice(ctx, opts.kind, '--kind', 'prompt.achieve.kind',
          ACHIEVEMENT_KINDS.map((k) => ({ value: k, name: ctx.t(`achievementKind.${k}`) })));
      const text = await need(ctx, opts.text, '--text', 'prompt.achieve.text');
      const { addAchievement } = await import('../../../services/achievements.js');
      const a = await addAchievement(ctx, subject, { date, kind, text, movement: opts.movement });
      say(ctx, 'achievement.added', { id: a.id, subject: a.subject, name: a.name, date: dateText(a.date), kind: ctx.t(`achievementKind.${a.kind}`) });
      if (ctx.options.json) await emitResult(ctx, a);
      else ctx.io.out(`${a.id}\n`);
    }),
  );
}
