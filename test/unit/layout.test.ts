/**
 * The layout primitives where the printed page went wrong (issue 13): page breaks, attached lists,
 * table rows and column widths, landscape margins, "Nơi nhận" and basis lines in each style.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Block, DocModel } from '../../src/domain/documents.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { fitColumns } from '../../src/render/docx/layout.js';
import { textTwips } from '../../src/domain/format/metrics.js';
import { identityOf } from '../helpers/format.js';

const model = (blocks: Block[], extra: Partial<DocModel> = {}): DocModel => ({
  type: 'test', identity: identityOf('state'), date: '2025-12-20', number: { kind: 'QĐ', number: 1, year: 2025 }, title: 'Thử', orientation: 'portrait', blocks, ...extra,
});
const xmlOf = async (m: DocModel) => strFromU8(unzipSync(new Uint8Array(await renderDocx(m)))['word/document.xml']);
const para = (text: string): Block => ({ type: 'paragraph', runs: [{ text }], align: 'justify', indent: true });
const table: Block = { type: 'table', widths: [0.06, 0.5, 0.44], header: ['STT', 'Họ và tên', 'Đơn vị'], rows: [['1', 'Nguyễn Văn An', 'Khoa Dân vận']] };

describe('page breaks never stand in a paragraph of their own', () => {
  it('a page break of a document issued before starts the next paragraph on a new page', async () => {
    const xml = await xmlOf(model([para('Trang một.'), { type: 'pageBreak' }, para('Trang hai.')]));
    expect(xml).not.toContain('w:type="page"');
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Trang hai\./s);
  });

  it('before a table, a thin paragraph carries the break', async () => {
    const xml = await xmlOf(model([para('Trang một.'), { type: 'pageBreak' }, table]));
    expect(xml).not.toContain('w:type="page"');
    expect(xml).toMatch(/<w:p><w:pPr><w:pageBreakBefore\/><w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"\/><\/w:pPr><\/w:p><w:tbl>/);
  });

  it('an attached list starts its page; with two or more, they are numbered Phụ lục I, II', async () => {
    const one = await xmlOf(model([para('Điều 1.'), { type: 'appendix', title: 'Danh sách', summary: ['Cá nhân được công nhận'], note: '(Kèm theo Quyết định số 01/QĐ-TCT)' }, table]));
    expect(one).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*DANH SÁCH/s);
    expect(one).not.toContain('Phụ lục');
    const two = await xmlOf(model([para('Điều 1.'), { type: 'appendix', title: 'Danh sách' }, table, { type: 'appendix', title: 'Bảng tổng hợp' }, table]));
    expect(two).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Phụ lục I<(?:(?!<w:p>).)*<\/w:p><w:p>(?:(?!<\/w:p>).)*DANH SÁCH/s);
    expect(two).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Phụ lục II</s);
  });
});

describe('tables', () => {
  it('a column keeps its heading’s words whole: "STT" gets the room it needs from the others', () => {
    const widths = fitColumns([0.06, 0.5, 0.44], ['STT', 'Họ và tên', 'Đơn vị'], [['1', 'Nguyễn Văn An', 'Khoa Dân vận']], 12, 9356);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9356);
    expect(widths[0]).toBeGreaterThanOrEqual(Math.ceil(textTwips('STT', 12, true)) + 160);
    expect(widths[0]).toBeGreaterThan(Math.round(0.06 * 9356));
  });

  it('rows stay whole on a page, except in a document with a chart (LibreOffice drops rows there)', async () => {
    const rowsOf = (xml: string) => [...xml.matchAll(/<w:tr>(<w:trPr>.*?<\/w:trPr>)?/g)].map((m) => m[1] ?? '');
    const plain = rowsOf(await xmlOf(model([table], { header: false })));
    expect(plain.slice(0, 2)).toEqual(['<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>', '<w:trPr><w:cantSplit/></w:trPr>']);
    const chart: Block = { type: 'chart', chart: { kind: 'column', title: 'Số liệu', categories: ['A'], series: [{ name: 'x', values: [1] }] } };
    const withChart = rowsOf(await xmlOf(model([chart, table], { header: false })));
    expect(withChart.slice(-2)).toEqual(['<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>', '']);
  });
});

describe('the page and the closing', () => {
  it('landscape pages keep Decree 30’s margins (left 30 mm, right 15 mm)', async () => {
    const xml = await xmlOf(model([para('Ngang.')], { orientation: 'landscape' }));
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
  });

  it.each([
    ['state', ['- Như Điều 3;', '- Ban Giám hiệu;', '- Lưu: VT, TĐKT.']],
    ['party', ['- Như Điều 3,', '- Ban Giám hiệu,', '- Lưu VT, TĐKT.']],
  ] as const)('"Nơi nhận" in the %s form, whatever marks the builder wrote', async (style, lines) => {
    const m = model([{ type: 'signatures', recipients: ['Như Điều 3;', 'Ban Giám hiệu', 'Lưu: VT, TĐKT'], blocks: [{ title: ['HIỆU TRƯỞNG'], name: 'Trần Văn Thịnh' }] }]);
    const xml = await xmlOf({ ...m, identity: identityOf(style) });
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((x) => x[1]);
    for (const l of lines) expect(texts).toContain(l);
  });

  it('basis lines end with ";" and the last with "." before QUYẾT ĐỊNH:, 6 pt apart at least', async () => {
    const basis = (t: string): Block => ({ type: 'paragraph', runs: [{ text: t, italic: true }], align: 'justify', indent: true, spaceAfter: 60 });
    const xml = await xmlOf(model([basis('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'), basis('Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường,'), { type: 'paragraph', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], align: 'center' }]));
    expect(xml).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;<');
    expect(xml).toContain('Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường.<');
    expect(xml).not.toContain('w:after="60"');
  });
});
