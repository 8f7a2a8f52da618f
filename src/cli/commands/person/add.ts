import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need, needChoice, requireFlags } from '../../prompter.js';

export interface PersonFlags {
  name?: string;
  unit?: string;
  category?: string;
  position?: string;
  partyMember?: boolean;
  gender?: string;
  born?: string;
}

/** The flags `person add` and `person edit` share. */
export function personFlags(cmd: Command, kit: Kit): Command {
  return cmd
    .option('--name <name>', kit.t('opt.person.name'))
    .option('--unit <code>', kit.t('opt.person.unit'))
    .option('--category <category>', kit.t('opt.person.category'))
    .option('--position <text>', kit.t('opt.person.position'))
    .option('--party-member', kit.t('opt.person.partyMember'))
    .option('--gender <gender>', kit.t('opt.person.gender'))
    .option('--born <date>', kit.t('opt.person.born'));
}

export function register(parent: Command, kit: Kit): void {
  const cmd = personFlags(parent.command('add').argument('<code>', kit.t('arg.personCode')), kit);
  kit.describe(cmd, 'person.add').action(
    kit.action<PersonFlags>(async (ctx, opts, [code]) => {
      const { addPerson, assertNewPersonCode } = await import('../../../services/people.js');
      if (ctx.options.interactive) await assertNewPersonCode(ctx, code);
      requireFlags(ctx, { '--name': opts.name, '--unit': opts.unit, '--category': opts.category });
      const name = await need(ctx, opts.name, '--name', 'prompt.person.name');
      const unit = await need(ctx, opts.unit, '--unit', 'prompt.person.unit');
      const category = await needChoice(ctx, opts.category, '--category', 'prompt.person.category', [
        { value: 'staff', name: ctx.t('category.staff') },
        { value: 'leader', name: ctx.t('category.leader') },
      ]);
      const person = await addPerson(ctx, {
        code,
        name,
        unit,
        category,
        position: opts.position,
        partyMember: opts.partyMember ? 'yes' : 'no',
        gender: opts.gender,
        born: opts.born,
      });
      say(ctx, 'person.added', { code: person.code, name: person.name, unit: person.unitName });
      await emitResult(ctx, person);
    }),
  );
}
