/**
 * A throwaway PKI for signature tests: a root CA, signing certificates (valid, expired, without the
 * signing key usage), each with its key as PKCS #12 files (made with node-forge) and PEM files
 * (for openssl, softhsm2-util and pkcs11-tool).
 */
import forge from 'node-forge';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  /** PEM files and the PKCS #12 file (password `PASSWORD`). */
  certPem: string;
  keyPem: string;
  p12: string;
}

export const PASSWORD = 'mật-khẩu 2025';

const pki = forge.pki;

function attrs(cn: string, o?: string): forge.pki.CertificateField[] {
  const out: forge.pki.CertificateField[] = [{ shortName: 'C', value: 'VN' }];
  if (o) out.push({ shortName: 'O', value: o, valueTagClass: forge.asn1.Type.UTF8 as never });
  out.push({ shortName: 'CN', value: cn, valueTagClass: forge.asn1.Type.UTF8 as never });
  return out;
}

let serial = 0x1000;
/** One key pair for every certificate of a test run (generating RSA keys is the slow part). */
let shared: forge.pki.rsa.KeyPair | null = null;
function keyPair(): forge.pki.rsa.KeyPair {
  shared ??= pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  return shared;
}

export interface CertSpec {
  cn: string;
  o?: string;
  from: string;
  to: string;
  usage?: 'sign' | 'encrypt' | 'ca';
  /** Its own key pair (a CA and its subjects must not share one). */
  ownKey?: boolean;
}

export function makeCert(dir: string, name: string, spec: CertSpec, issuer?: Issued): Issued {
  const keys = spec.ownKey ? pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }) : keyPair();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16);
  cert.validity.notBefore = new Date(spec.from);
  cert.validity.notAfter = new Date(spec.to);
  cert.setSubject(attrs(spec.cn, spec.o));
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : attrs(spec.cn, spec.o));
  const usage = spec.usage ?? 'sign';
  cert.setExtensions(
    usage === 'ca'
      ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]
      : [
          { name: 'basicConstraints', cA: false },
          usage === 'sign' ? { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true } : { name: 'keyUsage', keyEncipherment: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(issuer ? issuer.key : keys.privateKey, forge.md.sha256.create());
  const certPem = join(dir, `${name}.crt.pem`);
  const keyPem = join(dir, `${name}.key.pem`);
  const p12 = join(dir, `${name}.p12`);
  writeFileSync(certPem, pki.certificateToPem(cert));
  writeFileSync(keyPem, pki.privateKeyInfoToPem(pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(keys.privateKey))));
  const chain = issuer ? [cert, issuer.cert] : [cert];
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, chain, PASSWORD, { algorithm: 'aes256', friendlyName: name });
  writeFileSync(p12, Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
  return { cert, key: keys.privateKey, certPem, keyPem, p12 };
}

/** A root CA and the certificates the tests sign with. */
export function makePki(dir: string) {
  const ca = makeCert(dir, 'ca', { cn: 'CA thử nghiệm thidua', o: 'Phòng thử nghiệm', from: '2020-01-01', to: '2035-01-01', usage: 'ca', ownKey: true });
  const principal = makeCert(dir, 'hieu-truong', { cn: 'Trần Văn Thịnh', o: 'Trường Chính trị tỉnh Bình Phước', from: '2025-01-01', to: '2028-01-01' }, ca);
  const expired = makeCert(dir, 'het-han', { cn: 'Trần Văn Thịnh', from: '2020-01-01', to: '2024-01-01' }, ca);
  const encryptOnly = makeCert(dir, 'ma-hoa', { cn: 'Trần Văn Thịnh', from: '2025-01-01', to: '2028-01-01', usage: 'encrypt' }, ca);
  const otherCa = makeCert(dir, 'ca-khac', { cn: 'CA khác', from: '2020-01-01', to: '2035-01-01', usage: 'ca', ownKey: true });
  writeFileSync(join(dir, 'roots.pem'), pki.certificateToPem(ca.cert));
  writeFileSync(join(dir, 'other-roots.pem'), pki.certificateToPem(otherCa.cert));
  return { ca, principal, expired, encryptOnly, otherCa, roots: join(dir, 'roots.pem'), otherRoots: join(dir, 'other-roots.pem') };
}
