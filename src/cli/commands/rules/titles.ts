import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('titles');
  kit.describe(cmd, 'rules.titles').action(
    kit.action(async (ctx) => {
      const { listTitleCatalogue } = await import('../../../services/rules.js');
      const titles = await listTitleCatalogue(ctx);
      await emitList(ctx, titles, [
        { header: 'col.code', value: (t) => t.code },
        { header: 'col.titleName', value: (t) => t.name },
        { header: 'col.subjectKind', value: (t) => ctx.t(`subjectKind.${t.subjectKind}`) },
        { header: 'col.coefficient', value: (t) => t.coefficient },
        { header: 'col.coefficientUnit', value: (t) => t.coefficientUnit },
      ]);
    }),
  );
}
