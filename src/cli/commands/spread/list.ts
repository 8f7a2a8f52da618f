import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { dateText } from '../../views.js';

interface Options {
  year?: string;
  channel?: string;
  subject?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--year <year>', kit.t('opt.spread.year'))
    .option('--channel <channel>', kit.t('opt.spread.filterChannel'))
    .option('--subject <code>', kit.t('opt.spread.subject'));
  kit.describe(cmd, 'spread.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year);
      const { listSpread } = await import('../../../services/spread.js');
      const rows = await listSpread(ctx, { year, channel: opts.channel, subject: opts.subject });
      await emitList(ctx, rows, [
        { header: 'col.id', value: (r) => r.id },
        { header: 'col.code', value: (r) => r.subject },
        { header: 'col.subjectName', value: (r) => r.name },
        { header: 'col.unit', value: (r) => r.unitName },
        { header: 'spread.col.channel', value: (r) => ctx.t(`spreadChannel.${r.channel}`) },
        { header: 'spread.col.date', value: (r) => dateText(r.date) },
        { header: 'spread.col.note', value: (r) => r.note },
      ]);
    }),
  );
}
