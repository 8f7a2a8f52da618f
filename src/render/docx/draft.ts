/**
 * The mark of a draft (DOMAIN.md "Drafts and issued documents"): "DỰ THẢO" in bold capitals, in a box
 * at the top right of page 1, as offices mark a text still under review. It sits in the first page's
 * header, in the top margin, so the draft's pages break exactly where the issued document's will.
 */
import { AlignmentType, BorderStyle, Paragraph, TextRun } from 'docx';

const BOX = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 };
/** The box's width in twips (about 32 mm). */
const BOX_WIDTH = 1800;

/** The boxed "DỰ THẢO" for a text area `width` twips wide, in `font`. */
export function draftMark(width: number, font: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: Math.max(0, width - BOX_WIDTH), right: 0 },
    spacing: { before: 0, after: 0 },
    border: { top: BOX, bottom: BOX, left: BOX, right: BOX },
    children: [new TextRun({ text: 'DỰ THẢO', bold: true, size: 26, font })],
  });
}
