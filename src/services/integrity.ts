/**
 * The records against their audit trail (`db check`). Every change a command makes is audited with
 * the record as it became; replaying the trail (each record's audited states, in order, the later
 * over the earlier) must give each row as it is now. A bonus, a rule's value, a closed ballot's
 * counts or a decision's frozen model changed in the file by any other means differs from the trail
 * and is named here; so is an audited record that is gone, and a row no command ever wrote.
 * Council scores are compared but never shown.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { allRows, auditTrail, type Row } from '../db/repos/integrity.js';
import { docSymbol, type DocKind } from '../domain/documents.js';
import type { HeaderStyle } from '../domain/org.js';

export interface RecordProblem {
  key: 'records.differs' | 'records.missing' | 'records.unaudited';
  params: Record<string, string>;
}

/** How one kind of audited record is found in its table and seen as the audit saw it. */
interface Spec {
  entity: string;
  table: keyof DB;
  /** The record a row is, named as the audit names it. */
  id(row: Row): string;
  /** The audited record an audit row speaks of (the progress of an initiative is per month). */
  auditedId?(entityId: string, after: Row): string;
  /** The row's own fields, named and written as the audit writes them. */
  view(row: Row, context: Context): Row;
  /** Every row must come from an audited command (else rows seeded by migrations are allowed). */
  everyRow: boolean;
  /** Values never shown (council scores before the review shows them). */
  secret?: boolean;
}

interface Context {
  /** The latest round's results of each ballot. */
  results: Map<number, Row[]>;
}

const bool = (v: unknown) => v === 1 || v === true;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const sha256 = (text: unknown) => createHash('sha256').update(String(text), 'utf8').digest('hex');

const SPECS: Spec[] = [
  {
    entity: 'person', table: 'people', everyRow: true, id: (r) => String(r.code),
    view: (r) => ({ name: r.name, unit: r.unit_code, category: r.category, position: r.position, partyMember: bool(r.party_member), gender: r.gender, born: r.born, active: bool(r.active) }),
  },
  {
    entity: 'unit', table: 'units', everyRow: true, id: (r) => String(r.code),
    view: (r) => ({ name: r.name, kind: r.kind, active: bool(r.active), retiredOn: r.retired_on }),
  },
  {
    entity: 'rule', table: 'rules', everyRow: false, id: (r) => `${r.key}@${r.valid_from}`,
    view: (r) => ({ key: r.key, value: r.value, validFrom: r.valid_from, source: r.source }),
  },
  {
    entity: 'org', table: 'org_profiles', everyRow: true, id: (r) => String(r.valid_from),
    view: (r) => ({ name: r.name, fullName: r.full_name, parentBody: r.parent_body, symbol: r.symbol, place: r.place, headTitle: r.head_title, headName: r.head_name, style: r.style }),
  },
  {
    entity: 'recognition', table: 'recognitions', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({
      year: r.year, subject: r.subject_code, award: r.award, initiative: r.initiative_code, share: num(r.share), decisionId: r.decision_id, decidedOn: r.decided_on,
      baseSalary: num(r.base_salary), coefficient: r.coefficient === null ? null : String(r.coefficient), bonus: num(r.bonus), succession: bool(r.succession),
      status: r.status, revokedOn: r.revoked_on, revokedReason: r.revoked_reason,
    }),
  },
  {
    entity: 'ballot', table: 'ballots', everyRow: true, id: (r) => String(r.id),
    view: (r, c) => ({
      year: r.year, award: r.award, heldOn: r.held_on, status: r.status, membersTotal: r.members_total, present: r.present,
      results: (c.results.get(Number(r.id)) ?? []).map((x) => ({ nomination: x.nomination_id, agree: x.agree, disagree: x.disagree, blank: x.blank, passed: bool(x.passed) })),
    }),
  },
  {
    entity: 'document', table: 'documents', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({ number: printedNumber(r), kind: r.kind, date: r.date, type: r.type, title: r.title, ref: r.ref, sha256: sha256(r.payload) }),
  },
  {
    entity: 'nomination', table: 'nominations', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({
      year: r.year, subject: r.subject_code, award: r.award, by: r.by_unit, category: r.category, summary: r.summary, status: r.status,
      statusOn: r.status_on, statusReason: r.status_reason, createdOn: r.created_on,
    }),
  },
  {
    entity: 'registration', table: 'registrations', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({ year: r.year, subject: r.subject_code, award: r.award, status: r.status, registeredOn: r.registered_on, note: r.note, withdrawnOn: r.withdrawn_on, withdrawnReason: r.withdrawn_reason }),
  },
  {
    entity: 'rating', table: 'ratings', everyRow: true, id: (r) => `${r.person_code}@${r.period}`,
    view: (r) => ({ person: r.person_code, period: r.period, rating: r.rating, ratedOn: r.rated_on }),
  },
  {
    entity: 'progress', table: 'progress_reports', everyRow: true, id: (r) => `${r.initiative_code}@${r.month}`,
    auditedId: (entityId, after) => `${entityId}@${String(after.month)}`,
    view: (r) => ({ code: r.initiative_code, month: r.month, percent: num(r.percent), note: r.note, reportedOn: r.reported_on }),
  },
  {
    entity: 'initiative', table: 'initiatives', everyRow: true, id: (r) => String(r.code),
    view: (r) => ({ kind: r.kind, year: r.year, title: r.title, unit: r.unit_code, field: r.field, status: r.status, registeredOn: r.registered_on, statusOn: r.status_on, statusReason: r.status_reason }),
  },
  {
    entity: 'initiative_decision', table: 'initiative_decisions', everyRow: true, id: (r) => String(r.initiative_code),
    view: (r) => ({ decision: r.decision, date: r.decided_on, reason: r.reason, average: num(r.average) }),
  },
  {
    entity: 'initiative_score', table: 'initiative_scores', everyRow: true, secret: true, id: (r) => `${r.initiative_code}/${r.member_code}`,
    view: (r) => ({ novelty: num(r.novelty), applicability: num(r.applicability), benefit: num(r.benefit), scoredOn: r.scored_on }),
  },
  {
    entity: 'achievement', table: 'achievements', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({ subject: r.subject_code, date: r.date, kind: r.kind, text: r.text, movement: r.movement_code }),
  },
  {
    entity: 'spread', table: 'spread_records', everyRow: true, id: (r) => String(r.id),
    view: (r) => ({ subject: r.subject_code, channel: r.channel, date: r.date, note: r.note }),
  },
  {
    entity: 'movement', table: 'movements', everyRow: true, id: (r) => String(r.code),
    view: (r) => ({ name: r.name, by: r.launched_by, from: r.from_date, to: r.to_date }),
  },
];

/** A document's number as printed (`05/BC-TCT`), as its audit row keeps it. */
function printedNumber(r: Row): string | null {
  try {
    const identity = (JSON.parse(String(r.payload)) as { identity: { style: HeaderStyle; symbol: string } }).identity;
    return docSymbol(identity.style, Number(r.number), r.kind as DocKind, identity.symbol);
  } catch {
    return null;
  }
}

function shown(v: unknown): string {
  const text = v === undefined ? '—' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Every audited row that differs from the last state its audit trail gives, every audited record
 * that is gone, and every row no audited command wrote. `seeded` are the rows a migration writes
 * (the reference rules of a fresh database), which no command audits.
 */
export async function recordProblems(db: Kysely<DB>, seeded: { rules: Row[] }): Promise<RecordProblem[]> {
  const trail = await auditTrail(db, SPECS.map((s) => s.entity));
  const states = new Map<string, Map<string, Row>>();
  for (const a of trail) {
    if (a.entity_id === null || a.after === null) continue;
    let after: unknown;
    try {
      after = JSON.parse(a.after);
    } catch {
      continue;
    }
    if (after === null || typeof after !== 'object' || Array.isArray(after)) continue;
    const spec = SPECS.find((s) => s.entity === a.entity)!;
    const id = spec.auditedId ? spec.auditedId(a.entity_id, after as Row) : a.entity_id;
    const byId = states.get(a.entity) ?? new Map<string, Row>();
    states.set(a.entity, byId);
    byId.set(id, { ...(byId.get(id) ?? {}), ...(after as Row) });
  }
  const results = new Map<number, Row[]>();
  const latest = new Map<number, number>();
  const allResults = await allRows(db, 'ballot_results');
  for (const r of allResults) latest.set(Number(r.ballot_id), Math.max(latest.get(Number(r.ballot_id)) ?? 0, Number(r.round)));
  for (const r of allResults.sort((a, b) => Number(a.nomination_id) - Number(b.nomination_id))) {
    if (Number(r.round) !== latest.get(Number(r.ballot_id))) continue;
    results.set(Number(r.ballot_id), [...(results.get(Number(r.ballot_id)) ?? []), r]);
  }
  const context: Context = { results };
  // A rule no command wrote is one a migration seeded: the fresh database's copy is its record.
  const seededRules = new Map(seeded.rules.map((r) => [`${r.key}@${r.valid_from}`, SPECS.find((s) => s.entity === 'rule')!.view(r, context)]));
  const problems: RecordProblem[] = [];
  for (const spec of SPECS) {
    const audited = states.get(spec.entity) ?? new Map<string, Row>();
    const seen = new Set<string>();
    for (const row of await allRows(db, spec.table)) {
      const id = spec.id(row);
      seen.add(id);
      const state = audited.get(id) ?? (spec.entity === 'rule' ? seededRules.get(id) : undefined);
      if (!state) {
        problems.push({ key: 'records.unaudited', params: { entity: spec.entity, id } });
        continue;
      }
      for (const [field, logged, stored] of differences(spec.view(row, context), state)) {
        // A model's hash and a council member's scores are named, never shown.
        const hidden = spec.secret || field === 'sha256';
        problems.push({
          key: 'records.differs',
          params: { entity: spec.entity, id, field: field === 'sha256' ? 'model' : field, logged: hidden ? '…' : shown(logged), stored: hidden ? '…' : shown(stored) },
        });
      }
    }
    for (const id of audited.keys()) if (!seen.has(id)) problems.push({ key: 'records.missing', params: { entity: spec.entity, id } });
  }
  return problems;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of a row's view that differ from the audited state: [field, logged, stored]. */
function differences(view: Row, state: Row): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  for (const [field, stored] of Object.entries(view)) {
    if (!(field in state)) continue;
    if (field !== 'results') {
      if (!same(state[field], stored)) out.push([field, state[field], stored]);
      continue;
    }
    // A ballot's counts, nominee by nominee.
    const logged = new Map(((state.results as Row[] | undefined) ?? []).map((x) => [String(x.nomination), x]));
    const now = new Map((stored as Row[]).map((x) => [String(x.nomination), x]));
    for (const n of new Set([...logged.keys(), ...now.keys()])) {
      for (const k of ['agree', 'disagree', 'blank', 'passed']) {
        if (!same(logged.get(n)?.[k], now.get(n)?.[k])) out.push([`nomination ${n} ${k}`, logged.get(n)?.[k], now.get(n)?.[k]]);
      }
    }
  }
  return out;
}
