import type { Command } from 'commander';
import type { Context } from '../../../context.js';
import type { Kit } from '../../kit.js';
import type { Initiative } from '../../../services/initiatives.js';
import type { TitleRegistration } from '../../../services/registration.js';
import { emitHeading, emitList, emitResult, type Column } from '../../output.js';
import { yearFlag } from '../../flags.js';
import { dateText } from '../../views.js';
import { initiativeJson } from './initiative.js';

interface Options {
  year?: string;
  unit?: string;
  kind?: string;
}

function titleColumns(ctx: Context): Column<TitleRegistration>[] {
  return [
    { header: 'col.code', value: (r) => r.subject },
    { header: 'col.reg.subject', value: (r) => r.name },
    { header: 'col.unit', value: (r) => (r.kind === 'unit' ? ctx.t('subjectKind.unit') : r.unitName) },
    { header: 'col.award', value: (r) => r.awardName },
    { header: 'col.reg.registeredOn', value: (r) => dateText(r.registeredOn) },
    {
      header: 'col.reg.status',
      value: (r) =>
        r.status === 'withdrawn'
          ? ctx.t('registrationStatus.withdrawnOn', { date: dateText(r.withdrawnOn), reason: r.withdrawnReason ?? '' })
          : ctx.t('registrationStatus.active'),
    },
  ];
}

export function initiativeColumns(ctx: Context): Column<Initiative>[] {
  return [
    { header: 'col.code', value: (i) => i.code },
    { header: 'col.reg.kind', value: (i) => ctx.t(`initiativeKind.${i.kind}`) },
    { header: 'col.reg.title', value: (i) => i.title },
    { header: 'col.reg.authors', value: (i) => i.authors.map((a) => `${a.name} (${a.share}%)`).join(', ') },
    { header: 'col.unit', value: (i) => i.unitName },
    { header: 'col.reg.status', value: (i) => ctx.t(`initiativeStatus.${i.status}`) },
  ];
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--year <year>', kit.t('opt.registration.listYear'))
    .option('--unit <code>', kit.t('opt.registration.listUnit'))
    .option('--kind <kind>', kit.t('opt.registration.listKind'));
  kit.describe(cmd, 'register.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(opts.year) ?? Number(ctx.clock.today().slice(0, 4));
      const { listRegistrations } = await import('../../../services/registration.js');
      const list = await listRegistrations(ctx, { year, unit: opts.unit, kind: opts.kind });
      if (ctx.options.json) {
        await emitResult(ctx, {
          year: list.year,
          titles: list.titles.map((r) => ({
            id: r.id, subject: r.subject, name: r.name, kind: r.kind, unit: r.unit, award: r.award, status: r.status,
            registeredOn: r.registeredOn, withdrawnOn: r.withdrawnOn,
          })),
          initiatives: list.initiatives.map((i) => ({ ...initiativeJson(i), registeredOn: i.registeredOn, statusOn: i.statusOn })),
        });
        return;
      }
      const showTitles = list.kind === null || list.kind === 'title';
      // CSV is one list: the title registrations, or the initiatives when --kind asks for them.
      if (showTitles) {
        await emitHeading(ctx, ctx.t('registration.heading.titles', { year, count: list.titles.length }));
        await emitList(ctx, list.titles, titleColumns(ctx));
      }
      if (list.kind !== 'title' && !(ctx.options.csv && showTitles)) {
        await emitHeading(ctx, ctx.t('registration.heading.initiatives', { year, count: list.initiatives.length }));
        await emitList(ctx, list.initiatives, initiativeColumns(ctx));
      }
    }),
  );
}
