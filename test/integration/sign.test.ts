/**
 * Signing registered documents and verifying signed PDFs, as a clerk runs the commands: a throwaway CA
 * (node-forge) and PKCS #12 files; a SoftHSM token where softhsm2 is installed; poppler's pdfsig as an
 * independent verifier where it is installed. Every failure leaves nothing written and nothing recorded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { json, ok, query, type Cli, type Seeded } from '../helpers/ballot-seed.js';
import { run, tempDir } from '../helpers/cli.js';
import { makePki, PASSWORD } from '../helpers/pki.js';
import { parseBbox } from '../../src/services/sign-pdf.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const hasOffice = has('soffice');
const hasPdfsig = has('pdfsig');
const hasPdftotext = has('pdftotext');
const SOFTHSM = '/usr/lib/softhsm/libsofthsm2.so';
const hasSoftHsm = existsSync(SOFTHSM) && has('softhsm2-util') && has('pkcs11-tool') && (() => {
  try {
    createRequire(import.meta.url).resolve('pkcs11js');
    return true;
  } catch {
    return false;
  }
})();

const PATH = process.env.PATH ?? '';

let s: Seeded;
let cli: Cli;
let pki: ReturnType<typeof makePki>;
let dir: string;
/** A folder with a stand-in `soffice` that fails if it is ever run: checks that stop before LibreOffice. */
let fakeBin: string;

beforeAll(async () => {
  s = await certificateSchool();
  cli = s.on('2026-11-28');
  dir = tempDir('thidua-sign-');
  pki = makePki(dir);
  fakeBin = join(dir, 'bin');
  mkdirSync(fakeBin);
  writeFileSync(join(fakeBin, 'soffice'), '#!/bin/sh\necho "stand-in soffice must not run" >&2\nexit 1\n');
  chmodSync(join(fakeBin, 'soffice'), 0o755);
}, 240_000);

const counts = () => ({
  signatures: query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM document_signatures')[0].n,
  audit: query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM audit')[0].n,
});

const p12 = (file: string, out: string, extra: string[] = []) => ['sign', '01/QĐ-TCT', '--year', '2025', '--out', out, '--p12', file, '--password-env', 'P12_PASS', ...extra];

/** Runs a command that must fail before anything is written: its exit code and message, nothing recorded, no file. */
async function refused(argv: string[], env: Record<string, string>, code: number, message: RegExp, out?: string) {
  const before = counts();
  const r = await cli(argv, { env });
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('stand-in soffice');
  expect(counts()).toEqual(before);
  if (out) expect(existsSync(out)).toBe(false);
  return r;
}

describe('sign: refusals before anything is made (no LibreOffice run)', () => {
  const env = () => ({ PATH: fakeBin, P12_PASS: PASSWORD });

  it('a wrong password: exit 3, nothing written or recorded; the password never shows', async () => {
    const out = join(dir, 'wrong.pdf');
    const r = await refused(p12(pki.principal.p12, out), { PATH: fakeBin, P12_PASS: 'sai-mat-khau' }, 3, /Mật khẩu của tệp .*hieu-truong\.p12 không đúng/, out);
    expect(r.stderr + r.stdout).not.toContain('sai-mat-khau');
    const en = await cli(['--lang', 'en', ...p12(pki.principal.p12, out)], { env: { PATH: fakeBin, P12_PASS: 'x' } });
    expect(en.code).toBe(3);
    expect(en.stderr).toContain('Wrong password for');
  });

  it('an expired certificate, a certificate not for signing, a missing file', async () => {
    const out = join(dir, 'x.pdf');
    await refused(p12(pki.expired.p12, out), env(), 3, /Chứng thư của Trần Văn Thịnh đã hết hạn ngày 01\/01\/2024/, out);
    await refused(p12(pki.encryptOnly.p12, out), env(), 3, /không dùng để ký \(thiếu mục đích chữ ký số hoặc chống chối bỏ/, out);
    await refused(p12(join(dir, 'khong-co.p12'), out), env(), 4, /Không thấy tệp chứng thư/, out);
    await refused(p12(pki.roots, out), env(), 3, /không phải là tệp chứng thư PKCS#12/, out);
  });

  it('without LibreOffice: exit 5 saying how to install it, before the key is even opened', async () => {
    const out = join(dir, 'no-office.pdf');
    await refused(p12(pki.principal.p12, out), { PATH: join(dir, 'empty'), P12_PASS: PASSWORD }, 5, /sudo apt-get install libreoffice-writer-nogui/, out);
    const en = await cli(['--lang', 'en', ...p12(pki.principal.p12, out)], { env: { PATH: '', P12_PASS: PASSWORD } });
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('LibreOffice (soffice) was not found');
  });

  it('secrets are never flag values: no --password flag, --password-env takes a name, an unset variable is named', async () => {
    const out = join(dir, 's.pdf');
    await refused([...p12(pki.principal.p12, out).slice(0, -2), '--password', PASSWORD], env(), 2, /Không có tùy chọn --password/, out);
    const r = await refused([...p12(pki.principal.p12, out).slice(0, -1), 'mật-khẩu 2025'], env(), 2, /không phải là tên biến môi trường/, out);
    expect(r.stderr).not.toContain('mật-');
    expect(r.stderr).not.toContain('2025');
    await refused(p12(pki.principal.p12, out), { PATH: fakeBin }, 2, /Biến môi trường P12_PASS \(của --password-env\) chưa được đặt/, out);
    // Nobody at the keyboard and no variable: the flag is named.
    await refused(p12(pki.principal.p12, out).slice(0, -2), env(), 2, /Thiếu --password-env/, out);
    await refused(['sign', '01/QĐ-TCT', '--year', '2025', '--out', out], env(), 2, /Chọn đúng một cách ký/, out);
    await refused(['sign', '01/QĐ-TCT', '--year', '2025', '--out', out, '--pkcs11', SOFTHSM], env(), 2, /cần --slot/, out);
  });

  it('at the terminal the password is asked for (and a wrong one refused the same way)', async () => {
    const out = join(dir, 'tty.pdf');
    const before = counts();
    const r = await cli(p12(pki.principal.p12, out).slice(0, -2), { tty: true, env: { PATH: fakeBin }, answers: [{ expect: /Mật khẩu của tệp .*hieu-truong\.p12/, answer: 'không đúng' }] });
    expect(r.code, r.stderr).toBe(3);
    expect(counts()).toEqual(before);
  });

  it('a file already there, an unknown document', async () => {
    const taken = join(dir, 'taken.pdf');
    writeFileSync(taken, 'x');
    await refused(p12(pki.principal.p12, taken), env(), 5, /đã có/);
    expect(readFileSync(taken, 'utf8')).toBe('x');
    await refused(['sign', '09/QĐ-TCT', '--year', '2025', '--out', join(dir, 'n.pdf'), '--p12', pki.principal.p12, '--password-env', 'P12_PASS'], env(), 4, /09\/QĐ-TCT/);
  });

  it('a PKCS#11 library that is not there (4) or not a library (3)', async () => {
    const out = join(dir, 'p11.pdf');
    const base = ['sign', '01/QĐ-TCT', '--year', '2025', '--out', out, '--slot', '0', '--pin-env', 'PIN'];
    await refused([...base, '--pkcs11', join(dir, 'none.so')], { PATH: fakeBin, PIN: '1' }, 4, /Không thấy thư viện PKCS#11/, out);
    if (hasSoftHsm) await refused([...base, '--pkcs11', pki.roots], { PATH: fakeBin, PIN: '1' }, 3, /không phải là thư viện PKCS#11 dùng được/, out);
  });
});

describe.skipIf(!hasOffice || !hasPdftotext)('sign with a PKCS#12 file, visibly, and verify', () => {
  let signed: string;
  let docxBefore: Buffer;

  beforeAll(async () => {
    const before = join(dir, 'before.docx');
    await ok(cli, ['document', 'render', '01/QĐ-TCT', '--year', '2025', '--out', before]);
    docxBefore = readFileSync(before);
    signed = join(dir, 'qd-01-da-ky.pdf');
    const r = await cli(p12(pki.principal.p12, signed, ['--visible']), { env: { PATH, P12_PASS: PASSWORD } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã ký số 01/QĐ-TCT');
  }, 300_000);

  it.skipIf(!hasPdfsig)('poppler pdfsig, an independent verifier, finds the signature valid, PAdES, covering the whole file', () => {
    const out = spawnSync('pdfsig', [signed], { encoding: 'utf8' }).stdout;
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signer Certificate Common Name: Trần Văn Thịnh');
  });

  it('the register and the audit trail record it, in one go; the command line kept holds no secret', async () => {
    const sha = createHash('sha256').update(readFileSync(signed)).digest('hex');
    const [row] = query<{ sha256: string; signer_name: string; serial: string; issuer: string; method: string; visible: number; document_id: number }>(s.db, 'SELECT * FROM document_signatures');
    expect(row).toMatchObject({ sha256: sha, signer_name: 'Trần Văn Thịnh', serial: pki.principal.cert.serialNumber.toUpperCase(), method: 'pkcs12', visible: 1 });
    expect(row.issuer).toContain('CN=CA thử nghiệm thidua');
    const audit = query<{ action: string; command: string; after: string }>(s.db, "SELECT * FROM audit WHERE entity = 'document' AND action = 'sign'");
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toContain(sha);
    expect(audit[0].command).toContain('--password-env P12_PASS');
    expect(audit[0].command + audit[0].after).not.toContain(PASSWORD);
    // Signing changes no frozen model: the records still match their trail.
    // (the fixture writes the initiative council's decisions straight into the file: only documents are asked about)
    const check = JSON.parse((await cli(['db', 'check', '--json'])).stdout) as { checks: { name: string; problems: string[] }[] };
    expect(check.checks.find((c) => c.name === 'records')!.problems.filter((p) => p.startsWith('document'))).toEqual([]);
  });

  it('document list and show say it is signed and by whom; render still gives the same Word bytes', async () => {
    const list = await json<{ symbol: string; status: string; signedBy?: string }[]>(cli, ['document', 'list', '--year', '2025', '--kind', 'QĐ']);
    expect(list.find((d) => d.symbol === '01/QĐ-TCT')).toMatchObject({ status: 'signed', signedBy: 'Trần Văn Thịnh' });
    expect(list.find((d) => d.symbol === '02/QĐ-TCT')).toMatchObject({ status: 'issued' });
    expect(list.find((d) => d.symbol === '02/QĐ-TCT')).not.toHaveProperty('signedBy');
    const table = await ok(cli, ['document', 'list', '--year', '2025']);
    expect(table.stdout).toMatch(/01\/QĐ-TCT.*đã ký số.*Trần Văn Thịnh/);
    const show = await ok(cli, ['document', 'show', '01/QĐ-TCT', '--year', '2025']);
    expect(show.stdout).toContain('đã ký số');
    expect(show.stdout).toContain('CN=Trần Văn Thịnh');
    const shown = await json<{ signatures: { sha256: string }[] }>(cli, ['document', 'show', '01/QĐ-TCT', '--year', '2025']);
    expect(shown.signatures[0].sha256).toBe(createHash('sha256').update(readFileSync(signed)).digest('hex'));
    const unsigned = await ok(cli, ['document', 'show', '02/QĐ-TCT', '--year', '2025']);
    expect(unsigned.stdout).toContain('chưa ký số');
    const after = join(dir, 'after.docx');
    await ok(cli, ['document', 'render', '01/QĐ-TCT', '--year', '2025', '--out', after]);
    expect(readFileSync(after).equals(docxBefore)).toBe(true);
  });

  it('the visible block sits in the blank space between HIỆU TRƯỞNG and the name, over no text', () => {
    const pdf = readFileSync(signed).toString('latin1');
    const rect = /\/Rect \[ ?([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ?\]/.exec(pdf.slice(pdf.indexOf('/FT /Sig') - 400, pdf.indexOf('/FT /Sig') + 400))!;
    const [x1, y1, x2, y2] = rect.slice(1).map(Number);
    expect(x2 - x1).toBeGreaterThan(100);
    expect(y2 - y1).toBeGreaterThan(28);
    const unsignedPdf = join(dir, 'plain');
    mkdirSync(unsignedPdf, { recursive: true });
    const pages = parseBbox(execFileSync('pdftotext', ['-bbox-layout', signed, '-'], { encoding: 'utf8' }));
    const page = pages.find((p) => p.lines.some((l) => l.text === 'HIỆU TRƯỞNG'))!;
    const title = page.lines.find((l) => l.text === 'HIỆU TRƯỞNG')!;
    const name = page.lines.find((l) => l.text === 'Trần Văn Thịnh' && l.yMin > title.yMax)!;
    // In top-down points: below the title, above the name, centred on the block.
    const top = page.height - y2;
    const bottom = page.height - y1;
    expect(top).toBeGreaterThanOrEqual(title.yMax);
    expect(bottom).toBeLessThanOrEqual(name.yMin);
    expect(Math.abs((x1 + x2) / 2 - (title.xMin + title.xMax) / 2)).toBeLessThan(5);
    const document = page.lines.filter((l) => !/Người ký|Chứng thư|Thời gian ký|Bình Phước|Trường Chính/.test(l.text));
    expect(document.filter((l) => l.xMax > x1 && l.xMin < x2 && l.yMax > top && l.yMin < bottom)).toEqual([]);
  });

  it('verify: valid (exit 0), names the signer, trusts the chain given, finds the document in the register', async () => {
    const r = await cli(['verify', signed, '--ca', pki.roots]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Chữ ký 1: Trần Văn Thịnh');
    expect(r.stdout).toContain('tệp còn nguyên vẹn, chữ ký đúng');
    expect(r.stdout).toContain('dẫn tới chứng thư gốc tin cậy CN=CA thử nghiệm thidua');
    expect(r.stdout).toContain('Trong sổ văn bản: 01/QĐ-TCT ngày 15/12/2025');
    const j = await json<{ valid: boolean; register: { document: { symbol: string } }; signatures: { signer: { name: string }; trusted: boolean }[] }>(cli, ['verify', signed, '--ca', pki.roots]);
    expect(j).toMatchObject({ valid: true, register: { document: { symbol: '01/QĐ-TCT' } }, signatures: [{ signer: { name: 'Trần Văn Thịnh' }, trusted: true }] });
    // Without roots the chain is said to be unchecked; other roots do not lead to it.
    const plain = await cli(['verify', signed]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Chưa kiểm tra chuỗi chứng thư');
    const other = await cli(['verify', signed, '--ca', pki.otherRoots]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('không dẫn tới chứng thư gốc nào trong --ca');
  });

  it('verify works without a database, saying the register was not checked', async () => {
    const r = await run(['--db', join(dir, 'khong-co.sqlite'), 'verify', signed, '--ca', pki.roots]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Không kiểm tra được sổ văn bản');
    expect(existsSync(join(dir, 'khong-co.sqlite'))).toBe(false);
  });

  it('one changed byte anywhere in the file is caught, as are added bytes (exit 3, each failure listed)', async () => {
    const bytes = readFileSync(signed);
    const gap = bytes.indexOf('/Contents <');
    const positions = [0, 9, 200, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 2, gap + 40, gap + 400, gap + 15_000];
    for (const at of positions) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at] === 0x30 ? 0x31 : copy[at] ^ 0x01;
      const file = join(dir, `tampered-${at}.pdf`);
      writeFileSync(file, copy);
      const r = await cli(['verify', file, '--ca', pki.roots]);
      expect(r.code, `byte ${at}: ${r.stdout}`).toBe(3);
      expect(r.stderr).toMatch(/không qua được kiểm tra chữ ký|không phải là tệp PDF/);
    }
    const appended = join(dir, 'appended.pdf');
    writeFileSync(appended, Buffer.concat([bytes, Buffer.from('\n% thêm sau khi ký\n')]));
    const r = await cli(['verify', appended]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('byte sau khi ký');
    const digestChanged = Buffer.from(bytes);
    digestChanged[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(join(dir, 'digest.pdf'), digestChanged);
    expect((await cli(['verify', join(dir, 'digest.pdf')])).stderr).toContain('nội dung tệp đã thay đổi sau khi ký');
  });

  it('a PDF with no signature, and a file that is not a PDF', async () => {
    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const r = await cli(['verify', plain]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Tệp không có chữ ký số nào');
    writeFileSync(join(dir, 'text.pdf'), 'hello');
    expect((await cli(['verify', join(dir, 'text.pdf')])).code).toBe(3);
    expect((await cli(['verify', join(dir, 'none.pdf')])).code).toBe(4);
    expect((await cli(['verify', signed, '--ca', join(dir, 'none.pem')])).code).toBe(4);
  });
});

describe.skipIf(!hasSoftHsm)('sign through PKCS#11 (a SoftHSM token)', () => {
  let hsm: Record<string, string>;
  const base = (out: string, slot = '0') => ['sign', '02/QĐ-TCT', '--year', '2025', '--out', out, '--pkcs11', SOFTHSM, '--slot', slot, '--pin-env', 'PIN'];

  beforeAll(() => {
    const home = join(dir, 'softhsm');
    mkdirSync(join(home, 'tokens'), { recursive: true });
    writeFileSync(join(home, 'softhsm2.conf'), `directories.tokendir = ${join(home, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    hsm = { SOFTHSM2_CONF: join(home, 'softhsm2.conf') };
    const env = { ...process.env, ...hsm };
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'thidua', '--pin', '123456', '--so-pin', '654321'], { env, stdio: 'ignore' });
    execFileSync('softhsm2-util', ['--import', pki.principal.keyPem, '--token', 'thidua', '--label', 'hieu-truong', '--id', '01', '--pin', '123456'], { env, stdio: 'ignore' });
    const der = join(home, 'cert.der');
    execFileSync('openssl', ['x509', '-in', pki.principal.certPem, '-outform', 'DER', '-out', der]);
    execFileSync('pkcs11-tool', ['--module', SOFTHSM, '--token-label', 'thidua', '--login', '--pin', '123456', '--write-object', der, '--type', 'cert', '--id', '01', '--label', 'hieu-truong'], { env, stdio: 'ignore' });
    // pkcs11js reads SOFTHSM2_CONF from this process's environment when the library starts.
    process.env.SOFTHSM2_CONF = hsm.SOFTHSM2_CONF;
  });

  it('a wrong PIN (3) and a slot without a token (5): nothing written or recorded', async () => {
    const out = join(dir, 'token-fail.pdf');
    await refused(base(out), { PATH: fakeBin, PIN: '000000' }, 3, /Mã PIN của thẻ «thidua» không đúng/, out);
    await refused(base(out, '1'), { PATH: fakeBin, PIN: '123456' }, 5, /Khe 1 không có thẻ ký số\. Các khe có thẻ: 0 \(0x[0-9a-f]+\) «thidua»/, out);
  });

  it.skipIf(!hasOffice)('signs on the token (the key never leaves it); pdfsig and verify accept the signature', async () => {
    const out = join(dir, 'qd-02-the.pdf');
    const r = await cli(base(out), { env: { PATH, PIN: '123456' } });
    expect(r.code, r.stderr).toBe(0);
    if (hasPdfsig) expect(spawnSync('pdfsig', [out], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
    const v = await cli(['verify', out, '--ca', pki.roots]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('Trong sổ văn bản: 02/QĐ-TCT');
    expect(query<{ method: string }>(s.db, "SELECT method FROM document_signatures WHERE document_id = (SELECT id FROM documents WHERE kind = 'QĐ' AND number = 2)")).toEqual([{ method: 'pkcs11' }]);
  }, 300_000);

  it('no token at all in the machine: exit 5', async () => {
    const empty = join(dir, 'softhsm-empty');
    mkdirSync(join(empty, 'tokens'), { recursive: true });
    writeFileSync(join(empty, 'softhsm2.conf'), `directories.tokendir = ${join(empty, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    const saved = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = join(empty, 'softhsm2.conf');
    try {
      await refused(base(join(dir, 'none.pdf')), { PATH: fakeBin, PIN: '123456' }, 5, /Không thấy thẻ ký số nào trong máy/);
      // A library that cannot start (its configuration is missing): exit 5 with its own word for it.
      process.env.SOFTHSM2_CONF = join(empty, 'khong-co.conf');
      await refused(base(join(dir, 'none.pdf')), { PATH: fakeBin, PIN: '123456' }, 5, /không ký được \(CKR_/);
    } finally {
      process.env.SOFTHSM2_CONF = saved;
    }
  });
});

describe('a signed document is final', () => {
  /** Decision 03/QĐ (the initiatives), recorded as signed the way `sign` records it. */
  let decision: number;
  beforeAll(async () => {
    decision = query<{ id: number }>(s.db, "SELECT id FROM documents WHERE kind = 'QĐ' AND year = 2025 AND number = 3")[0].id;
    const { default: Database } = await import('better-sqlite3');
    const conn = new Database(s.db);
    conn
      .prepare(
        "INSERT INTO document_signatures (document_id, signed_at, signer_name, signer_subject, serial, issuer, certificate_sha256, method, visible, sha256, size, created_at) VALUES (?, '2025-12-16T02:00:00.000Z', 'Trần Văn Thịnh', 'CN=Trần Văn Thịnh, C=VN', '1001', 'CN=CA thử nghiệm thidua', ?, 'pkcs12', 0, ?, 1000, '2025-12-16T02:00:00.000Z')",
      )
      .run(decision, 'a'.repeat(64), 'b'.repeat(64));
    conn.close();
  });

  it('recognise revoke refuses to mark a recognition of a signed decision, naming the decision to issue', async () => {
    const [rec] = query<{ id: number }>(s.db, 'SELECT id FROM recognitions WHERE decision_id = ? ORDER BY id', decision);
    const before = counts();
    const r = await cli(['recognise', 'revoke', String(rec.id), '--reason', 'Sáng kiến trùng lặp', '--yes']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('Quyết định 03/QĐ-TCT đã được ký số (Trần Văn Thịnh, ngày 16/12/2025)');
    expect(r.stderr).toContain(`thidua recognise revoke ${rec.id} --reason "Sáng kiến trùng lặp" --decision`);
    expect(counts()).toEqual(before);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM recognitions WHERE id = ?', rec.id)).toEqual([{ status: 'active' }]);
    const en = await cli(['--lang', 'en', 'recognise', 'revoke', String(rec.id), '--reason', 'x', '--yes']);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('Decision 03/QĐ-TCT is digitally signed');
  });

  it('the register itself refuses to change a signed document, or to revoke it without a revoking decision', async () => {
    const { default: Database } = await import('better-sqlite3');
    const conn = new Database(s.db);
    try {
      expect(() => conn.prepare("UPDATE documents SET payload = '{}' WHERE id = ?").run(decision)).toThrow(/a signed document is final/);
      expect(() => conn.prepare("UPDATE documents SET date = '2025-12-31' WHERE id = ?").run(decision)).toThrow(/a signed document is final/);
      expect(() => conn.prepare("UPDATE documents SET status = 'revoked', revoked_on = '2025-12-31', revoked_reason = 'x' WHERE id = ?").run(decision)).toThrow(/only by a new decision/);
      expect(() => conn.prepare("UPDATE document_signatures SET signer_name = 'X'").run()).toThrow(/never changes/);
      expect(() => conn.prepare('DELETE FROM document_signatures').run()).toThrow(/never deleted/);
    } finally {
      conn.close();
    }
  });

  it('recognise revoke --decision issues the revoking decision that names the signed one; the last revocation revokes it in the register', async () => {
    const recs = query<{ id: number }>(s.db, 'SELECT id FROM recognitions WHERE decision_id = ? ORDER BY id', decision);
    expect(recs.length).toBeGreaterThan(1);
    const out = join(dir, 'thu-hoi');
    const first = await json<{ status: string; revokedBy: { symbol: string; file: string } }>(cli, ['recognise', 'revoke', String(recs[0].id), '--reason', 'Sáng kiến trùng lặp.', '--decision', '--date', '2026-11-28', '--out', out, '--yes']);
    expect(first.status).toBe('revoked');
    expect(first.revokedBy.symbol).toMatch(/^0\d\/QĐ-TCT$/);
    const { readDocx, expectWellFormedDocument } = await import('../helpers/docx.js');
    const facts = await readDocx(first.revokedBy.file);
    expectWellFormedDocument(facts);
    const text = facts.text.replace(/\s+/g, ' ');
    expect(text).toContain('Về việc thu hồi công nhận sáng kiến');
    expect(text).toContain('đã công nhận tại Quyết định số 03/QĐ-TCT');
    // Its basis as every decision of the school writes it, from data: the Law (rule basis.law), the
    // school's competence and regulation (the profile in force), then the decision revoked.
    expect(text).toContain(
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; ' +
        'Căn cứ Quyết định số 1234-QĐ/TU ngày 05 tháng 3 năm 2020 của Ban Thường vụ Tỉnh ủy Bình Phước về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Bình Phước; ' +
        'Căn cứ Quyết định số 45/QĐ-TCT ngày 10 tháng 01 năm 2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế thi đua, khen thưởng của Trường; ' +
        'Căn cứ Quyết định số 03/QĐ-TCT ngày 15 tháng 12 năm 2025 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước về việc công nhận sáng kiến năm 2025; ' +
        'Xét đề nghị của Hội đồng Thi đua – Khen thưởng Trường.',
    );
    expect(text).toContain('Lý do: Sáng kiến trùng lặp.');
    expect(text).not.toContain('trùng lặp..');
    const check = await cli(['document', 'check', first.revokedBy.file, '--no-pdf']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(query<{ revoked_reason: string }>(s.db, 'SELECT revoked_reason FROM recognitions WHERE id = ?', recs[0].id)[0].revoked_reason).toContain(first.revokedBy.symbol);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM documents WHERE id = ?', decision)).toEqual([{ status: 'issued' }]);
    // A date before the decision revoked is refused, nothing issued.
    const before = counts();
    const early = await cli(['recognise', 'revoke', String(recs[1].id), '--reason', 'x', '--decision', '--date', '2025-01-01', '--yes']);
    expect(early.code, early.stderr).toBe(3);
    expect(early.stderr).toContain('trước ngày của Quyết định số 03/QĐ-TCT (15/12/2025)');
    expect(counts()).toEqual(before);
    for (const r of recs.slice(1)) await ok(cli, ['recognise', 'revoke', String(r.id), '--reason', 'Sáng kiến trùng lặp', '--decision', '--yes']);
    const [row] = query<{ status: string; revoked_by: number }>(s.db, 'SELECT status, revoked_by FROM documents WHERE id = ?', decision);
    expect(row.status).toBe('revoked');
    expect(query<{ kind: string; type: string }>(s.db, 'SELECT kind, type FROM documents WHERE id = ?', row.revoked_by)).toEqual([{ kind: 'QĐ', type: 'revocation-decision' }]);
    const shown = await json<{ status: string }>(cli, ['document', 'show', '03/QĐ-TCT', '--year', '2025']);
    expect(shown.status).toBe('revoked');
  });
});
