export type UnitKind = 'faculty' | 'office' | 'other';

export const UNIT_KIND_ALIASES: Record<string, UnitKind> = {
  faculty: 'faculty',
  khoa: 'faculty',
  office: 'office',
  phong: 'office',
  ban: 'other',
  other: 'other',
  khac: 'other',
};

export const UNIT_KINDS_ALLOWED = 'faculty (khoa), office (phòng), other (khác)';
