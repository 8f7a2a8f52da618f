/**
 * The demo signs its decisions with a demonstration certificate it makes, when LibreOffice is
 * installed: `thidua verify` (against the demonstration root) and poppler's pdfsig accept every one,
 * and the register shows them signed. Without LibreOffice it says it skipped signing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin } from '../helpers/bin.js';
import { run, tempDir } from '../helpers/cli.js';
import { copyOfSharedDemo, sharedDemo } from '../helpers/shared-demo.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

describe('the demo signs its decisions', () => {
  it.skipIf(!has('soffice'))('with a demonstration certificate that verify and pdfsig accept', async () => {
    // The run's shared demo (built by the program with LibreOffice on PATH), in a private copy.
    const r = await sharedDemo('state');
    expect(r.stderr).toContain('CHỨNG THƯ SỐ MINH HỌA (không có giá trị pháp lý)');
    const { dir } = await copyOfSharedDemo(join(tempDir('thidua-sign-demo-'), 'mau'));
    const folder = join(dir, 'chu-ky-so');
    const pdfs = readdirSync(folder).filter((f) => f.endsWith('-da-ky.pdf'));
    const db = join(dir, 'thidua-demo.sqlite');
    const decisions = JSON.parse(bin(['--db', db, 'document', 'list', '--year', '2025', '--kind', 'QĐ', '--json']).stdout) as { status: string; signedBy?: string }[];
    expect(pdfs).toHaveLength(decisions.length);
    expect(decisions.length).toBeGreaterThan(3);
    for (const d of decisions) expect(d).toMatchObject({ status: 'signed', signedBy: 'CHỨNG THƯ SỐ MINH HỌA – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ' });
    for (const f of pdfs) {
      const v = bin(['--db', db, 'verify', join(folder, f), '--ca', join(folder, 'chung-thu-goc-minh-hoa.pem')]);
      expect(v.code, `${f}: ${v.stderr}`).toBe(0);
      expect(v.stdout).toContain('Trong sổ văn bản');
      expect(v.stdout).toContain('CHỨNG THƯ SỐ MINH HỌA');
      if (has('pdfsig')) expect(spawnSync('pdfsig', [join(folder, f)], { encoding: 'utf8' }).stdout, f).toContain('Signature is Valid.');
    }
  }, 600_000);

  it('without LibreOffice it says it skipped signing', async () => {
    const dir = join(tempDir('thidua-sign-demo-'), 'mau');
    const r = await run(['demo', '--dir', dir], { env: { PATH: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Máy chưa cài LibreOffice: bỏ qua bước ký số các quyết định');
  }, 300_000);
});
