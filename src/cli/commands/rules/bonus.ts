import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { formatMoney } from '../../../domain/money.js';
import { need } from '../../prompter.js';
import { emitRecord } from '../../output.js';
import { decimalText } from '../../views.js';

interface Options {
  award?: string;
  date?: string;
  unit?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('bonus')
    .option('--award <code>', kit.t('opt.rules.bonusAward'))
    .option('--date <date>', kit.t('opt.rules.bonusDate'))
    .option('--unit', kit.t('opt.rules.bonusUnit'));
  kit.describe(cmd, 'rules.bonus').action(
    kit.action<Options>(async (ctx, opts) => {
      const award = await need(ctx, opts.award, '--award', 'prompt.recognise.award');
      const { previewBonus } = await import('../../../services/recognitions.js');
      const b = await previewBonus(ctx, { award, date: opts.date, unit: opts.unit });
      const coefficient = Number(b.coefficient.replace(',', '.'));
      const json = { award: b.award, date: b.date, subject: b.subjectKind, baseSalary: b.baseSalary, coefficient, bonus: b.bonus, bonusInWords: b.bonusInWords, rounding: b.rounding, roundingUnit: b.roundingUnit, paidBy: b.paidAbove ? 'above' : 'school' };
      await emitRecord(ctx, json, [
        ['rules.bonus.award', b.award],
        ['rules.bonus.date', b.date.split('-').reverse().join('/')],
        ['rules.bonus.baseSalary', `${formatMoney(b.baseSalary)} đồng (${b.sources.baseSalary})`],
        ['rules.bonus.coefficient', coefficient > 0 ? `${decimalText(ctx, coefficient)} (${b.sources.coefficient})` : ctx.t('rules.bonus.noMoney')],
        ['rules.bonus.rounding', ctx.t(`rules.bonus.rounding.${b.rounding}`, { unit: formatMoney(b.roundingUnit) })],
        ['rules.bonus.bonus', `${formatMoney(b.bonus)} đồng`],
        ['rules.bonus.words', b.bonusInWords],
        ['rules.bonus.paidBy', b.paidAbove ? ctx.t('rules.bonus.paidAbove', { decider: b.paidAbove }) : ctx.t('rules.bonus.paidBySchool')],
      ]);
    }),
  );
}
