/**
 * Certificates as a signature names them: the holder and issuer (Vietnamese names decoded from their
 * UTF-8, BMP or printable strings), the serial, the validity, what the key may be used for, and the
 * chain from a signer up to a root the user trusts.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { child, children, DerError, OID, readNode, readOid, type Node } from './sign-der.js';

export interface CertInfo {
  der: Buffer;
  /** The holder as RFC 4514 writes it: `CN=Trần Văn Thịnh, O=…, C=VN`. */
  subject: string;
  /** The holder's common name (or the whole subject when it has none). */
  name: string;
  /** The organisation in the subject, when there is one. */
  organisation: string | null;
  issuer: string;
  issuerName: string;
  /** Hexadecimal, upper case, as certificate viewers show it. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** Key usage bits; null when the certificate does not restrict them. */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean; keyCertSign: boolean } | null;
  /** subjectKeyIdentifier, when present (a CMS signer may be named by it). */
  keyId: Buffer | null;
  /** basicConstraints cA. */
  isCa: boolean;
  /** SHA-256 of the DER, hexadecimal lower case. */
  fingerprint: string;
  /** The issuer Name and serial INTEGER exactly as encoded (a CMS signer identifier copies them). */
  rawIssuer: Buffer;
  rawSerial: Buffer;
  x509: X509Certificate;
}

const SHORT: Record<string, string> = {
  [OID.commonName]: 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
};

function decodeString(n: Node): string {
  switch (n.tag) {
    case 0x1e: {
      // BMPString: UTF-16 big-endian
      const b = Buffer.from(n.content);
      b.swap16();
      return b.toString('utf16le');
    }
    case 0x14:
      return n.content.toString('latin1');
    default:
      return n.content.toString('utf8');
  }
}

/** A Name as its attributes, in the order they are encoded. */
function nameParts(n: Node): { type: string; value: string }[] {
  const out: { type: string; value: string }[] = [];
  for (const rdn of children(n)) {
    for (const atv of children(rdn)) {
      const type = readOid(child(atv, 0));
      out.push({ type: SHORT[type] ?? type, value: decodeString(child(atv, 1)).normalize('NFC') });
    }
  }
  return out;
}

function nameText(parts: { type: string; value: string }[]): string {
  return [...parts].reverse().map((p) => `${p.type}=${p.value}`).join(', ');
}

function timeOf(n: Node): Date {
  const s = n.content.toString('latin1');
  const m = n.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (!m) throw new DerError('bad time');
  let year = Number(m[1]);
  if (n.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}

/** Reads a DER certificate; throws DerError when it is not one. */
export function certInfo(der: Buffer): CertInfo {
  const cert = readNode(der);
  if (cert.end !== der.length) throw new DerError('trailing bytes');
  const tbs = child(cert, 0, 0x30);
  const parts = children(tbs);
  let i = parts[0]?.tag === 0xa0 ? 1 : 0;
  const serial = parts[i++];
  i++; // signature algorithm
  const issuer = parts[i++];
  const validity = parts[i++];
  const subject = parts[i++];
  if (!serial || serial.tag !== 0x02 || !issuer || !validity || !subject) throw new DerError('not a certificate');
  let keyUsage: CertInfo['keyUsage'] = null;
  let isCa = false;
  let keyId: Buffer | null = null;
  const extensions = parts.find((p) => p.tag === 0xa3);
  if (extensions) {
    for (const ext of children(child(extensions, 0, 0x30))) {
      const e = children(ext);
      const id = readOid(e[0]);
      const value = e[e.length - 1];
      if (id === OID.keyUsage) {
        const bits = readNode(value.content);
        const first = bits.content[1] ?? 0;
        keyUsage = { digitalSignature: !!(first & 0x80), nonRepudiation: !!(first & 0x40), keyCertSign: !!(first & 0x04) };
      } else if (id === '2.5.29.14') {
        keyId = Buffer.from(readNode(value.content).content);
      } else if (id === OID.basicConstraints) {
        const bc = children(readNode(value.content));
        isCa = bc[0]?.tag === 0x01 && bc[0].content[0] !== 0;
      }
    }
  }
  const subjectParts = nameParts(subject);
  const issuerParts = nameParts(issuer);
  const cn = (ps: { type: string; value: string }[]) => ps.filter((p) => p.type === 'CN').pop()?.value ?? nameText(ps);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
    void x509.publicKey;
  } catch {
    throw new DerError('not a certificate OpenSSL reads');
  }
  let hex = serial.content.toString('hex').toUpperCase();
  if (hex.length > 2 && hex.startsWith('00')) hex = hex.slice(2);
  return {
    der,
    subject: nameText(subjectParts),
    name: cn(subjectParts),
    organisation: subjectParts.filter((p) => p.type === 'O').pop()?.value ?? null,
    issuer: nameText(issuerParts),
    issuerName: cn(issuerParts),
    serial: hex,
    notBefore: timeOf(child(validity, 0)),
    notAfter: timeOf(child(validity, 1)),
    keyUsage,
    keyId,
    isCa,
    fingerprint: createHash('sha256').update(der).digest('hex'),
    rawIssuer: Buffer.from(issuer.raw),
    rawSerial: Buffer.from(serial.raw),
    x509,
  };
}

/** May this certificate sign documents: digitalSignature or nonRepudiation (or no restriction). */
export function canSign(c: CertInfo): boolean {
  return c.keyUsage === null || c.keyUsage.digitalSignature || c.keyUsage.nonRepudiation;
}

export function validAt(c: CertInfo, at: Date): boolean {
  return at.getTime() >= c.notBefore.getTime() && at.getTime() <= c.notAfter.getTime();
}

/** Certificates from PEM text (every CERTIFICATE block). */
export function certsFromPem(text: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) out.push(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  return out;
}

/**
 * The path from `leaf` up through `pool` by issuer (as far as the pool goes), and the links whose
 * signature does not check (a certificate altered, or not really issued by the one it names).
 */
export function pathIn(leaf: CertInfo, pool: CertInfo[]): { path: CertInfo[]; broken: string[] } {
  const path = [leaf];
  const broken: string[] = [];
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    // A root names itself as issuer: its own key must have signed it (whatever else was altered).
    if (current.subject === current.issuer) {
      if (!current.x509.verify(current.x509.publicKey)) broken.push(current.name);
      break;
    }
    const issuer = pool.find((c) => !path.includes(c) && current.x509.checkIssued(c.x509));
    if (!issuer) break;
    if (!current.x509.verify(issuer.x509.publicKey)) broken.push(current.name);
    path.push(issuer);
    current = issuer;
  }
  return { path, broken };
}

export type ChainProblem =
  | { problem: 'untrusted'; name: string }
  | { problem: 'badIssuerSignature'; name: string }
  | { problem: 'notCa'; name: string }
  | { problem: 'expiredAt'; name: string; from: string; to: string };

/**
 * The path from `leaf` to one of `roots` through `pool` (the certificates the signature carries),
 * each certificate checked: signed by the next, the next a CA, each valid at `at`. Returns the path
 * (leaf first) and what is wrong with it; an empty list of problems means trusted.
 */
export function checkChain(leaf: CertInfo, pool: CertInfo[], roots: CertInfo[], at: Date): { path: CertInfo[]; problems: ChainProblem[] } {
  const path: CertInfo[] = [leaf];
  const problems: ChainProblem[] = [];
  const isRoot = (c: CertInfo) => roots.some((r) => r.fingerprint === c.fingerprint);
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (isRoot(current)) break;
    const candidates = [...roots, ...pool].filter((c) => c.fingerprint !== current.fingerprint && current.x509.checkIssued(c.x509));
    const issuer = candidates.find((c) => current.x509.verify(c.x509.publicKey));
    if (!issuer) {
      problems.push(candidates.length > 0 ? { problem: 'badIssuerSignature', name: current.name } : { problem: 'untrusted', name: current.issuerName });
      break;
    }
    if (!issuer.isCa) problems.push({ problem: 'notCa', name: issuer.name });
    path.push(issuer);
    current = issuer;
  }
  if (problems.length === 0 && !isRoot(current)) problems.push({ problem: 'untrusted', name: current.issuerName });
  for (const c of path) {
    if (!validAt(c, at)) problems.push({ problem: 'expiredAt', name: c.name, from: c.notBefore.toISOString(), to: c.notAfter.toISOString() });
  }
  return { path, problems };
}
