/** `recognise --initiatives`: the decision recognising the initiatives the council passed, with their authors. */
import type { ServiceContext } from '../context.js';
import { ValidationError } from '../domain/errors.js';
import { docSymbol } from '../domain/documents.js';
import { initiativeDecisionModel, initiativeDecisionTitle, type FollowedPaper, type InitiativeDecisionData } from '../reports/docs/decision.js';
import { parseNumberAndDate } from '../domain/citations.js';
import { formatVnDate } from '../domain/dates.js';
import { ruleAt } from '../db/repos/reference.js';
import { insertRecognition, listRecognitionViews } from '../db/repos/recognitions.js';
import { identityAt, issueDocument, transactDraft } from './documents.js';
import { legalBasisAt, schoolBasisAt } from './decision-basis.js';
import { type Recognised, planInitiatives } from './recognise.js';
import { INITIATIVE_AWARD, toRecognition, yearOrThrow, decisionDate, signerOf } from './recognitions.js';

/**
 * The initiative council's minutes as typed (`--minutes "05/BB-HĐSK ngày 01/12/2025"`, repeatable): each
 * a number and a date, none after the decision, and one for every day the council decided (exit 3).
 */
function minutesOrThrow(raws: readonly string[], decidedOn: readonly string[], date: string): FollowedPaper[] {
  if (raws.length === 0) throw new ValidationError('invalid.required', { field: 'minutes' });
  const papers: FollowedPaper[] = [];
  for (const raw of raws) {
    const p = parseNumberAndDate(raw);
    if (!p) throw new ValidationError('recognise.badMinutes', { value: raw.trim() });
    if (p.date > date) throw new ValidationError('recognise.minutesAfter', { value: raw.trim(), date: formatVnDate(date) });
    papers.push({ kind: 'initiative-minutes', ...p });
  }
  const uncovered = [...new Set(decidedOn)].filter((d) => !papers.some((p) => p.date === d)).sort();
  if (uncovered.length > 0) throw new ValidationError('recognise.minutesMissing', { dates: uncovered.map(formatVnDate).join(', ') });
  return papers.sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
}

/** The initiative council's recognitions of a year that have no decision yet: one decision, a recognition per author. */
export async function recogniseInitiatives(ctx: ServiceContext, input: { year?: string | number; date?: string; signer?: string; minutes?: string[]; draft?: boolean }): Promise<Recognised> {
  const year = yearOrThrow(input.year);
  const date = decisionDate(ctx, input.date);
  return transactDraft(ctx, input.draft, async (trx, audit) => {
    const initiatives = await planInitiatives(trx, year, date);
    const minutes = minutesOrThrow(input.minutes ?? [], initiatives.map((w) => w.decidedOn), date);
    const school = await schoolBasisAt(trx, date);
    const identity = await identityAt(trx, date);
    const signer = await signerOf(trx, identity, input.signer);
    const legal = await legalBasisAt(trx, date, ['basis.law', 'basis.initiative']);
    const base = await ruleAt(trx, 'base_salary', date);
    const data: InitiativeDecisionData = {
      year, date, initiatives, signer, office: school.office, recipients: school.recipients,
      basis: { legal, competence: school.competence, regulation: school.regulation, plan: null, follows: minutes },
    };
    const decision = await issueDocument(trx, audit, ctx.clock.now(), {
      kind: 'QĐ',
      date,
      type: 'initiative-decision',
      title: initiativeDecisionTitle(year),
      ref: `recognise:${year}:${INITIATIVE_AWARD}`,
      build: (id, number) => initiativeDecisionModel(data, id, number, docSymbol(id.style, number.number, 'QĐ', id.symbol)),
    });
    const ids: number[] = [];
    for (const w of initiatives) {
      for (const a of w.authors) {
        ids.push(await insertRecognition(trx, {
          year, subject_code: a.code, award: INITIATIVE_AWARD, nomination_id: null, initiative_code: w.code, decision_id: decision.id, decided_on: date,
          base_salary: Number(base?.value ?? 0), coefficient: '0', bonus: 0, rounding: 'none:1', share: a.share, succession: 0, status: 'active',
          revoked_on: null, revoked_reason: null, created_at: ctx.clock.now(),
        }));
      }
    }
    const recognitions = (await listRecognitionViews(trx, { decisionId: decision.id })).map(toRecognition);
    for (const r of recognitions) await audit({ entity: 'recognition', entityId: String(r.id), action: 'create', after: r });
    return { decision, recognitions };
  });
}
