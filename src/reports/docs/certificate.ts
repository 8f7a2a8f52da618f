/**
 * Certificates (Giấy công nhận, Giấy chứng nhận, Giấy khen, Giấy chứng nhận sáng kiến) as document
 * models: A4 landscape with a border, one page each. Pure; always Vietnamese. The same data fills the
 * placeholders of an office's own Word template (templates/README.md lists them).
 */
import { dateInWords, placeDateLine, type Block, type DocIdentity, type DocModel, type DocNumber, type SignatureSpec } from '../../domain/documents.js';

/** How a certificate addresses a person: Ông, Bà; null when the register does not say. */
export function honorificOf(gender: string | null | undefined): 'Ông' | 'Bà' | null {
  return gender === 'nữ' ? 'Bà' : gender === 'nam' ? 'Ông' : null;
}

/** What each title's certificate is called; titles absent here (LDTT, TTLDTT) carry money only. */
const HEADINGS: Record<string, { title: string; subtitle?: (year: number) => string; verb: string }> = {
  DHTT: { title: 'GIẤY CÔNG NHẬN', subtitle: (y) => `ĐIỂN HÌNH TIÊN TIẾN NĂM ${y}`, verb: 'CÔNG NHẬN' },
  CSTDCS: { title: 'GIẤY CHỨNG NHẬN', subtitle: (y) => `CHIẾN SĨ THI ĐUA CƠ SỞ NĂM ${y}`, verb: 'CHỨNG NHẬN' },
  TTLDXS: { title: 'GIẤY CHỨNG NHẬN', subtitle: (y) => `TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM ${y}`, verb: 'CHỨNG NHẬN' },
  GK: { title: 'GIẤY KHEN', verb: 'TẶNG' },
  SK: { title: 'GIẤY CHỨNG NHẬN SÁNG KIẾN', verb: 'CHỨNG NHẬN' },
};
/** A research topic recognised with the initiatives (DT-…) is certified as a topic, not an initiative. */
const RESEARCH = { title: 'GIẤY CHỨNG NHẬN', subtitle: (y: number) => `ĐỀ TÀI NGHIÊN CỨU KHOA HỌC NĂM ${y}`, verb: 'CHỨNG NHẬN' };

/** True when the title comes with a certificate (DHTT, CSTDCS, TTLDXS, GK, initiatives). */
export function carriesCertificate(award: string): boolean {
  return award in HEADINGS;
}

export interface CertificateData {
  award: string;
  awardName: string;
  year: number;
  /** Person or unit; for an initiative its authors (see `initiative`). */
  name: string;
  kind: 'person' | 'unit';
  /** The person's unit; for a unit, empty. */
  unitName: string;
  /** How the person is addressed ("Ông", "Bà"); null for a unit and an initiative. */
  honorific: 'Ông' | 'Bà' | null;
  /** The person's position ("Giảng viên chính"); null when none is recorded. */
  position: string | null;
  /** The achievement as the clerk wrote it for the certificate (or the nomination's summary), as typed. */
  achievement: string;
  initiative?: { code: string; kind: 'initiative' | 'research'; title: string; unitName: string; authors: { name: string; share: number }[] };
  decisionSymbol: string;
  decisionDate: string;
  /** The signature of the decision (head, or KT. deputy). */
  signature: SignatureSpec;
}

const quoted = (s: string) => `“${s}”`;
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** What the certificate is, as the register names it: "Giấy công nhận điển hình tiên tiến năm 2025". */
export function certificateName(d: Pick<CertificateData, 'award' | 'awardName' | 'year' | 'initiative'>): string {
  if (d.initiative) return `Giấy chứng nhận ${d.initiative.kind === 'research' ? 'đề tài nghiên cứu khoa học' : 'sáng kiến'} ${quoted(d.initiative.title)}`;
  if (d.award === 'DHTT') return `Giấy công nhận ${lowerFirst(d.awardName)} năm ${d.year}`;
  if (d.award === 'GK') return `${d.awardName} năm ${d.year}`;
  return `Giấy chứng nhận ${d.awardName} năm ${d.year}`;
}

/** The words every certificate prints, by placeholder (templates/README.md): the model and templates share them. */
export function certificateFields(d: CertificateData, identity: DocIdentity, symbol: string): Record<string, string> {
  const ini = d.initiative;
  const h = ini?.kind === 'research' ? RESEARCH : HEADINGS[d.award];
  const authors = ini ? ini.authors.map((a) => `${a.name} (${a.share}%)`).join(', ') : '';
  // The clerk's own words, as typed; with none, what the recognition itself says.
  const achievement = ini
    ? `Được công nhận là ${ini.kind === 'research' ? 'đề tài nghiên cứu khoa học' : 'sáng kiến'} năm ${d.year}.`
    : d.achievement
      ? d.achievement
      : d.award === 'DHTT'
        ? `Được công nhận ${lowerFirst(d.awardName)} năm ${d.year}.`
        : `Đã đạt danh hiệu ${quoted(d.awardName)} năm ${d.year}.`;
  const head = `${identity.headTitle} ${identity.fullName}`;
  return {
    tieu_de: h.title,
    tieu_de_phu: h.subtitle?.(d.year) ?? (d.award === 'GK' ? `NĂM ${d.year}` : ''),
    co_quan_cap_tren: identity.parentBody.toLocaleUpperCase('vi'),
    co_quan: identity.name.toLocaleUpperCase('vi'),
    nguoi_cap: head.toLocaleUpperCase('vi'),
    nguoi_quyet_dinh: head,
    dong_tu: h.verb,
    danh_xung: ini ? '' : (d.honorific ?? ''),
    ten: ini ? authors : d.name,
    chuc_vu: ini ? '' : (d.position ?? ''),
    don_vi: ini ? ini.unitName : d.kind === 'person' ? d.unitName : identity.fullName,
    danh_hieu: d.awardName,
    nam: String(d.year),
    thanh_tich: achievement,
    ten_sang_kien: ini?.title ?? '',
    so_quyet_dinh: d.decisionSymbol,
    ngay_quyet_dinh: dateInWords(d.decisionDate).replace(/^ngày /, ''),
    so_giay: symbol,
    dia_danh_ngay: placeDateLine(identity.place, d.decisionDate),
    chuc_danh_ky: d.signature.title.join('\n'),
    nguoi_ky: d.signature.name,
  };
}

/** Every placeholder a template may use; `ten` must be there. */
export const CERTIFICATE_PLACEHOLDERS = [
  'tieu_de', 'tieu_de_phu', 'co_quan_cap_tren', 'co_quan', 'nguoi_cap', 'nguoi_quyet_dinh', 'dong_tu', 'danh_xung', 'ten', 'chuc_vu', 'don_vi',
  'danh_hieu', 'nam', 'thanh_tich', 'ten_sang_kien', 'so_quyet_dinh', 'ngay_quyet_dinh', 'so_giay', 'dia_danh_ngay', 'chuc_danh_ky', 'nguoi_ky',
] as const;
export const REQUIRED_PLACEHOLDERS = ['ten'];

const center = (text: string, opts: { size?: number; bold?: boolean; italic?: boolean; before?: number; after?: number } = {}): Block => ({
  type: 'paragraph',
  runs: [{ text, bold: opts.bold, italic: opts.italic, size: opts.size }],
  align: 'center',
  indent: false,
  spaceBefore: opts.before ?? 0,
  spaceAfter: opts.after ?? 40,
});

/** The certificate's page: title, issuer, the honoree large and bold, position and unit, achievement, the decision. */
export function certificateBlocks(f: Record<string, string>, opts: { initiative?: { label: string; title: string } } = {}): Block[] {
  const blocks: Block[] = [center(f.tieu_de, { size: 26, bold: true, before: 120, after: 0 })];
  if (f.tieu_de_phu) blocks.push(center(f.tieu_de_phu, { size: 18, bold: true, after: 0 }));
  blocks.push(center(f.nguoi_cap, { size: 14, bold: true, before: 160, after: 0 }), center(f.dong_tu, { size: 14, bold: true, after: 120 }));
  if (opts.initiative) {
    blocks.push(
      center(`${opts.initiative.label}: ${quoted(opts.initiative.title)}`, { size: 18, bold: true, after: 60 }),
      center(`Tác giả: ${f.ten}`, { size: 15, bold: true, after: 60 }),
    );
  } else {
    // "Bà" and the name in runs of their own: an office's template keeps {{ten}} a placeholder of its own.
    const name = center(f.ten, { size: 24, bold: true, after: 80 });
    if (f.danh_xung && name.type === 'paragraph') name.runs.unshift({ text: `${f.danh_xung} `, bold: true, size: 24 });
    blocks.push(name);
  }
  if (!opts.initiative && f.chuc_vu) blocks.push(center(f.chuc_vu, { size: 14, after: 40 }));
  if (f.don_vi) blocks.push(center(`Đơn vị: ${f.don_vi}`, { size: 14, after: 60 }));
  blocks.push(
    center(f.thanh_tich, { size: 14, italic: true, after: 60 }),
    center(`Theo Quyết định số ${f.so_quyet_dinh} ngày ${f.ngay_quyet_dinh} của ${f.nguoi_quyet_dinh}`, { size: 13, italic: true, after: 0 }),
  );
  return blocks;
}

export function certificateModel(d: CertificateData, identity: DocIdentity, number: DocNumber, symbol: string): DocModel {
  const f = certificateFields(d, identity, symbol);
  const ini = d.initiative;
  const blocks = certificateBlocks(f, { initiative: ini && { label: ini.kind === 'research' ? 'Đề tài' : 'Sáng kiến', title: ini.title } });
  blocks.push({ type: 'signatures', blocks: [d.signature], placeDate: f.dia_danh_ngay, space: 3 });
  return {
    type: 'certificate',
    identity,
    date: d.decisionDate,
    number,
    title: `${certificateName(d)} – ${ini ? f.ten : d.name}`,
    orientation: 'landscape',
    border: true,
    headerDate: false,
    blocks,
    fields: f,
  };
}
