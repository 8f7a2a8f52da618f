import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList, emitResult, say } from '../../output.js';

interface Options {
  dryRun?: boolean;
  update?: boolean;
  codePrefix?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('import')
    .argument('<file>', kit.t('arg.importFile'))
    .option('--dry-run', kit.t('opt.dryRun'))
    .option('--update', kit.t('opt.person.update'))
    .option('--code-prefix <prefix>', kit.t('opt.person.codePrefix'));
  kit.describe(cmd, 'person.import').action(
    kit.action<Options>(async (ctx, opts, [file]) => {
      const { importPeople } = await import('../../../services/people-import.js');
      const result = await importPeople(ctx, file, {
        dryRun: opts.dryRun,
        update: opts.update,
        codePrefix: opts.codePrefix,
        progress: (total) => ctx.progress(total, ctx.t('progress.import')),
      });
      const { codes, ...counts } = result;
      say(ctx, result.dryRun ? 'import.dryRunDone' : 'import.done', { ...counts, dryRun: null });
      if (result.inferred > 0) say(ctx, 'import.inferredCategory', { count: result.inferred, leaders: result.inferredLeaders });
      if (ctx.options.json) {
        await emitResult(ctx, result);
        return;
      }
      // The codes given to new people: the clerk writes them into the office's own list.
      if (codes.length > 0) {
        say(ctx, result.dryRun ? 'import.codesToGive' : 'import.codesGiven', { count: codes.length });
        await emitList(ctx, codes, [
          { header: 'col.line', value: (c) => c.line },
          { header: 'col.code', value: (c) => c.code },
          { header: 'col.name', value: (c) => c.name },
          { header: 'col.unit', value: (c) => c.unit },
        ]);
      }
    }),
  );
}
