/**
 * Who decides a title on a date (DOMAIN.md "Who decides, and what the school sends up"): the dated rule
 * `authority.<TITLE>` (seeded by migration 0014 with its source; a clerk changes it with `rules set`).
 * The school decides what its head may decide (the principal's decision); the rest is decided above the
 * school (`province.decider`), on the school's proposal (the Tờ trình, addressed to `province.addressee`).
 */
import { WorkflowError } from '../domain/errors.js';
import { authorityKey, isAuthority, splitAddressees, type Authority } from '../domain/titles.js';
import { ruleAt } from '../db/repos/reference.js';
import type { TitleRow } from '../db/repos/reference.js';
import type { Tx } from './database.js';
import { identityAt } from './documents.js';

export interface TitleAuthority {
  award: string;
  awardName: string;
  level: Authority;
  /** Who decides, as documents name them: "Hiệu trưởng", "Chủ tịch Ủy ban nhân dân tỉnh". */
  decider: string;
  /** The rule's source (the article of the Law, the school's plan). */
  source: string;
  validFrom: string;
}

/** The authority over a title on `date`; exit 5 when no rule says (the clerk adds one). */
export async function authorityOf(trx: Tx, title: Pick<TitleRow, 'code' | 'name'>, date: string): Promise<TitleAuthority> {
  const rule = await ruleAt(trx, authorityKey(title.code), date);
  if (!rule || !isAuthority(rule.value)) throw new WorkflowError('authority.none', { award: title.code, name: title.name, date });
  const decider = rule.value === 'school' ? (await identityAt(trx, date)).headTitle : await provinceDecider(trx, date);
  return { award: title.code, awardName: title.name, level: rule.value, decider, source: rule.source, validFrom: rule.valid_from };
}

/** Whether the title is decided above the school on `date` (false when no rule says: nothing to propose). */
export async function decidedAbove(trx: Tx, award: string, date: string): Promise<boolean> {
  return (await ruleAt(trx, authorityKey(award), date))?.value === 'province';
}

/** Who decides above the school on `date` ("Chủ tịch Ủy ban nhân dân tỉnh"). */
export async function provinceDecider(trx: Tx, date: string): Promise<string> {
  const rule = await ruleAt(trx, 'province.decider', date);
  if (!rule) throw new WorkflowError('authority.noRule', { rule: 'province.decider', date });
  return rule.value;
}

/** Whom the proposal to the province is addressed to on `date`, one a line ("Kính gửi: …"). */
export async function provinceAddressees(trx: Tx, date: string): Promise<string[]> {
  const rule = await ruleAt(trx, 'province.addressee', date);
  const list = rule ? splitAddressees(rule.value) : [];
  if (list.length === 0) throw new WorkflowError('authority.noRule', { rule: 'province.addressee', date });
  return list;
}
