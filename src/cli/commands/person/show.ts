import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitHeading, emitList, emitRecord } from '../../output.js';
import { personPairs } from '../../views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').argument('<code>', kit.t('arg.personCode'));
  kit.describe(cmd, 'person.show').action(
    kit.action(async (ctx, _opts, [code]) => {
      const { showPerson } = await import('../../../services/people.js');
      const view = await showPerson(ctx, code);
      if (ctx.options.json) {
        await emitRecord(ctx, view, []);
        return;
      }
      await emitRecord(ctx, view, personPairs(ctx, view.person));
      if (ctx.options.csv) return;
      await emitHeading(ctx, ctx.t('person.history'));
      await emitList(ctx, view.history, [
        { header: 'col.at', value: (h) => h.at.slice(0, 19).replace('T', ' ') },
        { header: 'col.actor', value: (h) => h.actor },
        { header: 'col.action', value: (h) => ctx.t(`action.${h.action}`) },
        { header: 'col.command', value: (h) => h.command },
      ]);
    }),
  );
}
