/** Reproducible packing: the same model gives the same bytes, however docx names its parts this time. */
import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import { renderDocx } from '../../src/render/docx/index.js';
import { buildDocument } from '../../src/render/docx/layout.js';
import { packDocument, stampPackage } from '../../src/render/docx/pack.js';
import type { DocModel } from '../../src/domain/documents.js';

const model: DocModel = {
  type: 'test',
  identity: {
    style: 'state', parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', fullName: 'Trường Chính trị tỉnh Bình Phước', symbol: 'TCT',
    place: 'Bình Phước', headTitle: 'Hiệu trưởng', headName: 'Trần Văn Thịnh', validFrom: '1900-01-01',
  },
  date: '2025-12-20',
  number: { kind: 'BC', number: 1, year: 2025 },
  title: 'Báo cáo thử',
  orientation: 'portrait',
  blocks: [
    { type: 'title', text: 'BÁO CÁO', summary: ['Kết quả năm 2025'] },
    { type: 'chart', chart: { kind: 'column', title: 'Xếp loại', categories: ['Quý I', 'Quý II'], series: [{ name: 'HTXSNV', values: [1, 2] }, { name: 'HTTNV', values: [3, 4] }] } },
    { type: 'chart', chart: { kind: 'bar', title: 'Danh hiệu', categories: ['LDTT', 'CSTDCS'], series: [{ name: 'Số', values: [33, 3] }] } },
  ],
};

describe('packing', () => {
  it('gives the same bytes every time, charts and their workbooks included (random ids renumbered)', async () => {
    const first = await renderDocx(model);
    // docx draws new random ids each time: enough runs to meet ids ending in '-' or '_' too.
    for (let i = 0; i < 40; i++) expect((await renderDocx(model)).equals(first)).toBe(true);
  });

  it('zips the parts docx compiles once, to the same bytes as docx zipping them and the stamp zipping them again', async () => {
    const fast = await packDocument(buildDocument([model]), model.date);
    const slow = stampPackage(new Uint8Array(await Packer.toBuffer(buildDocument([model]))), model.date);
    expect(fast.equals(slow)).toBe(true);
  });
});
