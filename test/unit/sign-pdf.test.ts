/**
 * Signing and verifying without LibreOffice: a small PDF made with pdf-lib, signed through the same
 * field, CMS and byte-range code `thidua sign` uses, with a throwaway CA's certificates; then read back
 * by `thidua verify` (no database) and, where installed, by poppler's pdfsig.
 */
import { spawnSync } from 'node:child_process';
import { createPrivateKey, sign as signWith } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { makeCert, makePki } from '../helpers/pki.js';
import { addSignatureField, findSignatureArea, readPdfSignatures, signPlaceholder, type PrintedPage } from '../../src/services/sign-pdf.js';
import { certInfo } from '../../src/services/sign-cert.js';
import type { KeySigner } from '../../src/services/sign-cms.js';

const hasPdfsig = spawnSync('sh', ['-c', 'command -v pdfsig'], { stdio: 'ignore' }).status === 0;

let dir: string;
let pki: ReturnType<typeof makePki>;

function der(pem: string): Buffer {
  return Buffer.from(readFileSync(pem, 'utf8').replace(/-----[^-]+-----|\s/g, ''), 'base64');
}

function signerOf(certPem: string, keyPem: string, chain: string[] = []): KeySigner {
  const key = createPrivateKey(readFileSync(keyPem));
  return { algorithm: 'rsa', certificates: [der(certPem), ...chain.map(der)], sign: async (data) => signWith('sha256', data, key) };
}

async function blankPdf(): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return doc.save({ useObjectStreams: false });
}

async function signedPdf(name: string, signer: KeySigner, at = new Date('2026-11-28T08:00:00Z')): Promise<string> {
  const withField = await addSignatureField({ pdf: await blankPdf(), signingTime: at, reason: 'Ký ban hành Quyết định số 01/QĐ-TCT', location: 'Bình Phước', name: 'Trần Văn Thịnh', signatureLength: 12_000 });
  const file = join(dir, name);
  writeFileSync(file, await signPlaceholder(withField, signer, at));
  return file;
}

const verify = (...args: string[]) => run(['--db', join(dir, 'none.sqlite'), 'verify', ...args]);

beforeAll(() => {
  dir = tempDir('thidua-sign-unit-');
  pki = makePki(dir);
}, 120_000);

describe('verify', () => {
  let good: string;
  beforeAll(async () => {
    good = await signedPdf('good.pdf', signerOf(pki.principal.certPem, pki.principal.keyPem, [pki.ca.certPem]));
  });

  it('accepts a signature it made (and so does pdfsig)', async () => {
    const r = await verify(good, '--ca', pki.roots);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Chữ ký 1: Trần Văn Thịnh');
    expect(r.stdout).toContain('Không kiểm tra được sổ văn bản');
    if (hasPdfsig) {
      const out = spawnSync('pdfsig', [good], { encoding: 'utf8' }).stdout;
      expect(out).toContain('Signature is Valid.');
      expect(out).toContain('ETSI.CAdES.detached');
    }
  });

  it('catches every changed byte, wherever it is (signed ranges, byte range, signature value, its padding)', async () => {
    const bytes = readFileSync(good);
    const [sig] = readPdfSignatures(bytes);
    const [, b, c] = sig.byteRange;
    const positions = new Set<number>();
    for (let at = 0; at < bytes.length; at += 97) positions.add(at);
    for (let at = b; at < c; at += 29) positions.add(at);
    positions.add(b + 1);
    positions.add(c - 2);
    positions.add(bytes.length - 1);
    let caught = 0;
    for (const at of positions) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at] === 0x30 ? 0x31 : copy[at] === 0x31 ? 0x30 : copy[at] ^ 0x01;
      const file = join(dir, 'tampered.pdf');
      writeFileSync(file, copy);
      const r = await verify(file, '--ca', pki.roots);
      expect(r.code, `byte ${at} (${bytes[at]}): ${r.stderr}`).toBe(3);
      caught++;
    }
    expect(caught).toBeGreaterThan(40);
  }, 120_000);

  it('lists each failure: expired on the signing date, not for signing, untrusted, added bytes', async () => {
    const expired = await signedPdf('expired.pdf', signerOf(pki.expired.certPem, pki.expired.keyPem));
    let r = await verify(expired, '--ca', pki.roots);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('không có hiệu lực vào ngày ký 28/11/2026 (hiệu lực 01/01/2020 – 01/01/2024)');
    const encrypt = await signedPdf('encrypt.pdf', signerOf(pki.encryptOnly.certPem, pki.encryptOnly.keyPem));
    r = await verify(encrypt);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('không dùng để ký (Key Usage)');
    r = await verify(good, '--ca', pki.otherRoots);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('không dẫn tới chứng thư gốc nào trong --ca (bên cấp: CA thử nghiệm thidua)');
    // A certificate not issued by the CA it names.
    const forged = makeCert(dir, 'gia-mao', { cn: 'Kẻ giả mạo', from: '2025-01-01', to: '2028-01-01', ownKey: true }, pki.otherCa);
    const forgedFile = await signedPdf('forged.pdf', signerOf(forged.certPem, forged.keyPem));
    r = await verify(forgedFile, '--ca', pki.roots);
    expect(r.code).toBe(3);
    writeFileSync(join(dir, 'more.pdf'), Buffer.concat([readFileSync(good), Buffer.from('1 0 obj\n<< >>\nendobj\n')]));
    r = await verify(join(dir, 'more.pdf'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('đã bị thêm 21 byte sau khi ký');
    const en = await run(['--lang', 'en', '--db', join(dir, 'none.sqlite'), 'verify', expired]);
    expect(en.stderr).toContain('was not valid on the signing date 28/11/2026');
  });

  it('a signature with another key than the certificate it carries is a bad signature', async () => {
    const wrong = signerOf(pki.principal.certPem, pki.otherCa.keyPem);
    const r = await verify(await signedPdf('wrong-key.pdf', wrong), '--ca', pki.roots);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('sai chữ ký');
  });
});

describe('certificates and the signature space', () => {
  it('reads Vietnamese names, serial, validity and key usage', () => {
    const c = certInfo(der(pki.principal.certPem));
    expect(c).toMatchObject({ name: 'Trần Văn Thịnh', organisation: 'Trường Chính trị tỉnh Bình Phước', issuerName: 'CA thử nghiệm thidua', isCa: false });
    expect(c.subject).toBe('CN=Trần Văn Thịnh, O=Trường Chính trị tỉnh Bình Phước, C=VN');
    expect(c.keyUsage).toEqual({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(certInfo(der(pki.encryptOnly.certPem)).keyUsage?.digitalSignature).toBe(false);
    expect(certInfo(der(pki.ca.certPem)).isCa).toBe(true);
  });

  const line = (text: string, xMin: number, yMin: number, xMax: number, yMax: number) => ({ text, xMin, yMin, xMax, yMax });
  const page = (lines: PrintedPage['lines']): PrintedPage => ({ width: 595, height: 842, lines });

  it('finds the blank lines between the title and the name, in the block of the page that has it', () => {
    const pages = [
      page([line('HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ', 150, 200, 450, 215)]),
      page([line('Nơi nhận:', 85, 650, 140, 662), line('HIỆU TRƯỞNG', 373, 654, 510, 672), line('Trần Văn Thịnh', 395, 735, 490, 753)]),
      page([line('DANH SÁCH', 250, 80, 345, 95), line('Trần Văn Thịnh', 100, 300, 180, 312)]),
    ];
    const area = findSignatureArea(pages, { title: ['HIỆU TRƯỞNG'], name: 'Trần Văn Thịnh' });
    expect(area?.page).toBe(1);
    const [x1, y1, x2, y2] = area!.rect;
    expect(842 - y2).toBeGreaterThanOrEqual(672);
    expect(842 - y1).toBeLessThanOrEqual(735);
    expect((x1 + x2) / 2).toBeCloseTo(441.5, 0);
    // A deputy's two title lines: the last one leads; no space, or text in it: not found.
    expect(findSignatureArea(pages, { title: ['KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG'], name: 'Trần Văn Thịnh' })).toBeNull();
    const crowded = [page([line('HIỆU TRƯỞNG', 373, 654, 510, 672), line('(đã ký)', 420, 690, 460, 700), line('Trần Văn Thịnh', 395, 735, 490, 753)])];
    expect(findSignatureArea(crowded, { title: ['HIỆU TRƯỞNG'], name: 'Trần Văn Thịnh' })).toBeNull();
  });
});
