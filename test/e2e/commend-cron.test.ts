/**
 * The cron path: the built program, no terminal, no environment but the database path (no HOME, no
 * PATH, no LANG, no THIDUA_TODAY), run twice: exit 0, nothing on stderr with --quiet, the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { reportSchool } from '../helpers/report-seed.js';

describe('commend from cron', () => {
  it('runs unattended with only THIDUA_DB, twice, writing the same files', async () => {
    const s = await reportSchool();
    const out = join(s.dir, 'tuyen-duong');
    const cron = () => spawnSync(process.execPath, [BIN, '--quiet', 'commend', '--quarter', '2025-Q4', '--out', out], { env: { THIDUA_DB: s.db }, input: '', encoding: 'utf8' });
    const first = cron();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Đặng Văn An');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['tuyen-duong-2025-Q4.csv', 'tuyen-duong-2025-Q4.docx']);
    const bytes = files.map((f) => readFileSync(join(out, f)));
    const second = cron();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(files.map((f) => readFileSync(join(out, f)))).toEqual(bytes);
    // No colour codes in a pipe.
    expect(first.stdout).not.toMatch(/\u001b\[/);
  }, 60_000);
});
