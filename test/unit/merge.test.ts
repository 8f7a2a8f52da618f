/**
 * The print file joined at the zip level (render/docx/merge.ts) is the document that building one
 * Word document of every model gave: the same body, section by section, and a draft's mark in each
 * section's first-page header, every part it points to present.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { mergeDocx, renderDocx } from '../../src/render/docx/index.js';
import { para, type DocModel } from '../../src/domain/documents.js';

const identity: DocModel['identity'] = {
  style: 'state', parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', fullName: 'Trường Chính trị tỉnh Bình Phước', symbol: 'TCT',
  place: 'Bình Phước', headTitle: 'Hiệu trưởng', headName: 'Trần Văn Thịnh', validFrom: '1900-01-01',
};
const certificate = (i: number, draft = false): DocModel => ({
  type: 'certificate',
  identity,
  date: '2025-12-20',
  number: { kind: 'GCN', number: i, year: 2025 },
  title: `Giấy công nhận số ${i}`,
  orientation: 'landscape',
  border: true,
  draft,
  blocks: [
    { type: 'title', text: 'GIẤY CÔNG NHẬN', summary: [`Lao động tiên tiến năm 2025`] },
    para(`Bà Nguyễn Thị Người Số ${i}`),
  ],
});

const parts = (b: Uint8Array) => unzipSync(b);
const text = (b: Uint8Array, name: string) => new TextDecoder().decode(parts(b)[name]);

describe('mergeDocx', () => {
  it('joins packages into the document one build of all the models gives (same body, sections, parts)', async () => {
    const models = [1, 2, 3].map((i) => certificate(i));
    const singles = await Promise.all(models.map((m) => renderDocx(m)));
    const merged = mergeDocx(singles, '2025-12-20');
    const built = await renderDocx(models);
    expect(text(merged, 'word/document.xml')).toBe(text(built, 'word/document.xml'));
    expect(Object.keys(parts(merged)).sort()).toEqual(Object.keys(parts(built)).sort());
    expect(text(merged, 'word/_rels/document.xml.rels')).toBe(text(built, 'word/_rels/document.xml.rels'));
    expect(text(merged, 'docProps/core.xml')).toBe(text(built, 'docProps/core.xml'));
    // Same packages, same bytes.
    expect(mergeDocx(singles, '2025-12-20').equals(merged)).toBe(true);
  });

  it("carries each draft's first-page header (the mark) into its own section, every relationship resolved", async () => {
    const singles = await Promise.all([1, 2].map((i) => renderDocx(certificate(i, true))));
    const merged = mergeDocx(singles, '2025-12-20');
    const p = parts(merged);
    const doc = text(merged, 'word/document.xml');
    const rels = text(merged, 'word/_rels/document.xml.rels');
    const types = text(merged, '[Content_Types].xml');
    const refs = [...doc.matchAll(/<w:headerReference w:type="first" r:id="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(refs).toHaveLength(2);
    expect(new Set(refs).size).toBe(2);
    for (const id of refs) {
      const target = new RegExp(`Id="${id}" Type="[^"]*/header" Target="([^"]+)"`).exec(rels)?.[1];
      expect(target).toBeTruthy();
      expect(p[`word/${target}`]).toBeDefined();
      expect(new TextDecoder().decode(p[`word/${target}`])).toContain('DỰ THẢO');
      expect(types).toContain(`PartName="/word/${target}"`);
    }
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(doc).toContain('Người Số 1');
    expect(doc).toContain('Người Số 2');
  });
});
