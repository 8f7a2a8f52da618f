/**
 * Issue 15: numbers read the same everywhere. `rules list` and `rules bonus` write 0,3 and 2.530.000 in
 * Vietnamese, as documents do; JSON keeps plain numbers; with --lang en a decimal takes a point
 * (money in đồng keeps the dots of Vietnamese documents in both languages, as the reports do).
 */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/cli.js';

describe('numbers in rules', () => {
  it('rules list and rules bonus: 0,3 and 2.530.000 in Vietnamese; plain numbers in JSON; 0.3 in English', async () => {
    const { cli } = await freshDb();
    const list = await cli(['rules', 'list', '--at', '2026-07-15']);
    expect(list.code, list.stderr).toBe(0);
    const row = (key: string) => list.stdout.split('\n').find((l) => l.includes(`│ ${key} `)) ?? '';
    expect(row('coefficient.LDTT')).toContain('│ 0,3 ');
    expect(row('base_salary')).toContain('│ 2.530.000 ');
    expect(row('ballot.threshold')).toContain('│ 0,7 ');
    expect(row('ballot.quorum')).toContain('│ 2/3 ');
    expect(row('review.deadline_days')).toContain('│ 90 ');
    const json = JSON.parse((await cli(['rules', 'list', '--at', '2026-07-15', '--json'])).stdout) as { key: string; value: string }[];
    expect(json.find((r) => r.key === 'coefficient.LDTT')?.value).toBe('0.3');
    expect(json.find((r) => r.key === 'base_salary')?.value).toBe('2530000');

    const bonus = await cli(['rules', 'bonus', '--award', 'LDTT', '--date', '2026-07-15']);
    expect(bonus.stdout).toMatch(/Hệ số\s+0,3 \(/);
    expect(bonus.stdout).toMatch(/Mức lương cơ sở\s+2\.530\.000 đồng/);
    expect(bonus.stdout).toMatch(/Tiền thưởng\s+760\.000 đồng/);
    expect(JSON.parse((await cli(['rules', 'bonus', '--award', 'LDTT', '--date', '2026-07-15', '--json'])).stdout)).toMatchObject({ coefficient: 0.3, baseSalary: 2530000, bonus: 760000 });
    const en = await cli(['--lang', 'en', 'rules', 'bonus', '--award', 'LDTT', '--date', '2026-07-15']);
    expect(en.stdout).toMatch(/Coefficient\s+0\.3 \(/);
    expect(en.stdout).toMatch(/Base salary\s+2\.530\.000 đồng/);
    expect((await cli(['--lang', 'en', 'rules', 'list'])).stdout).toMatch(/coefficient\.LDTT .*│ 0\.3 /);

    const set = await cli(['--today', '2026-01-02', 'rules', 'set', 'coefficient.LDTT', '0.35', '--from', '2027-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế thi đua, khen thưởng của Trường']);
    expect(set.stderr).toContain('coefficient.LDTT = 0,35');
  });
});
