/**
 * Documents for the format checker's tests: one the program writes (a recognition decision), the
 * same with a departure made by hand in its XML, and one laid out the way Word writes a document an
 * office typed (styles inherited from styles.xml, a theme font, runs split inside words, a table for
 * the header, a drawn line under the name).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DocIdentity, DocModel } from '../../src/domain/documents.js';
import type { HeaderStyle } from '../../src/domain/org.js';
import { recognitionDecisionModel } from '../../src/reports/docs/decision.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { readFormat } from '../../src/render/docx/read.js';
import { checkFormat, type FormatReport } from '../../src/domain/format/check.js';

export function identityOf(style: HeaderStyle): DocIdentity {
  return {
    style, parentBody: 'Tỉnh ủy Bình Phước', name: 'Trường Chính trị', fullName: 'Trường Chính trị tỉnh Bình Phước', symbol: 'TCT',
    place: 'Bình Phước', headTitle: 'Hiệu trưởng', headName: 'Trần Văn Thịnh', validFrom: '2025-01-01',
  };
}

/** A recognition decision dated 5 September (a day that takes its leading zero). */
export function decisionModel(style: HeaderStyle, people = 4): DocModel {
  const lines = Array.from({ length: people }, (_, i) => ({ name: `Nguyễn Văn An ${i + 1}`, unitName: 'Khoa Lý luận cơ sở', kind: 'person' as const, bonus: 710_000 }));
  return recognitionDecisionModel(
    {
      year: 2025, award: 'LDTT', awardName: 'Lao động tiên tiến', form: 'title', date: '2025-09-05',
      basis: {
        legal: [
          { kind: 'Luật', number: '06/2022/QH15', date: '2022-06-15', issuer: 'Quốc hội', subject: 'Thi đua, khen thưởng' },
          { kind: 'Nghị định', number: '73/2024/NĐ-CP', date: '2024-06-30', issuer: 'Chính phủ', subject: 'quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang' },
        ],
        competence: { kind: 'Quyết định', number: '1234-QĐ/TU', date: '2020-03-05', issuer: 'Ban Thường vụ Tỉnh ủy Bình Phước', subject: 'về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Bình Phước' },
        regulation: { kind: 'Quyết định', number: '45/QĐ-TCT', date: '2024-01-10', issuer: 'Hiệu trưởng Trường Chính trị tỉnh Bình Phước', subject: 'ban hành Quy chế thi đua, khen thưởng của Trường' },
        plan: null,
        follows: [{ kind: 'counting-minutes', number: '01/BB-TCT', date: '2025-09-04' }],
      },
      office: { name: 'Phòng Tổ chức – Hành chính', abbr: null }, recipients: [],
      lines, pay: { person: { amount: 710_000, coefficient: '0.3', source: { kind: 'Nghị định', number: '98/2023/NĐ-CP', date: '2023-12-31', issuer: 'Chính phủ', subject: 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' } } },
      rounding: { mode: 'up', unit: 10_000, source: { kind: 'Nghị định', number: '98/2023/NĐ-CP', date: '2023-12-31', issuer: 'Chính phủ', subject: 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' } },
      signer: { deputy: false, position: 'Hiệu trưởng', name: 'Trần Văn Thịnh' }, exemplarRights: false,
    },
    identityOf(style),
    { kind: 'QĐ', number: 1, year: 2025 },
    style === 'party' ? '01-QĐ/TCT' : '01/QĐ-TCT',
  );
}

export async function decisionDocx(style: HeaderStyle = 'state'): Promise<Uint8Array> {
  return new Uint8Array(await renderDocx(decisionModel(style)));
}

/** The package with one part's XML changed. */
export function withPart(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const before = strFromU8(parts[name]);
  const after = change(before);
  if (after === before) throw new Error(`withPart: nothing changed in ${name}`);
  parts[name] = strToU8(after);
  return zipSync(parts);
}

export function check(bytes: Uint8Array, opts: { style?: HeaderStyle; pages?: number } = {}): FormatReport {
  return checkFormat(readFormat(bytes, 'x.docx'), opts);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';

/** A run as Word writes one: rsid attributes, properties only where they differ from the style. */
const r = (text: string, props = '') => `<w:r w:rsidR="00A1B2C3">${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
/** A paragraph in a style, its text split into runs at the given places (Word splits where the typist paused). */
const p = (style: string | null, pPr: string, runs: string) =>
  `<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6"><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${pPr}</w:pPr>${runs}</w:p>`;
const cell = (width: number, body: string) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${body}</w:tc>`;

export interface TypedOptions {
  /** The Normal style's size in half-points (28 = 14 pt). */
  normalSize?: number;
  /** The date as typed on the date line ("05 tháng 9"). */
  date?: string;
  /** The closing mark of the first basis line. */
  basisMark?: string;
  /** The rule under the name drawn as the name paragraph's bottom border (as wide as its column). */
  nameBorder?: boolean;
}

/**
 * A decision the way Word saves one an office typed: Times New Roman 14 pt comes from the Normal
 * style (the defaults say Calibri 11 pt through the theme), the header is a borderless table, the rule
 * under the name a drawn line, runs are split inside words, the page number a field in the header
 * from page 2.
 */
export function wordTypedDocx(o: TypedOptions = {}): Uint8Array {
  const centred = '<w:jc w:val="center"/><w:spacing w:after="0"/>';
  const body = '<w:ind w:firstLine="709"/><w:spacing w:after="120" w:line="288" w:lineRule="auto"/><w:jc w:val="both"/>';
  const left = [
    p(null, centred, r('TỈNH ỦY BÌNH ', '<w:sz w:val="26"/>') + r('PHƯỚC', '<w:sz w:val="26"/>')),
    p(null, centred + (o.nameBorder ? '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>' : ''), r('TRƯỜNG CHÍNH ', '<w:b/><w:sz w:val="26"/>') + r('TRỊ', '<w:b/><w:sz w:val="26"/>')),
    o.nameBorder ? '' : p(null, centred, `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="720000" cy="0"/><a:graphic><a:graphicData><wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="56.7pt,0"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`),
    p(null, centred, r('Số: 01/QĐ-', '<w:sz w:val="26"/>') + r('TCT', '<w:sz w:val="26"/>')),
  ].join('');
  const right = [
    p(null, centred, r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/><w:sz w:val="26"/>')),
    p(null, centred, r('Độc lập - Tự do - ', '<w:b/><w:u w:val="single"/><w:sz w:val="26"/>') + r('Hạnh phúc', '<w:b/><w:u w:val="single"/><w:sz w:val="26"/>')),
    p(null, centred, r(`Bình Phước, ngày ${o.date ?? '05 tháng 9'} năm 2025`, '<w:i/>')),
  ].join('');
  const header = `<w:tbl><w:tblPr><w:tblW w:w="9356" w:type="dxa"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="3686"/><w:gridCol w:w="5670"/></w:tblGrid><w:tr>${cell(3686, left)}${cell(5670, right)}</w:tr></w:tbl>`;
  const title = [
    p(null, '<w:jc w:val="center"/><w:spacing w:before="240" w:after="0"/>', r('QUYẾT ', '<w:b/>') + r('ĐỊNH', '<w:b/>')),
    p(null, centred, r('Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025', '<w:b/>')),
    p(null, centred, `<w:r><w:pict><v:line from="0,0" to="150pt,0"/></w:pict></w:r>`),
    p(null, '<w:jc w:val="center"/><w:spacing w:before="240" w:after="120"/>', r('HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH BÌNH PHƯỚC', '<w:b/>')),
  ].join('');
  const basis = [
    p(null, body, r('Căn cứ Luật Thi đua, khen ', '<w:i/>') + r(`thưởng ngày 15 tháng 6 năm 2022${o.basisMark ?? ';'}`, '<w:i/>')),
    p(null, body, r('Căn cứ Biên bản kiểm phiếu số 01/BB-TCT ngày 04 tháng 9 năm 2025 của Hội đồng Thi đua – Khen thưởng;', '<w:i/>')),
    p(null, body, r('Theo đề nghị của Hội đồng Thi đua – Khen thưởng Trường.', '<w:i/>')),
    p(null, '<w:jc w:val="center"/><w:spacing w:after="120"/>', r('QUYẾT ĐỊNH:', '<w:b/>')),
    p(null, body, r('Điều 1. ', '<w:b/>') + r('Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho 2 cá nhân có tên sau: Nguyễn Văn An, Khoa Lý luận cơ sở; Lê Thị Bình, Khoa Dân vận.')),
    p(null, body, r('Điều 2. ', '<w:b/>') + r('Quyết định này có hiệu lực kể từ ngày ký. Trưởng phòng Tổ chức – Hành chính và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.')),
  ].join('');
  const rec = [
    p(null, '<w:spacing w:after="0"/>', r('Nơi nhận:', '<w:b/><w:i/><w:sz w:val="24"/>')),
    p(null, '<w:spacing w:after="0"/>', r('- Như Điều 2;', '<w:sz w:val="22"/>')),
    p(null, '<w:spacing w:after="0"/>', r('- Lưu: VT, TĐKT.', '<w:sz w:val="22"/>')),
  ].join('');
  const sign = [
    p(null, centred, r('HIỆU TRƯỞNG', '<w:b/>')),
    p(null, centred, ''),
    p(null, centred, ''),
    p(null, centred, r('Trần Văn Thịnh', '<w:b/>')),
  ].join('');
  const closing = `<w:tbl><w:tblPr><w:tblW w:w="9356" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4678"/><w:gridCol w:w="4678"/></w:tblGrid><w:tr>${cell(4678, rec)}${cell(4678, sign)}</w:tr></w:tbl>`;
  const sect = '<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" r:id="rId9"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${header}${title}${basis}<w:p/>${closing}${p(null, '', '')}${sect}</w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="${o.normalSize ?? 28}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;
  const headerPart = (page: boolean) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>${page ? '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' : ''}</w:p></w:hdr>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>`;
  const theme = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`;
  const root = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  return zipSync({
    '[Content_Types].xml': strToU8(types),
    '_rels/.rels': strToU8(root),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
    'word/theme/theme1.xml': strToU8(theme),
    'word/header1.xml': strToU8(headerPart(true)),
    'word/header2.xml': strToU8(headerPart(false)),
    'word/_rels/document.xml.rels': strToU8(rels),
  });
}
