import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitHeading, emitList, emitRecord } from '../../output.js';
import { dateText, orgPairs } from '../../views.js';
import { dateFlag } from '../../flags.js';

interface Options {
  at?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').option('--at <date>', kit.t('opt.org.at'));
  kit.describe(cmd, 'org.show').action(
    kit.action<Options>(async (ctx, opts) => {
      const { showOrg } = await import('../../../services/org.js');
      const view = await showOrg(ctx, dateFlag('at', opts.at));
      await emitRecord(ctx, view, orgPairs(ctx, view.current));
      if (ctx.options.json || ctx.options.csv || view.history.length < 2) return;
      await emitHeading(ctx, ctx.t('org.history'));
      await emitList(ctx, view.history, [
        { header: 'col.validFrom', value: (p) => (p.validFrom <= '1900-01-01' ? ctx.t('org.sinceStart') : dateText(p.validFrom)) },
        { header: 'org.parentBody', value: (p) => p.parentBody },
        { header: 'org.fullName', value: (p) => p.fullName },
        { header: 'org.headName', value: (p) => p.headName },
        { header: 'org.style', value: (p) => ctx.t(`style.${p.style}`) },
      ]);
    }),
  );
}
