/**
 * The package a school sends the province for one year (`thidua export`, docs/export.md): the types
 * of manifest.json and data.json, the names its files may have, and what the receiving side needs to
 * know of each record (which documents it rests on, how to name it to a person). Pure.
 */

import type { OrgProfile } from './org.js';

/** Written into both manifest.json and data.json; a reader refuses any other. */
export const EXPORT_FORMAT = 'thidua-export-1';

/** The school as its documents of that date name it, with the identifier every package carries. */
export type SchoolIdentity = { id: string } & Pick<OrgProfile, 'name' | 'fullName' | 'parentBody' | 'symbol' | 'place' | 'headTitle' | 'headName'>;

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof EXPORT_FORMAT;
  school: SchoolIdentity;
  /** The year, as CLI periods are written (`2025`). */
  period: string;
  /** The version of the program that wrote the package. */
  version: string;
  files: ManifestFile[];
}

/** A person or unit as the record's date saw it. */
export interface SubjectAt {
  code: string;
  kind: 'person' | 'unit';
  name: string;
  gender: 'nam' | 'nữ' | null;
  born: string | null;
  position: string | null;
  category: 'leader' | 'staff' | null;
  /** The person's unit (a unit: itself). */
  unit: string;
  unitName: string;
}

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: 'faculty' | 'office' | 'other';
  active: boolean;
}

export interface PersonRecord {
  id: string;
  code: string;
  name: string;
  gender: 'nam' | 'nữ' | null;
  born: string | null;
  category: 'leader' | 'staff';
  position: string | null;
  unit: string;
  active: boolean;
}

export interface RegistrationRecord {
  id: string;
  subject: string;
  award: string;
  registeredOn: string;
  status: 'active' | 'withdrawn';
}

/** How many people were rated at a level in a period (the year or one of its quarters). */
export interface RatingRecord {
  id: string;
  period: string;
  rating: string;
  ratingName: string;
  count: number;
}

export interface InitiativeRecord {
  id: string;
  code: string;
  kind: 'initiative' | 'research';
  title: string;
  unit: string;
  field: string | null;
  decidedOn: string;
  average: number | null;
  authors: { person: string; share: number }[];
  /** The decision that recognised it (a document record's id), when it is in the package. */
  document: string | null;
}

export interface NominationRecord {
  id: string;
  subject: string;
  award: string;
  byUnit: string | null;
  category: 'leader' | 'staff' | null;
  summary: string;
  status: 'passed' | 'recognised';
  /** The ballot it passed: the counts of its last round and the counting minutes. */
  ballot: { agree: number; disagree: number; blank: number; base: number; minutes: string | null } | null;
}

export interface DecisionRef {
  /** `school`: the principal's decision in the school's register; `above`: a decision taken above the school and recorded. */
  by: 'school' | 'above';
  /** As printed: `01/QĐ-TCT`, `512/QĐ-UBND`. */
  number: string;
  date: string;
  issuer: string;
  /** The document record of a school decision in the package; null for one taken above. */
  document: string | null;
}

export interface RecognitionRecord {
  id: string;
  subject: SubjectAt;
  award: string;
  initiative: string | null;
  share: number | null;
  nomination: string | null;
  decision: DecisionRef;
  bonus: number;
  status: 'active' | 'revoked';
  revokedOn: string | null;
  revokedReason: string | null;
}

export interface ProposalRecord {
  id: string;
  subject: SubjectAt;
  award: string;
  /** `title`: a title the province decides; `exemplar`: the school's exemplar proposed for the provincial level. */
  group: 'title' | 'exemplar';
  achievement: string;
  nomination: string | null;
  /** The proposal (Tờ trình) in the register, when issued. */
  document: string | null;
  /** The province's decision, once the school recorded it; null while awaiting it. */
  decided: { number: string; date: string; issuer: string } | null;
}

export interface SpreadRecord {
  id: string;
  subject: string;
  channel: string;
  date: string;
  note: string | null;
}

export interface DocumentRecord {
  id: string;
  kind: string;
  year: number;
  number: number;
  symbol: string;
  date: string;
  type: string;
  title: string;
  status: 'issued' | 'revoked';
  revokedOn: string | null;
  file: string;
  size: number;
  sha256: string;
}

export interface SignatureRecord {
  id: string;
  document: string;
  signedAt: string;
  signer: string;
  certificateSubject: string;
  serial: string;
  issuer: string;
  method: 'pkcs12' | 'pkcs11';
  sha256: string;
  size: number;
  /** The signed PDF in the package; null when the school did not have it to send. */
  file: string | null;
}

export interface ExportData {
  format: typeof EXPORT_FORMAT;
  school: SchoolIdentity;
  year: number;
  /** The Vietnamese name of every title the records name. */
  titles: { code: string; name: string }[];
  units: UnitRecord[];
  people: PersonRecord[];
  registrations: RegistrationRecord[];
  ratings: RatingRecord[];
  initiatives: InitiativeRecord[];
  nominations: NominationRecord[];
  recognitions: RecognitionRecord[];
  proposals: ProposalRecord[];
  spread: SpreadRecord[];
  documents: DocumentRecord[];
  signatures: SignatureRecord[];
}

/** The lists of data.json, each with the kind its records are stored under. */
export const RECORD_LISTS = [
  ['units', 'unit'], ['people', 'person'], ['registrations', 'registration'], ['ratings', 'rating'], ['initiatives', 'initiative'],
  ['nominations', 'nomination'], ['recognitions', 'recognition'], ['proposals', 'proposal'], ['spread', 'spread'], ['documents', 'document'],
  ['signatures', 'signature'],
] as const;

export type RecordKind = (typeof RECORD_LISTS)[number][1];
export type AnyRecord = ExportData[(typeof RECORD_LISTS)[number][0]][number];

/** Every record of a package with its kind, in the order of data.json. */
export function recordsOf(d: ExportData): { kind: RecordKind; record: AnyRecord }[] {
  return RECORD_LISTS.flatMap(([list, kind]) => (d[list] as AnyRecord[]).map((record) => ({ kind, record })));
}

/** The document records a record rests on (its decision, the minutes it passed in, its proposal). */
export function documentsOf(kind: RecordKind, r: AnyRecord): string[] {
  const refs: (string | null | undefined)[] = [];
  if (kind === 'document') refs.push(r.id);
  if (kind === 'signature' || kind === 'initiative' || kind === 'proposal') refs.push((r as { document: string | null }).document);
  if (kind === 'recognition') refs.push((r as RecognitionRecord).decision.document);
  if (kind === 'nomination') refs.push((r as NominationRecord).ballot?.minutes);
  return refs.filter((x): x is string => typeof x === 'string');
}

/**
 * The records that were signed: every signature, every document it signs, and every record resting
 * on such a document. These are never replaced silently by a later package.
 */
export function signedRecords(d: ExportData): Set<string> {
  const signedDocs = new Set(d.signatures.map((s) => s.document));
  const out = new Set<string>(d.signatures.map((s) => s.id));
  for (const { kind, record } of recordsOf(d)) if (documentsOf(kind, record).some((id) => signedDocs.has(id))) out.add(record.id);
  return out;
}

/** `documents/2025-QD-01.docx`: the file of a document in the package (ASCII: Đ becomes D). */
export function documentFileName(year: number, kind: string, number: number, ext: 'docx' | 'pdf', nth = 1): string {
  const k = kind.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]/g, '');
  return `documents/${year}-${k}-${String(number).padStart(2, '0')}${nth > 1 ? `-${nth}` : ''}.${ext}`;
}

/** The names a package may hold: the manifest, the data, the documents and signed PDFs. */
export const PACKAGE_NAME = /^(?:manifest\.json|data\.json|documents\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(?:docx|pdf))$/;

/** Keys sorted at every level: the same record is the same text whatever order its keys came in. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** How a record is named to a person (an error naming it, the audit): its kind's own words, never its id alone. */
export function recordLabel(kind: RecordKind, r: AnyRecord): string {
  const x = r as unknown as Record<string, unknown>;
  switch (kind) {
    case 'unit':
    case 'person':
      return `${x.code} ${x.name}`;
    case 'registration':
      return `${x.subject} ${x.award}`;
    case 'rating':
      return `${x.period} ${x.rating}`;
    case 'initiative':
      return `${x.code}`;
    case 'nomination':
      return `${x.subject} ${x.award}`;
    case 'recognition': {
      const v = r as RecognitionRecord;
      return `${v.decision.number} ${v.subject.name} ${v.award}${v.initiative ? ` ${v.initiative}` : ''}`;
    }
    case 'proposal': {
      const v = r as ProposalRecord;
      return `${v.subject.name} ${v.award}`;
    }
    case 'spread':
      return `${x.subject} ${x.channel} ${x.date}`;
    case 'document':
      return `${x.symbol}`;
    case 'signature':
      return `${x.signer} ${x.signedAt}`;
  }
}
