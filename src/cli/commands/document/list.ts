import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { formatVnDate } from '../../../domain/dates.js';
import { emitList } from '../../output.js';

interface Options {
  year?: string;
  kind?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--year <year>', kit.t('opt.document.year'))
    .option('--kind <kind>', kit.t('opt.document.kind'));
  kit.describe(cmd, 'document.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listSignedDocuments, signedBy, statusOf } = await import('../../../services/sign-register.js');
      const rows = await listSignedDocuments(ctx, { year: opts.year, kind: opts.kind });
      await emitList(
        ctx,
        rows,
        [
          { header: 'col.id', value: (d) => d.id },
          { header: 'document.col.number', value: (d) => d.symbol },
          { header: 'document.col.date', value: (d) => formatVnDate(d.date) },
          { header: 'document.col.title', value: (d) => d.title },
          { header: 'document.col.status', value: (d) => ctx.t(`documentStatus.${statusOf(d)}`) },
          { header: 'document.col.signedBy', value: (d) => signedBy(d) },
        ],
        rows.map((d) => {
          const by = signedBy(d);
          return { id: d.id, number: d.number, symbol: d.symbol, kind: d.kind, date: d.date, title: d.title, status: statusOf(d), ...(by ? { signedBy: by } : {}) };
        }),
      );
    }),
  );
}
