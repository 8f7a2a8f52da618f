import type { ServiceContext } from '../context.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';
import { parseRequiredDate } from '../domain/fields.js';
import { citationRecord, parseCitation, type Citation } from '../domain/citations.js';
import { knownRulePatterns, normaliseRuleKey, parseRuleValue, ruleDef } from '../domain/rules.js';
import { coefficientKey, normaliseTitleCode } from '../domain/titles.js';
import { insertRule, listCriteria, listRatingLevels, listRules as listRuleRows, listTitles, ruleAt, ruleFrom } from '../db/repos/reference.js';
import { saveSource, sourcesByIds } from '../db/repos/legal.js';
import { transact, type Tx } from './database.js';

export interface Rule {
  key: string;
  value: string;
  validFrom: string;
  /** The source in words (the whole citation; a free text entered before citations were stored whole). */
  source: string;
  /** The source's parts (kind, number, date, issuer, subject); null for a free-text source. */
  citation: Citation | null;
  /** In force on the date asked about. */
  inForce: boolean;
  /** Message key saying what the rule is, and the title it concerns. */
  about: string;
  title: string | null;
}

type TitleKinds = ReadonlyMap<string, 'person' | 'unit' | 'both'>;

function describe(key: string, titles: TitleKinds): { about: string; title: string | null } {
  const def = ruleDef(key, [...titles.keys()]);
  let about = def?.about ?? 'rule.unknown';
  // A title only for units (TTLDTT) keeps the units' figure under `coefficient.TTLDTT`.
  if (about === 'rule.coefficient' && def?.title && titles.get(def.title) === 'unit') about = 'rule.coefficient.unit';
  return { about, title: def?.title ?? null };
}

async function titleKinds(trx: Parameters<typeof listTitles>[0]): Promise<TitleKinds> {
  return new Map((await listTitles(trx)).map((t) => [t.code, t.subject_kind]));
}

/** Rules in force on `at` (default today), or the whole dated history with `all`. */
export async function listRules(ctx: ServiceContext, opts: { all?: boolean; at?: string; key?: string } = {}): Promise<Rule[]> {
  const at = opts.at ?? ctx.clock.today();
  return transact(ctx, async (trx) => {
    const kinds = await titleKinds(trx);
    const titles = [...kinds.keys()];
    const key = opts.key ? normaliseRuleKey(opts.key, titles) : undefined;
    const rows = (await listRuleRows(trx)).filter((r) => !key || r.key === key);
    const current = new Map<string, string>();
    for (const r of rows) if (r.valid_from <= at) current.set(r.key, r.valid_from);
    const sources = await sourcesByIds(trx, rows.map((r) => r.source_id));
    return rows
      .map((r) => {
        const citation = (r.source_id !== null && sources.get(r.source_id)) || null;
        return {
          key: r.key, value: r.value, validFrom: r.valid_from, source: citation ? citationRecord(citation) : r.source, citation,
          inForce: current.get(r.key) === r.valid_from, ...describe(r.key, kinds),
        };
      })
      .filter((r) => opts.all || r.inForce);
  });
}

/** The initiative pass mark can never be above the maximum score in force on the same day. */
async function checkPassMark(trx: Tx, key: string, value: number, from: string): Promise<void> {
  if (key !== 'review.pass_mark' && key !== 'review.score_max') return;
  const other = await ruleAt(trx, key === 'review.pass_mark' ? 'review.score_max' : 'review.pass_mark', from);
  if (!other) return;
  const [pass, max] = key === 'review.pass_mark' ? [value, Number(other.value)] : [Number(other.value), value];
  if (pass > max) throw new ValidationError('rule.passMarkAboveMax', { pass, max, date: from });
}

/** A new dated value; earlier values stay, so documents of earlier dates keep theirs. */
export async function setRule(ctx: ServiceContext, rawKey: string, rawValue: string, rawFrom: string | undefined, rawSource: string | undefined): Promise<Rule> {
  return transact(ctx, async (trx, audit) => {
    const kinds = await titleKinds(trx);
    const titles = [...kinds.keys()];
    const key = normaliseRuleKey(rawKey, titles);
    const def = ruleDef(key, titles);
    if (!def) throw new ValidationError('rule.unknownKey', { key: rawKey, known: knownRulePatterns().join(', ') });
    // Only a title for people and units alike has a separate units' figure; any other would never be read.
    if (def.title && key === `coefficient.${def.title}.unit` && kinds.get(def.title) !== 'both') {
      throw new ValidationError('rule.singleCoefficient', { key, title: def.title, right: `coefficient.${def.title}` });
    }
    const problems = [];
    const value = parseRuleValue(key, def, rawValue);
    if (!value.ok) problems.push(value.problem);
    const from = parseRequiredDate('from', rawFrom);
    if (!from.ok) problems.push(from.problem);
    // Every rule rests on a document, cited whole (kind, number, date, issuer, subject).
    const source = parseCitation('source', rawSource);
    if (!source.ok) problems.push(source.problem);
    // A basis rule's value is the number of the document it cites.
    if (def.kind === 'citation' && value.ok && source.ok && (source.value.number ?? '') !== value.value) {
      problems.push({ key: 'rule.citationNumber', params: { key, value: value.value, number: source.value.number ?? '–' } });
    }
    if (!value.ok || !from.ok || !source.ok || problems.length > 0) throw new ValidationError('rule.invalid', { key }, problems);
    const existing = await ruleFrom(trx, key, from.value);
    if (existing) throw new WorkflowError('rule.sameDate', { key, date: from.value, value: existing.value });
    await checkPassMark(trx, key, Number(value.value), from.value);
    const before = await ruleAt(trx, key, from.value);
    const sourceId = await saveSource(trx, source.value, ctx.clock.now());
    const text = citationRecord(source.value);
    const row = await insertRule(trx, { key, value: value.value, valid_from: from.value, source: text, source_id: sourceId, created_at: ctx.clock.now() });
    const rule: Rule = {
      key, value: row.value, validFrom: row.valid_from, source: row.source, citation: source.value,
      inForce: row.valid_from <= ctx.clock.today(), ...describe(key, kinds),
    };
    await audit({ entity: 'rule', entityId: `${key}@${row.valid_from}`, action: 'create', before: before ?? null, after: rule });
    return rule;
  });
}

export interface TitleInfo {
  code: string;
  name: string;
  subjectKind: 'person' | 'unit' | 'both';
  coefficient: string | null;
  coefficientUnit: string | null;
}

export async function listTitleCatalogue(ctx: ServiceContext): Promise<TitleInfo[]> {
  const at = ctx.clock.today();
  return transact(ctx, async (trx) => {
    const out: TitleInfo[] = [];
    for (const t of await listTitles(trx)) {
      const coefficient = async (subject: 'person' | 'unit') =>
        t.subject_kind === 'both' || t.subject_kind === subject
          ? ((await ruleAt(trx, coefficientKey(t.code, t.subject_kind, subject), at))?.value ?? null)
          : null;
      out.push({
        code: t.code,
        name: t.name,
        subjectKind: t.subject_kind,
        coefficient: await coefficient('person'),
        coefficientUnit: await coefficient('unit'),
      });
    }
    return out;
  });
}

export interface CriterionInfo {
  award: string;
  code: string;
  appliesTo: string;
  source: string;
  text: string;
  textEn: string;
  basis: string;
}

export async function listCriteriaCatalogue(ctx: ServiceContext, award?: string): Promise<CriterionInfo[]> {
  const code = award ? normaliseTitleCode(award) : undefined;
  return transact(ctx, async (trx) => {
    const titles = (await listTitles(trx)).map((t) => t.code);
    if (code && !titles.includes(code)) throw new ValidationError('title.unknown', { code: award ?? '', known: titles.join(', ') });
    return (await listCriteria(trx))
      .filter((c) => !code || c.title_code === code)
      .map((c) => ({ award: c.title_code, code: c.code, appliesTo: c.applies_to, source: c.source, text: c.text, textEn: c.text_en, basis: c.basis }));
  });
}

export async function listRatingScale(ctx: ServiceContext): Promise<{ code: string; name: string; rank: number }[]> {
  return transact(ctx, (trx) => listRatingLevels(trx));
}
