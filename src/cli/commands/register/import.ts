import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { yearFlag } from '../../flags.js';

interface Options {
  year?: string;
  date?: string;
  dryRun?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('import')
    .argument('<file>', kit.t('arg.importFile'))
    .option('--year <year>', kit.t('opt.registration.importYear'))
    .option('--date <date>', kit.t('opt.registration.date'))
    .option('--dry-run', kit.t('opt.dryRun'));
  kit.describe(cmd, 'register.import').action(
    kit.action<Options>(async (ctx, opts, [file]) => {
      const { importRegistrations } = await import('../../../services/registration-import.js');
      const result = await importRegistrations(ctx, file, {
        year: yearFlag(opts.year),
        date: opts.date,
        dryRun: opts.dryRun,
        progress: (total) => ctx.progress(total, ctx.t('progress.import')),
      });
      say(ctx, result.dryRun ? 'registration.importChecked' : 'registration.imported', { file: result.file, rows: result.rows, added: result.added });
      await emitResult(ctx, result);
    }),
  );
}
