/**
 * Whom a document is sent to comes from data (issue 16): each report's "Nơi nhận" from the dated rule
 * `recipients.<kind>` (seeded with the lists the reports printed before), its last line "Lưu: VT, …"
 * from the office in the organisation profile ("Lưu: VT." without one); the revoking decision's office
 * ("qua …", its head executes, "Lưu: VT, …") and recipients from the profile, as every decision's.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ok, query, type Cli } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { freshDb } from '../helpers/cli.js';
import { sql } from '../helpers/db.js';
import { readDocx } from '../helpers/docx.js';
import { forEachEngine } from '../helpers/engines.js';

const AFTER = '2026-01-05';
const SOURCE = 'Quyết định số 12/QĐ-TCT ngày 02/01/2026 của Hiệu trưởng ban hành Quy chế công tác văn thư';

/** The "Nơi nhận" lines of a Word file, as printed. */
async function recipientsOf(file: string): Promise<string[]> {
  const lines = (await readDocx(file)).text.split('\n').map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => /^Nơi nhận\s*:?$/u.test(l));
  expect(start, 'no "Nơi nhận" in the document').toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (!l.startsWith('- ')) break;
    out.push(l);
    if (/^- Lưu\b/u.test(l)) break;
  }
  return out;
}

/** Each report kind: the command that writes its Word file into `dir`, the file, and the lines seeded by migration 0017. */
const KINDS: { kind: string; argv: (dir: string) => string[]; file: string; seeded: string[] }[] = [
  { kind: 'annual', argv: (d) => ['report', 'annual', '--year', '2025', '--draft', '--out', join(d, 'annual.docx')], file: 'annual.docx', seeded: ['Ban Thi đua – Khen thưởng tỉnh', 'Ban Giám hiệu'] },
  { kind: 'period', argv: (d) => ['report', 'period', '--from', '2024', '--to', '2025', '--out', join(d, 'period.docx')], file: 'period.docx', seeded: ['Ban Thi đua – Khen thưởng tỉnh', 'Ban Giám hiệu'] },
  { kind: 'quarterly', argv: (d) => ['report', 'quarterly', '--quarter', '2025-Q4', '--out', join(d, 'quarterly.docx')], file: 'quarterly.docx', seeded: ['Ban Giám hiệu', 'Các khoa, phòng'] },
  { kind: 'benefits', argv: (d) => ['report', 'benefits', '--year', '2025', '--out', join(d, 'benefits.docx')], file: 'benefits.docx', seeded: ['Ban Giám hiệu', 'Phòng Tổ chức – Hành chính'] },
  { kind: 'commend', argv: (d) => ['commend', '--quarter', '2025-Q4', '--out', join(d, 'commend')], file: 'commend/tuyen-duong-2025-Q4.docx', seeded: ['Ban Giám hiệu', 'Các khoa, phòng', 'Cổng thông tin điện tử của Trường'] },
  { kind: 'progress', argv: (d) => ['report', 'progress', '--month', '2025-11', '--out', join(d, 'progress.docx')], file: 'progress.docx', seeded: ['Ban Giám hiệu', 'Các khoa, phòng'] },
  // The proposal is addressed to the province body (rule province.addressee): "Như trên" first.
  { kind: 'province', argv: (d) => ['report', 'province', '--year', '2025', '--out', join(d, 'province.docx')], file: 'province.docx', seeded: ['Như trên', 'Ban Giám hiệu'] },
  { kind: 'received', argv: (d) => ['report', 'received', '--year', '2025', '--out', join(d, 'received.docx')], file: 'received.docx', seeded: ['Lãnh đạo Ban'] },
];

/** As the state style prints them: "- …;" each, the last "- Lưu: VT, ….". */
const printed = (lines: string[], file: string) => [...lines.map((l) => `- ${l};`), `- ${file}`];

async function write(cli: Cli, dir: string, k: (typeof KINDS)[number]): Promise<string[]> {
  await ok(cli, k.argv(dir));
  return recipientsOf(join(dir, k.file));
}

forEachEngine(() => {
  describe('the recipients of a report come from the rule of its kind and the profile’s office', () => {
    it('every kind prints its seeded list and the office’s file line; a new rule and a new office change them from their day', async () => {
      const s = await reportSchool();
      const cli = s.on(AFTER);
      // The seeded lists, the office of the profile (Phòng Tổ chức – Hành chính: "TCHC").
      for (const k of KINDS) expect(await write(cli, join(s.dir, 'before'), k), k.kind).toEqual(printed(k.seeded, 'Lưu: VT, TCHC.'));
      for (const k of KINDS) {
        await ok(cli, ['rules', 'set', `recipients.${k.kind}`, `Sở Nội vụ tỉnh; - Văn phòng Tỉnh ủy ${k.kind};`, '--from', '2026-01-02', '--source', SOURCE]);
      }
      await ok(cli, ['org', 'set', '--from', '2026-01-02', '--office', 'KLLCS', '--office-abbr', 'LLCS']);
      for (const k of KINDS) {
        const lines = ['Sở Nội vụ tỉnh', `Văn phòng Tỉnh ủy ${k.kind}`];
        expect(await write(cli, join(s.dir, 'after'), k), k.kind).toEqual(printed(k.kind === 'province' ? ['Như trên', ...lines] : lines, 'Lưu: VT, LLCS.'));
      }
      // Listed as the rule in force, with what it is about.
      const rules = await json<{ key: string; value: string; about: string }[]>(cli, ['rules', 'list', '--json']);
      expect(rules.find((r) => r.key === 'recipients.annual')).toMatchObject({ value: 'Sở Nội vụ tỉnh; Văn phòng Tỉnh ủy annual' });
    }, 180_000);

    it('an issued report whose recipients changed is a new document with the next number; the same list reuses the registered one', async () => {
      const s = await reportSchool();
      const cli = s.on(AFTER);
      const file = (n: string) => join(s.dir, `${n}.docx`);
      expect((await ok(cli, ['report', 'quarterly', '--quarter', '2025-Q4', '--out', file('q1')])).stderr).toContain('01/BC-TCT');
      expect((await ok(cli, ['report', 'quarterly', '--quarter', '2025-Q4', '--out', file('q2')])).stderr).toContain('01/BC-TCT');
      await ok(cli, ['rules', 'set', 'recipients.quarterly', 'Ban Giám hiệu', '--from', AFTER, '--source', SOURCE]);
      expect((await ok(cli, ['report', 'quarterly', '--quarter', '2025-Q4', '--out', file('q3')])).stderr).toContain('02/BC-TCT');
      expect(await recipientsOf(file('q3'))).toEqual(['- Ban Giám hiệu;', '- Lưu: VT, TCHC.']);
    }, 60_000);

    it('in the party style the lines end with "," and the file line is "Lưu VT, …"', async () => {
      const s = await reportSchool({ style: 'party' });
      await ok(s.on(AFTER), ['report', 'benefits', '--year', '2025', '--out', join(s.dir, 'b.docx')]);
      expect(await recipientsOf(join(s.dir, 'b.docx'))).toEqual(['- Ban Giám hiệu,', '- Phòng Tổ chức – Hành chính,', '- Lưu VT, TCHC.']);
    }, 60_000);

    it('a profile without an office prints "Lưu: VT."', async () => {
      const f = await freshDb();
      const dir = join(f.dir, 'out');
      await ok(f.cli, ['--today', AFTER, 'report', 'quarterly', '--quarter', '2025-Q4', '--out', join(dir, 'q.docx')]);
      expect(await recipientsOf(join(dir, 'q.docx'))).toEqual(['- Ban Giám hiệu;', '- Các khoa, phòng;', '- Lưu: VT.']);
    }, 60_000);

    it('rules set refuses a list with "Lưu" in it or with no one (exit 3) and writes nothing', async () => {
      const s = await reportSchool();
      const before = query(s.db, 'SELECT key, value, valid_from FROM rules ORDER BY key, valid_from');
      const withFile = await s.cli(['rules', 'set', 'recipients.annual', 'Ban Giám hiệu; Lưu: VT, TĐKT', '--from', AFTER, '--source', SOURCE]);
      expect(withFile.code).toBe(3);
      expect(withFile.stderr).toContain('không ghi “Lưu” vào danh sách nơi nhận');
      expect(withFile.stderr).toContain('thidua org set --office');
      const none = await s.cli(['rules', 'set', 'recipients.annual', ' ; ', '--from', AFTER, '--source', SOURCE]);
      expect(none.code).toBe(3);
      expect(none.stderr).toContain('Ban Giám hiệu; Các khoa, phòng');
      expect(query(s.db, 'SELECT key, value, valid_from FROM rules ORDER BY key, valid_from')).toEqual(before);
    }, 60_000);
  });

  describe('the revoking decision names the profile’s office', () => {
    it('returns through the office, its head executes, it keeps the file; the profile’s recipients are listed', async () => {
      const s = await reportSchool();
      const cli = s.on(AFTER);
      const recs = await json<{ id: number }[]>(cli, ['recognise', 'list', '--year', '2025', '--json']);
      await ok(cli, ['org', 'set', '--from', '2026-01-02', '--office', 'KLLCS', '--office-abbr', 'LLCS', '--recipient', 'Ban Chấp hành Công đoàn Trường']);
      const name = query<{ name: string }>(s.db, "SELECT name FROM units WHERE code = 'KLLCS'")[0].name;
      const r = await json<{ revokedBy: { file: string } }>(cli, ['recognise', 'revoke', String(recs[0].id), '--reason', 'Nhầm đối tượng', '--decision', '--out', join(s.dir, 'thu-hoi'), '--yes']);
      const out = r.revokedBy.file;
      const text = (await readDocx(out)).text.replace(/\s+/gu, ' ');
      expect(text).toContain(`cho Trường qua ${name}.`);
      expect(text).toContain(`Trưởng khoa ${name.replace(/^Khoa\s+/u, '')}, Thủ trưởng các đơn vị có liên quan`);
      expect(text).not.toContain('Tổ chức – Hành chính');
      expect(await recipientsOf(out)).toEqual(['- Như Điều 3;', '- Ban Chấp hành Công đoàn Trường;', '- Lưu: VT, LLCS.']);
    }, 60_000);

    it('without an office on its date it is refused (exit 5) with the org set to run, and nothing is written', async () => {
      const s = await reportSchool();
      const cli = s.on(AFTER);
      const recs = await json<{ id: number }[]>(cli, ['recognise', 'list', '--year', '2025', '--json']);
      sql(s.db, 'UPDATE org_profiles SET office_code = NULL');
      const documents = query(s.db, 'SELECT id FROM documents');
      const r = await cli(['recognise', 'revoke', String(recs[0].id), '--reason', 'Nhầm đối tượng', '--decision', '--out', join(s.dir, 'x.docx'), '--yes']);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`thidua org set --from ${AFTER} --office <mã đơn vị>`);
      expect(query(s.db, 'SELECT id FROM documents')).toEqual(documents);
      expect(query(s.db, "SELECT status FROM recognitions WHERE id = ?", recs[0].id)).toEqual([{ status: 'active' }]);
    }, 60_000);
  });
});
