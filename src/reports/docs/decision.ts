/**
 * The principal's decisions as document models: the recognition decision with its attached list
 * (Quyết định công nhận danh hiệu …, công nhận điển hình tiên tiến …, tặng Giấy khen …), and the
 * decision recognising initiatives. Pure; always Vietnamese. The words are here; what a school may
 * change (its basis documents, the office in charge of emulation work, the recipients, the legal
 * sources and their citations) comes in with the data.
 *
 * Basis lines follow Decree 30/2020/NĐ-CP (DOMAIN.md "Citations and basis lines"): the law; the decrees
 * the content rests on; the school's competence; its Quy chế thi đua, khen thưởng (and its plan, for a
 * recognition under it); the minutes the decision follows; then "Xét đề nghị của …". Each ends with
 * ";", the last with ".". The last article states the decision's effect and who executes it.
 */
import { citationShort, citationText, sameDocument, type Citation } from '../../domain/citations.js';
import {
  dateInWords, para, runs, signatureLead, type Block, type DocIdentity, type DocModel, type DocNumber, type SignatureSpec, type TextRunSpec,
} from '../../domain/documents.js';
import { amountInWords, formatMoney, type Rounding } from '../../domain/money.js';

export interface Signer {
  /** The head signs in their own name; a deputy signs KT. (on behalf). */
  deputy: boolean;
  /** "Phó Hiệu trưởng" for a deputy. */
  position: string;
  name: string;
}

/** A legal source: stored whole, or the free text a clerk typed before sources were stored whole. */
export type Source = Citation | string;

/** Minutes a decision follows: the council's counting minutes, or the initiative council's. */
export interface FollowedPaper {
  kind: 'counting-minutes' | 'initiative-minutes';
  number: string;
  date: string;
}

/** What a decision rests on (the school's documents from its dated profile). */
export interface DecisionBasis {
  /** The Law, then the decrees the content rests on, in that order (duplicates are cited once). */
  legal: Source[];
  competence: Citation;
  regulation: Citation;
  /** The school's plan, cited by a recognition under it (điển hình tiên tiến). */
  plan: Citation | null;
  follows: FollowedPaper[];
}

/** The unit in charge of emulation work: its head executes the decision, it keeps a copy. */
export interface Office {
  name: string;
  /** As offices write it in "Lưu: VT, …"; null: made from the name. */
  abbr: string | null;
}

/** A title's form: a danh hiệu, a form of award (Giấy khen), or a recognition under the school's plan. */
export type AwardForm = 'title' | 'award' | 'recognition';

export interface DecisionLine {
  name: string;
  unitName: string;
  kind: 'person' | 'unit';
  bonus: number;
}

/** The money of one kind of subject: the amount, and the rule that gives it, by its source. */
export interface Pay {
  amount: number;
  /** "0.3" */
  coefficient: string;
  source: Source;
}

export interface RecognitionDecisionData {
  year: number;
  award: string;
  awardName: string;
  form: AwardForm;
  date: string;
  basis: DecisionBasis;
  office: Office;
  /** Recipients besides "Như Điều 3" and the archive, from the profile. */
  recipients: string[];
  lines: DecisionLine[];
  /** Per subject kind; absent when the title pays nothing to it. */
  pay: { person?: Pay; unit?: Pay };
  rounding: { mode: Rounding; unit: number; source: Source };
  signer: Signer;
  /** DHTT: the exemplar's rights (succession planning, exchange visits). */
  exemplarRights: boolean;
}

const quoted = (s: string) => `“${s}”`;
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
/** A free-text source is cited only when it names a legal document. */
const LEGAL = /^(Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị)\s/u;

/** True when a free-text source names a legal document ("Nghị định 24/2023/NĐ-CP"): only then is it cited. */
export function citesLegalText(s: string): boolean {
  return LEGAL.test(s);
}

/** "công nhận danh hiệu “Lao động tiên tiến”", "công nhận điển hình tiên tiến", "tặng Giấy khen". */
export function awardPhrase(form: AwardForm, name: string, quotes = true): string {
  if (form === 'recognition') return `công nhận ${lowerFirst(name)}`;
  if (form === 'award') return `tặng ${name}`;
  return `công nhận danh hiệu ${quotes ? quoted(name) : name}`;
}

/** The register's title of a recognition decision. */
export function recognitionDecisionTitle(form: AwardForm, name: string, year: number): string {
  return `Quyết định ${awardPhrase(form, name, false)} năm ${year}`;
}

/** The initiatives' decision in the register: "Quyết định công nhận sáng kiến năm 2025". */
export function initiativeDecisionTitle(year: number): string {
  return `Quyết định công nhận sáng kiến năm ${year}`;
}

/** A deputy's position when the register has none: "Phó hiệu trưởng" under "Hiệu trưởng". */
export function deputyPosition(headTitle: string): string {
  return `Phó ${headTitle.charAt(0).toLocaleLowerCase('vi')}${headTitle.slice(1)}`;
}

/** The head of the office, as an article names them: "Trưởng phòng Tổ chức – Hành chính", "Chánh Văn phòng". */
export function officeHead(name: string): string {
  if (/^Văn phòng(\s|$)/u.test(name)) return `Chánh ${name}`;
  if (/^Trung tâm\s/u.test(name)) return `Giám đốc ${name}`;
  const m = /^(Phòng|Khoa|Ban|Tổ)\s+(.+)$/u.exec(name);
  if (m) return `Trưởng ${m[1].toLocaleLowerCase('vi')} ${m[2]}`;
  return `Thủ trưởng ${name}`;
}

/** The office's abbreviation as "Lưu: VT, …" writes it: the initials of its name ("TCHC"), unless typed. */
export function officeAbbreviation(o: Office): string {
  if (o.abbr) return o.abbr;
  if (/^Văn phòng$/u.test(o.name)) return 'VP';
  const words = o.name
    .replace(/^(Phòng|Khoa|Ban|Tổ|Trung tâm)\s+/u, '')
    .split(/[\s,–-]+/u)
    .filter((w) => w !== '' && w !== 'và');
  return words.map((w) => w.charAt(0).toLocaleUpperCase('vi')).join('');
}

export function signatureOf(identity: DocIdentity, s: Signer): SignatureSpec {
  const head = identity.headTitle;
  if (!s.deputy) return { title: [signatureLead(identity.style, null, head)], name: s.name };
  return { title: [signatureLead(identity.style, 'KT', head), s.position.toLocaleUpperCase('vi')], name: s.name };
}

/** "4 cá nhân", "1 tập thể", "3 cá nhân và 1 tập thể". */
function who(lines: DecisionLine[]): string {
  const people = lines.filter((l) => l.kind === 'person').length;
  const units = lines.length - people;
  const parts = [];
  if (people > 0) parts.push(`${people} cá nhân`);
  if (units > 0) parts.push(`${units} tập thể`);
  return parts.join(' và ');
}

/** "cá nhân", "tập thể" or "cá nhân, tập thể": the subjects an article speaks of, and no others. */
function subjectsWord(lines: DecisionLine[]): string {
  const people = lines.some((l) => l.kind === 'person');
  const units = lines.some((l) => l.kind === 'unit');
  return people && units ? 'cá nhân, tập thể' : units ? 'tập thể' : 'cá nhân';
}

function issuer(identity: DocIdentity): string {
  return `${identity.headTitle} ${identity.fullName}`.toLocaleUpperCase('vi');
}

function sameSource(a: Source, b: Source): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return sameDocument(a, b);
}

/** How a source is named inside an article: "Nghị định số 152/2025/NĐ-CP". */
function sourceShort(s: Source): string {
  return typeof s === 'string' ? s : citationShort(s);
}

const FOLLOWED: Record<FollowedPaper['kind'], (n: string) => string> = {
  'counting-minutes': (n) => `Biên bản kiểm phiếu số ${n}`,
  'initiative-minutes': (n) => `Biên bản họp Hội đồng sáng kiến Trường số ${n}`,
};
const FOLLOWED_AUTHOR: Record<FollowedPaper['kind'], string> = {
  'counting-minutes': ' của Hội đồng Thi đua – Khen thưởng Trường',
  'initiative-minutes': '',
};

/** The basis lines, in Decree 30's order and punctuation. */
export function basisLines(b: DecisionBasis, proposer: string): string[] {
  const school = [b.competence, b.regulation, ...(b.plan ? [b.plan] : [])];
  const legal: Source[] = [];
  for (const s of b.legal) {
    if (typeof s === 'string' && !LEGAL.test(s)) continue;
    if (legal.some((x) => sameSource(x, s)) || school.some((x) => sameSource(x, s))) continue;
    legal.push(s);
  }
  const cited = [
    ...legal.map((s) => (typeof s === 'string' ? s : citationText(s))),
    ...school.map(citationText),
    ...b.follows.map((f) => `${FOLLOWED[f.kind](f.number)} ${dateInWords(f.date)}${FOLLOWED_AUTHOR[f.kind]}`),
  ];
  return [...cited.map((c) => `Căn cứ ${c};`), `Xét đề nghị của ${proposer}.`];
}

function basisBlocks(lines: string[]): Block[] {
  return lines.map((l) => runs([{ text: l, italic: true }], { spaceAfter: 120 }));
}

/** An article: "Điều N. " in bold, then its text. */
function article(n: number, text: string | TextRunSpec[]): Block {
  const body = typeof text === 'string' ? [{ text }] : text;
  return runs([{ text: `Điều ${n}. `, bold: true }, ...body], { spaceAfter: 120 });
}

/** The last article: the effect, and who executes the decision. */
function lastArticle(n: number, office: Office, executors: string): Block {
  return article(
    n,
    `Quyết định này có hiệu lực kể từ ngày ký. ${officeHead(office.name)}, Thủ trưởng các đơn vị có liên quan và ${executors} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
  );
}

/** The last "Nơi nhận" line: the office keeps the copy ("Lưu: VT, TCHC."); without one, the clerical office alone ("Lưu: VT."). */
export function fileLine(office: Office | null): string {
  return office ? `Lưu: VT, ${officeAbbreviation(office)}.` : 'Lưu: VT.';
}

/** A decision's "Nơi nhận" (those its last article names, the profile's recipients, the file) and its signature. */
export function closing(identity: DocIdentity, signer: Signer, office: Office, recipients: string[], lastArticleNo: number): Block {
  const list = [`Như Điều ${lastArticleNo};`, ...recipients.map((r) => `${r};`), fileLine(office)];
  return { type: 'signatures', recipients: list, blocks: [signatureOf(identity, signer)] };
}

/** "(Kèm theo Quyết định số 05/QĐ-TCT ngày 20 tháng 12 năm 2025 của Hiệu trưởng …)": what ties an attached list to its decision. */
function attachedTo(symbol: string, date: string, identity: DocIdentity): string {
  return `(Kèm theo Quyết định số ${symbol} ${dateInWords(date)} của ${identity.headTitle} ${identity.fullName})`;
}

/** "làm tròn lên hàng chục nghìn đồng"; empty when the bonus is not rounded. */
function roundingWords(mode: Rounding, unit: number): string {
  if (mode === 'none' || unit <= 1) return '';
  const to = unit === 1000 ? 'hàng nghìn đồng' : unit === 10_000 ? 'hàng chục nghìn đồng' : unit === 100_000 ? 'hàng trăm nghìn đồng' : `bội số của ${formatMoney(unit)} đồng`;
  return `làm tròn ${mode === 'up' ? 'lên ' : mode === 'down' ? 'xuống ' : 'đến '}${to}`;
}

const coefficientWords = (c: string) => c.replace('.', ',');

/** The bonus article: each amount in figures and words, the rule by its source, the total, where it is paid from. */
function bonusText(d: RecognitionDecisionData, total: number): string {
  const kinds = (['person', 'unit'] as const).filter((k) => d.pay[k] && d.lines.some((l) => l.kind === k));
  const subject = { person: 'cá nhân', unit: 'tập thể' };
  const sources = kinds.map((k) => d.pay[k]!.source);
  const rounding = roundingWords(d.rounding.mode, d.rounding.unit);
  const oneSource = sources.every((s) => sameSource(s, sources[0])) && (!rounding || sameSource(d.rounding.source, sources[0]));
  const each = kinds.map((k, i) => {
    const p = d.pay[k]!;
    const head = `${i === 0 ? 'Mỗi' : 'mỗi'} ${subject[k]}${i === 0 ? ' có tên tại Điều 1' : ''} được thưởng ${formatMoney(p.amount)} đồng (Bằng chữ: ${amountInWords(p.amount)})`;
    return `${head}, bằng ${coefficientWords(p.coefficient)} lần mức lương cơ sở${oneSource ? '' : ` theo ${sourceShort(p.source)}`}`;
  });
  const rule = oneSource
    ? `${rounding ? `, ${rounding}` : ''}, theo quy định tại ${sourceShort(sources[0])}`
    : rounding ? `; ${rounding} theo quy định tại ${sourceShort(d.rounding.source)}` : '';
  return `${each.join('; ')}${rule}. Tổng số tiền thưởng là ${formatMoney(total)} đồng (Bằng chữ: ${amountInWords(total)}), chi từ Quỹ thi đua, khen thưởng của Trường.`;
}

export function recognitionDecisionModel(d: RecognitionDecisionData, identity: DocIdentity, number: DocNumber, symbol: string): DocModel {
  const total = d.lines.reduce((a, l) => a + l.bonus, 0);
  const units = d.lines.some((l) => l.kind === 'unit');
  const people = d.lines.some((l) => l.kind === 'person');
  const subjects = subjectsWord(d.lines);
  const phrase = awardPhrase(d.form, d.awardName);
  const head = `${identity.headTitle} ${identity.fullName}`;
  const first =
    d.form === 'award'
      ? `Tặng ${d.awardName} của ${head} cho ${who(d.lines)} đã có thành tích trong năm ${d.year} (có danh sách kèm theo).`
      : `${phrase.charAt(0).toLocaleUpperCase('vi')}${phrase.slice(1)} năm ${d.year} cho ${who(d.lines)} (có danh sách kèm theo).`;
  const blocks: Block[] = [
    { type: 'title', text: 'QUYẾT ĐỊNH', summary: [`Về việc ${phrase} năm ${d.year}`] },
    { type: 'paragraph', runs: [{ text: issuer(identity), bold: true }], align: 'center', spaceAfter: 120 },
    ...basisBlocks(basisLines(d.basis, `Hội đồng Thi đua – Khen thưởng Trường và ${officeHead(d.office.name)}`)),
    { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', spaceAfter: 120 },
    article(1, first),
  ];
  if (d.exemplarRights && people) {
    blocks.push(para(`Các cá nhân được công nhận điển hình tiên tiến được xem xét trong quy hoạch, bổ nhiệm cán bộ và được ưu tiên cử đi học tập, trao đổi kinh nghiệm; ${d.office.name} theo dõi, tổng hợp.`, { spaceAfter: 120 }));
  }
  let n = 2;
  if (total > 0) blocks.push(article(n++, bonusText(d, total)));
  blocks.push(lastArticle(n, d.office, `các ${subjects}`), closing(identity, d.signer, d.office, d.recipients, n));
  blocks.push(
    {
      type: 'appendix', title: 'DANH SÁCH',
      summary: [`${subjects.charAt(0).toLocaleUpperCase('vi')}${subjects.slice(1)} được ${phrase} năm ${d.year}`], note: attachedTo(symbol, d.date, identity),
    },
    {
      type: 'table',
      widths: [0.08, 0.36, 0.36, 0.2],
      header: ['STT', units && !people ? 'Tập thể' : units ? 'Họ và tên / Tập thể' : 'Họ và tên', 'Đơn vị', 'Tiền thưởng (đồng)'],
      rows: [
        ...d.lines.map((l, i) => [String(i + 1), l.name, l.kind === 'unit' ? '' : l.unitName, formatMoney(l.bonus)]),
        ['', 'Tổng cộng', who(d.lines), formatMoney(total)],
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
    title: recognitionDecisionTitle(d.form, d.awardName, d.year),
    orientation: 'portrait',
    blocks,
  };
}

export interface InitiativeDecisionData {
  year: number;
  date: string;
  basis: DecisionBasis;
  office: Office;
  recipients: string[];
  initiatives: { code: string; kind: 'initiative' | 'research'; title: string; unitName: string; decidedOn: string; authors: { name: string; share: number }[] }[];
  signer: Signer;
}

export function initiativeDecisionModel(d: InitiativeDecisionData, identity: DocIdentity, number: DocNumber, symbol: string): DocModel {
  const initiatives = d.initiatives.filter((x) => x.kind === 'initiative').length;
  const topics = d.initiatives.length - initiatives;
  // A research topic accepted with the initiatives is named as what it is.
  const what = [initiatives > 0 ? 'sáng kiến' : '', topics > 0 ? 'đề tài nghiên cứu khoa học' : ''].filter(Boolean).join(', ');
  const counted = [initiatives > 0 ? `${initiatives} sáng kiến` : '', topics > 0 ? `${topics} đề tài nghiên cứu khoa học` : ''].filter(Boolean).join(' và ');
  const blocks: Block[] = [
    { type: 'title', text: 'QUYẾT ĐỊNH', summary: [`Về việc công nhận ${what} năm ${d.year}`] },
    { type: 'paragraph', runs: [{ text: issuer(identity), bold: true }], align: 'center', spaceAfter: 120 },
    ...basisBlocks(basisLines(d.basis, `Hội đồng sáng kiến Trường và ${officeHead(d.office.name)}`)),
    { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', spaceAfter: 120 },
    article(1, `Công nhận ${counted} năm ${d.year} (có danh sách kèm theo).`),
    article(2, `Các tác giả có tên tại Điều 1 được cấp Giấy chứng nhận và được hưởng các quyền lợi theo quy định.`),
    lastArticle(3, d.office, 'các tác giả'),
    closing(identity, d.signer, d.office, d.recipients, 3),
    { type: 'appendix', title: 'DANH SÁCH', summary: [`${what.charAt(0).toLocaleUpperCase('vi')}${what.slice(1)} được công nhận năm ${d.year}`], note: attachedTo(symbol, d.date, identity) },
    {
      type: 'table',
      widths: [0.07, 0.38, 0.25, 0.3],
      header: ['STT', `Tên ${what}`, 'Đơn vị', 'Tác giả (tỷ lệ đóng góp)'],
      rows: d.initiatives.map((x, i) => [String(i + 1), x.title, x.unitName, x.authors.map((a) => `${a.name} (${a.share}%)`).join('; ')]),
      align: ['center', 'left', 'left', 'left'],
    },
  ];
  return {
    type: 'initiative-decision', identity, date: d.date, number, title: `Quyết định công nhận ${what} năm ${d.year}`, orientation: 'portrait', blocks,
  };
}
