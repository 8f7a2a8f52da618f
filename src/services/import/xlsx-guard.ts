/**
 * An .xlsx is a zip of XML: a 1.5 KB file can declare a cell at XFD1048576 (the reader then builds a
 * sheet of 17 billion cells) or inflate to gigabytes. Before the sheet is read, its parts are looked
 * at as a stream, in bounded memory: the zip's entries and sizes, each worksheet's declared
 * `<dimension>`, the row and column of every cell, the number of cells, and its text (UTF-8, no
 * reference to a character XML forbids). A staff list is far inside every limit; anything past one is
 * refused at once (exit 3) saying which limit and what to do.
 */
import { isUtf8 } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { ValidationError } from '../../domain/errors.js';

/** What a staff list, a list of ratings or registrations never comes near. */
export const LIMITS = {
  /** Rows of a sheet (a province has about 20,000 staff). */
  rows: 100_000,
  /** Columns of a sheet (GR). */
  columns: 200,
  /** Cells written in a sheet. */
  cells: 2_000_000,
  /** Bytes of every part once unpacked. */
  unpacked: 128 * 1024 * 1024,
  /** Parts of the package. */
  entries: 2_000,
};

/** A1 column letters as a number: A = 1, XFD = 16384. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const SCANNED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i;
// Elements with or without a namespace prefix (`<c>`, `<x:c>`: both are written by real tools).
const REF = /<(?:\w+:)?(c|row)\b[^>]*?\sr="([A-Za-z]{0,3})(\d{1,10})"/g;
const DIMENSION = /<(?:\w+:)?dimension\b[^>]*?\sref="([^"]*)"/;
const ELEMENT = /<(?:\w+:)?(c|row)[\s/>]/g;
const CHAR_REF = /&#(x[0-9a-fA-F]{1,8}|\d{1,10});/g;

function allowedInXml(n: number): boolean {
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

type Refusal = { key: string; params: Record<string, string | number> };

/** The counts of one part being read. */
class PartScan {
  private carry = '';
  rows = 0;
  cells = 0;
  maxRow = 0;
  maxColumn = 0;
  private dimensionSeen = false;

  constructor(readonly name: string, private readonly sheet: boolean) {}

  /**
   * Reads the next text of the part (bytes as Latin-1: every tag, number and reference is ASCII);
   * returns why the part is refused, or null.
   */
  push(text: string, final: boolean): Refusal | null {
    // A tag or reference cut by the window's end is read whole with the next one.
    const whole = this.carry + text;
    let cut = whole.length;
    if (!final) {
      const lt = whole.lastIndexOf('<');
      if (lt >= 0 && whole.indexOf('>', lt) < 0) cut = lt;
      const amp = whole.lastIndexOf('&');
      if (amp >= 0 && amp < cut && whole.indexOf(';', amp) < 0) cut = amp;
    }
    const ready = whole.slice(0, cut);
    this.carry = whole.slice(cut);
    if (this.carry.length > 64 * 1024) return { key: 'import.xlsx.unreadable', params: { part: this.name } };
    for (const m of ready.matchAll(CHAR_REF)) {
      const code = m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
      if (!allowedInXml(code)) return { key: 'import.xlsx.badCharacter', params: { part: this.name, code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` } };
    }
    if (!this.sheet) return null;
    if (!this.dimensionSeen) {
      const d = DIMENSION.exec(ready);
      if (d) {
        this.dimensionSeen = true;
        const refused = this.dimension(d[1]!);
        if (refused) return refused;
      }
    }
    for (const m of ready.matchAll(ELEMENT)) {
      if (m[1] === 'row') this.rows++;
      else this.cells++;
    }
    for (const m of ready.matchAll(REF)) {
      const row = Number(m[3]);
      if (row > this.maxRow) this.maxRow = row;
      if (m[1] === 'c') {
        const column = columnNumber(m[2]!.toUpperCase());
        if (column > this.maxColumn) this.maxColumn = column;
      }
    }
    return this.limits();
  }

  /** `A1:H40`, or a single cell `A1`. */
  private dimension(ref: string): Refusal | null {
    const last = ref.split(':').pop() ?? '';
    const m = /^([A-Za-z]{1,3})(\d{1,10})$/.exec(last);
    if (!m) return null;
    const rows = Number(m[2]);
    const columns = columnNumber(m[1]!.toUpperCase());
    if (rows > LIMITS.rows || columns > LIMITS.columns) return this.tooLarge(ref, rows, columns);
    return null;
  }

  private limits(): Refusal | null {
    const rows = Math.max(this.maxRow, this.rows);
    const columns = Math.max(this.maxColumn, 1);
    if (rows > LIMITS.rows || columns > LIMITS.columns) return this.tooLarge(`${columnLetters(columns)}${rows}`, rows, columns);
    if (this.cells > LIMITS.cells) return { key: 'import.xlsx.tooManyCells', params: { part: this.name, max: LIMITS.cells } };
    return null;
  }

  private tooLarge(ref: string, rows: number, columns: number): Refusal {
    return { key: 'import.xlsx.tooLarge', params: { part: this.name, ref, rows, columns, maxRows: LIMITS.rows, maxColumns: LIMITS.columns } };
  }
}

/** 1 → A, 16384 → XFD. */
function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const END = 0x06054b50;
/** A size a zip writes when the real one is in a ZIP64 record: never needed by a staff list. */
const ZIP64 = 0xffffffff;

/** The compressed size of each entry by the offset of its local header, from the central directory. */
function centralSizes(bytes: Buffer): Map<number, { compressed: number; size: number }> | null {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) !== END) continue;
    const out = new Map<number, { compressed: number; size: number }>();
    let p = bytes.readUInt32LE(at + 16);
    for (let i = 0, n = bytes.readUInt16LE(at + 10); i < n; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
      out.set(bytes.readUInt32LE(p + 42), { compressed: bytes.readUInt32LE(p + 20), size: bytes.readUInt32LE(p + 24) });
      p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
    return out;
  }
  return null;
}

/** How much text is handed to the scanner at a time. */
const WINDOW = 4 * 1024 * 1024;

/**
 * Refuses (exit 3) a workbook past a limit, or whose text is not what was typed; returns when the
 * reader may read it. The parts are walked as the reader walks them (local header after local header)
 * and each size is checked before anything is inflated; a part is inflated with a ceiling, so memory
 * stays bounded whatever the file declares.
 */
export function checkXlsx(file: string, input: Uint8Array): void {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const refuse = (r: Refusal): never => {
    throw new ValidationError(r.key, { file, ...r.params });
  };
  const unreadable = (part: string) => refuse({ key: 'import.xlsx.unreadable', params: { part } });
  const tooBig = (bytesSeen: number) => refuse({ key: 'import.xlsx.tooBigUnpacked', params: { mb: Math.round(bytesSeen / 1024 / 1024), max: LIMITS.unpacked / 1024 / 1024 } });
  // Not a zip at all: the reader says so in its own words.
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== LOCAL) return;
  const central = centralSizes(bytes);
  let unpacked = 0;
  let entries = 0;
  let at = 0;
  while (at + 30 <= bytes.length && bytes.readUInt32LE(at) === LOCAL) {
    if (++entries > LIMITS.entries) refuse({ key: 'import.xlsx.tooManyParts', params: { count: entries, max: LIMITS.entries } });
    const flags = bytes.readUInt16LE(at + 6);
    const method = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 30, Math.min(at + 30 + nameLength, bytes.length));
    let compressed = bytes.readUInt32LE(at + 18);
    let size = bytes.readUInt32LE(at + 22);
    // Sizes written after the data (a streamed zip): the central directory has them.
    if (flags & 0x08) {
      const c = central?.get(at);
      if (!c) unreadable(name);
      ({ compressed, size } = c!);
    }
    const c = central?.get(at);
    if (c && c.size > size) size = c.size;
    if (compressed === ZIP64 || size === ZIP64 || size > LIMITS.unpacked - unpacked) tooBig(unpacked + size);
    if (start + compressed > bytes.length) unreadable(name);
    if (SCANNED.test(name)) {
      let data: Buffer;
      try {
        const raw = bytes.subarray(start, start + compressed);
        data = method === 0 ? raw : method === 8 ? inflateRawSync(raw, { maxOutputLength: LIMITS.unpacked - unpacked + 1 }) : unreadable(name);
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) tooBig(LIMITS.unpacked + 1);
        throw e instanceof ValidationError ? e : new ValidationError('import.xlsx.unreadable', { file, part: name });
      }
      unpacked += data.length;
      if (unpacked > LIMITS.unpacked) tooBig(unpacked);
      if (!isUtf8(data)) refuse({ key: 'import.xlsx.notUtf8', params: { part: name } });
      const scan = new PartScan(name, /worksheets\//i.test(name));
      for (let from = 0; from < data.length; from += WINDOW) {
        const refusal = scan.push(data.toString('latin1', from, Math.min(from + WINDOW, data.length)), from + WINDOW >= data.length);
        if (refusal) refuse(refusal);
      }
    } else {
      unpacked += size;
    }
    at = start + compressed;
    if (flags & 0x08) at += bytes.readUInt32LE(at) === DESCRIPTOR ? 16 : 12;
  }
}
