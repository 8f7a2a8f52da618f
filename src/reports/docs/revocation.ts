/**
 * The decision that revokes a recognition made by an earlier decision (Quyết định thu hồi): how a signed
 * decision, which is final, is undone (issue 18). It names the decision it revokes, whom and why, and
 * what is to be returned. Pure; always Vietnamese.
 */
import { dateInWords, runs, type Block, type DocIdentity, type DocModel, type DocNumber } from '../../domain/documents.js';
import { amountInWords, formatMoney } from '../../domain/money.js';
import { basisLines, closing, officeHead, type DecisionBasis, type Office, type Signer } from './decision.js';

export type Revoked = { initiative: string } | { awardName: string; year: number };

/** "danh hiệu “Lao động tiên tiến” năm 2025", or "công nhận sáng kiến “…”". */
function revokedWords(revoked: Revoked): string {
  return 'initiative' in revoked ? `công nhận sáng kiến “${revoked.initiative}”` : `danh hiệu “${revoked.awardName}” năm ${revoked.year}`;
}

export interface RevocationData {
  date: string;
  /** The decision revoked: its number as printed, date and title ("Quyết định công nhận danh hiệu … năm 2025"). */
  original: { symbol: string; date: string; title: string };
  subject: { name: string; kind: 'person' | 'unit'; unitName: string | null };
  /** What is revoked: a title of a year, or an initiative's recognition (named by the work's title). */
  revoked: Revoked;
  bonus: number;
  reason: string;
  signer: Signer;
  /** What it rests on, as every decision of the school: the Law (rule basis.law), the school's competence and regulation (profile in force that day). */
  basis: Pick<DecisionBasis, 'legal' | 'competence' | 'regulation'>;
  /** The unit in charge of emulation work (profile in force that day): what is returned goes through it, its head executes, it keeps the file. */
  office: Office;
  /** The profile's recipients of decisions, besides "Như Điều 3" and "Lưu". */
  recipients: string[];
}

export function revocationDecisionModel(d: RevocationData, identity: DocIdentity, number: DocNumber): DocModel {
  const head = `${identity.headTitle} ${identity.fullName}`;
  const what = revokedWords(d.revoked);
  const originalRef = `Quyết định số ${d.original.symbol} ${dateInWords(d.original.date)} của ${head}`;
  const who = d.subject.kind === 'unit' ? `tập thể ${d.subject.name}` : d.subject.unitName ? `${d.subject.name} (${d.subject.unitName})` : d.subject.name;
  const Who = who.charAt(0).toLocaleUpperCase('vi') + who.slice(1);
  // "Quyết định công nhận …" → "về việc công nhận …".
  const about = `về việc ${d.original.title.replace(/^Quyết định\s+(về việc\s+)?/iu, '').replace(/^./u, (c) => c.toLocaleLowerCase('vi'))}`;
  const reason = d.reason.replace(/[.\s]+$/u, '');
  const returned = d.bonus > 0
    ? `${Who} có trách nhiệm nộp lại số tiền thưởng đã nhận là ${formatMoney(d.bonus)} đồng (Bằng chữ: ${amountInWords(d.bonus)}) và hiện vật khen thưởng (nếu có) cho Trường qua ${d.office.name}.`
    : `${Who} có trách nhiệm nộp lại hiện vật khen thưởng (nếu có) cho Trường qua ${d.office.name}.`;
  // The basis lines as every decision writes them, the decision revoked cited last before the proposal.
  const basis = basisLines({ ...d.basis, plan: null, follows: [] }, 'Hội đồng Thi đua – Khen thưởng Trường');
  basis.splice(basis.length - 1, 0, `Căn cứ ${originalRef} ${about};`);
  const blocks: Block[] = [
    { type: 'title', text: 'QUYẾT ĐỊNH', summary: [`Về việc thu hồi ${what} đã công nhận tại Quyết định số ${d.original.symbol}`] },
    { type: 'paragraph', runs: [{ text: head.toLocaleUpperCase('vi'), bold: true }], align: 'center', spaceAfter: 120 },
    ...basis.map((l) => runs([{ text: l, italic: true }], { spaceAfter: 60 })),
    { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center', spaceAfter: 120 },
    runs([{ text: 'Điều 1. ', bold: true }, { text: `Thu hồi ${what} đã công nhận cho ${who} tại ${originalRef}. Lý do: ${reason}.` }]),
    runs([{ text: 'Điều 2. ', bold: true }, { text: returned }]),
    runs([
      { text: 'Điều 3. ', bold: true },
      { text: `Quyết định này có hiệu lực kể từ ngày ký. ${officeHead(d.office.name)}, Thủ trưởng các đơn vị có liên quan và ${who} chịu trách nhiệm thi hành Quyết định này./.` },
    ]),
    closing(identity, d.signer, d.office, d.recipients, 3),
  ];
  return {
    type: 'revocation-decision',
    identity,
    date: d.date,
    number,
    title: revocationDecisionTitle(d.revoked, d.original.symbol),
    orientation: 'portrait',
    blocks,
  };
}

/** The revocation in the register: "Quyết định thu hồi danh hiệu “…” năm 2025 (Quyết định số …)". */
export function revocationDecisionTitle(revoked: Revoked, originalSymbol: string): string {
  return `Quyết định thu hồi ${revokedWords(revoked)} (Quyết định số ${originalSymbol})`;
}
