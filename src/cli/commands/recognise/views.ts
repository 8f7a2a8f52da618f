/** How recognitions look: the `recognise --json` shape of CLI.md, and the list. */
import type { Context } from '../../../context.js';
import type { Recognised, Recognition } from '../../../services/recognitions.js';
import { formatMoney } from '../../../domain/money.js';
import { formatVnDate } from '../../../domain/dates.js';
import { emitList } from '../../output.js';

export function recognitionJson(r: Recognition) {
  return {
    id: r.id, subject: r.subject, name: r.name, award: r.award, year: r.year, initiative: r.initiative, share: r.share,
    decision: r.decision, decidedOn: r.decidedOn, bonus: r.bonus, bonusInWords: r.bonusInWords, baseSalary: r.baseSalary,
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

export async function emitRecognitions(ctx: Context, rows: Recognition[], json: unknown = rows.map(recognitionJson)): Promise<void> {
  await emitList(
    ctx,
    rows,
    [
      { header: 'col.id', value: (r) => r.id },
      { header: 'col.code', value: (r) => r.subject },
      { header: 'col.name', value: (r) => r.name },
      { header: 'col.award', value: (r) => (r.initiative ? `${r.award} ${r.initiative} (${r.share}%)` : r.award) },
      { header: 'recognise.col.decision', value: (r) => `${r.decision} (${formatVnDate(r.decidedOn)})` },
      { header: 'recognise.col.bonus', value: (r) => formatMoney(r.bonus) },
      { header: 'col.reg.status', value: (r) => (r.status === 'revoked' ? ctx.t('recognise.revokedOn', { date: r.revokedOn ?? '', reason: r.revokedReason ?? '' }) : ctx.t('recognise.active')) },
    ],
    json,
  );
}
