/**
 * What a decision of the principal rests on, from data (DOMAIN.md "Citations and basis lines"): the
 * Law and its implementing decree in force on the decision's date (dated rules `basis.law`,
 * `basis.decree`, `basis.initiative`), the sources of the money rules it applies, and the school's own
 * basis documents and office from the profile in force that day. A decision is issued only when the
 * school's documents are there: the refusal says which, and the command that records them.
 */
import type { Citation } from '../domain/citations.js';
import { WorkflowError } from '../domain/errors.js';
import { formatVnDate } from '../domain/dates.js';
import type { Office, Source } from '../reports/docs/decision.js';
import { ruleAt, type RuleRow } from '../db/repos/reference.js';
import { sourcesByIds } from '../db/repos/legal.js';
import { getUnit } from '../db/repos/subjects.js';
import type { Tx } from './database.js';
import { profileWithBasisAt } from './org.js';
import type { OrgProfile } from '../domain/org.js';

/** A rule's source: the stored citation, or the free text a clerk typed before citations were stored whole. */
export async function sourceOf(trx: Tx, row: RuleRow): Promise<Source> {
  if (row.source_id === null) return row.source;
  return (await sourcesByIds(trx, [row.source_id])).get(row.source_id) ?? row.source;
}

/** The source of the rule `key` in force on `date`; null when no such rule is in force. */
export async function ruleSourceAt(trx: Tx, key: string, date: string): Promise<Source | null> {
  const row = await ruleAt(trx, key, date);
  return row ? sourceOf(trx, row) : null;
}

export interface SchoolBasis {
  competence: Citation;
  regulation: Citation;
  plan: Citation | null;
  office: Office;
  recipients: string[];
}

/**
 * The school's basis documents and office in force on `date`. Missing ones refuse the decision
 * (exit 5) naming each, with the command that records them from the day of the profile in force.
 */
export async function schoolBasisAt(trx: Tx, date: string, opts: { plan?: boolean } = {}): Promise<SchoolBasis> {
  const p = await profileWithBasisAt(trx, date);
  const office = await officeOf(trx, p);
  const missing = [
    ...(p.competence ? [] : ['--competence "Quyết định số … ngày … của … về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy …"']),
    ...(p.regulation ? [] : ['--regulation "Quyết định số … ngày … của … ban hành Quy chế thi đua, khen thưởng …"']),
    ...(opts.plan && !p.plan ? ['--plan "Kế hoạch số … ngày … của … về phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến …"'] : []),
    ...(office ? [] : ['--office <mã đơn vị>']),
  ];
  if (missing.length > 0 || !p.competence || !p.regulation || !office) {
    // A new profile from the decision's day carries the identity over and adds what is missing.
    throw new WorkflowError('decision.noBasis', { date: formatVnDate(date), command: `thidua org set --from ${date} ${missing.join(' ')}` });
  }
  return { competence: p.competence, regulation: p.regulation, plan: p.plan, office, recipients: p.recipients };
}

/** The profile's office in charge of emulation work, as documents name it; null when none is recorded. */
async function officeOf(trx: Tx, p: OrgProfile): Promise<Office | null> {
  const unit = p.office ? await getUnit(trx, p.office) : undefined;
  return unit ? { name: unit.name, abbr: p.officeAbbr } : null;
}

/** The office on `date` (a report's "Lưu: VT, …"); null when the profile names none ("Lưu: VT."). */
export async function officeAt(trx: Tx, date: string): Promise<Office | null> {
  return officeOf(trx, await profileWithBasisAt(trx, date));
}

/** The basis rules (`basis.law`, …) in force on `date`, in the order given; those not in force are left out. */
export async function legalBasisAt(trx: Tx, date: string, keys: readonly string[]): Promise<Source[]> {
  const out: Source[] = [];
  for (const key of keys) {
    const s = await ruleSourceAt(trx, key, date);
    if (s !== null) out.push(s);
  }
  return out;
}
