/** How recognitions look: the `recognise --json` shape of CLI.md, and the list. */
import type { Context } from '../../../context.js';
import type { Recognition } from '../../../services/recognitions.js';
import type { Recognised } from '../../../services/recognise.js';
import { formatMoney } from '../../../domain/money.js';
import { formatVnDate } from '../../../domain/dates.js';
import { emitList } from '../../output.js';

export function recognitionJson(r: Recognition) {
  return {
    id: r.id, subject: r.subject, name: r.name, award: r.award, year: r.year, initiative: r.initiative, share: r.share,
    decision: r.decision, decidedOn: r.decidedOn, issuer: r.issuer, recorded: r.decisionId === null, bonus: r.bonus, bonusInWords: r.bonusInWords, baseSalary: r.baseSalary,
    coefficient: Number(r.coefficient.replace(',', '.')), succession: r.succession, status: r.status,
  };
}

export function recognisedJson(r: Recognised, files: string[] = []) {
  return {
    decision: { id: r.decision.id, number: r.decision.number, symbol: r.decision.symbol, date: r.decision.date },
    recognitions: r.recognitions.map(recognitionJson),
    files,
  };
}

/** The decision as a list shows it: "01/QĐ-TCT (20/12/2025)", a recorded one with who took it. */
export function decisionText(r: Recognition, date: (iso: string) => string = formatVnDate): string {
  return r.issuer ? `${r.decision}, ${r.issuer} (${date(r.decidedOn)})` : `${r.decision} (${date(r.decidedOn)})`;
}

/** The bonus as a list shows it; a recorded decision pays none from the school, and says so. */
export function bonusText(ctx: Pick<Context, 't'>, r: Recognition): string {
  return r.decisionId === null ? ctx.t('record.noBonus') : formatMoney(r.bonus);
}

export async function emitRecognitions(ctx: Context, rows: Recognition[], json: unknown = rows.map(recognitionJson)): Promise<void> {
  await emitList(
    ctx,
    rows,
    [
      { header: 'col.id', value: (r) => r.id },
      { header: 'col.code', value: (r) => r.subject },
      { header: 'col.name', value: (r) => r.name },
      { header: 'col.award', value: (r) => (r.initiative ? `${r.award} ${r.initiative} (${r.share}%)` : r.award) },
      { header: 'recognise.col.decision', value: (r) => decisionText(r) },
      { header: 'recognise.col.bonus', value: (r) => bonusText(ctx, r) },
      { header: 'col.reg.status', value: (r) => (r.status === 'revoked' ? ctx.t('recognise.revokedOn', { date: r.revokedOn ?? '', reason: r.revokedReason ?? '' }) : ctx.t('recognise.active')) },
    ],
    json,
  );
}
