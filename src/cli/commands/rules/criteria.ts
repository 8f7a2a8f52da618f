import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';

interface Options {
  award?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('criteria').option('--award <code>', kit.t('opt.award'));
  kit.describe(cmd, 'rules.criteria').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listCriteriaCatalogue } = await import('../../../services/rules.js');
      const criteria = await listCriteriaCatalogue(ctx, opts.award);
      await emitList(ctx, criteria, [
        { header: 'col.award', value: (c) => c.award },
        { header: 'col.code', value: (c) => c.code },
        { header: 'col.appliesTo', value: (c) => ctx.t(`appliesTo.${c.appliesTo}`) },
        { header: 'col.criterion', value: (c) => (ctx.lang === 'en' ? c.textEn : c.text) },
        { header: 'col.decidedBy', value: (c) => ctx.t(`criterionSource.${c.source}`) },
      ]);
    }),
  );
}
