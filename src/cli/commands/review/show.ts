import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { MemberScore } from '../../../services/review.js';
import type { CouncilMember } from '../../../services/councils.js';
import { emitHeading, emitList, emitRecord, say } from '../../output.js';
import { dateText } from '../../views.js';
import { rollColumns } from '../council/views.js';
import { numberText, outcomeText, progressText, reviewJson } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').argument('<initiative>', kit.t('arg.review.initiative'));
  kit.describe(cmd, 'review.show').action(
    kit.action(async (ctx, _opts, [code]) => {
      const { showReview } = await import('../../../services/review.js');
      const r = await showReview(ctx, code);
      const a = r.application;
      await emitRecord(ctx, reviewJson(r), [
        ['col.code', r.initiative.code],
        ['review.col.title', r.initiative.title],
        ['review.col.authors', r.initiative.authors.map((x) => `${x.name} (${x.code})`).join(', ')],
        ['review.col.appliedOn', dateText(a.appliedOn)],
        ['review.col.firstApplied', dateText(a.firstApplied)],
        ['review.col.description', a.description],
        ['review.col.novelty', a.novelty],
        ['review.col.application', a.application],
        ['review.col.benefit', a.benefit],
        ['review.col.conditions', a.conditions],
        ['review.col.deadline', dateText(a.deadline)],
        ['review.col.scored', progressText(r)],
        ['review.col.average', numberText(ctx, r.average, 2)],
        ['review.col.decision', outcomeText(ctx, r)],
        ['review.col.reason', r.decision?.reason ?? null],
      ]);
      if (ctx.options.json || ctx.options.csv) return;
      if (!r.council) {
        say(ctx, 'review.noCouncil.hint', { year: r.councilYear });
        return;
      }
      const authors = new Set(r.initiative.authors.map((x) => x.code));
      const scoredBy = new Set(r.scoredBy.map((s) => s.code));
      const state = (m: CouncilMember) =>
        authors.has(m.code) ? 'author' : scoredBy.has(m.code) ? 'done' : m.active ? 'waiting' : 'left';
      await emitHeading(ctx, ctx.t('review.heading.council', { year: r.council.year }));
      await emitList<CouncilMember>(ctx, r.council.members, [
        ...rollColumns(ctx),
        {
          header: 'review.col.scoring',
          value: (m) => ctx.t(`review.member.${state(m)}`),
        },
      ]);
      if (!r.scores) {
        say(ctx, 'review.scoresHidden', { scored: r.progress.scored, scorers: r.progress.scorers });
        return;
      }
      await emitHeading(ctx, ctx.t('review.heading.scores'));
      await emitList<MemberScore>(ctx, r.scores, [
        { header: 'col.name', value: (s) => s.name },
        { header: 'review.col.scoreNovelty', value: (s) => numberText(ctx, s.novelty) },
        { header: 'review.col.scoreApplicability', value: (s) => numberText(ctx, s.applicability) },
        { header: 'review.col.scoreBenefit', value: (s) => numberText(ctx, s.benefit) },
        { header: 'review.col.mean', value: (s) => numberText(ctx, s.mean, 2) },
        { header: 'review.col.scoredOn', value: (s) => dateText(s.scoredOn) },
      ]);
    }),
  );
}
