import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { dateText, ruleValueText } from '../../views.js';
import { dateFlag } from '../../flags.js';

interface Options {
  all?: boolean;
  at?: string;
  key?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--all', kit.t('opt.rules.all'))
    .option('--at <date>', kit.t('opt.rules.at'))
    .option('--key <key>', kit.t('opt.rules.key'));
  kit.describe(cmd, 'rules.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listRules } = await import('../../../services/rules.js');
      const rules = await listRules(ctx, { all: opts.all, at: dateFlag('at', opts.at), key: opts.key });
      await emitList(ctx, rules, [
        { header: 'col.ruleKey', value: (r) => r.key },
        { header: 'col.ruleAbout', value: (r) => ctx.t(r.about, { title: r.title }) },
        { header: 'col.value', value: (r) => ruleValueText(ctx, r.value) },
        { header: 'col.validFrom', value: (r) => dateText(r.validFrom) },
        { header: 'col.source', value: (r) => r.source },
        ...(opts.all ? [{ header: 'col.inForce', value: (r: { inForce: boolean }) => r.inForce }] : []),
      ], rules.map((r) => ({ ...r, about: ctx.t(r.about, { title: r.title }) })));
    }),
  );
}
