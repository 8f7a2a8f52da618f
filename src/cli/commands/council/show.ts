import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { CouncilFilter } from '../../../services/councils.js';
import { emitHeading, emitList, emitResult, say } from '../../output.js';
import { councilJson, rollColumns } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('show')
    .option('--kind <kind>', kit.t('opt.council.showKind'))
    .option('--year <year>', kit.t('opt.council.showYear'));
  kit.describe(cmd, 'council.show').action(
    kit.action<CouncilFilter>(async (ctx, opts) => {
      const { showCouncils } = await import('../../../services/councils.js');
      const shown = await showCouncils(ctx, opts);
      if (ctx.options.json) return emitResult(ctx, shown.councils.map(councilJson));
      if (ctx.options.csv) {
        // One table: every roll shown, each row saying its council.
        const rows = shown.councils.flatMap((c) => c.members.map((m) => ({ ...m, council: c })));
        await emitList(ctx, rows, [
          { header: 'council.col.council', value: (r) => ctx.t(`councilKind.${r.council.kind}`) },
          { header: 'council.col.year', value: (r) => r.council.year },
          ...rollColumns(ctx),
        ]);
        return;
      }
      for (const kind of shown.kinds) {
        const council = shown.councils.find((c) => c.kind === kind);
        if (!council) {
          say(ctx, 'council.none', { council: ctx.t(`councilKind.${kind}`), year: shown.year, kind });
          continue;
        }
        await emitHeading(ctx, ctx.t('council.heading', { council: ctx.t(`councilKind.${kind}`), year: council.year, count: council.members.length }));
        await emitList(ctx, council.members, rollColumns(ctx));
      }
    }),
  );
}
