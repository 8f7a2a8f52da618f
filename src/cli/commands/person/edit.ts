import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { personFlags, type PersonFlags } from './add.js';

interface Options extends PersonFlags {
  active?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = personFlags(parent.command('edit').argument('<code>', kit.t('arg.personCode')), kit)
    .option('--no-party-member', kit.t('opt.person.noPartyMember'))
    .option('--active', kit.t('opt.person.active'))
    .option('--no-active', kit.t('opt.person.noActive'));
  kit.describe(cmd, 'person.edit').action(
    kit.action<Options>(async (ctx, opts, [code]) => {
      const { editPerson } = await import('../../../services/people.js');
      const person = await editPerson(ctx, code, {
        name: opts.name,
        unit: opts.unit,
        category: opts.category,
        position: opts.position,
        partyMember: opts.partyMember === undefined ? undefined : opts.partyMember ? 'yes' : 'no',
        gender: opts.gender,
        born: opts.born,
        active: opts.active,
      });
      say(ctx, 'person.updated', { code: person.code, name: person.name });
      await emitResult(ctx, person);
    }),
  );
}
