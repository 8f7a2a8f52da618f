// The benchmark's reference for certificates: the same number of one-page landscape certificates
// (header table, title, name, a few lines, signature), built and written with the docx package alone,
// no database and no numbering. Usage: node scripts/bench-docx.mjs OUTDIR COUNT [--merge]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const [out, countText, merge] = process.argv.slice(2);
const count = Number(countText);
mkdirSync(out, { recursive: true });
const line = (text, opts = {}) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: 'Times New Roman', size: 28, ...opts })] });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const cell = (children) => new TableCell({ children, width: { size: 6000, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none } });
const border = { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: '1F3864', space: 24 };

function section(i) {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
        borders: { pageBorderTop: border, pageBorderBottom: border, pageBorderLeft: border, pageBorderRight: border },
      },
    },
    children: [
      new Table({ rows: [new TableRow({ children: [cell([line('TỈNH ỦY'), line('TRƯỜNG CHÍNH TRỊ', { bold: true }), line(`Số: ${i + 1}/GCN-TCT`)]), cell([line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }), line('Độc lập - Tự do - Hạnh phúc', { bold: true })])] })] }),
      line('GIẤY CÔNG NHẬN', { bold: true, size: 40 }),
      line('ĐIỂN HÌNH TIÊN TIẾN NĂM 2025', { bold: true }),
      line('HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH'),
      line(`Nguyễn Văn Người Số ${i}`, { bold: true, size: 36 }),
      line(`Đơn vị: Đơn vị số ${i % 200}`),
      line(`Đã có thành tích: Thành tích nổi bật năm 2025 của người số ${i}`, { italics: true }),
      line('Theo Quyết định số 02/QĐ-TCT ngày 20/12/2025', { italics: true }),
      line('Tỉnh, ngày 20 tháng 12 năm 2025', { italics: true }),
      line('HIỆU TRƯỞNG', { bold: true }),
      line('Trần Văn Thịnh', { bold: true }),
    ],
  };
}

for (let i = 0; i < count; i++) {
  const doc = new Document({ sections: [section(i)] });
  writeFileSync(join(out, `GCN-${i}.docx`), await Packer.toBuffer(doc));
}
if (merge) writeFileSync(join(out, 'in-chung.docx'), await Packer.toBuffer(new Document({ sections: Array.from({ length: count }, (_, i) => section(i)) })));
