/**
 * The ballot's papers as document models: the paper to print blank (phiếu biểu quyết) and the counting
 * minutes (biên bản kiểm phiếu). Pure: the ballot's data in, blocks out; always Vietnamese.
 */
import {
  dateInWordsCapital, para, runs, signatureLead, type Block, type DocIdentity, type DocModel, type DocNumber,
} from '../../domain/documents.js';
import { formatShare } from '../../domain/tally.js';
import { formatVnDate } from '../../domain/dates.js';
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
  /** The role in words ("Chủ tịch", "Ủy viên"…). */
  role: string;
  role_code: string;
  counter: boolean;
}

export interface BallotDocData {
  id: number;
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
  roll: BallotRollEntry[];
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
  date: string;
  issued: number;
  returned: number;
  invalid: number;
  results: MinutesResult[];
}

const councilName = (id: DocIdentity, year: number) => `Hội đồng Thi đua – Khen thưởng ${id.fullName} năm ${year}`;
const quoted = (s: string) => `“${s}”`;

function percentText(ratio: string): string {
  if (/^\d+\/\d+$/.test(ratio)) return ratio;
  const r = parseRatio(ratio);
  return r === null ? ratio : formatShare(r);
}

/** The paper handed to each member present: nominees, two boxes each, how to mark it. Not numbered. */
export function ballotPaperModel(d: BallotDocData, identity: DocIdentity): DocModel {
  const blocks: Block[] = [
    { type: 'title', text: 'PHIẾU BIỂU QUYẾT', summary: [`Đề nghị công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}`] },
    para(`${councilName(identity, d.year)}, phiên họp ${dateInWordsCapital(d.heldOn).toLowerCase()} (phiếu số ${d.id}).`),
    para('Cách ghi phiếu: ở mỗi dòng, đánh dấu (X) vào một trong hai ô “Đồng ý” hoặc “Không đồng ý”. Dòng không đánh dấu ô nào, hoặc đánh dấu cả hai ô, được tính là để trống cho người đó. Phiếu ghi thêm tên, ký hiệu hoặc nội dung khác, phiếu không phải do Hội đồng phát ra là phiếu không hợp lệ. Không ký tên vào phiếu.'),
    {
      type: 'table',
      widths: [0.07, 0.33, 0.3, 0.15, 0.15],
      header: ['STT', d.nominees.some((n) => n.kind === 'unit') ? 'Cá nhân, tập thể được đề nghị' : 'Họ và tên', 'Đơn vị', 'Đồng ý', 'Không đồng ý'],
      rows: d.nominees.map((n, i) => [String(i + 1), n.name, n.kind === 'unit' ? '' : n.unitName, '', '']),
      align: ['center', 'left', 'left', 'center', 'center'],
      size: 13,
    },
    para(`Danh sách gồm ${d.nominees.length} ${d.nominees.length === 1 ? 'người' : 'người (tập thể)'} được đề nghị.`, { indent: false, align: 'left', size: 12 }),
  ];
  return {
    type: 'ballot-paper',
    identity,
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

/** The signed record of a count: roll and presence, papers, each nominee's counts and share, the rule, the result. */
export function minutesModel(d: MinutesData, identity: DocIdentity, number: DocNumber): DocModel {
  const counters = d.roll.filter((r) => r.counter);
  const chair = d.roll.find((r) => r.role_code === 'chair');
  const valid = d.returned - d.invalid;
  const passed = d.results.filter((r) => r.passed);
  const blocks: Block[] = [
    { type: 'title', text: 'BIÊN BẢN', summary: [`Kiểm phiếu biểu quyết đề nghị công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}`] },
    para(`${dateInWordsCapital(d.date)}, tại ${identity.fullName}, ${councilName(identity, d.year)} họp xét, biểu quyết bằng phiếu kín đề nghị công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}.`),
  ];
  if (d.round > 1) {
    blocks.push(para(`Biên bản này ghi kết quả kiểm phiếu lại (lần ${d.round}) của phiên họp ngày ${formatVnDate(d.heldOn)}${d.replaces ? `, thay cho Biên bản số ${d.replaces}` : ''}. Lý do kiểm phiếu lại: ${d.reason ?? ''}.`));
  }
  blocks.push(
    runs([{ text: '1. Thành phần Hội đồng: ', bold: true }, { text: `${d.membersTotal} thành viên; có mặt ${d.present} thành viên (quy định tối thiểu ${percentText(d.quorum)} tổng số thành viên), đủ điều kiện biểu quyết.` }]),
    {
      type: 'table',
      widths: [0.08, 0.42, 0.5],
      header: ['STT', 'Họ và tên', 'Chức danh trong Hội đồng'],
      rows: d.roll.map((r, i) => [String(i + 1), r.name, r.role]),
      align: ['center', 'left', 'left'],
    },
    runs([{ text: '2. Ban kiểm phiếu: ', bold: true }, {
      text: counters.length > 0 ? `${counters.map((c, i) => `${c.name} (${i === 0 ? 'Trưởng ban' : 'thành viên'})`).join('; ')}.` : 'do Hội đồng cử tại phiên họp.',
    }]),
    runs([{ text: '3. Số phiếu: ', bold: true }, { text: `phát ra ${d.issued}; thu về ${d.returned}; hợp lệ ${valid}; không hợp lệ ${d.invalid}.` }]),
    runs([{ text: '4. Kết quả biểu quyết: ', bold: true }, {
      text: `tỷ lệ đồng ý tính trên ${baseWords(d)}; được đề nghị công nhận khi đạt từ ${percentText(d.threshold)} trở lên (${d.source}).`,
    }]),
    {
      type: 'table',
      widths: [0.06, 0.25, 0.21, 0.1, 0.1, 0.09, 0.1, 0.09],
      header: ['STT', 'Họ và tên', 'Đơn vị', 'Đồng ý', 'Không đồng ý', 'Để trống', 'Tỷ lệ đồng ý', 'Kết quả'],
      rows: d.results.map((r, i) => [
        String(i + 1), r.name, r.kind === 'unit' ? '' : r.unitName, String(r.agree), String(r.disagree), String(r.blank), formatShare(r.share), r.passed ? 'Đạt' : 'Không đạt',
      ]),
      align: ['center', 'left', 'left', 'center', 'center', 'center', 'center', 'center'],
      size: 11.5,
    },
    para(
      passed.length > 0
        ? `Có ${passed.length}/${d.results.length} người được đề nghị đạt tỷ lệ phiếu đồng ý theo quy định${passed.length <= 10 ? `: ${passed.map((r) => r.name).join(', ')}` : ' (cột Kết quả của bảng trên)'}. Hội đồng đề nghị Hiệu trưởng xem xét, quyết định công nhận.`
        : `Không có người được đề nghị nào đạt tỷ lệ phiếu đồng ý theo quy định.`,
    ),
    para('Biên bản được lập ngay sau khi kiểm phiếu, đọc lại trước Hội đồng và được các thành viên thống nhất.'),
    {
      type: 'signatures',
      blocks: [
        { title: [signatureLead(identity.style, 'TM', 'Ban kiểm phiếu'), 'TRƯỞNG BAN'], name: counters[0]?.name ?? '' },
        { title: [signatureLead(identity.style, 'TM', 'Hội đồng'), 'CHỦ TỊCH'], name: chair?.name ?? '' },
      ],
    },
  );
  return {
    type: 'ballot-minutes',
    identity,
    date: d.date,
    number,
    title: `Biên bản kiểm phiếu danh hiệu ${d.awardName} năm ${d.year}${d.round > 1 ? ` (kiểm phiếu lại lần ${d.round})` : ''}`,
    orientation: 'portrait',
    blocks,
  };
}
