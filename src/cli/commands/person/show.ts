import type { Command } from 'commander';
import type { Context } from '../../../context.js';
import type { PersonView } from '../../../services/people.js';
import type { Kit } from '../../kit.js';
import { emitHeading, emitList, emitRecord, type Column } from '../../output.js';
import { dateText, localTime, personPairs } from '../../views.js';
import { bonusText, decisionText } from '../recognise/views.js';

/** One titled table of the person's record; left out when empty. */
async function section<T>(ctx: Context, title: string, rows: T[], columns: Column<T>[]): Promise<void> {
  if (rows.length === 0) return;
  await emitHeading(ctx, ctx.t(title, { count: rows.length }));
  await emitList(ctx, rows, columns);
}

async function showRecord(ctx: Context, view: PersonView): Promise<void> {
  const t = ctx.t;
  await section(ctx, 'person.section.registrations', view.registrations, [
    { header: 'col.year', value: (r) => r.year },
    { header: 'col.award', value: (r) => `${r.award} – ${r.awardName}` },
    { header: 'col.reg.status', value: (r) => (r.status === 'active' ? t('registrationStatus.active') : t('registrationStatus.withdrawn')) },
  ]);
  await section(ctx, 'person.section.initiatives', view.initiatives, [
    { header: 'col.code', value: (r) => r.code },
    { header: 'col.reg.title', value: (r) => r.title },
    { header: 'col.share', value: (r) => `${r.share}%` },
    { header: 'col.reg.status', value: (r) => `${t(`initiativeStatus.${r.status}`)} (${dateText(r.statusOn)})` },
  ]);
  await section(ctx, 'person.section.recognitions', view.recognitions, [
    { header: 'col.year', value: (r) => r.year },
    { header: 'col.award', value: (r) => (r.initiative ? `${r.awardName} ${r.initiative} (${r.share}%)` : `${r.award} – ${r.awardName}`) },
    { header: 'recognise.col.decision', value: (r) => decisionText(r, dateText) },
    { header: 'recognise.col.bonus', value: (r) => bonusText(ctx, r) },
    {
      header: 'col.reg.status',
      value: (r) => (r.status === 'revoked' ? t('recognise.revokedOn', { date: r.revokedOn ?? '', reason: r.revokedReason ?? '' }) : r.succession ? t('recognise.succession') : t('recognise.active')),
    },
  ]);
  await section(ctx, 'person.section.ratings', view.ratings, [
    { header: 'col.period', value: (r) => r.period },
    { header: 'col.ratingCode', value: (r) => r.rating },
    { header: 'col.ratingLevel', value: (r) => r.ratingName },
  ]);
  await section(ctx, 'person.section.achievements', view.achievements, [
    { header: 'col.achievedOn', value: (r) => dateText(r.date) },
    { header: 'col.achievementKind', value: (r) => t(`achievementKind.${r.kind}`) },
    { header: 'col.achievementText', value: (r) => r.text },
  ]);
  await section(ctx, 'person.section.fostering', view.fostering, [
    { header: 'col.since', value: (r) => dateText(r.since) },
    { header: 'col.mentor', value: (r) => r.mentorName },
    { header: 'col.goal', value: (r) => r.goal },
    { header: 'col.ended', value: (r) => dateText(r.ended) },
  ]);
  await section(ctx, 'person.history', view.history, [
    { header: 'col.at', value: (h) => localTime(h.at) },
    { header: 'col.actor', value: (h) => h.actor },
    { header: 'col.action', value: (h) => t(`action.${h.action}`) },
    { header: 'col.command', value: (h) => h.command },
  ]);
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').argument('<code>', kit.t('arg.personCode'));
  kit.describe(cmd, 'person.show').action(
    kit.action(async (ctx, _opts, [code]) => {
      const { showPerson } = await import('../../../services/people.js');
      const view = await showPerson(ctx, code);
      if (ctx.options.json) {
        await emitRecord(ctx, view, []);
        return;
      }
      await emitRecord(ctx, view, personPairs(ctx, view.person));
      if (!ctx.options.csv) await showRecord(ctx, view);
    }),
  );
}
