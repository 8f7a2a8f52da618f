/**
 * The province's Excel layout (`report province --format xlsx --layout LAYOUT.json`): which columns,
 * in which order, under which titles, and the province's own codes for our titles, categories and
 * genders. A layout is checked whole before anything is written: an unknown field, a code table that
 * does not exist, a value of the list without a code: each is named. Pure.
 */

/** What a column may show, for one nominee of the proposal. */
export const LAYOUT_FIELDS = [
  'no', 'code', 'name', 'gender', 'born', 'position', 'unit', 'school', 'category', 'kind', 'award', 'awardName', 'form', 'achievement',
] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];

/** Fields whose values are ours and may be mapped to the province's codes. */
export const CODED_FIELDS: readonly LayoutField[] = ['gender', 'category', 'kind', 'award', 'form'];

export interface LayoutColumn {
  title: string;
  field: LayoutField;
  /** The code table (a key of `codes`) mapping this column's values to the province's codes. */
  codes?: string;
  /** Width in characters (Excel's unit). */
  width?: number;
}

export interface ProvinceLayout {
  sheet: string;
  columns: LayoutColumn[];
  codes: Record<string, Record<string, string>>;
}

/**
 * The default layout (templates/bo-cuc-danh-sach-tinh.json is this, for an office to copy and edit):
 * the columns provincial emulation systems commonly take. The codes are examples: each province
 * publishes its own tables.
 */
export const DEFAULT_LAYOUT: ProvinceLayout = {
  sheet: 'Danh sách đề nghị',
  columns: [
    { title: 'STT', field: 'no', width: 6 },
    { title: 'Họ và tên', field: 'name', width: 28 },
    { title: 'Giới tính', field: 'gender', width: 10 },
    { title: 'Ngày sinh', field: 'born', width: 12 },
    { title: 'Chức vụ', field: 'position', width: 22 },
    { title: 'Phòng ban', field: 'unit', width: 26 },
    { title: 'Đơn vị công tác', field: 'school', width: 34 },
    { title: 'Mã phân loại cán bộ', field: 'category', codes: 'category', width: 12 },
    { title: 'Mã hình thức khen thưởng', field: 'form', codes: 'form', width: 12 },
    { title: 'Mã danh hiệu thi đua', field: 'award', codes: 'award', width: 12 },
  ],
  codes: {
    category: { leader: '01', staff: '02', unit: '03' },
    form: { title: '0001', exemplar: '0002' },
    award: { DHTT: '0010', LDTT: '0011', CSTDCS: '0012', TTLDTT: '0021', TTLDXS: '0022', GK: '0031' },
  },
};

/** One problem of a layout, as the error lists it. */
export interface LayoutGap {
  key: string;
  params: Record<string, string | number>;
}

/** A layout file's JSON checked for shape; its gaps (empty when it can be used). */
export function parseLayout(raw: unknown): { layout: ProvinceLayout | null; gaps: LayoutGap[] } {
  const gaps: LayoutGap[] = [];
  const o = raw as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { layout: null, gaps: [{ key: 'layout.gap.notObject', params: {} }] };
  const sheet = typeof o.sheet === 'string' && o.sheet.trim() ? o.sheet.trim().normalize('NFC') : 'Danh sách';
  if (/[\\/?*[\]:]/.test(sheet) || [...sheet].length > 31) gaps.push({ key: 'layout.gap.sheet', params: { sheet } });
  const codes: Record<string, Record<string, string>> = {};
  if (o.codes !== undefined) {
    if (typeof o.codes !== 'object' || o.codes === null || Array.isArray(o.codes)) gaps.push({ key: 'layout.gap.codesShape', params: {} });
    else {
      for (const [name, table] of Object.entries(o.codes as Record<string, unknown>)) {
        if (typeof table !== 'object' || table === null || Array.isArray(table)) {
          gaps.push({ key: 'layout.gap.tableShape', params: { table: name } });
          continue;
        }
        codes[name] = {};
        for (const [k, v] of Object.entries(table as Record<string, unknown>)) {
          if (typeof v !== 'string' && typeof v !== 'number') gaps.push({ key: 'layout.gap.codeValue', params: { table: name, value: k } });
          else codes[name][k.normalize('NFC')] = String(v).normalize('NFC');
        }
      }
    }
  }
  const columns: LayoutColumn[] = [];
  if (!Array.isArray(o.columns) || o.columns.length === 0) gaps.push({ key: 'layout.gap.noColumns', params: {} });
  else {
    o.columns.forEach((c: unknown, i: number) => {
      const n = i + 1;
      const col = c as Record<string, unknown>;
      if (typeof c !== 'object' || c === null || typeof col.title !== 'string' || !col.title.trim()) {
        gaps.push({ key: 'layout.gap.columnTitle', params: { n } });
        return;
      }
      const title = col.title.trim().normalize('NFC');
      const field = col.field;
      if (typeof field !== 'string' || !(LAYOUT_FIELDS as readonly string[]).includes(field)) {
        gaps.push({ key: 'layout.gap.field', params: { n, title, fieldName: String(field ?? ''), fields: LAYOUT_FIELDS.join(', ') } });
        return;
      }
      const column: LayoutColumn = { title, field: field as LayoutField };
      if (col.codes !== undefined) {
        if (typeof col.codes !== 'string' || !(col.codes in codes)) gaps.push({ key: 'layout.gap.noTable', params: { n, title, table: String(col.codes) } });
        else if (!CODED_FIELDS.includes(column.field)) gaps.push({ key: 'layout.gap.notCoded', params: { n, title, fieldName: field, fields: CODED_FIELDS.join(', ') } });
        else column.codes = col.codes;
      }
      if (col.width !== undefined) {
        if (typeof col.width !== 'number' || !(col.width >= 2 && col.width <= 120)) gaps.push({ key: 'layout.gap.width', params: { n, title } });
        else column.width = col.width;
      }
      columns.push(column);
    });
  }
  return { layout: gaps.length === 0 ? { sheet, columns, codes } : null, gaps };
}

/** One nominee of the proposal with what the columns may show. */
export interface SheetNominee {
  code: string;
  name: string;
  kind: 'person' | 'unit';
  gender: 'nam' | 'nữ' | null;
  born: string | null;
  position: string | null;
  unitName: string;
  school: string;
  category: 'leader' | 'staff' | null;
  award: string;
  awardName: string;
  form: 'title' | 'exemplar';
  achievement: string;
}

/** A cell: text stays text (a code keeps its zeros); `date` is written as an Excel date. */
export type SheetCell = { text: string } | { number: number } | { date: string } | null;

/** The value of a field before any code table. */
function valueOf(n: SheetNominee, field: LayoutField, no: number): string | number | null {
  switch (field) {
    case 'no':
      return no;
    case 'category':
      return n.kind === 'unit' ? 'unit' : n.category;
    case 'unit':
      return n.kind === 'unit' ? n.name : n.unitName;
    case 'kind':
      return n.kind;
    default:
      return n[field];
  }
}

/**
 * The sheet's rows, or the gaps: every value of a coded column that its table leaves without a code
 * (each named once, with the title's name for a title).
 */
export function layoutRows(layout: ProvinceLayout, nominees: SheetNominee[]): { rows: SheetCell[][]; gaps: LayoutGap[] } {
  const gaps: LayoutGap[] = [];
  const seen = new Set<string>();
  const rows = nominees.map((n, i) =>
    layout.columns.map((c): SheetCell => {
      const v = valueOf(n, c.field, i + 1);
      if (v === null || v === '') return null;
      if (c.codes) {
        const code = layout.codes[c.codes][String(v)];
        if (code === undefined) {
          const key = `${c.title}\u0000${v}`;
          if (!seen.has(key)) {
            seen.add(key);
            gaps.push({ key: c.field === 'award' ? 'layout.gap.awardCode' : 'layout.gap.code', params: { title: c.title, table: c.codes, value: String(v), name: c.field === 'award' ? n.awardName : String(v) } });
          }
          return null;
        }
        return { text: code };
      }
      if (c.field === 'born') return { date: String(v) };
      if (c.field === 'gender') return { text: v === 'nữ' ? 'Nữ' : 'Nam' };
      if (typeof v === 'number') return { number: v };
      return { text: String(v) };
    }),
  );
  return { rows, gaps };
}
