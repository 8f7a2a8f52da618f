/**
 * The ballot's papers as document models: the paper to print blank (phiếu biểu quyết) and the counting
 * minutes (biên bản kiểm phiếu). Both are the emulation council's own papers: its name heads them, under
 * the school's. Pure: the ballot's data in, blocks out; always Vietnamese.
 */
import {
  dateInWords, para, runs, signatureLead, type Block, type DocIdentity, type DocModel, type DocNumber, type SignatureSpec,
} from '../../domain/documents.js';
import { formatShare } from '../../domain/tally.js';
import { timeInWords } from '../../domain/dates.js';
import { parseRatio } from '../../domain/rules.js';

export interface BallotNominee {
  nomination: number;
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  unitName: string;
}

export interface BallotRollEntry {
  code: string;
  name: string;
  /** `chair`, `vice`, `member`, `secretary`. */
  role: string;
  /** Null on a ballot opened before attendance was recorded. */
  attended: boolean | null;
}

export interface BallotDocData {
  year: number;
  award: string;
  awardName: string;
  heldOn: string;
  membersTotal: number;
  present: number;
  quorum: string;
  threshold: string;
  base: 'present' | 'members';
  /** The legal source of the frozen rules. */
  source: string;
  /** The meeting's start (`HH:MM`) and place; null on a ballot opened before they were recorded. */
  startsAt: string | null;
  place: string | null;
  roll: BallotRollEntry[];
  /** Codes of who presided and who kept the minutes (null on a ballot opened before they were recorded). */
  presiding: string | null;
  secretary: string | null;
  /** Codes of the counting committee in the order named: its head first. */
  counters: string[];
  nominees: BallotNominee[];
}

export interface MinutesResult extends BallotNominee {
  agree: number;
  disagree: number;
  blank: number;
  baseCount: number;
  share: number;
  passed: boolean;
}

export interface MinutesData extends BallotDocData {
  round: number;
  /** Why the papers were counted again (a recount). */
  reason: string | null;
  /** The minutes this recount replaces, as printed. */
  replaces: string | null;
  /** The date of the minutes (the meeting's; a recount's own day). */
  date: string;
  /** When the meeting ended (`HH:MM`); null only for a recount of a ballot closed before it was recorded. */
  endsAt: string | null;
  issued: number;
  returned: number;
  invalid: number;
  results: MinutesResult[];
}

const COUNCIL = 'Hội đồng Thi đua – Khen thưởng';
const ROLE_WORDS: Record<string, string> = { chair: 'Chủ tịch', vice: 'Phó Chủ tịch', member: 'Ủy viên', secretary: 'Thư ký' };
const roleWords = (role: string) => ROLE_WORDS[role] ?? role;

const councilName = (id: DocIdentity, year: number) => `${COUNCIL} ${id.fullName} năm ${year}`;
const quoted = (s: string) => `“${s}”`;
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * The council as the author of its papers: the school is the body above it in the header ("TRƯỜNG
 * CHÍNH TRỊ TỈNH …" over "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"), its symbol the council's (01/BB-HĐTĐKT).
 */
export function councilIdentity(school: DocIdentity): DocIdentity {
  return { ...school, parentBody: keepProvince(school.fullName), name: COUNCIL_HEADER, fullName: `${COUNCIL} ${school.fullName}`, symbol: 'HĐTĐKT' };
}

/**
 * The council's name as its header prints it in a narrow column: no break inside "Khen thưởng" or
 * before the dash, so it wraps as "HỘI ĐỒNG THI ĐUA –" / "KHEN THƯỞNG" (no-break spaces).
 */
const COUNCIL_HEADER = 'Hội đồng Thi đua\u00a0– Khen\u00a0thưởng';

/** "Trường Chính trị tỉnh Đồng Nai": the province kept on one line when the name wraps ("… tỉnh Đồng Nai"). */
function keepProvince(fullName: string): string {
  const m = /^(.*?)\s((?:tỉnh|thành phố)\s.+)$/iu.exec(fullName);
  return m ? `${m[1]} ${m[2].replace(/\s+/g, '\u00a0')}` : fullName;
}

/** What the nominees are called: people "người", units "tập thể", a mixed list "cá nhân, tập thể". */
export function nomineeNoun(nominees: { kind: 'person' | 'unit' }[]): string {
  const people = nominees.some((n) => n.kind === 'person');
  const units = nominees.some((n) => n.kind === 'unit');
  return people && units ? 'cá nhân, tập thể' : units ? 'tập thể' : 'người';
}

/** "5 người", "2 tập thể", "3 cá nhân và 2 tập thể". */
export function nomineeCount(nominees: { kind: 'person' | 'unit' }[]): string {
  const people = nominees.filter((n) => n.kind === 'person').length;
  const units = nominees.length - people;
  if (people > 0 && units > 0) return `${people} cá nhân và ${units} tập thể`;
  return `${nominees.length} ${nomineeNoun(nominees)}`;
}

/** The heading of the name column: "Họ và tên", "Tên tập thể", or both kinds. */
function nameHeader(nominees: { kind: 'person' | 'unit' }[]): string {
  const noun = nomineeNoun(nominees);
  return noun === 'người' ? 'Họ và tên' : noun === 'tập thể' ? 'Tên tập thể' : 'Cá nhân, tập thể';
}

const unitsOnly = (nominees: { kind: 'person' | 'unit' }[]) => nominees.every((n) => n.kind === 'unit');

function percentText(ratio: string): string {
  if (/^\d+\/\d+$/.test(ratio)) return ratio;
  const r = parseRatio(ratio);
  return r === null ? ratio : formatShare(r);
}

/** The paper handed to each member present: nominees, two boxes each, how to mark it. Not numbered, no mark of its own. */
export function ballotPaperModel(d: BallotDocData, school: DocIdentity): DocModel {
  const noun = nomineeNoun(d.nominees);
  const withUnit = !unitsOnly(d.nominees);
  // Everything but the list above it, so that the list ends the page: about 18 names fit on one.
  const blocks: Block[] = [
    { type: 'title', text: 'PHIẾU BIỂU QUYẾT', summary: [`Đề nghị công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}`] },
    para(
      `Danh sách gồm ${nomineeCount(d.nominees)} được đề nghị. Cách ghi phiếu: ở mỗi dòng, đánh dấu (X) vào một trong hai ô “Đồng ý” hoặc “Không đồng ý”. Dòng không đánh dấu ô nào, hoặc đánh dấu cả hai ô, được tính là để trống đối với ${noun} đó. Phiếu ghi thêm tên, ký hiệu hoặc nội dung khác, phiếu không phải do Hội đồng phát ra là phiếu không hợp lệ. Không ký tên vào phiếu.`,
      { size: 13, spaceAfter: 80 },
    ),
    {
      type: 'table',
      widths: withUnit ? [0.08, 0.34, 0.38, 0.1, 0.1] : [0.08, 0.62, 0.15, 0.15],
      header: withUnit ? ['STT', nameHeader(d.nominees), 'Đơn vị', 'Đồng ý', 'Không đồng ý'] : ['STT', nameHeader(d.nominees), 'Đồng ý', 'Không đồng ý'],
      rows: d.nominees.map((n, i) => (withUnit ? [String(i + 1), n.name, n.kind === 'unit' ? '' : n.unitName, '', ''] : [String(i + 1), n.name, '', ''])),
      align: withUnit ? ['center', 'left', 'left', 'center', 'center'] : ['center', 'left', 'center', 'center'],
      size: 12,
    },
  ];
  return {
    type: 'ballot-paper',
    identity: councilIdentity(school),
    date: d.heldOn,
    number: null,
    title: `Phiếu biểu quyết danh hiệu ${d.awardName} năm ${d.year}`,
    orientation: 'portrait',
    blocks,
  };
}

function baseWords(d: BallotDocData): string {
  return d.base === 'members' ? `tổng số thành viên Hội đồng (${d.membersTotal})` : `số thành viên có mặt (${d.present})`;
}

/** "Trần Văn Thịnh, Chủ tịch Hội đồng". */
const asMember = (r: BallotRollEntry) => `${r.name}, ${roleWords(r.role)} Hội đồng`;

/** The sentence that opens the minutes: when, where, who met and why. */
function opening(d: MinutesData, school: DocIdentity): string {
  const what = `${councilName(school, d.year)} họp xét, biểu quyết bằng phiếu kín đề nghị công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}.`;
  if (d.startsAt && d.place) return `Vào lúc ${timeInWords(d.startsAt)}, ${dateInWords(d.heldOn)}, tại ${d.place}, ${what}`;
  // A ballot opened before its time and place were recorded.
  return `${capital(dateInWords(d.heldOn))}, tại ${school.fullName}, ${what}`;
}

/** Section 1: the roll, who presided, who kept the minutes, who attended and who did not. */
function composition(d: MinutesData, by: (code: string | null) => BallotRollEntry | undefined): Block[] {
  const absent = d.roll.filter((r) => r.attended === false);
  const known = d.roll.every((r) => r.attended !== null);
  const absentText = d.membersTotal === d.present ? 'không có thành viên vắng mặt' : `vắng mặt ${d.membersTotal - d.present}${known ? ` (${absent.map((r) => r.name).join(', ')})` : ''}`;
  const presiding = by(d.presiding);
  const secretary = by(d.secretary);
  const out: Block[] = [
    runs([{ text: '1. Thành phần: ', bold: true }, {
      text: `Hội đồng có ${d.membersTotal} thành viên; có mặt ${d.present}, ${absentText}. Số thành viên có mặt đạt từ ${percentText(d.quorum)} tổng số thành viên trở lên, đủ điều kiện biểu quyết.`,
    }]),
  ];
  if (presiding) out.push(para(`Chủ trì phiên họp: ${asMember(presiding)}.`, { spaceAfter: 0 }));
  if (secretary) out.push(para(`Thư ký phiên họp: ${asMember(secretary)}.`));
  out.push({
    type: 'table',
    widths: known ? [0.08, 0.38, 0.36, 0.18] : [0.08, 0.5, 0.42],
    header: known ? ['STT', 'Họ và tên', 'Chức danh trong Hội đồng', 'Tham dự'] : ['STT', 'Họ và tên', 'Chức danh trong Hội đồng'],
    rows: d.roll.map((r, i) => {
      const row = [String(i + 1), r.name, roleWords(r.role)];
      return known ? [...row, r.attended ? 'Có mặt' : 'Vắng mặt'] : row;
    }),
    align: known ? ['center', 'left', 'left', 'center'] : ['center', 'left', 'left'],
    size: 12,
  });
  return out;
}

/** The signatures: the secretary beside the one who presided, and the head of the counting committee. */
function signatures(d: MinutesData, school: DocIdentity, by: (code: string | null) => BallotRollEntry | undefined): Block[] {
  const presiding = by(d.presiding) ?? d.roll.find((r) => r.role === 'chair');
  const chairTitle = presiding?.role === 'vice'
    ? [signatureLead(school.style, 'TM', 'Hội đồng'), signatureLead(school.style, 'KT', 'Chủ tịch'), 'PHÓ CHỦ TỊCH']
    : [signatureLead(school.style, 'TM', 'Hội đồng'), 'CHỦ TỊCH'];
  const head = by(d.counters[0] ?? null);
  const row = (blocks: SignatureSpec[]): Block => {
    // Names on one line: every title as tall as the tallest.
    const lines = Math.max(...blocks.map((b) => b.title.length));
    return { type: 'signatures', blocks: blocks.map((b) => ({ ...b, title: [...b.title, ...Array<string>(lines - b.title.length).fill('')] })), space: 3 };
  };
  return [
    row([{ title: ['THƯ KÝ'], name: by(d.secretary)?.name ?? '' }, { title: chairTitle, name: presiding?.name ?? '' }]),
    row([{ title: [signatureLead(school.style, 'TM', 'Ban kiểm phiếu'), 'TRƯỞNG BAN'], name: head?.name ?? '' }, { title: [], name: '' }]),
  ];
}

/** The signed record of a count: the meeting, the roll and presence, papers, each nominee's counts and share, the rule, the result. */
export function minutesModel(d: MinutesData, school: DocIdentity, number: DocNumber): DocModel {
  const byCode = new Map(d.roll.map((r) => [r.code, r]));
  const by = (code: string | null) => (code ? byCode.get(code) : undefined);
  const counters = d.counters.map((c) => byCode.get(c)).filter((r): r is BallotRollEntry => r !== undefined);
  const valid = d.returned - d.invalid;
  const passed = d.results.filter((r) => r.passed);
  const noun = nomineeNoun(d.results);
  const withUnit = !unitsOnly(d.results);
  const blocks: Block[] = [
    { type: 'title', text: 'BIÊN BẢN', summary: ['Kiểm phiếu biểu quyết đề nghị công nhận', `danh hiệu ${quoted(d.awardName)} năm ${d.year}`] },
    para(opening(d, school)),
  ];
  if (d.round > 1) {
    blocks.push(para(
      `Biên bản này ghi kết quả kiểm phiếu lại (lần ${d.round}) ${dateInWords(d.date)} đối với phiếu biểu quyết của phiên họp ${dateInWords(d.heldOn)}${d.replaces ? `, thay cho Biên bản số ${d.replaces}` : ''}. Lý do kiểm phiếu lại: ${d.reason ?? ''}.`,
    ));
  }
  blocks.push(
    ...composition(d, by),
    runs([{ text: '2. Ban kiểm phiếu: ', bold: true }, {
      text: counters.length > 0 ? `Hội đồng cử Ban kiểm phiếu gồm: ${counters.map((c, i) => `${c.name}, ${i === 0 ? 'Trưởng ban' : 'thành viên'}`).join('; ')}.` : 'do Hội đồng cử tại phiên họp.',
    }]),
    runs([{ text: '3. Số phiếu: ', bold: true }, { text: `phát ra ${d.issued}; thu về ${d.returned}; hợp lệ ${valid}; không hợp lệ ${d.invalid}.` }]),
    runs([{ text: '4. Kết quả biểu quyết: ', bold: true }, {
      text: `tỷ lệ đồng ý tính trên ${baseWords(d)}; được đề nghị công nhận khi đạt từ ${percentText(d.threshold)} trở lên theo ${d.source}. Kết quả như sau:`,
    }], { keepNext: true }),
    {
      type: 'table',
      widths: withUnit ? [0.07, 0.24, 0.25, 0.08, 0.09, 0.08, 0.1, 0.09] : [0.07, 0.49, 0.08, 0.09, 0.08, 0.1, 0.09],
      header: ['STT', nameHeader(d.results), ...(withUnit ? ['Đơn vị'] : []), 'Đồng ý', 'Không đồng ý', 'Để trống', 'Tỷ lệ đồng ý', 'Kết quả'],
      rows: d.results.map((r, i) => [
        String(i + 1), r.name, ...(withUnit ? [r.kind === 'unit' ? '' : r.unitName] : []),
        String(r.agree), String(r.disagree), String(r.blank), formatShare(r.share), r.passed ? 'Đạt' : 'Không đạt',
      ]),
      align: ['center', 'left', ...(withUnit ? ['left' as const] : []), 'center', 'center', 'center', 'center', 'center'],
      size: 11.5,
    },
    para(
      passed.length > 0
        ? `Có ${passed.length}/${d.results.length} ${noun} được đề nghị đạt tỷ lệ phiếu đồng ý theo quy định${passed.length <= 10 ? `: ${passed.map((r) => r.name).join(', ')}` : ', có kết quả “Đạt” tại mục 4 của Biên bản này'}. Hội đồng đề nghị Hiệu trưởng xem xét, quyết định theo thẩm quyền.`
        : `Không có ${noun} nào được đề nghị đạt tỷ lệ phiếu đồng ý theo quy định.`,
    ),
    para(`${d.endsAt ? `Phiên họp kết thúc vào lúc ${timeInWords(d.endsAt)} cùng ngày. ` : ''}Biên bản được lập ngay sau khi kiểm phiếu, đọc lại trước Hội đồng và được các thành viên có mặt thống nhất.`),
    ...signatures(d, school, by),
  );
  return {
    type: 'ballot-minutes',
    identity: councilIdentity(school),
    date: d.date,
    number,
    title: `Biên bản kiểm phiếu danh hiệu ${d.awardName} năm ${d.year}${d.round > 1 ? ` (kiểm phiếu lại lần ${d.round})` : ''}`,
    orientation: 'portrait',
    blocks,
  };
}

/** The minutes' entry in the register: "Biên bản kiểm phiếu danh hiệu … năm 2025 (kiểm phiếu lại lần 2)". */
export function minutesTitle(awardName: string, year: number, round: number): string {
  return `Biên bản kiểm phiếu danh hiệu ${awardName} năm ${year}${round > 1 ? ` (kiểm phiếu lại lần ${round})` : ''}`;
}
