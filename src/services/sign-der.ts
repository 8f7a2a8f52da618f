/**
 * The little DER a signature needs (X.690): encoding the CMS structures a signer builds, and reading
 * certificates and CMS back with the exact bytes of each part (what was signed is bytes, not values).
 */

export interface Node {
  /** The identifier octet (0x30 SEQUENCE, 0x31 SET, 0xa0 [0]…). */
  tag: number;
  /** The whole element: identifier, length and content. */
  raw: Buffer;
  /** The content octets. */
  content: Buffer;
}

export class DerError extends Error {}

/** Reads the element at `offset`; throws DerError on anything malformed or cut short. */
export function readNode(buf: Buffer, offset = 0): Node & { end: number } {
  if (offset + 2 > buf.length) throw new DerError('truncated');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used here');
  let len = buf[offset + 1];
  let head = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || offset + 2 + n > buf.length) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    head = 2 + n;
  }
  const end = offset + head + len;
  if (end > buf.length) throw new DerError('truncated');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + head, end), end };
}

/** The elements inside a constructed element. */
export function children(n: Node): Node[] {
  const out: Node[] = [];
  let at = 0;
  while (at < n.content.length) {
    const c = readNode(n.content, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

/** The n-th child, or a DerError naming what was expected. */
export function child(n: Node, i: number, tag?: number): Node {
  const c = children(n)[i];
  if (!c || (tag !== undefined && c.tag !== tag)) throw new DerError(`expected element ${i}${tag !== undefined ? ` with tag 0x${tag.toString(16)}` : ''}`);
  return c;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One element from its tag and content parts. */
export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export const seq = (...parts: Buffer[]): Buffer => tlv(0x30, ...parts);
/** A SET OF in DER order (its elements sorted by their encodings). */
export const set = (...parts: Buffer[]): Buffer => tlv(0x31, ...[...parts].sort(Buffer.compare));
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
export const int = (n: number): Buffer => tlv(0x02, Buffer.from([n]));
export const NULL = Buffer.from([0x05, 0x00]);

export function oid(dotted: string): Buffer {
  const p = dotted.split('.').map(Number);
  const out = [40 * p[0] + p[1]];
  for (const v of p.slice(2)) {
    const chunk = [v & 0x7f];
    for (let n = Math.floor(v / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

export function readOid(n: Node): string {
  if (n.tag !== 0x06 || n.content.length === 0) throw new DerError('expected an object identifier');
  const b = n.content;
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** The object identifiers a PAdES signature uses. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  sha1WithRSA: '1.2.840.113549.1.1.5',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  commonName: '2.5.4.3',
} as const;

/** Node's name of a digest algorithm by its identifier. */
export const DIGESTS: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };
