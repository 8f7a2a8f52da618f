import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ok, query } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { readDocx } from '../helpers/docx.js';
import { forEachEngine } from '../helpers/engines.js';

interface CommendJson {
  quarter: string;
  final: boolean;
  entries: { subject: string; name: string; unit: string; reasons: string[]; evidence: { date: string; text: string }[] }[];
  files: string[];
}

const AFTER = '2026-01-05';

forEachEngine(() => {
describe('commend', () => {
  it('lists the quarter\'s people with their reasons and evidence, sorted by given name', async () => {
    const s = await reportSchool();
    const cli = s.on(AFTER);
    const r = await json<CommendJson>(cli, ['commend', '--quarter', 'previous']);
    expect(r.quarter).toBe('2025-Q4');
    // LDTT recognised on 2025-12-15 (VC006 failed the ballot); VC003, VC004 rated HTXSNV for Q4; VC005 only HTTNV.
    expect(r.entries.map((e) => e.name)).toEqual(['Đặng Văn An', 'Lê Thị Hoa', 'Nguyễn Thị Thu Thủy', 'Võ Minh Tuấn']);
    const hoa = r.entries.find((e) => e.subject === 'VC004')!;
    expect(hoa.reasons).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ quý IV năm 2025',
      'Được công nhận danh hiệu “Lao động tiên tiến” theo Quyết định số 01/QĐ-TCT ngày 15 tháng 12 năm 2025',
    ]);
    expect(hoa.evidence).toEqual([{ date: '2025-11-14', text: 'Giải Nhất Hội thi giảng viên dạy giỏi cấp trường' }]);
    expect(r.files).toEqual([]);
    const q3 = await json<CommendJson>(cli, ['commend', '--quarter', '2025-Q3']);
    expect(q3.entries.map((e) => e.subject)).toEqual(['VC002']);
    const bad = await cli(['commend', '--quarter', '2025-Q5']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('YYYY-Qn');
  });

  it('writes the notice and the CSV; a second run gives the same bytes and spends no number', async () => {
    const s = await reportSchool();
    const out = join(s.dir, 'tuyen-duong');
    const first = await ok(s.on(AFTER), ['--quiet', 'commend', '--quarter', 'previous', '--out', out]);
    expect(first.stderr).toBe('');
    const names = readdirSync(out).sort();
    expect(names).toEqual(['tuyen-duong-2025-Q4.csv', 'tuyen-duong-2025-Q4.docx']);
    const bytes = names.map((n) => readFileSync(join(out, n)));
    // The next day, without --force: the files hold the same bytes, which is not an error.
    const again = await ok(s.on('2026-01-06'), ['commend', '--quarter', '2025-Q4', '--out', out]);
    expect(again.stderr).toContain('giữ nguyên');
    expect(names.map((n) => readFileSync(join(out, n)))).toEqual(bytes);
    expect(query(s.db, "SELECT kind, number, date FROM documents WHERE kind = 'TB'")).toEqual([{ kind: 'TB', number: 1, date: AFTER }]);
    const csv = readFileSync(join(out, 'tuyen-duong-2025-Q4.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSTT,Họ và tên,Đơn vị,Lý do tuyên dương')).toBe(true);
    const doc = await readDocx(join(out, 'tuyen-duong-2025-Q4.docx'));
    expect(doc.text).toContain('THÔNG BÁO');
    expect(doc.text).toContain('Danh sách cá nhân được tuyên dương quý IV năm 2025');
    expect(doc.text).toContain('Số: 01/TB-TCT');
    expect(doc.text.indexOf('Đặng Văn An')).toBeLessThan(doc.text.indexOf('Võ Minh Tuấn'));
    // Other content in the way: refused (exit 5) unless --force, and nothing is spent.
    writeFileSync(join(out, 'tuyen-duong-2025-Q4.csv'), 'sửa tay');
    const refused = await s.on(AFTER)(['commend', '--quarter', '2025-Q4', '--out', out]);
    expect(refused.code).toBe(5);
    await ok(s.on(AFTER), ['commend', '--quarter', '2025-Q4', '--out', out, '--force']);
    expect(readFileSync(join(out, 'tuyen-duong-2025-Q4.csv'))).toEqual(bytes[0]);
  });

  it('--final freezes the list: later data does not change it, and the difference is said on stderr', async () => {
    const s = await reportSchool();
    const cli = s.on(AFTER);
    const early = await s.on('2025-12-20')(['commend', '--quarter', '2025-Q4', '--final']);
    expect(early.code).toBe(5);
    const fin = await ok(cli, ['commend', '--quarter', '2025-Q4', '--final', '--json']);
    expect(JSON.parse(fin.stdout).final).toBe(true);
    expect(fin.stderr).toContain('Đã chốt danh sách tuyên dương quý 2025-Q4 (4 người)');
    expect(query(s.db, "SELECT action, entity_id FROM audit WHERE entity = 'commend_list'")).toEqual([{ action: 'finalise', entity_id: '2025-Q4' }]);
    const out = join(s.dir, 'ds');
    await ok(cli, ['commend', '--quarter', '2025-Q4', '--out', out]);
    const before = readFileSync(join(out, 'tuyen-duong-2025-Q4.docx'));
    // A late rating would add VC005: the final list stays, the files stay byte for byte.
    await ok(cli, ['evaluate', 'set', 'VC005', '--period', '2025-Q4', '--rating', 'HTXSNV']);
    const later = await ok(s.on('2026-02-01'), ['commend', '--quarter', '2025-Q4', '--out', out, '--json']);
    const j = JSON.parse(later.stdout) as CommendJson;
    expect(j.entries.map((e) => e.subject)).toEqual(['VC003', 'VC004', 'VC002', 'VC005']);
    expect(j.entries[3].reasons.join(' ')).not.toContain('Hoàn thành xuất sắc');
    expect(later.stderr).toContain('đã chốt ngày 05/01/2026 nên được giữ nguyên');
    expect(later.stderr).toContain('đổi lý do: Võ Minh Tuấn');
    expect(readFileSync(join(out, 'tuyen-duong-2025-Q4.docx'))).toEqual(before);
    const again = await ok(cli, ['commend', '--quarter', '2025-Q4', '--final']);
    expect(again.stderr).toContain('đã được chốt');
  });
});
});
