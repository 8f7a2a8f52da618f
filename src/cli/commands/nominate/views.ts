/** How a nomination looks: its criteria table and verdict (`nominate`, `check`, `amend`), its list row. */
import type { Context } from '../../../context.js';
import type { Nomination, NominationCriterion } from '../../../services/nominations.js';
import { emitHeading, emitList, emitResult } from '../../output.js';

/** One explanation, in the user's language: the parts joined with "; ". */
export function detailText(ctx: Context, c: NominationCriterion): string {
  return c.detail.map((d) => ctx.t(d.key, d.params)).join('; ');
}

function criterionText(ctx: Context, c: NominationCriterion): string {
  if (c.text === null) return ctx.t(`nominate.criterion.${c.code}`);
  return ctx.lang === 'en' ? (c.textEn ?? c.text) : c.text;
}

/** `nominate --json` / `nominate check --json` (CLI.md): exactly these fields. */
export function nominationJson(ctx: Context, n: Nomination) {
  return {
    id: n.id,
    subject: n.subject,
    award: n.award,
    year: n.year,
    eligible: n.eligible,
    criteria: n.criteria.map((c) => ({ code: c.code, status: c.status, source: c.source, detail: detailText(ctx, c) })),
  };
}

/** Who proposes: the unit's code, or `self`. */
export function byCode(n: Nomination): string {
  return n.by ?? 'self';
}

/** `nominate list --json` rows; also what appraise and withdraw print with --json. */
export function nominationRowJson(n: Nomination) {
  return { id: n.id, subject: n.subject, name: n.name, award: n.award, year: n.year, by: byCode(n), status: n.status, eligible: n.eligible };
}

/** The heading, each criterion with its status, source and explanation, and the verdict. */
export async function emitNomination(ctx: Context, n: Nomination): Promise<void> {
  if (ctx.options.json) return emitResult(ctx, nominationJson(ctx, n));
  await emitHeading(
    ctx,
    ctx.t('nominate.heading', { id: n.id, code: n.subject, name: n.name, award: n.awardName, year: n.year, status: ctx.t(`nominationStatus.${n.status}`) }),
  );
  if (n.citation && !ctx.options.csv) ctx.io.out(ctx.t('nominate.citationLine', { text: n.citation }) + '\n');
  if (n.criteria.length === 0 && !ctx.options.csv) {
    ctx.io.out(ctx.t('nominate.noCriteria', { award: n.award }) + '\n');
  } else {
    await emitList(ctx, n.criteria, [
      { header: 'col.code', value: (c) => c.code },
      { header: 'col.criterion', value: (c) => criterionText(ctx, c) },
      { header: 'col.result', value: (c) => ctx.t(`criterionStatus.${c.status}`) },
      { header: 'col.decidedBy', value: (c) => ctx.t(`criterionSource.${c.source}`) },
      { header: 'nominate.col.detail', value: (c) => detailText(ctx, c) },
    ]);
  }
  if (ctx.options.csv) return;
  const open = n.criteria.filter((c) => c.status !== 'met');
  if (n.eligible) {
    ctx.io.out(ctx.t('nominate.verdict.eligible') + '\n');
    return;
  }
  ctx.io.out(ctx.t('nominate.verdict.notEligible', { count: open.length, codes: open.map((c) => c.code).join(', ') }) + '\n');
  const toAttest = open.find((c) => c.status === 'unknown' && c.source === 'attested');
  if (toAttest && (n.status === 'submitted' || n.status === 'returned')) {
    ctx.io.out(ctx.t('nominate.hint.attest', { id: n.id, code: toAttest.code }) + '\n');
  }
}
