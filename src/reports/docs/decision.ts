/**
 * The principal's decisions as document models: the recognition decision with its attached list
 * (Quyết định công nhận danh hiệu …), and the decision recognising initiatives. Pure; always Vietnamese.
 */
import {
  dateInWords, para, runs, signatureLead, type Block, type DocIdentity, type DocModel, type DocNumber, type SignatureSpec,
} from '../../domain/documents.js';
import { amountInWords, formatMoney } from '../../domain/money.js';

export interface Signer {
  /** The head signs in their own name; a deputy signs KT. (on behalf). */
  deputy: boolean;
  /** "Phó Hiệu trưởng" for a deputy. */
  position: string;
  name: string;
}

export interface DecisionLine {
  name: string;
  unitName: string;
  kind: 'person' | 'unit';
  bonus: number;
  /** For initiatives: the work and the author's share. */
  work?: string;
  share?: number;
}

export interface RecognitionDecisionData {
  year: number;
  award: string;
  awardName: string;
  date: string;
  /** "Biên bản kiểm phiếu số 01/BB-TCT ngày 18/12/2025", or the initiative council's decisions. */
  basis: string[];
  lines: DecisionLine[];
  baseSalary: number;
  /** Coefficients used, by subject kind. */
  coefficients: { person?: string; unit?: string };
  /** Legal sources of the money rules (base salary, coefficient). */
  moneySources: string[];
  signer: Signer;
  /** DHTT: the exemplar's rights (succession planning, exchange visits). */
  exemplarRights: boolean;
}

const quoted = (s: string) => `“${s}”`;
const LEGAL = /^(Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị)\b/u;

export function signatureOf(identity: DocIdentity, s: Signer): SignatureSpec {
  const head = identity.headTitle;
  if (!s.deputy) return { title: [signatureLead(identity.style, null, head)], name: s.name };
  return { title: [signatureLead(identity.style, 'KT', head), s.position.toLocaleUpperCase('vi')], name: s.name };
}

function who(lines: DecisionLine[]): string {
  const people = lines.filter((l) => l.kind === 'person').length;
  const units = lines.length - people;
  const parts = [];
  if (people > 0) parts.push(`${people} cá nhân`);
  if (units > 0) parts.push(`${units} tập thể`);
  return parts.join(' và ');
}

function issuer(identity: DocIdentity): string {
  return `${identity.headTitle} ${identity.fullName}`.toLocaleUpperCase('vi');
}

function basisBlocks(identity: DocIdentity, basis: string[], extra: string[]): Block[] {
  const lines = [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    // Only legal documents are cited; the school's own settings come under its regulations below.
    ...extra.filter((s) => LEGAL.test(s)).map((s) => `Căn cứ ${s};`),
    `Căn cứ Quy chế thi đua, khen thưởng của ${identity.fullName};`,
    ...basis.map((b) => `Căn cứ ${b};`),
    'Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường,',
  ];
  return lines.map((l) => runs([{ text: l, italic: true }], { spaceAfter: 60 }));
}

/** "(Kèm theo Quyết định số 05/QĐ-TCT ngày 20 tháng 12 năm 2025 của Hiệu trưởng …)": what ties an attached list to its decision. */
function attachedTo(symbol: string, date: string, identity: DocIdentity): string {
  return `(Kèm theo Quyết định số ${symbol} ${dateInWords(date)} của ${identity.headTitle} ${identity.fullName})`;
}

function closing(identity: DocIdentity, signer: Signer, recipients: string[]): Block {
  return { type: 'signatures', recipients, blocks: [signatureOf(identity, signer)] };
}

export function recognitionDecisionModel(d: RecognitionDecisionData, identity: DocIdentity, number: DocNumber, symbol: string): DocModel {
  const total = d.lines.reduce((a, l) => a + l.bonus, 0);
  const units = d.lines.some((l) => l.kind === 'unit');
  const people = d.lines.some((l) => l.kind === 'person');
  const subjects = units && people ? 'Cá nhân, tập thể' : units ? 'Tập thể' : 'Cá nhân';
  const paid = total > 0;
  const vn = (c: string) => c.replace('.', ',');
  const coeff = [d.coefficients.person && `${vn(d.coefficients.person)} (cá nhân)`, d.coefficients.unit && `${vn(d.coefficients.unit)} (tập thể)`].filter(Boolean).join(', ');
  const blocks: Block[] = [
    { type: 'title', text: 'QUYẾT ĐỊNH', summary: [`Về việc công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}`] },
    { type: 'paragraph', runs: [{ text: issuer(identity), bold: true }], align: 'center', spaceAfter: 120 },
    ...basisBlocks(identity, d.basis, d.moneySources),
    { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', spaceAfter: 120 },
    runs([{ text: 'Điều 1. ', bold: true }, { text: `Công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year} cho ${who(d.lines)} (có danh sách kèm theo).` }]),
    runs([
      { text: 'Điều 2. ', bold: true },
      {
        text: paid
          ? `Mỗi cá nhân, tập thể có tên tại Điều 1 được thưởng theo mức hệ số ${coeff} × mức lương cơ sở ${formatMoney(d.baseSalary)} đồng, làm tròn theo Quy chế; tổng số tiền thưởng ${formatMoney(total)} đồng (Bằng chữ: ${amountInWords(total)}), chi từ Quỹ thi đua, khen thưởng của Trường.`
          : `Danh hiệu ${quoted(d.awardName)} không kèm tiền thưởng theo quy định đang áp dụng.`,
      },
    ]),
  ];
  if (d.exemplarRights) {
    blocks.push(para('Các cá nhân được công nhận điển hình tiên tiến được xem xét trong quy hoạch, bổ nhiệm cán bộ và được ưu tiên cử đi học tập, trao đổi kinh nghiệm; Phòng Tổ chức – Hành chính theo dõi, tổng hợp.'));
  }
  blocks.push(
    runs([{ text: 'Điều 3. ', bold: true }, { text: 'Trưởng phòng Tổ chức – Hành chính, Thủ trưởng các khoa, phòng và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.' }]),
    closing(identity, d.signer, ['Như Điều 3;', 'Ban Thi đua – Khen thưởng tỉnh (để báo cáo);', 'Lưu: VT, TĐKT.']),
    { type: 'appendix', title: 'DANH SÁCH', summary: [`${subjects} được công nhận danh hiệu ${quoted(d.awardName)} năm ${d.year}`], note: attachedTo(symbol, d.date, identity) },
    {
      type: 'table',
      widths: [0.08, 0.36, 0.36, 0.2],
      header: ['STT', units && !people ? 'Tập thể' : units ? 'Họ và tên / Tập thể' : 'Họ và tên', 'Đơn vị', 'Tiền thưởng (đồng)'],
      rows: [
        ...d.lines.map((l, i) => [String(i + 1), l.name, l.kind === 'unit' ? '' : l.unitName, formatMoney(l.bonus)]),
        ['', 'Tổng cộng', `${d.lines.length} ${subjects.toLocaleLowerCase('vi')}`, formatMoney(total)],
      ],
      align: ['center', 'left', 'left', 'right'],
      boldRows: [d.lines.length],
    },
    para(`Tổng số tiền thưởng: ${formatMoney(total)} đồng (Bằng chữ: ${amountInWords(total)}).`, { indent: false, align: 'left' }),
  );
  return {
    type: 'recognition-decision',
    identity,
    date: d.date,
    number,
    title: `Quyết định công nhận danh hiệu ${d.awardName} năm ${d.year}`,
    orientation: 'portrait',
    blocks,
  };
}

export interface InitiativeDecisionData {
  year: number;
  date: string;
  basis: string[];
  initiatives: { code: string; title: string; unitName: string; decidedOn: string; authors: { name: string; share: number }[] }[];
  signer: Signer;
}

export function initiativeDecisionModel(d: InitiativeDecisionData, identity: DocIdentity, number: DocNumber, symbol: string): DocModel {
  const blocks: Block[] = [
    { type: 'title', text: 'QUYẾT ĐỊNH', summary: [`Về việc công nhận sáng kiến năm ${d.year}`] },
    { type: 'paragraph', runs: [{ text: issuer(identity), bold: true }], align: 'center', spaceAfter: 120 },
    ...basisBlocks(identity, d.basis, ['Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến']).map((b) =>
      b.type === 'paragraph' && b.runs[0].text.startsWith('Xét đề nghị') ? runs([{ text: 'Xét đề nghị của Hội đồng sáng kiến Trường,', italic: true }], { spaceAfter: 60 }) : b,
    ),
    { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', spaceAfter: 120 },
    runs([{ text: 'Điều 1. ', bold: true }, { text: `Công nhận ${d.initiatives.length} sáng kiến năm ${d.year} (có danh sách kèm theo).` }]),
    runs([{ text: 'Điều 2. ', bold: true }, { text: 'Các tác giả có sáng kiến được công nhận được cấp Giấy chứng nhận sáng kiến và được hưởng các quyền lợi theo quy định.' }]),
    runs([{ text: 'Điều 3. ', bold: true }, { text: 'Trưởng phòng Tổ chức – Hành chính, Thủ trưởng các khoa, phòng và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.' }]),
    closing(identity, d.signer, ['Như Điều 3;', 'Lưu: VT, HĐSK.']),
    { type: 'appendix', title: 'DANH SÁCH', summary: [`Sáng kiến được công nhận năm ${d.year}`], note: attachedTo(symbol, d.date, identity) },
    {
      type: 'table',
      widths: [0.07, 0.15, 0.38, 0.4],
      header: ['STT', 'Mã', 'Tên sáng kiến', 'Tác giả (tỷ lệ đóng góp)'],
      rows: d.initiatives.map((x, i) => [String(i + 1), x.code, x.title, x.authors.map((a) => `${a.name} (${a.share}%)`).join('; ')]),
      align: ['center', 'left', 'left', 'left'],
    },
  ];
  return { type: 'initiative-decision', identity, date: d.date, number, title: `Quyết định công nhận sáng kiến năm ${d.year}`, orientation: 'portrait', blocks };
}

