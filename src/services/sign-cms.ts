/**
 * The signature inside the PDF: a CMS SignedData, detached, as PAdES (ETSI EN 319 142, CAdES-B) asks:
 * signed attributes content-type, message-digest and signing-certificate-v2 (the signer's certificate
 * bound to the signature by its hash); no signing-time attribute (the time is the PDF's /M). Reading
 * it back checks each link: the bytes' digest against the message-digest, the signed attributes
 * against the signature, with the certificate the signature names.
 */
import { createHash, verify as verifySignature } from 'node:crypto';
import { certInfo, pathIn, type CertInfo } from './sign-cert.js';
import { child, children, DerError, DIGESTS, int, NULL, octets, OID, oid, readNode, readOid, seq, set, tlv, type Node } from './sign-der.js';

/** What signs: the key's algorithm, and the signature of some bytes (SHA-256), made wherever the key lives. */
export interface KeySigner {
  algorithm: 'rsa' | 'ec';
  /** The signer's certificate, then the rest of its chain when known. */
  certificates: Buffer[];
  /** The signature of `data` with SHA-256 (RSA PKCS #1 v1.5, or ECDSA as DER). */
  sign(data: Buffer): Promise<Buffer>;
}

const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** The signed attributes of a PAdES signature over content with this digest. */
function signedAttributes(digest: Buffer, cert: CertInfo): Buffer[] {
  // ESSCertIDv2 { certHash, issuerSerial { issuer GeneralNames [4] directoryName, serial } }; SHA-256 is the default hash, so not written.
  const essCertId = seq(octets(sha256(cert.der)), seq(seq(tlv(0xa4, cert.rawIssuer)), cert.rawSerial));
  return [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.messageDigest), set(octets(digest))),
    seq(oid(OID.signingCertificateV2), set(seq(seq(essCertId)))),
  ];
}

/** The CMS ContentInfo (DER) of a detached signature over `content`. */
export async function signDetached(content: Buffer, signer: KeySigner): Promise<Buffer> {
  const cert = certInfo(signer.certificates[0]);
  const attrs = signedAttributes(sha256(content), cert);
  // What is signed is the attributes encoded as a SET OF (tag 0x31); they travel as [0] IMPLICIT.
  const signed = set(...attrs);
  const signature = await signer.sign(signed);
  const sha256Alg = seq(oid(OID.sha256));
  const sigAlg = signer.algorithm === 'rsa' ? seq(oid(OID.rsaEncryption), NULL) : seq(oid(OID.ecdsaSha256));
  const signerInfo = seq(int(1), seq(cert.rawIssuer, cert.rawSerial), sha256Alg, tlv(0xa0, readNode(signed).content), sigAlg, octets(signature));
  const signedData = seq(int(1), set(sha256Alg), seq(oid(OID.data)), tlv(0xa0, ...signer.certificates), set(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

export interface CmsReading {
  /** Every certificate the signature carries. */
  certificates: CertInfo[];
  /** The certificate of the signer, found by the issuer and serial the signature names; null when absent. */
  signer: CertInfo | null;
  digestAlgorithm: string;
  /** Checks, each true when it holds. */
  digestMatches: boolean;
  signatureValid: boolean;
  /** The signing-certificate-v2 attribute names this certificate (absent: null). */
  certificateBound: boolean | null;
  /** Certificates on the signer's path whose issuer (carried too, or itself) did not sign them: altered. */
  damaged: string[];
  /** Certificates carried that are on no path from the signer (an altered copy no longer links). */
  stray: string[];
  /** The signer's certificate and the carried ones above it, by issuer. */
  path: CertInfo[];
  /** A signing-time attribute, when the signer wrote one. */
  signingTime: Date | null;
}

function expectTag(n: Node | undefined, tag: number): Node {
  if (!n || n.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}`);
  return n;
}

/** A small INTEGER (a version). */
function integerOf(n: Node | undefined): number {
  const v = expectTag(n, 0x02);
  if (v.content.length !== 1) throw new DerError('version');
  return v.content[0];
}

/** An AlgorithmIdentifier's OID; its parameters absent or NULL. */
function algorithmOf(n: Node | undefined): string {
  const parts = children(expectTag(n, 0x30));
  if (parts.length > 2 || (parts.length === 2 && !parts[1].raw.equals(NULL))) throw new DerError('algorithm parameters');
  return readOid(parts[0]);
}

function attributeValue(attrs: Node[], id: string): Node | null {
  for (const a of attrs) if (readOid(child(a, 0)) === id) return child(child(a, 1, 0x31), 0);
  return null;
}

function signatureAlgorithm(sigAlgOid: string, digest: string): { name: string | null; ec: boolean } {
  if ([OID.rsaEncryption, OID.sha256WithRSA, OID.sha384WithRSA, OID.sha512WithRSA, OID.sha1WithRSA].includes(sigAlgOid as never)) return { name: digest, ec: false };
  const ec: Record<string, string> = { [OID.ecdsaSha256]: 'sha256', [OID.ecdsaSha384]: 'sha384', [OID.ecdsaSha512]: 'sha512' };
  return ec[sigAlgOid] ? { name: ec[sigAlgOid], ec: true } : { name: null, ec: false };
}

/**
 * Reads a CMS SignedData (the /Contents of a signature field, trailing zero padding allowed) and checks
 * it against the signed bytes. Throws DerError when it is not a SignedData at all.
 */
export function readDetached(contents: Buffer, signedBytes: Buffer): CmsReading {
  // The structure is read strictly (tags, versions, the algorithms it names agree): what the signature
  // does not cover must still be exactly what a signer writes, so no byte of it changes unseen.
  const info = readNode(contents);
  expectTag(info, 0x30);
  if (children(info).length !== 2 || readOid(child(info, 0)) !== OID.signedData) throw new DerError('not a SignedData');
  const wrapper = child(info, 1, 0xa0);
  if (children(wrapper).length !== 1) throw new DerError('SignedData wrapper');
  const sd = child(wrapper, 0, 0x30);
  const parts = children(sd);
  const version = integerOf(parts[0]);
  const digestAlgs = expectTag(parts[1], 0x31);
  const encap = expectTag(parts[2], 0x30);
  if (children(encap).length !== 1 || readOid(child(encap, 0)) !== OID.data) throw new DerError('encapsulated content');
  let next = 3;
  const certSet = parts[next]?.tag === 0xa0 ? parts[next++] : null;
  if (parts[next]?.tag === 0xa1) next++; // CRLs
  const signerInfos = expectTag(parts[next], 0x31);
  if (next !== parts.length - 1) throw new DerError('trailing SignedData fields');
  const certificates = certSet ? children(certSet).map((c) => certInfo(Buffer.from(expectTag(c, 0x30).raw))) : [];
  const infos = children(signerInfos);
  if (infos.length !== 1) throw new DerError('one signer expected');
  const f = children(expectTag(infos[0], 0x30));
  const siVersion = integerOf(f[0]);
  const sid = f[1];
  let signer: CertInfo | null = null;
  if (sid?.tag === 0x30 && siVersion === 1) {
    const [issuer, serial] = children(sid);
    signer = certificates.find((c) => c.rawIssuer.equals(issuer.raw) && c.rawSerial.equals(serial.raw)) ?? null;
  } else if (sid?.tag === 0x80 && siVersion === 3) {
    signer = certificates.find((c) => c.keyId !== null && c.keyId.equals(sid.content)) ?? null;
  } else throw new DerError('signer identifier and version disagree');
  if (version !== (siVersion === 3 ? 3 : 1)) throw new DerError('SignedData version');
  const digestAlg = algorithmOf(f[2]);
  if (!children(digestAlgs).some((a) => a.raw.equals(f[2].raw))) throw new DerError('digest algorithm not listed');
  const digestName = DIGESTS[digestAlg] ?? null;
  let at = 3;
  const signedAttrs = f[at]?.tag === 0xa0 ? f[at++] : null;
  const sigAlg = algorithmOf(f[at++]);
  const signature = f[at++];
  if (!signature || signature.tag !== 0x04) throw new DerError('no signature value');
  if (f[at]?.tag === 0xa1) at++; // unsigned attributes (a timestamp)
  if (at !== f.length) throw new DerError('trailing SignerInfo fields');
  const attrs = signedAttrs ? children(signedAttrs) : [];
  const digest = digestName ? createHash(digestName).update(signedBytes).digest() : null;
  const md = attributeValue(attrs, OID.messageDigest);
  const digestMatches = !!digest && !!md && md.tag === 0x04 && md.content.equals(digest);
  let signatureValid = false;
  const alg = digestName ? signatureAlgorithm(sigAlg, digestName) : { name: null, ec: false };
  if (signer && signedAttrs && alg.name) {
    // The signature covers the attributes re-tagged as a SET OF.
    const toVerify = Buffer.concat([Buffer.from([0x31]), signedAttrs.raw.subarray(1)]);
    try {
      signatureValid = verifySignature(alg.name, toVerify, { key: signer.x509.publicKey, dsaEncoding: 'der' }, signature.content);
    } catch {
      signatureValid = false;
    }
  }
  let certificateBound: boolean | null = null;
  const scv2 = attributeValue(attrs, OID.signingCertificateV2);
  if (scv2 && signer) {
    const first = child(child(scv2, 0), 0);
    const idParts = children(first);
    let hashAlg = 'sha256';
    let h = 0;
    if (idParts[0].tag === 0x30) {
      hashAlg = DIGESTS[readOid(child(idParts[0], 0))] ?? 'sha256';
      h = 1;
    }
    certificateBound = idParts[h].content.equals(createHash(hashAlg).update(signer.der).digest());
  }
  const st = attributeValue(attrs, OID.signingTime);
  let signingTime: Date | null = null;
  if (st) {
    const s = st.content.toString('latin1');
    const m = /^(\d{2,4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(s);
    if (m) {
      let y = Number(m[1]);
      if (m[1].length === 2) y += y < 50 ? 2000 : 1900;
      signingTime = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
    }
  }
  const chain = signer ? pathIn(signer, certificates) : { path: [], broken: [] };
  const stray = signer ? certificates.filter((c) => !chain.path.includes(c)).map((c) => c.name) : [];
  return { certificates, signer, digestAlgorithm: digestName ?? digestAlg, digestMatches, signatureValid, certificateBound, damaged: chain.broken, stray, path: chain.path, signingTime };
}
