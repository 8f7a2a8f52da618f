/**
 * The signed PDF: a signature field added to the PDF LibreOffice made (pdf-lib), its /Contents filled
 * by @signpdf with the CMS signature over every byte but the gap; optionally a visible block in the
 * blank lines of the signature block (found in the printed page with poppler's `pdftotext -bbox`),
 * whose text LibreOffice sets in the document's own font, so Vietnamese reads right. Reading a PDF's
 * signatures back is here too: the byte ranges, the signature value, the signing time.
 */
import { execFile } from 'node:child_process';
import { WorkflowError } from '../domain/errors.js';
import { fold } from '../domain/names.js';
import { signDetached, type KeySigner } from './sign-cms.js';
import { readNode } from './sign-der.js';

// ---------------------------------------------------------------------------------------------
// Where the signature goes

export interface PrintedLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  width: number;
  height: number;
  lines: PrintedLine[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Reads `pdftotext -bbox-layout` output: each page's lines of text with their boxes (top-down points). */
export function parseBbox(xml: string): PrintedPage[] {
  const pages: PrintedPage[] = [];
  for (const p of xml.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(p);
    const lines: PrintedLine[] = [];
    for (const l of p.matchAll(/<line xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...l[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]));
      lines.push({ text: words.join(' ').normalize('NFC'), xMin: Number(l[1]), yMin: Number(l[2]), xMax: Number(l[3]), yMax: Number(l[4]) });
    }
    pages.push({ width: Number(size?.[1] ?? 595), height: Number(size?.[2] ?? 842), lines });
  }
  return pages;
}

export function printedText(pdftotext: string, pdf: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(pdftotext, ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (e, out, err) =>
      e ? reject(new WorkflowError('sign.pdftotextFailed', { reason: String(err || e.message).trim().split('\n')[0] })) : resolve(out),
    );
  });
}

export interface SignatureArea {
  /** Page index (0-based). */
  page: number;
  /** PDF user space (origin bottom left): [x1, y1, x2, y2]. */
  rect: [number, number, number, number];
}

const same = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/**
 * The blank lines between a signature block's title and the signer's name, on the page where that
 * block is printed: the place of the handwritten signature, where the visible signature goes. Null
 * when the block is not found, or the space is too small or holds text.
 */
export function findSignatureArea(pages: PrintedPage[], block: { title: string[]; name: string }): SignatureArea | null {
  const lastTitle = block.title[block.title.length - 1];
  for (let p = pages.length - 1; p >= 0; p--) {
    const page = pages[p];
    for (const t of page.lines.filter((l) => same(l.text, lastTitle))) {
      const centre = (t.xMin + t.xMax) / 2;
      const name = page.lines
        .filter((l) => same(l.text, block.name) && l.yMin > t.yMax && Math.abs((l.xMin + l.xMax) / 2 - centre) < 60)
        .sort((a, b) => a.yMin - b.yMin)[0];
      if (!name) continue;
      const top = t.yMax + 3;
      const bottom = name.yMin - 3;
      if (bottom - top < 28) continue;
      const half = Math.min(105, centre - 10, page.width - 10 - centre);
      const box = { xMin: centre - half, xMax: centre + half, yMin: top, yMax: bottom };
      const overlaps = page.lines.some((l) => l.xMax > box.xMin && l.xMin < box.xMax && l.yMax > box.yMin && l.yMin < box.yMax);
      if (overlaps) continue;
      return { page: p, rect: [box.xMin, page.height - box.yMax, box.xMax, page.height - box.yMin] };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The visible block's text, set by LibreOffice

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The stamp's size in millimetres (scaled to the space found). */
export const STAMP_MM = { width: 74, height: 22 };

/** A one-page OpenDocument text (flat XML) holding the visible signature's lines, the first in bold. */
export function stampDocument(lines: string[]): string {
  const paras = lines.map((l, i) => `<text:p text:style-name="${i === 0 ? 'P1' : 'P2'}">${xml(l)}</text:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman" style:font-pitch="variable"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="0mm" fo:line-height="112%"/><style:text-properties style:font-name="Times New Roman" fo:font-size="8pt" fo:color="#1f3864" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="${STAMP_MM.width}mm" fo:page-height="${STAMP_MM.height}mm" fo:margin-top="1.8mm" fo:margin-bottom="0mm" fo:margin-left="2.2mm" fo:margin-right="1.5mm"/></style:page-layout>
<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-size="9pt" fo:font-weight="bold" fo:color="#b00000"/></style:style>
<style:style style:name="P2" style:family="paragraph"/>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>${paras}</office:text></office:body>
</office:document>
`;
}

// ---------------------------------------------------------------------------------------------
// Signing

export interface PlaceholderInput {
  /** The PDF as LibreOffice made it. */
  pdf: Uint8Array;
  signingTime: Date;
  /** "Ký ban hành Quyết định số 01/QĐ-TCT". */
  reason: string;
  location: string;
  /** The signer as named in the certificate. */
  name: string;
  /** Room for the CMS, in bytes. */
  signatureLength: number;
  visible?: { area: SignatureArea; stamp: Uint8Array };
}

/** `D:20261128150000+07'00'` (Vietnam's time, as the documents are dated). */
export function pdfDate(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${local.getUTCFullYear()}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}${p(local.getUTCHours())}${p(local.getUTCMinutes())}${p(local.getUTCSeconds())}+07'00'`;
}

const PLACEHOLDER = '**********';

/** A CommonJS package as a dynamic import gives it: its exports, or (bundled) under `default`. */
function cjs<T extends object>(m: T, name: keyof T): T {
  return name in m && m[name] !== undefined ? m : ((m as { default?: T }).default ?? m);
}

/** Adds the signature field, its dictionary (room left for /Contents and /ByteRange) and the visible block. */
export async function addSignatureField(input: PlaceholderInput): Promise<Buffer> {
  const lib = cjs(await import('pdf-lib'), 'PDFDocument');
  const { PDFDocument, PDFName, PDFNumber, PDFArray, PDFHexString, PDFString, PDFInvalidObject } = lib;
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  const ctx = doc.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(PLACEHOLDER));
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(input.signatureLength * 2)),
    M: PDFString.of(pdfDate(input.signingTime)),
    Name: PDFHexString.fromText(input.name),
    Reason: PDFHexString.fromText(input.reason),
    Location: PDFHexString.fromText(input.location),
  });
  // Written as it is (never into an object stream), so the byte range can be found and filled.
  const bytes = new Uint8Array(sig.sizeInBytes());
  sig.copyBytesInto(bytes, 0);
  const sigRef = ctx.register(PDFInvalidObject.of(bytes));

  const pageIndex = input.visible?.area.page ?? 0;
  const page = doc.getPages()[pageIndex];
  let rect: number[] = [0, 0, 0, 0];
  let appearance;
  if (input.visible) {
    rect = input.visible.area.rect.map((n) => Math.round(n * 100) / 100);
    const w = rect[2] - rect[0];
    const h = rect[3] - rect[1];
    const [stamp] = await doc.embedPdf(input.visible.stamp, [0]);
    const s = Math.min(w / stamp.width, h / stamp.height);
    const dx = (w - stamp.width * s) / 2;
    const dy = (h - stamp.height * s) / 2;
    const f = (n: number) => n.toFixed(3);
    const ops = [
      'q',
      `${f(s)} 0 0 ${f(s)} ${f(dx)} ${f(dy)} cm`,
      '/Stamp Do',
      'Q',
      'q 0.122 0.220 0.392 RG 0.8 w',
      `${f(dx + 0.4)} ${f(dy + 0.4)} ${f(stamp.width * s - 0.8)} ${f(stamp.height * s - 0.8)} re S`,
      'Q',
    ].join('\n');
    appearance = ctx.register(ctx.stream(ops, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: { XObject: { Stamp: stamp.ref } } }));
  } else {
    appearance = ctx.register(ctx.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  }
  const rectArray = PDFArray.withContext(ctx);
  for (const n of rect) rectArray.push(PDFNumber.of(n));
  const widget = ctx.register(
    ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: rectArray, V: sigRef, T: PDFHexString.fromText('Chữ ký số'), F: 4, P: page.ref, AP: { N: appearance } }),
  );
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(widget);
  page.node.set(PDFName.of('Annots'), annots);
  const form = ctx.obj({ Fields: [widget], SigFlags: 3 });
  doc.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Fills the byte range and the signature value: the signed PDF. */
export async function signPlaceholder(pdf: Buffer, signer: KeySigner, signingTime: Date): Promise<Buffer> {
  const { SignPdf } = cjs(await import('@signpdf/signpdf'), 'SignPdf');
  const { Signer } = cjs(await import('@signpdf/utils'), 'Signer');
  class CadesSigner extends Signer {
    override async sign(content: Buffer): Promise<Buffer> {
      return signDetached(content, signer);
    }
  }
  return new SignPdf().sign(pdf, new CadesSigner(), signingTime);
}

// ---------------------------------------------------------------------------------------------
// Reading signatures back

export interface PdfSignature {
  byteRange: [number, number, number, number];
  /** The CMS, without the zero padding; null when the gap does not hold a well-formed hex value. */
  contents: Buffer | null;
  /** What in the gap is not the signature: padding that is not zeros, mixed-case or stray characters. */
  gapAltered: boolean;
  /** The bytes the signature covers. */
  signed: Buffer;
  /** The byte range is not one gap within the file (missing, overlapping, beyond the end). */
  malformed: boolean;
  subFilter: string | null;
  /** /M of the signature dictionary. */
  time: Date | null;
}

function pdfDateValue(s: string): Date | null {
  const m = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Z+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const sign = m[7] === '-' ? -1 : m[7] === '+' ? 1 : 0;
  return new Date(utc - sign * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) * 60_000);
}

/** Every signature of the file, in the order they appear. */
export function readPdfSignatures(pdf: Buffer): PdfSignature[] {
  const out: PdfSignature[] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = br;
    const malformed = a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e;
    let contents: Buffer | null = null;
    let gapAltered = false;
    if (!malformed) {
      const hex = text.slice(b + 1, c - 1);
      if (!/^(?:[0-9a-f]*|[0-9A-F]*)$/.test(hex) || hex.length % 2 !== 0) gapAltered = true;
      else {
        const raw = Buffer.from(hex, 'hex');
        try {
          const n = readNode(raw);
          contents = Buffer.from(n.raw);
          if (raw.subarray(n.raw.length).some((x) => x !== 0)) gapAltered = true;
        } catch {
          contents = null;
        }
      }
    }
    const signed = malformed ? Buffer.alloc(0) : Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    // The dictionary around the byte range (its object), read for /SubFilter and /M.
    const start = text.lastIndexOf(' obj', m.index);
    const endAt = text.indexOf('endobj', malformed ? m.index : c);
    const dict = text.slice(Math.max(0, start), endAt < 0 ? undefined : endAt).replace(/<[0-9a-fA-F\s]{200,}>/g, '');
    const sub = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict);
    const time = /\/M\s*\((D:[^)]*)\)/.exec(dict);
    out.push({ byteRange: br, contents, gapAltered, signed, malformed, subFilter: sub?.[1] ?? null, time: time ? pdfDateValue(time[1]) : null });
  }
  return out;
}
