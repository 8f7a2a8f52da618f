/** How units, people and rules look in tables and records: one place for each. */
import type { Context } from '../context.js';
import type { Column } from './output.js';
import type { Unit } from '../services/units.js';
import type { Person } from '../services/people.js';
import type { OrgProfile } from '../domain/org.js';
import { citationRecord } from '../domain/citations.js';
import { formatVnDate } from '../domain/dates.js';
import { formatMoney } from '../domain/money.js';

export function dateText(iso: string | null | undefined): string {
  return iso ? formatVnDate(iso) : '';
}

/**
 * Numbers as the user reads them, the way the reports and documents write them: a decimal with the
 * language's mark (0,3 in Vietnamese, 0.3 in English); an amount of đồng grouped by dots (2.530.000)
 * in both languages, as Vietnamese documents write money. JSON keeps plain numbers.
 */
export function decimalText(ctx: Context, n: number | string): string {
  const s = String(n);
  return ctx.lang === 'vi' ? s.replace('.', ',') : s;
}

/** A rule's value as stored (`0.3`, `2530000`, `2/3`, `present`) as the user reads it. */
export function ruleValueText(ctx: Context, value: string): string {
  // The integer rules are counts (days, points, characters) below a thousand, or amounts of đồng.
  if (/^\d{4,}$/.test(value)) return formatMoney(Number(value));
  if (/^\d+\.\d+$/.test(value)) return decimalText(ctx, value);
  return value;
}

/** A stored UTC instant as the office's clock shows it: YYYY-MM-DD HH:MM:SS. */
export function localTime(at: string): string {
  const t = new Date(at);
  if (Number.isNaN(t.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
}

export function unitColumns(ctx: Context): Column<Unit>[] {
  return [
    { header: 'col.code', value: (u) => u.code },
    { header: 'col.unitName', value: (u) => u.name },
    { header: 'col.unitKind', value: (u) => ctx.t(`unitKind.${u.kind}`) },
    { header: 'col.members', value: (u) => u.members },
    { header: 'col.active', value: (u) => (u.active ? ctx.t('common.yes') : ctx.t('unit.retiredOn', { date: dateText(u.retiredOn) })) },
  ];
}

export function personColumns(ctx: Context): Column<Person>[] {
  return [
    { header: 'col.code', value: (p) => p.code },
    { header: 'col.name', value: (p) => p.name },
    { header: 'col.unit', value: (p) => p.unitName },
    { header: 'col.category', value: (p) => ctx.t(`category.${p.category}`) },
    { header: 'col.position', value: (p) => p.position },
    { header: 'col.partyMember', value: (p) => p.partyMember },
    { header: 'col.active', value: (p) => p.active },
  ];
}

/** `person list --json`: exactly the fields CLI.md promises. */
export function personListJson(p: Person) {
  return { code: p.code, name: p.name, unit: p.unit, category: p.category, position: p.position, partyMember: p.partyMember, active: p.active };
}

export function personPairs(ctx: Context, p: Person): [string, string | number | boolean | null][] {
  return [
    ['col.code', p.code],
    ['col.name', p.name],
    ['col.unit', `${p.unitName} (${p.unit})`],
    ['col.category', ctx.t(`category.${p.category}`)],
    ['col.position', p.position],
    ['col.partyMember', p.partyMember],
    ['col.gender', p.gender ? ctx.t(`gender.${p.gender === 'nữ' ? 'female' : 'male'}`) : null],
    ['col.born', dateText(p.born)],
    ['col.active', p.active],
  ];
}

export function orgPairs(ctx: Context, p: OrgProfile): [string, string][] {
  return [
    ['col.validFrom', p.validFrom <= '1900-01-01' ? ctx.t('org.sinceStart') : dateText(p.validFrom)],
    ['org.name', p.name],
    ['org.fullName', p.fullName],
    ['org.parentBody', p.parentBody],
    ['org.symbol', p.symbol],
    ['org.place', p.place],
    ['org.headTitle', p.headTitle],
    ['org.headName', p.headName],
    ['org.style', ctx.t(`style.${p.style}`)],
    ['org.competence', p.competence ? citationRecord(p.competence) : ctx.t('org.notSet')],
    ['org.regulation', p.regulation ? citationRecord(p.regulation) : ctx.t('org.notSet')],
    ['org.plan', p.plan ? citationRecord(p.plan) : ctx.t('org.notSet')],
    ['org.office', p.office ? (p.officeAbbr ? `${p.office} (${p.officeAbbr})` : p.office) : ctx.t('org.notSet')],
    ['org.recipients', p.recipients.join('; ')],
  ];
}
