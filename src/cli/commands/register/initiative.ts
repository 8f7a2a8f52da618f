import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { Initiative } from '../../../services/initiatives.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice } from '../../prompter.js';
import { needYear } from './title.js';

interface Options {
  kind?: string;
  title?: string;
  author: string[];
  unit?: string;
  year?: string;
  field?: string;
  date?: string;
}

/** `register initiative --json` (CLI.md): exactly these fields. */
export function initiativeJson(i: Initiative) {
  return { code: i.code, kind: i.kind, title: i.title, year: i.year, unit: i.unit, authors: i.authors, status: i.status };
}

/** `--author` may be repeated, and one value may hold several authors ("VC002:60,VC003:40"). */
function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(/[,;\s]+/).filter((v) => v !== '')];
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('initiative')
    .option('--kind <kind>', kit.t('opt.initiative.kind'))
    .option('--title <text>', kit.t('opt.initiative.title'))
    .option('--author <code[:share]>', kit.t('opt.initiative.author'), collect, [])
    .option('--unit <code>', kit.t('opt.initiative.unit'))
    .option('--year <year>', kit.t('opt.registration.year'))
    .option('--field <text>', kit.t('opt.initiative.field'))
    .option('--date <date>', kit.t('opt.registration.date'));
  kit.describe(cmd, 'register.initiative').action(
    kit.action<Options>(async (ctx, opts) => {
      const kind = await needChoice(ctx, opts.kind, '--kind', 'prompt.initiative.kind', [
        { value: 'initiative', name: ctx.t('initiativeKind.initiative') },
        { value: 'research', name: ctx.t('initiativeKind.research') },
      ]);
      const title = await need(ctx, opts.title, '--title', 'prompt.initiative.title');
      const authors = opts.author.length > 0 ? opts.author : collect(await need(ctx, undefined, '--author', 'prompt.initiative.authors'), []);
      const unit = await need(ctx, opts.unit, '--unit', 'prompt.initiative.unit');
      const year = await needYear(ctx, opts.year);
      const { registerInitiative } = await import('../../../services/initiatives.js');
      const i = await registerInitiative(ctx, { kind, title, authors, unit, year, field: opts.field, date: opts.date });
      say(ctx, 'initiative.added', { code: i.code, title: i.title, unit: i.unitName });
      await emitResult(ctx, initiativeJson(i));
    }),
  );
}
