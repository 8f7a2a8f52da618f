/**
 * Issue 15: hints name the command to run, filled in (`thidua commend --quarter 2025-Q4 --out
 * tuyen-duong`, not `--quarter QUÝ`).
 */
import { describe, expect, it } from 'vitest';
import { AT_MEETING, json, ok } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { ballotSchool } from '../helpers/ballot-seed.js';

describe('status hints, filled in', () => {
  it('the quarterly list to write names its quarter, and the province deadline its year', async () => {
    const s = await reportSchool();
    const r = await ok(s.on('2026-01-05'), ['status']);
    expect(r.stdout).toContain('thidua commend --quarter 2025-Q4 --out tuyen-duong');
    expect(r.stdout).toContain('thidua commend --quarter 2025-Q4 --final');
    expect(r.stdout).toContain('thidua report province --year 2025 --out to-trinh-2025.docx');
    expect(r.stdout).not.toMatch(/QUÝ|THƯ-MỤC/);
    const en = await ok(s.on('2026-01-05'), ['--lang', 'en', 'status']);
    expect(en.stdout).toContain('thidua commend --quarter 2025-Q4 --out tuyen-duong');
    expect(en.stdout).not.toMatch(/QUARTER|FOLDER/);
    const csv = await ok(s.on('2026-01-05'), ['status', '--csv']);
    expect(csv.stdout).toContain('thidua commend --quarter 2025-Q4 --out tuyen-duong');
  });

  it('an open ballot names its number: tally it, then close it', async () => {
    const s = await ballotSchool();
    const b = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
    expect((await ok(s.cli, ['status'])).stdout).toContain(`thidua ballot tally ${b.id} --issued`);
    const ids = Object.values(s.ldtt);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...ids.flatMap((id) => ['--vote', `${id}=5,0,0`])]);
    expect((await ok(s.cli, ['status'])).stdout).toContain(`thidua ballot close ${b.id} --time GIỜ:PHÚT`);
  });
});
