/**
 * Reads a school's year for the package (docs/export.md), inside one transaction: the school's identity
 * at the year's end and its identifier, the year's registrations, a summary of its ratings, the
 * initiatives recognised, the nominations the council passed, every recognition with its decision (the
 * school's, and those taken above it and recorded), the proposal to the province, the replication
 * records, and the registered documents about the year. People appear as the school's file holds them,
 * and in a recognition or proposal as the file stood when that decision or proposal was recorded (the
 * audit trail keeps every change of a person's record, in order).
 */
import type { DocModel } from '../../domain/documents.js';
import type {
  DocumentRecord, ExportData, InitiativeRecord, NominationRecord, PersonRecord, ProposalRecord, RatingRecord, RecognitionRecord, RegistrationRecord,
  SchoolIdentity, SpreadRecord, SubjectAt, UnitRecord,
} from '../../domain/exchange.js';
import { documentFileName, EXPORT_FORMAT } from '../../domain/exchange.js';
import { compareNames, compareText } from '../../domain/names.js';
import { DatabaseError } from '../../domain/errors.js';
import { listDocumentRows, type DocumentRow } from '../../db/repos/documents.js';
import {
  firstAuditIds, firstProfile, initiativesRecognisedIn, lastBallotResults, personAuditRows, ratingCounts, refYears,
} from '../../db/repos/exchange.js';
import { listNominationViews } from '../../db/repos/nominations.js';
import { authorsOf, listRecognitionViews } from '../../db/repos/recognitions.js';
import { listTitles } from '../../db/repos/reference.js';
import { listRegistrationViews } from '../../db/repos/registrations.js';
import { listSpreadViews } from '../../db/repos/spread.js';
import { listPeople, listUnits, type PersonWithUnit } from '../../db/repos/subjects.js';
import type { Tx } from '../database.js';
import { identityAt, toIssued } from '../documents.js';
import { provinceProposalIn } from '../province.js';
import { INITIATIVE_AWARD } from '../recognitions.js';
import { schoolIdOf, stableId } from './ids.js';

/** A document of the year to render into the package (its record is completed once rendered). */
export interface PendingDocument {
  /** The document's row in the register. */
  rowId: number;
  record: Omit<DocumentRecord, 'size' | 'sha256'>;
  model: DocModel;
}

export interface YearPackage {
  data: Omit<ExportData, 'documents'>;
  documents: PendingDocument[];
}

/** The school's identity on a day, with its identifier. */
export async function schoolAt(trx: Tx, date: string): Promise<SchoolIdentity> {
  const first = await firstProfile(trx);
  if (!first) throw new DatabaseError('org.missing');
  const i = await identityAt(trx, date);
  return { id: schoolIdOf(first), name: i.name, fullName: i.fullName, parentBody: i.parentBody, symbol: i.symbol, place: i.place, headTitle: i.headTitle, headName: i.headName };
}

/**
 * The year a registered document is about: a ballot's or recognition's year, the year its reference
 * names (`2025`, `2025-Q4`, `2025-11`, `recognise:2025:LDTT`, the last year of `2021-2025`), else the
 * year of its number. The proposal and reports of a year are issued early the next year.
 */
export function documentYear(d: DocumentRow, years: { ballots: Map<number, number>; recognitions: Map<number, number> }): number {
  const ref = d.ref ?? '';
  let m: RegExpExecArray | null;
  if ((m = /^ballot:(\d+)$/.exec(ref))) return years.ballots.get(Number(m[1])) ?? d.year;
  if ((m = /^cert:(\d+)$/.exec(ref))) return years.recognitions.get(Number(m[1])) ?? d.year;
  if ((m = /^cert:SK:[A-Z]+-(\d{4})-/.exec(ref))) return Number(m[1]);
  if ((m = /^recognise:(\d{4}):/.exec(ref))) return Number(m[1]);
  if ((m = /^\d{4}-(\d{4})$/.exec(ref))) return Number(m[1]);
  if ((m = /^(\d{4})(?:-Q[1-4]|-\d{2})?$/.exec(ref))) return Number(m[1]);
  return d.year;
}

interface PersonState {
  name: string;
  unit: string;
  category: 'leader' | 'staff';
  position: string | null;
  gender: 'nam' | 'nữ' | null;
  born: string | null;
}

/** People's records as the audit trail saw them before a moment (an audit row id), or as they are now. */
function personHistory(people: Map<string, PersonWithUnit>, rows: { id: number; entity_id: string | null; after: string | null }[]) {
  const trail = new Map<string, { id: number; state: Partial<PersonState> }[]>();
  for (const r of rows) {
    if (!r.entity_id || !r.after) continue;
    try {
      const a = JSON.parse(r.after) as Record<string, unknown>;
      const state: Partial<PersonState> = {};
      if (typeof a.name === 'string') state.name = a.name;
      if (typeof a.unit === 'string') state.unit = a.unit;
      if (a.category === 'leader' || a.category === 'staff') state.category = a.category;
      if ('position' in a) state.position = typeof a.position === 'string' ? a.position : null;
      if ('gender' in a) state.gender = a.gender === 'nam' || a.gender === 'nữ' ? a.gender : null;
      if ('born' in a) state.born = typeof a.born === 'string' ? a.born : null;
      trail.set(r.entity_id, [...(trail.get(r.entity_id) ?? []), { id: r.id, state }]);
    } catch {
      // An audit row that is not JSON tells nothing of the person: the record as it is stands.
    }
  }
  return (code: string, before: number | null): PersonState | null => {
    const p = people.get(code);
    if (!p) return null;
    const now: PersonState = { name: p.name, unit: p.unit_code, category: p.category, position: p.position, gender: p.gender, born: p.born };
    if (before === null) return now;
    const known = (trail.get(code) ?? []).filter((x) => x.id < before);
    const last = known[known.length - 1];
    return last ? { ...now, ...last.state } : now;
  };
}

const positionOf = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export async function loadYearPackage(trx: Tx, year: number, today: string): Promise<YearPackage> {
  const school = await schoolAt(trx, `${year}-12-31`);
  const id = (prefix: string, ...key: (string | number | null)[]) => stableId(prefix, school.id, ...key);
  const units = new Map((await listUnits(trx)).map((u) => [u.code, u]));
  const people = new Map((await listPeople(trx)).map((p) => [p.code, p]));
  const subjects = new Set<string>();
  const titlesUsed = new Set<string>();

  // Documents about the year (the proposal and reports of a year are numbered early the next year).
  const years = await refYears(trx);
  const docRows = [...(await listDocumentRows(trx, { year })), ...(await listDocumentRows(trx, { year: year + 1 }))].filter((d) => documentYear(d, years) === year);
  const docId = new Map(docRows.map((d) => [d.id, id('doc', d.kind, d.year, d.number)]));
  const documents: PendingDocument[] = docRows
    .map((d) => {
      const issued = toIssued(d);
      return {
        rowId: d.id,
        model: issued.model,
        record: {
          id: docId.get(d.id)!, kind: d.kind, year: d.year, number: d.number, symbol: issued.symbol, date: d.date, type: d.type, title: d.title,
          status: d.status, revokedOn: d.revoked_on, file: documentFileName(d.year, d.kind, d.number, 'docx'),
        },
      };
    })
    .sort((a, b) => a.record.year - b.record.year || compareText(a.record.kind, b.record.kind) || a.record.number - b.record.number);

  const registrations: RegistrationRecord[] = (await listRegistrationViews(trx, { year }))
    .map((r) => {
      subjects.add(r.subject_code);
      titlesUsed.add(r.award);
      return { id: id('reg', year, r.subject_code, r.award), subject: r.subject_code, award: r.award, registeredOn: r.registered_on, status: r.status };
    })
    .sort((a, b) => compareText(a.subject, b.subject) || compareText(a.award, b.award));

  const periods = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
  const ratings: RatingRecord[] = (await ratingCounts(trx, periods)).map((r) => ({
    id: id('rat', r.period, r.rating), period: r.period, rating: r.rating, ratingName: r.name, count: r.count,
  }));

  const works = await initiativesRecognisedIn(trx, year);
  const authors = await authorsOf(trx, works.map((w) => w.code));
  const recognitionRows = await listRecognitionViews(trx, { year });
  const initiativeDecision = new Map(recognitionRows.filter((r) => r.initiative_code && r.decision_id !== null).map((r) => [r.initiative_code!, r.decision_id!]));
  const initiatives: InitiativeRecord[] = works.map((w) => {
    subjects.add(w.unit_code);
    const decision = initiativeDecision.get(w.code);
    return {
      id: id('ini', w.code), code: w.code, kind: w.kind, title: w.title, unit: w.unit_code, field: w.field, decidedOn: w.decided_on, average: w.average,
      authors: authors.filter((a) => a.initiative_code === w.code).map((a) => (subjects.add(a.person_code), { person: a.person_code, share: a.share })),
      document: decision === undefined ? null : (docId.get(decision) ?? null),
    };
  });

  const nominationRows = await listNominationViews(trx, { year, statuses: ['passed', 'recognised'] });
  const nominationId = new Map(nominationRows.map((n) => [n.id, id('nom', year, n.subject_code, n.award)]));
  const ballots = await lastBallotResults(trx, nominationRows.map((n) => n.id));
  const nominations: NominationRecord[] = nominationRows
    .map((n) => {
      subjects.add(n.subject_code);
      if (n.by_unit) subjects.add(n.by_unit);
      titlesUsed.add(n.award);
      const b = ballots.get(n.id);
      return {
        id: nominationId.get(n.id)!, subject: n.subject_code, award: n.award, byUnit: n.by_unit, category: n.category, summary: n.summary,
        status: n.status as 'passed' | 'recognised',
        ballot: b ? { agree: b.agree, disagree: b.disagree, blank: b.blank, base: b.base, minutes: b.minutes_id === null ? null : (docId.get(b.minutes_id) ?? null) } : null,
      };
    })
    .sort((a, b) => compareText(a.award, b.award) || compareText(a.subject, b.subject));

  // The proposal as it was sent: of the day the Tờ trình was issued, else as it stands today.
  const sent = docRows.filter((d) => d.type === 'province-proposal' && d.status === 'issued').pop();
  const proposal = await provinceProposalIn(trx, year, sent?.date ?? today);

  // A person as the record stood when a decision or the proposal was recorded.
  const involved = [...recognitionRows.map((r) => r.subject_code), ...proposal.groups.flatMap((g) => g.nominees.map((n) => n.subject))];
  const history = personHistory(people, await personAuditRows(trx, involved));
  const subjectAt = (code: string, before: number | null): SubjectAt => {
    const s = history(code, before);
    if (!s) {
      const name = units.get(code)?.name ?? code;
      return { code, kind: 'unit', name, gender: null, born: null, position: null, category: null, unit: code, unitName: name };
    }
    return { code, kind: 'person', name: s.name, gender: s.gender, born: s.born, position: positionOf(s.position), category: s.category, unit: s.unit, unitName: units.get(s.unit)?.name ?? s.unit };
  };

  const recorded = await firstAuditIds(trx, 'recognition', recognitionRows.map((r) => String(r.id)));
  const issuerOf = new Map<string, string>();
  const recognitions: RecognitionRecord[] = [];
  for (const r of recognitionRows) {
    subjects.add(r.subject_code);
    titlesUsed.add(r.award);
    const school_ = r.decision_id !== null;
    if (school_ && !issuerOf.has(r.decided_on)) {
      const at = await identityAt(trx, r.decided_on);
      issuerOf.set(r.decided_on, `${at.headTitle} ${at.fullName}`);
    }
    const doc = school_ ? docRows.find((d) => d.id === r.decision_id) : undefined;
    const key = school_ ? ['school', r.decision_kind, doc?.year ?? r.year, r.decision_number] : ['above', r.recorded_number, r.decided_on];
    recognitions.push({
      id: id('rec', ...key, r.subject_code, r.award, r.initiative_code),
      subject: subjectAt(r.subject_code, recorded.get(String(r.id)) ?? null),
      award: r.award, initiative: r.initiative_code, share: r.share,
      nomination: r.nomination_id === null ? null : (nominationId.get(r.nomination_id) ?? null),
      decision: {
        by: school_ ? 'school' : 'above', number: r.decision_payload_symbol, date: r.decided_on,
        issuer: school_ ? issuerOf.get(r.decided_on)! : (r.recorded_issuer ?? ''), document: school_ ? (docId.get(r.decision_id!) ?? null) : null,
      },
      bonus: r.bonus, status: r.status, revokedOn: r.revoked_on, revokedReason: r.revoked_reason,
    });
  }
  recognitions.sort((a, b) => a.decision.date.localeCompare(b.decision.date) || compareText(a.decision.number, b.decision.number) || compareNames(a.subject.name, b.subject.name) || compareText(a.initiative ?? '', b.initiative ?? ''));

  const sentAt = sent ? ((await firstAuditIds(trx, 'document', [String(sent.id)])).get(String(sent.id)) ?? null) : null;
  const proposals: ProposalRecord[] = proposal.groups.flatMap((g) =>
    g.nominees.map((n) => {
      subjects.add(n.subject);
      titlesUsed.add(g.award);
      return {
        id: id('pro', year, g.award, n.subject), subject: subjectAt(n.subject, sentAt), award: g.award, group: g.kind, achievement: n.achievement,
        nomination: n.nomination === null ? null : (nominationId.get(n.nomination) ?? null), document: sent ? docId.get(sent.id)! : null, decided: n.decided,
      };
    }),
  );

  const spreadRows = await listSpreadViews(trx, { from: `${year}-01-01`, to: `${year}-12-31` });
  const seen = new Map<string, number>();
  const spread: SpreadRecord[] = spreadRows
    .sort((a, b) => a.date.localeCompare(b.date) || compareText(a.subject_code, b.subject_code) || a.id - b.id)
    .map((r) => {
      subjects.add(r.subject_code);
      // Two records alike in every field are told apart by their order.
      const key = JSON.stringify([r.subject_code, r.channel, r.date, r.note]);
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      return { id: id('spr', r.subject_code, r.channel, r.date, r.note, ...(nth > 1 ? [nth] : [])), subject: r.subject_code, channel: r.channel, date: r.date, note: r.note };
    });

  // The people and units the records name, as the school's file holds them.
  for (const code of [...subjects]) {
    const p = people.get(code);
    if (p) subjects.add(p.unit_code);
  }
  const personList: PersonRecord[] = [...subjects]
    .filter((c) => people.has(c))
    .sort(compareText)
    .map((c) => {
      const p = people.get(c)!;
      return { id: id('per', c), code: c, name: p.name, gender: p.gender, born: p.born, category: p.category, position: positionOf(p.position), unit: p.unit_code, active: p.active === 1 };
    });
  const unitList: UnitRecord[] = [...subjects]
    .filter((c) => units.has(c))
    .sort(compareText)
    .map((c) => {
      const u = units.get(c)!;
      return { id: id('unt', c), code: c, name: u.name, kind: u.kind, active: u.active === 1 };
    });
  const titles = (await listTitles(trx)).filter((t) => titlesUsed.has(t.code)).map((t) => ({ code: t.code, name: t.name }));
  if (titlesUsed.has(INITIATIVE_AWARD)) titles.push({ code: INITIATIVE_AWARD, name: 'Sáng kiến' });

  return {
    data: {
      format: EXPORT_FORMAT, school, year, titles, units: unitList, people: personList, registrations, ratings, initiatives, nominations, recognitions,
      proposals, spread, signatures: [],
    },
    documents,
  };
}
