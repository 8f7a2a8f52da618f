import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { dateText } from '../../views.js';

interface Options {
  subject?: string;
  unit?: string;
  year?: string;
  kind?: string;
  movement?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--subject <code>', kit.t('opt.achieve.subject'))
    .option('--unit <code>', kit.t('opt.achieve.unit'))
    .option('--year <year>', kit.t('opt.achieve.year'))
    .option('--kind <kind>', kit.t('opt.achieve.kind'))
    .option('--movement <code>', kit.t('opt.achieve.filterMovement'));
  kit.describe(cmd, 'achieve.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year);
      const { listAchievements } = await import('../../../services/achievements.js');
      const rows = await listAchievements(ctx, { ...opts, year });
      await emitList(
        ctx,
        rows,
        [
          { header: 'col.id', value: (a) => a.id },
          { header: 'col.achievedOn', value: (a) => dateText(a.date) },
          { header: 'col.code', value: (a) => a.subject },
          { header: 'col.subjectName', value: (a) => a.name },
          { header: 'col.unit', value: (a) => a.unitName },
          { header: 'col.achievementKind', value: (a) => ctx.t(`achievementKind.${a.kind}`) },
          { header: 'col.achievementText', value: (a) => a.text },
          { header: 'col.movementCode', value: (a) => a.movement },
        ],
        rows.map((a) => ({ id: a.id, subject: a.subject, name: a.name, unit: a.unit, date: a.date, kind: a.kind, text: a.text, movement: a.movement })),
      );
    }),
  );
}
