/** Kysely table types. Booleans are 0/1, dates ISO text, money integer đồng. */
import type { Generated } from 'kysely';

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
}

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

export interface DB {
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
  audit: AuditTable;
}
