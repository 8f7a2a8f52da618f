import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';

interface Options {
  dryRun?: boolean;
  update?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('import')
    .argument('<file>', kit.t('arg.importFile'))
    .option('--dry-run', kit.t('opt.dryRun'))
    .option('--update', kit.t('opt.person.update'));
  kit.describe(cmd, 'person.import').action(
    kit.action<Options>(async (ctx, opts, [file]) => {
      const { importPeople } = await import('../../../services/people-import.js');
      const result = await importPeople(ctx, file, {
        dryRun: opts.dryRun,
        update: opts.update,
        progress: (total) => ctx.progress(total, ctx.t('progress.import')),
      });
      say(ctx, result.dryRun ? 'import.dryRunDone' : 'import.done', { ...result, dryRun: null });
      if (result.inferred > 0) say(ctx, 'import.inferredCategory', { count: result.inferred, leaders: result.inferredLeaders });
      await emitResult(ctx, result);
    }),
  );
}
