import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { personColumns, personListJson } from '../../views.js';

interface Options {
  unit?: string;
  category?: string;
  search?: string;
  all?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--unit <code>', kit.t('opt.filter.unit'))
    .option('--category <category>', kit.t('opt.filter.category'))
    .option('--search <text>', kit.t('opt.filter.search'))
    .option('--all', kit.t('opt.person.all'));
  kit.describe(cmd, 'person.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listPeople } = await import('../../../services/people.js');
      const people = await listPeople(ctx, opts);
      await emitList(ctx, people, personColumns(ctx), people.map(personListJson));
    }),
  );
}
