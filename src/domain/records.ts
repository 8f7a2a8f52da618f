/** Emulation movements and achievements: who launches a movement, the kinds of achievement, dates. */

export type LaunchedBy = 'school' | 'union';

/** Folded spellings (see `parseChoice`) of who launched a movement. */
export const LAUNCHED_BY_ALIASES: Record<string, LaunchedBy> = {
  school: 'school',
  truong: 'school',
  'nha truong': 'school',
  union: 'union',
  'trade union': 'union',
  'cong doan': 'union',
  'cong doan truong': 'union',
};

export const LAUNCHED_BY_ALLOWED = 'school (trường), union (công đoàn)';

export const ACHIEVEMENT_KINDS = ['task', 'movement', 'union', 'charity', 'other'] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

/** Folded spellings of the kinds of achievement, in English or Vietnamese. */
export const ACHIEVEMENT_KIND_ALIASES: Record<string, AchievementKind> = {
  task: 'task',
  'nhiem vu': 'task',
  'nhiem vu thuong xuyen': 'task',
  'nhiem vu dot xuat': 'task',
  'cong viec': 'task',
  movement: 'movement',
  'phong trao': 'movement',
  'phong trao thi dua': 'movement',
  'thi dua': 'movement',
  union: 'union',
  'cong doan': 'union',
  charity: 'charity',
  social: 'charity',
  'tu thien': 'charity',
  'xa hoi': 'charity',
  'xa hoi, tu thien': 'charity',
  'xa hoi tu thien': 'charity',
  other: 'other',
  khac: 'other',
};

export const ACHIEVEMENT_KINDS_ALLOWED = 'task (nhiệm vụ), movement (phong trào), union (công đoàn), charity (từ thiện), other (khác)';

/** A movement's dates: `to` null while it runs on. */
export interface Span {
  from: string;
  to: string | null;
}

/** True when `date` falls on or between the movement's first and last day. */
export function spanHolds(span: Span, date: string): boolean {
  return span.from <= date && (span.to === null || date <= span.to);
}

/** True when the movement runs at any time between `from` and `to` (a year, for `movement list --year`). */
export function spanOverlaps(span: Span, from: string, to: string): boolean {
  return span.from <= to && (span.to === null || span.to >= from);
}
