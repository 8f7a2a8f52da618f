/**
 * Bonus money (DOMAIN.md "Money"): coefficient × base salary in force on the decision's date, rounded
 * by the rounding rule, in integer đồng; written in figures (1.800.000 đồng) and in words.
 */
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

export type Rounding = 'up' | 'nearest' | 'down' | 'none';

/** A coefficient as an exact fraction: "0.3" → 3/10, "1,5" → 15/10, "2" → 2/1. Null when not a number. */
export function coefficientFraction(raw: string): { num: bigint; den: bigint } | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,6}))?\s*$/.exec(raw);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) };
}

function divRound(n: bigint, d: bigint, mode: Exclude<Rounding, 'none'>): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  return r * 2n >= d ? q + 1n : q;
}

/**
 * The bonus in đồng. The product is exact (a fraction of integers); rounding goes to a multiple of
 * `unit` (10.000 by default); `none` keeps whole đồng (half up).
 */
export function computeBonus(coefficient: string, baseSalary: number, rounding: Rounding, unit: number): number {
  const c = coefficientFraction(coefficient);
  if (!c) throw new Error(`coefficient "${coefficient}" is not a number`);
  const product = c.num * BigInt(baseSalary);
  if (rounding === 'none' || unit <= 1) return Number(divRound(product, c.den, 'nearest'));
  return Number(divRound(product, c.den * BigInt(unit), rounding) * BigInt(unit));
}

/** 1800000 → "1.800.000". */
export function formatMoney(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1800000 → "Một triệu tám trăm nghìn đồng". */
export function amountInWords(n: number): string {
  const config = new ReadingConfig();
  config.unit = ['đồng'];
  const words = doReadNumber(String(Math.trunc(n)), config);
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}

export function isRounding(s: string): s is Rounding {
  return s === 'up' || s === 'nearest' || s === 'down' || s === 'none';
}
