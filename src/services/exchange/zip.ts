/**
 * The package as a zip: written reproducibly (entries in a fixed order, fixed times: the same data
 * gives the same bytes), and read defensively. A package comes from outside: before anything is
 * inflated, its central directory is read and every entry checked (a name the format allows, no path
 * out of the package, no link, no encryption, no entry overlapping another, declared sizes under the
 * limits and no absurd compression ratio); each entry is then inflated under a ceiling of its declared
 * size, so a file that lies about its size stops there, and its CRC is checked. Memory stays bounded by
 * the limits whatever the file says; a zip bomb is refused before any work.
 */
import { inflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { ValidationError } from '../../domain/errors.js';
import { PACKAGE_NAME } from '../../domain/exchange.js';
import { crc32 } from './crc32.js';

const MiB = 1024 * 1024;

export const LIMITS = {
  /** The package file (a school's year: documents of some tens of kilobytes each). */
  file: 256 * MiB,
  entries: 5_000,
  /** One entry once inflated (data.json of the largest school is far below). */
  entry: 64 * MiB,
  /** Every entry once inflated. */
  total: 512 * MiB,
  /** Inflated size over compressed size, for entries past 1 MiB (JSON packs about 10:1). */
  ratio: 200,
};

/** Writes the files in the order given, each stamped with the local noon of `date` (as Word packages are). */
export function writePackage(files: { name: string; data: Uint8Array }[], date: string): Uint8Array {
  const [y, m, d] = date.split('-').map(Number);
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const z: Zippable = {};
  // Word files and PDFs are packed already: stored as they are; JSON is deflated.
  for (const f of files) z[f.name] = [f.data, { mtime, level: f.name.endsWith('.json') ? 6 : 0 }];
  return zipSync(z, { mtime });
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  /** Where the entry's data starts (after its local header). */
  start: number;
}

function refuse(key: string, params: Record<string, string | number>): never {
  throw new ValidationError(key, params);
}

/** A name as the user may read it: printable ASCII, the rest escaped. */
function shown(raw: Buffer): string {
  return [...raw].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`)).join('').slice(0, 200);
}

function endRecord(bytes: Buffer, file: string): number {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= from; at--) if (bytes.readUInt32LE(at) === END) return at;
  return refuse('import.zip.notZip', { file });
}

/** The central directory, every entry checked against the format and the limits; nothing inflated yet. */
function directory(bytes: Buffer, file: string, limits: typeof LIMITS): Entry[] {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL) refuse('import.zip.notZip', { file });
  const end = endRecord(bytes, file);
  const count = bytes.readUInt16LE(end + 10);
  const cdSize = bytes.readUInt32LE(end + 12);
  const cdOffset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || count !== bytes.readUInt16LE(end + 8)) refuse('import.zip.corrupt', { file, name: '(central directory)' });
  if (count === 0xffff || cdOffset === 0xffffffff) refuse('import.zip.tooManyEntries', { file, count, max: limits.entries });
  if (count > limits.entries) refuse('import.zip.tooManyEntries', { file, count, max: limits.entries });
  if (cdOffset + cdSize > end) refuse('import.zip.corrupt', { file, name: '(central directory)' });
  const entries: Entry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || bytes.readUInt32LE(p) !== CENTRAL) refuse('import.zip.corrupt', { file, name: '(central directory)' });
    const madeBy = bytes.readUInt16LE(p + 4);
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const crc = bytes.readUInt32LE(p + 16);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    const external = bytes.readUInt32LE(p + 38);
    const offset = bytes.readUInt32LE(p + 42);
    if (next > end) refuse('import.zip.corrupt', { file, name: '(central directory)' });
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = rawName.toString('latin1');
    const printable = [...rawName].every((b) => b >= 0x20 && b < 0x7f);
    if (!printable || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || /(^|\/)\.\.?(\/|$)/.test(name)) {
      refuse('import.zip.traversal', { file, name: shown(rawName) });
    }
    // Unix file type in the high bits of the external attributes: only plain files (or none said).
    const type = madeBy >> 8 === 3 ? (external >>> 16) & 0o170000 : 0;
    if (type === 0o120000) refuse('import.zip.symlink', { file, name });
    if (name.endsWith('/') || (type !== 0 && type !== 0o100000)) refuse('import.zip.notFile', { file, name });
    if (!PACKAGE_NAME.test(name)) refuse('import.zip.badName', { file, name });
    if (names.has(name)) refuse('import.zip.duplicate', { file, name });
    names.add(name);
    if (flags & 0x1) refuse('import.zip.encrypted', { file, name });
    if (method !== 0 && method !== 8) refuse('import.zip.method', { file, name, method });
    if (compressed === 0xffffffff || size === 0xffffffff || size > limits.entry) {
      refuse('import.zip.entryTooBig', { file, name, mb: Math.ceil(size / MiB), max: limits.entry / MiB });
    }
    if (method === 0 && compressed !== size) refuse('import.zip.corrupt', { file, name });
    if (size > MiB && size / Math.max(compressed, 1) > limits.ratio) refuse('import.zip.bomb', { file, name, size, compressed });
    declared += size;
    if (declared > limits.total) refuse('import.zip.unpackedTooBig', { file, mb: Math.ceil(declared / MiB), max: limits.total / MiB });
    entries.push({ name, method, flags, crc, compressed, size, offset, start: 0 });
    p = next;
  }
  // Each entry's local header and data lie in their own place: before the directory, overlapping none.
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (const [i, e] of byOffset.entries()) {
    const at = e.offset;
    if (at + 30 > cdOffset || bytes.readUInt32LE(at) !== LOCAL) refuse('import.zip.corrupt', { file, name: e.name });
    const nameLength = bytes.readUInt16LE(at + 26);
    if (bytes.subarray(at + 30, at + 30 + nameLength).toString('latin1') !== e.name) refuse('import.zip.corrupt', { file, name: e.name });
    e.start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    const stop = e.start + e.compressed;
    const limit = i + 1 < byOffset.length ? byOffset[i + 1].offset : cdOffset;
    if (stop > limit) refuse('import.zip.overlap', { file, name: e.name });
  }
  return entries;
}

/**
 * The files of a package, by name, once every check passed (ValidationError, exit 3, naming the entry
 * and the limit otherwise).
 */
export function readPackage(file: string, input: Uint8Array, limits = LIMITS): Map<string, Uint8Array> {
  if (input.byteLength > limits.file) refuse('import.zip.tooBig', { file, mb: Math.ceil(input.byteLength / MiB), max: limits.file / MiB });
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const e of directory(bytes, file, limits)) {
    const raw = bytes.subarray(e.start, e.start + e.compressed);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) refuse('import.zip.bomb', { file, name: e.name, size: e.size, compressed: e.compressed });
        refuse('import.zip.corrupt', { file, name: e.name });
      }
    }
    if (data.length !== e.size || crc32(data) !== e.crc) refuse('import.zip.corrupt', { file, name: e.name });
    out.set(e.name, new Uint8Array(data));
  }
  return out;
}
