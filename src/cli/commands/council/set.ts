import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';
import { councilJson } from './views.js';

interface Options {
  kind?: string;
  year?: string;
  chair?: string;
  vice: string[];
  member: string[];
  secretary?: string;
}

/** Repeatable code flags; one value may also hold several codes ("VC002,VC003"). */
export function collectCodes(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(/[,;\s]+/).filter((v) => v !== '')];
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('set')
    .option('--kind <kind>', kit.t('opt.council.kind'))
    .option('--year <year>', kit.t('opt.council.year'))
    .option('--chair <code>', kit.t('opt.council.chair'))
    .option('--vice <code>', kit.t('opt.council.vice'), collectCodes, [])
    .option('--member <code>', kit.t('opt.council.member'), collectCodes, [])
    .option('--secretary <code>', kit.t('opt.council.secretary'));
  kit.describe(cmd, 'council.set').action(
    kit.action<Options>(async (ctx, opts) => {
      const kind = await needChoice(ctx, opts.kind, '--kind', 'prompt.council.kind', [
        { value: 'initiative', name: ctx.t('councilKind.initiative') },
        { value: 'emulation', name: ctx.t('councilKind.emulation') },
      ]);
      const year = await need(ctx, opts.year, '--year', 'prompt.council.year', { default: ctx.clock.today().slice(0, 4) });
      const chair = await need(ctx, opts.chair, '--chair', 'prompt.council.chair');
      let members = opts.member;
      if (members.length === 0 && ctx.options.interactive) {
        members = collectCodes(await ctx.prompter.input(ctx.t('prompt.council.members'), { validate: () => true }), []);
      }
      const { setCouncil } = await import('../../../services/councils.js');
      const r = await setCouncil(ctx, { kind, year, chair, vice: opts.vice, members, secretary: opts.secretary });
      const params = { council: ctx.t(`councilKind.${r.council.kind}`), year: r.council.year, count: r.council.members.length };
      say(ctx, !r.changed ? 'council.unchanged' : r.before ? 'council.replaced' : 'council.created', params);
      await emitResult(ctx, councilJson(r.council));
    }),
  );
}
