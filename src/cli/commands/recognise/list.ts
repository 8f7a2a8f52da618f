import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitRecognitions } from './views.js';

interface Options {
  year?: string;
  subject?: string;
  award?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--year <year>', kit.t('opt.recognise.listYear'))
    .option('--subject <code>', kit.t('opt.recognise.subject'))
    .option('--award <code>', kit.t('opt.recognise.listAward'));
  kit.describe(cmd, 'recognise.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listRecognitions } = await import('../../../services/recognitions.js');
      await emitRecognitions(ctx, await listRecognitions(ctx, opts));
    }),
  );
}
