import type { Detail } from './errors.js';
import {
  FieldCollector, parseChoice, parseCode, parseIsoDate, parseName, parseText, parseYesNo,
} from './fields.js';
import { clean, fold } from './names.js';
import { parseDate } from './dates.js';

export type Category = 'leader' | 'staff';
export type Gender = 'nam' | 'nữ';

export const CATEGORY_ALIASES: Record<string, Category> = {
  leader: 'leader',
  'lanh dao': 'leader',
  'quan ly': 'leader',
  'lanh dao, quan ly': 'leader',
  'lanh dao quan ly': 'leader',
  'can bo lanh dao': 'leader',
  'can bo quan ly': 'leader',
  staff: 'staff',
  'vien chuc': 'staff',
  'nguoi lao dong': 'staff',
  'vien chuc, nguoi lao dong': 'staff',
  'vien chuc va nguoi lao dong': 'staff',
  'nhan vien': 'staff',
  'giang vien': 'staff',
};

export const GENDER_ALIASES: Record<string, Gender> = {
  nam: 'nam',
  male: 'nam',
  m: 'nam',
  nu: 'nữ',
  female: 'nữ',
  f: 'nữ',
};

export interface PersonFields {
  code: string;
  name: string;
  unit: string;
  category: Category;
  position: string | null;
  partyMember: boolean;
  gender: Gender | null;
  born: string | null;
}

export type PersonInput = Partial<Record<keyof PersonFields, string>>;

/** The youngest and oldest plausible ages of staff, for catching typos in dates of birth. */
const MIN_AGE = 16;
const MAX_AGE = 100;

function checkBorn(born: string | null, today: string, c: FieldCollector): void {
  if (!born) return;
  const year = Number(born.slice(0, 4));
  const now = Number(today.slice(0, 4));
  if (born > today || now - year < MIN_AGE || now - year > MAX_AGE) {
    c.add('invalid.born', { field: 'born', value: born, min: MIN_AGE, max: MAX_AGE });
  }
}

/** Positions that make a person a leader or manager (cán bộ giữ chức vụ lãnh đạo, quản lý), folded. */
const LEADER_POSITIONS = /\b(hieu truong|giam doc|truong khoa|truong phong|truong ban|chanh van phong|truong bo mon|truong tram|truong trung tam)\b/;

/** The category a position implies, for staff lists that have no category column; null when there is no position. */
export function categoryFromPosition(position: string | undefined): Category | null {
  const p = fold(position ?? '');
  if (p === '') return null;
  return LEADER_POSITIONS.test(p) ? 'leader' : 'staff';
}

const CATEGORIES = 'leader (lãnh đạo), staff (viên chức)';

/**
 * Validates a person. `whole` (add, import): every field is read, the required ones must be there.
 * Otherwise (edit): only the fields given are read. Every problem is reported at once.
 */
function parseFields(input: PersonInput, today: string, whole: boolean): { value: Partial<PersonFields>; problems: Detail[] } {
  const c = new FieldCollector();
  const value: Partial<PersonFields> = {};
  const has = (k: keyof PersonFields) => whole || input[k] !== undefined;
  if (whole) value.code = c.take(parseCode('code', input.code));
  if (has('name')) value.name = c.take(parseName('name', input.name, 100));
  if (has('unit')) value.unit = c.take(parseCode('unit', input.unit));
  if (has('category')) value.category = c.take(parseChoice('category', input.category, CATEGORY_ALIASES, CATEGORIES));
  if (has('position')) value.position = c.take(parseText('position', input.position, { max: 100 }));
  if (has('partyMember')) {
    // Party lists often give the date of joining the Party where a yes belongs.
    value.partyMember = parseDate(clean(input.partyMember ?? '')) ? true : c.take(parseYesNo('partyMember', input.partyMember));
  }
  if (has('gender')) {
    value.gender = input.gender?.trim() ? c.take(parseChoice('gender', input.gender, GENDER_ALIASES, 'nam, nữ')) : null;
  }
  if (has('born')) {
    value.born = c.take(parseIsoDate('born', input.born));
    checkBorn(value.born ?? null, today, c);
  }
  return { value, problems: c.problems };
}

export function parsePerson(input: PersonInput, today: string): { value: PersonFields; problems: Detail[] } {
  const r = parseFields(input, today, true);
  return { value: r.value as PersonFields, problems: r.problems };
}

export function parsePersonChanges(input: PersonInput, today: string): { value: Partial<PersonFields>; problems: Detail[] } {
  return parseFields(input, today, false);
}

/**
 * A prefix for the codes given to new people of a staff list without a code column (`--code-prefix
 * CB`): letters (and `_`, `.`, `-`), not ending in a digit, so the number after it reads unambiguously.
 */
export function parseCodePrefix(raw: string | undefined): { ok: true; value: string } | { ok: false; problem: Detail } {
  const value = clean(raw ?? '').toUpperCase();
  if (!/^[A-Z][A-Z_.-]{0,19}$/.test(value)) return { ok: false, problem: { key: 'import.badCodePrefix', params: { value: raw ?? '' } } };
  return { ok: true, value };
}

/**
 * The codes to give after the highest in use with `prefix` (CB036 → CB037, CB038…), zero-padded as
 * the codes already there are (three digits when there are none).
 */
export function codeSequence(prefix: string, inUse: Iterable<string>): () => string {
  const pattern = new RegExp(`^${prefix.replace(/[.-]/g, '\\$&')}(\\d+)$`);
  let highest = 0;
  let width = 3;
  for (const code of inUse) {
    const m = pattern.exec(code);
    if (!m) continue;
    const n = Number(m[1]);
    if (n >= highest) {
      highest = n;
      width = m[1].length;
    }
  }
  return () => `${prefix}${String(++highest).padStart(width, '0')}`;
}

/** Who a row of a staff list is, when it has no code: the name (as written, any case) and the date of birth. */
export function personKey(name: string, born: string | null): string {
  return `${clean(name).toLocaleLowerCase('vi')}|${born ?? ''}`;
}
