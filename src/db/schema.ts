/** Kysely table types. Booleans are 0/1, dates ISO text, money integer đồng. */
import type { ColumnType, Generated } from 'kysely';
import type { SpreadChannel } from '../domain/spread.js';

export interface MetaTable {
  key: string;
  value: string;
}

export interface MigrationsTable {
  id: string;
  applied_at: string;
}

export interface OrgProfilesTable {
  id: Generated<number>;
  valid_from: string;
  name: string;
  full_name: string;
  parent_body: string;
  symbol: string;
  place: string;
  head_title: string;
  head_name: string;
  style: 'party' | 'state';
  created_at: string;
  /** The school's basis documents and the unit in charge of emulation work (migration 0008). */
  competence_id: number | null;
  regulation_id: number | null;
  plan_id: number | null;
  office_code: string | null;
  office_abbr: string | null;
  /** JSON list of the recipients of its decisions besides "Như Điều 3" and "Lưu". */
  recipients: string | null;
}

export interface SubjectsTable {
  code: string;
  kind: 'person' | 'unit';
}

export interface UnitsTable {
  code: string;
  name: string;
  kind: 'faculty' | 'office' | 'other';
  active: number;
  retired_on: string | null;
  created_at: string;
}

export interface PeopleTable {
  code: string;
  name: string;
  unit_code: string;
  category: 'leader' | 'staff';
  position: string | null;
  party_member: number;
  gender: 'nam' | 'nữ' | null;
  born: string | null;
  active: number;
  created_at: string;
}

export interface TitlesTable {
  code: string;
  name: string;
  subject_kind: 'person' | 'unit' | 'both';
  statutory: number;
  sort: number;
  /** A danh hiệu, a form of award (Giấy khen) or a recognition under the school's plan (migration 0008). */
  form: Generated<TitleForm>;
}

export type TitleForm = 'title' | 'award' | 'recognition';

export interface CriteriaTable {
  title_code: string;
  code: string;
  applies_to: 'leader' | 'staff' | 'person' | 'unit';
  sort: number;
  text: string;
  text_en: string;
  source: 'data' | 'attested' | 'data_or_attested';
  check_rule: string | null;
  valid_from: string;
  basis: string;
}

export interface RatingLevelsTable {
  code: string;
  name: string;
  rank: number;
}

export interface RulesTable {
  id: Generated<number>;
  key: string;
  value: string;
  valid_from: string;
  source: string;
  created_at: string;
  /** The whole citation (migration 0008); null for a free-text source entered before it. */
  source_id: number | null;
}

/** A legal source stored whole: the parts of a Decree 30 citation. */
export interface LegalSourcesTable {
  id: Generated<number>;
  kind: string;
  number: string | null;
  issued_on: string;
  issuer: string;
  subject: string;
  created_at: string;
}

export interface AuditTable {
  id: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entity_id: string | null;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface DB extends YearRecordTables, CouncilNominationTables, BallotDocumentTables, SpreadTables, CommendTables, JudgementTables, SignatureTables, ReceivedTables {
  meta: MetaTable;
  migrations: MigrationsTable;
  org_profiles: OrgProfilesTable;
  subjects: SubjectsTable;
  units: UnitsTable;
  people: PeopleTable;
  titles: TitlesTable;
  criteria: CriteriaTable;
  rating_levels: RatingLevelsTable;
  rules: RulesTable;
  legal_sources: LegalSourcesTable;
  audit: AuditTable;
}

export interface RegistrationsTable {
  id: Generated<number>;
  year: number;
  subject_code: string;
  award: string;
  registered_on: string;
  note: string | null;
  status: 'active' | 'withdrawn';
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  created_at: string;
}

export type InitiativeStatus = 'registered' | 'in_progress' | 'applied' | 'recognised' | 'rejected' | 'withdrawn';

export interface InitiativesTable {
  code: string;
  kind: 'initiative' | 'research';
  year: number;
  seq: number;
  title: string;
  unit_code: string;
  field: string | null;
  status: InitiativeStatus;
  registered_on: string;
  /** The date the current status began (first report, decision, withdrawal). */
  status_on: string;
  status_reason: string | null;
  created_at: string;
}

export interface InitiativeAuthorsTable {
  initiative_code: string;
  person_code: string;
  share: number;
  sort: number;
}

export interface ProgressReportsTable {
  id: Generated<number>;
  initiative_code: string;
  month: string;
  percent: number;
  note: string | null;
  reported_on: string;
  created_at: string;
}

export interface RatingsTable {
  id: Generated<number>;
  person_code: string;
  /** `2025` or `2025-Q3`. */
  period: string;
  rating: string;
  rated_on: string;
  created_at: string;
}

export interface MovementsTable {
  code: string;
  name: string;
  launched_by: 'school' | 'union';
  from_date: string;
  to_date: string | null;
  created_at: string;
}

export interface AchievementsTable {
  id: Generated<number>;
  subject_code: string;
  date: string;
  kind: 'task' | 'movement' | 'union' | 'charity' | 'other';
  text: string;
  movement_code: string | null;
  created_at: string;
}

export interface FosterWatchTable {
  id: Generated<number>;
  person_code: string;
  mentor_code: string;
  goal: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
}

export interface FosterTasksTable {
  id: Generated<number>;
  watch_id: number;
  text: string;
  due: string;
  assigned_on: string;
  done_on: string | null;
  result: string | null;
  created_at: string;
}

/** Tables added by migration 0002. */
export interface YearRecordTables {
  registrations: RegistrationsTable;
  initiatives: InitiativesTable;
  initiative_authors: InitiativeAuthorsTable;
  progress_reports: ProgressReportsTable;
  ratings: RatingsTable;
  movements: MovementsTable;
  achievements: AchievementsTable;
  foster_watch: FosterWatchTable;
  foster_tasks: FosterTasksTable;
}

export interface CouncilsTable {
  id: Generated<number>;
  kind: 'emulation' | 'initiative';
  year: number;
  created_at: string;
}

export interface CouncilMembersTable {
  council_id: number;
  person_code: string;
  role: 'chair' | 'vice' | 'member' | 'secretary';
  sort: number;
}

export interface InitiativeApplicationsTable {
  initiative_code: string;
  applied_on: string;
  first_applied: string;
  description: string;
  novelty: string | null;
  application: string | null;
  benefit: string | null;
  conditions: string | null;
  /** The date by which the council must decide (applied_on + review.deadline_days). */
  deadline: string;
  council_id: number | null;
  created_at: string;
}

export interface InitiativeScoresTable {
  initiative_code: string;
  member_code: string;
  novelty: number;
  applicability: number;
  benefit: number;
  scored_on: string;
  created_at: string;
}

export interface InitiativeDecisionsTable {
  initiative_code: string;
  decision: 'recognised' | 'rejected';
  decided_on: string;
  reason: string | null;
  average: number | null;
  /** JSON list of the conditions confirmed (new, benefit, not-excluded). */
  conditions: string | null;
  created_at: string;
}

export type NominationStatus = 'submitted' | 'accepted' | 'returned' | 'withdrawn' | 'passed' | 'failed' | 'recognised';

export interface NominationsTable {
  id: Generated<number>;
  year: number;
  subject_code: string;
  award: string;
  registration_id: number;
  /** The proposing unit; null when the person proposes themself. */
  by_unit: string | null;
  /** leader/staff at the time of nomination; null for units. */
  category: 'leader' | 'staff' | null;
  summary: string;
  status: NominationStatus;
  status_on: string;
  status_reason: string | null;
  created_on: string;
  created_at: string;
  /** The day the council accepted the dossier (migration 0005); null until then. */
  accepted_on: Generated<string | null>;
  /** The achievement wording a certificate prints, as typed (migration 0008); null: the summary. */
  citation: Generated<string | null>;
}

export interface NominationCriteriaTable {
  nomination_id: number;
  code: string;
  status: 'met' | 'unmet';
  evidence: string | null;
  attested_on: string;
}

/** Tables added by migration 0003. */
export interface CouncilNominationTables {
  councils: CouncilsTable;
  council_members: CouncilMembersTable;
  initiative_applications: InitiativeApplicationsTable;
  initiative_scores: InitiativeScoresTable;
  initiative_decisions: InitiativeDecisionsTable;
  nominations: NominationsTable;
  nomination_criteria: NominationCriteriaTable;
}

export type DocKind = 'QĐ' | 'BB' | 'TTr' | 'BC' | 'KH' | 'TB' | 'GCN';

export interface DocumentsTable {
  id: Generated<number>;
  kind: DocKind;
  year: number;
  number: number;
  date: string;
  /** What the document is (`ballot-minutes`, `recognition-decision`, …): picks its renderer. */
  type: string;
  title: string;
  /** What it belongs to (a ballot id, a year and title…), for finding it again. */
  ref: string | null;
  profile_valid_from: string;
  /** JSON: everything the renderer needs, frozen at issue, so a re-render gives the same bytes. */
  payload: string;
  status: 'issued' | 'revoked';
  revoked_on: string | null;
  revoked_reason: string | null;
  /** The later decision that revoked this one (0013; required once the document is signed). */
  revoked_by: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
}

export interface BallotsTable {
  id: Generated<number>;
  year: number;
  award: string;
  council_id: number;
  held_on: string;
  members_total: number;
  present: number;
  /** The rules in force when the ballot opened, frozen as typed (`2/3`, `0.7`). */
  quorum: string;
  threshold: string;
  base: 'present' | 'members';
  /** JSON: the legal source of each frozen rule. */
  rule_sources: string;
  status: 'open' | 'closed';
  closed_on: string | null;
  created_at: string;
  /** Migration 0009: the meeting's start and end (`HH:MM`), its place, who presided and who kept the minutes; NULL on ballots opened before. */
  starts_at: ColumnType<string | null, string | null | undefined, string | null>;
  ends_at: ColumnType<string | null, string | null | undefined, string | null>;
  place: ColumnType<string | null, string | null | undefined, string | null>;
  presiding_code: ColumnType<string | null, string | null | undefined, string | null>;
  secretary_code: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BallotRollTable {
  ballot_id: number;
  person_code: string;
  name: string;
  role: string;
  counter: number;
  sort: number;
  /** Migration 0009: 1 present, 0 absent; NULL on ballots opened before (not recorded). */
  attended: ColumnType<number | null, number | null | undefined, number | null>;
  /** Migration 0009: the place in the counting committee as named (1 = its head); NULL for others. */
  counter_rank: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface BallotItemsTable {
  ballot_id: number;
  nomination_id: number;
  sort: number;
}

export interface BallotTalliesTable {
  id: Generated<number>;
  ballot_id: number;
  round: number;
  entry: number;
  issued: number;
  returned: number;
  invalid: number;
  reason: string | null;
  entered_on: string;
  created_at: string;
}

export interface BallotVotesTable {
  tally_id: number;
  nomination_id: number;
  agree: number;
  disagree: number;
  blank: number;
}

export interface BallotRoundsTable {
  ballot_id: number;
  round: number;
  closed_on: string;
  reason: string | null;
  minutes_id: number | null;
  created_at: string;
}

export interface BallotResultsTable {
  ballot_id: number;
  round: number;
  nomination_id: number;
  agree: number;
  disagree: number;
  blank: number;
  base: number;
  passed: number;
}

export interface RecognitionsTable {
  id: Generated<number>;
  year: number;
  subject_code: string;
  award: string;
  nomination_id: number | null;
  initiative_code: string | null;
  /** The school's decision in the register; null for a decision taken above the school (migration 0014). */
  decision_id: number | null;
  decided_on: string;
  base_salary: number;
  coefficient: string;
  bonus: number;
  rounding: string;
  share: number | null;
  succession: number;
  status: 'active' | 'revoked';
  revoked_on: string | null;
  revoked_reason: string | null;
  created_at: string;
  /** A decision taken above the school (migration 0014): its number and issuer as printed on it. */
  recorded_number: string | null;
  recorded_issuer: string | null;
}

/** Tables added by migration 0004. */
export interface BallotDocumentTables {
  documents: DocumentsTable;
  ballots: BallotsTable;
  ballot_roll: BallotRollTable;
  ballot_items: BallotItemsTable;
  ballot_tallies: BallotTalliesTable;
  ballot_votes: BallotVotesTable;
  ballot_rounds: BallotRoundsTable;
  ballot_results: BallotResultsTable;
  recognitions: RecognitionsTable;
}

export interface SpreadRecordsTable {
  id: Generated<number>;
  subject_code: string;
  channel: SpreadChannel;
  date: string;
  note: string | null;
  created_at: string;
}

/** Tables added by migration 0005. */
export interface SpreadTables {
  spread_records: SpreadRecordsTable;
}

export interface CommendListsTable {
  /** `2025-Q3`. */
  quarter: string;
  /** JSON: the entries as read out (subjects, names, units, reasons, evidence). */
  entries: string;
  finalised_on: string;
  document_id: number | null;
  created_at: string;
}

/** Tables added by migration 0007. */
export interface CommendTables {
  commend_lists: CommendListsTable;
}

export interface NominationJudgementsTable {
  nomination_id: number;
  /** The date of the decision that recognised it. */
  judged_on: string;
  eligible: number;
  /** JSON: each criterion's code, status, source and explanation (message keys), as judged then. */
  criteria: string;
}

/** Tables added by migration 0012. */
export interface JudgementTables {
  nomination_judgements: NominationJudgementsTable;
}

/** 0013: digital signatures of issued documents. */
export interface DocumentSignaturesTable {
  id: Generated<number>;
  document_id: number;
  /** ISO 8601 instant of signing. */
  signed_at: string;
  /** The certificate holder's common name, and the whole subject (RFC 4514). */
  signer_name: string;
  signer_subject: string;
  /** Certificate serial (hexadecimal) and issuer (RFC 4514). */
  serial: string;
  issuer: string;
  certificate_sha256: string;
  method: 'pkcs12' | 'pkcs11';
  visible: number;
  /** SHA-256 of the signed PDF (hexadecimal). */
  sha256: string;
  size: number;
  created_at: string;
}

export interface SignatureTables {
  document_signatures: DocumentSignaturesTable;
}

export interface ReceivedSchoolsTable {
  /** The school's identifier, as its packages carry it (docs/export.md). */
  id: string;
  name: string;
  full_name: string;
  parent_body: string;
  symbol: string;
  place: string;
  created_at: string;
  updated_at: string;
}

export interface ReceivedYearsTable {
  school_id: string;
  year: number;
  /** The manifest.json of the package last received, as JSON text. */
  manifest: string;
  /** SHA-256 of that manifest.json: the same package again is recognised by it. */
  package_sha256: string;
  /** The program version that wrote the package. */
  version: string;
  received_at: string;
  updated_at: string;
}

export type ReceivedKind = 'unit' | 'person' | 'registration' | 'rating' | 'initiative' | 'nomination' | 'recognition' | 'proposal' | 'spread' | 'document' | 'signature';

export interface ReceivedRecordsTable {
  school_id: string;
  year: number;
  /** The record's stable identifier (the same in every export of the school). */
  id: string;
  kind: ReceivedKind;
  /** The record as received (canonical JSON: keys sorted). */
  body: string;
  /** 1 when the record is, or rests on, a document the school signed digitally. */
  signed: number;
  created_at: string;
  updated_at: string;
}

export interface ReceivedFilesTable {
  school_id: string;
  year: number;
  /** The file's name in the package (`documents/2025-QD-01.docx`). */
  name: string;
  sha256: string;
  size: number;
  content: Uint8Array;
  created_at: string;
}

/** Tables added by migration 0015. */
export interface ReceivedTables {
  received_schools: ReceivedSchoolsTable;
  received_years: ReceivedYearsTable;
  received_records: ReceivedRecordsTable;
  received_files: ReceivedFilesTable;
}
