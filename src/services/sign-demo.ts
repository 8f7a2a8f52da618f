/**
 * The demo's signatures: a demonstration certification authority and a demonstration certificate,
 * named as such ("… MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"), made afresh on each run, and the year's
 * decisions signed with it, when LibreOffice is installed. The root certificate and the PKCS #12 file
 * are left in the demo folder, so `thidua verify --ca` and `thidua sign --p12` can be tried by hand.
 */
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import type { ServiceContext } from '../context.js';
import type { DocModel } from '../domain/documents.js';
import { listDocuments } from './documents.js';
import { makeFolder, writeFileAtomic } from './files.js';
import { findProgram, findSoffice } from './pdf.js';
import { signDocuments } from './sign.js';
import { onDay, type DemoFile } from './demo/year.js';
import { DEMO_YEAR } from './demo/year-data.js';

export const DEMO_SIGN_DIR = 'chu-ky-so';
export const DEMO_ROOT_FILE = 'chung-thu-goc-minh-hoa.pem';
export const DEMO_P12_FILE = 'chung-thu-minh-hoa.p12';
/** The demonstration file's password (printed by the demo; it protects nothing real). */
export const DEMO_P12_PASSWORD = 'minh-hoa';
export const DEMO_SIGNER = 'CHỨNG THƯ SỐ MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';
export const DEMO_AUTHORITY = 'TỔ CHỨC CẤP CHỨNG THƯ MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

/** Writes the demonstration root (PEM) and signer (PKCS #12) into `dir`; returns their paths. */
export async function makeDemoCertificates(dir: string, organisation: string): Promise<{ root: string; p12: string }> {
  const forge = (await import('node-forge')).default;
  const pki = forge.pki;
  const fresh = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string) as import('node-forge').pki.rsa.PrivateKey;
    return { key, pub: pki.setRsaPublicKey(key.n, key.e) };
  };
  const name = (cn: string) => [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 as never },
    { shortName: 'CN', value: cn, valueTagClass: forge.asn1.Type.UTF8 as never },
  ];
  const make = (cn: string, serial: string, pub: import('node-forge').pki.PublicKey, signer: import('node-forge').pki.rsa.PrivateKey, ca: boolean, issuer: ReturnType<typeof name>) => {
    const cert = pki.createCertificate();
    cert.publicKey = pub;
    cert.serialNumber = serial;
    cert.validity.notBefore = new Date('2025-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2030-12-31T23:59:59Z');
    cert.setSubject(name(cn));
    cert.setIssuer(issuer);
    cert.setExtensions(
      ca
        ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]
        : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }, { name: 'subjectKeyIdentifier' }],
    );
    cert.sign(signer, forge.md.sha256.create());
    return cert;
  };
  const caKeys = fresh();
  const ca = make(DEMO_AUTHORITY, '01', caKeys.pub, caKeys.key, true, name(DEMO_AUTHORITY));
  const userKeys = fresh();
  const user = make(DEMO_SIGNER, '02', userKeys.pub, caKeys.key, false, name(DEMO_AUTHORITY));
  makeFolder(dir);
  const root = writeFileAtomic(join(dir, DEMO_ROOT_FILE), pki.certificateToPem(ca), { force: true });
  const p12 = forge.pkcs12.toPkcs12Asn1(userKeys.key, [user, ca], DEMO_P12_PASSWORD, { algorithm: 'aes256', friendlyName: DEMO_SIGNER });
  const p12File = writeFileAtomic(join(dir, DEMO_P12_FILE), Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), { force: true });
  return { root, p12: p12File };
}

export interface DemoSignOptions {
  env: Record<string, string | undefined>;
  render(model: DocModel): Promise<Uint8Array>;
}

/** Signs the demo year's decisions (visibly when pdftotext is there); null when LibreOffice is not installed. */
export async function demoSignatures(ctx: ServiceContext, dir: string, opts: DemoSignOptions): Promise<DemoFile[] | null> {
  if (!findSoffice(opts.env)) return null;
  const decisions = (await listDocuments(ctx, { year: DEMO_YEAR, kind: 'QĐ' })).filter((d) => d.status === 'issued');
  if (decisions.length === 0) return [];
  const folder = join(dir, DEMO_SIGN_DIR);
  const { root, p12 } = await makeDemoCertificates(folder, decisions[0].model.identity.fullName);
  const day = decisions.map((d) => d.date).sort().pop()!;
  const signed = await signDocuments(onDay(ctx, day), {
    items: decisions.map((d) => ({ document: String(d.id), out: join(folder, `quyet-dinh-${String(d.number).padStart(2, '0')}-${d.year}-da-ky.pdf`) })),
    force: true,
    visible: !!findProgram(['pdftotext', 'pdftotext.exe'], opts.env),
    key: { kind: 'pkcs12', file: p12, password: async () => DEMO_P12_PASSWORD },
    env: opts.env,
    render: opts.render,
  });
  return [
    ...signed.map((s) => ({ kind: 'signedDecision', path: s.file })),
    { kind: 'demoRoot', path: root },
    { kind: 'demoP12', path: p12 },
  ];
}
