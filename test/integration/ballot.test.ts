/**
 * `thidua ballot`: the council meeting end to end through the CLI (DOMAIN.md "Secret ballot rules"):
 * order of titles, quorum, the paper, counts checked by the numbered rules, two clerks' entries,
 * close, recount, the minutes; and secrecy by construction.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { AT_MEETING, ENDED, ballotSchool, json, ok, query, votes, MEETING } from '../helpers/ballot-seed.js';
import { expectHeader, expectPageNumbersFromPage2, expectWellFormedDocument, readDocx } from '../helpers/docx.js';
import { forEachEngine } from '../helpers/engines.js';

interface BallotJson {
  id: number;
  status: string;
  membersTotal: number;
  present: number;
  quorumMet: boolean;
  threshold: number;
  results: { nomination: number; subject: string; name: string; agree: number; disagree: number; blank: number; share: number; passed: boolean }[];
  nominees: { nomination: number; subject: string; name: string }[];
  rounds: { round: number; minutes: string; reason: string | null }[];
}

/** The council is the author of its papers: its name under the school's in the header. */
const COUNCIL_HEADER = { parentBody: 'TRƯỜNG CHÍNH TRỊ TỈNH BÌNH PHƯỚC', name: 'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', place: 'Bình Phước' };

const count = (db: string, table: string) => query<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0].n;
const auditCount = (db: string) => count(db, 'audit');

describe('opening a ballot', () => {
  it('refuses a title whose nominations wait on another ballot, naming it (exit 5), and writes nothing', async () => {
    const s = await ballotSchool();
    const before = auditCount(s.db);
    for (const award of ['CSTDCS', 'TTLDTT']) {
      const r = await s.cli(['ballot', 'open', '--year', '2025', '--award', award, '--present', '5', ...AT_MEETING]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('Hãy bỏ phiếu LDTT trước');
      expect(r.stderr).toMatch(award === 'CSTDCS' ? /VC002/ : /KLLCS/);
    }
    expect(count(s.db, 'ballots')).toBe(0);
    expect(auditCount(s.db)).toBe(before);
  });

  it('refuses without a quorum (exit 5), with more present than members (exit 3), without a council (exit 5)', async () => {
    const s = await ballotSchool();
    const low = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '3', '--absent', 'VC002', '--absent', 'VC003', ...AT_MEETING]);
    expect(low.code).toBe(5);
    expect(low.stderr).toContain('có mặt 3/5, cần ít nhất 4');
    const many = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '6', ...AT_MEETING]);
    expect(many.code).toBe(3);
    const other = await s.cli(['ballot', 'open', '--year', '2024', '--award', 'LDTT', '--present', '4', ...AT_MEETING]);
    expect(other.code).toBe(5);
    expect(other.stderr).toContain('thidua council set --kind emulation --year 2024');
    expect((await s.cli(['ballot', 'open', '--year', '2025', '--award', 'XYZ', '--present', '4', ...AT_MEETING])).code).toBe(3);
    expect((await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT'])).code).toBe(2);
    expect(count(s.db, 'ballots')).toBe(0);
  });

  it('puts every accepted, eligible nomination on it, sorted by given name, with the rules frozen', async () => {
    const s = await ballotSchool();
    const b = await json<BallotJson>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'ldtt', '--present', '4', '--absent', 'VC003', ...AT_MEETING]);
    expect(b).toMatchObject({ id: 1, status: 'open', membersTotal: 5, present: 4, quorumMet: true, threshold: 0.7, results: [] });
    // Bích, An (Đặng Văn An), Hoa, Thủy, Tuấn: the Vietnamese order by given name.
    expect(b.nominees.map((n) => n.subject)).toEqual(['VC003', 'VC006', 'VC004', 'VC002', 'VC005']);
    // A later rule change does not touch an open ballot.
    await ok(s.cli, ['rules', 'set', 'ballot.threshold', '0.9', '--from', '2025-12-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    expect((await json<BallotJson>(s.cli, ['ballot', 'show', '1'])).threshold).toBe(0.7);
    const again = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '4', '--absent', 'VC003', ...AT_MEETING]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('đang mở');
  });
});

async function openLdtt(s: Awaited<ReturnType<typeof ballotSchool>>, present = 5) {
  const absent = present < 5 ? ['--absent', 'VC003'] : [];
  const b = await json<BallotJson>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', String(present), ...absent, '--counter', 'VC004', ...AT_MEETING]);
  return { b, ids: b.nominees.map((n) => n.nomination) };
}

forEachEngine(() => {
describe('counting', () => {
  it('refuses counts that break a numbered rule, naming each (exit 3), and writes nothing', async () => {
    const s = await ballotSchool();
    const { ids } = await openLdtt(s);
    const before = auditCount(s.db);
    const cases: [string[], RegExp[]][] = [
      [['--issued', '5', '--returned', '6', '--invalid', '0', ...votes(ids, '6,0,0')], [/Quy tắc 1/]],
      [['--issued', '6', '--returned', '5', '--invalid', '0', ...votes(ids, '5,0,0')], [/phát ra \(6\) lớn hơn số thành viên có mặt \(5\)/]],
      [['--issued', '5', '--returned', '2', '--invalid', '3', ...votes(ids, '0,0,0')], [/Quy tắc 3/]],
      [['--issued', '5', '--returned', '5', '--invalid', '1', ...votes(ids, '4,0,0', { [ids[0]]: '5,0,0' })], [/Quy tắc 4: VC003 – Đặng Văn An: đồng ý 5/]],
      [['--issued', '5', '--returned', '5', ...votes(ids.slice(1), '5,0,0')], [/Thiếu kết quả của VC003 – Đặng Văn An/]],
      [['--issued', '5', '--returned', '5', ...votes(ids, '5,0,0'), '--vote', '999=5,0,0'], [/"999" không có trong cuộc bỏ phiếu/]],
      [['--issued', '5', '--returned', '5', ...votes(ids, '5,0,0'), '--vote', 'VC001=5,0,0'], [/"VC001" không có trong cuộc bỏ phiếu/]],
      [['--issued', '5', '--returned', '5', '--vote', 'abc'], [/không đúng dạng/]],
      [['--issued', 'năm', '--returned', '5', ...votes(ids, '5,0,0')], [/không phải số nguyên/]],
    ];
    for (const [flags, messages] of cases) {
      const r = await s.cli(['ballot', 'tally', '1', ...flags]);
      expect(r.code, `${flags.join(' ')}: ${r.stderr}`).toBe(3);
      for (const m of messages) expect(r.stderr).toMatch(m);
    }
    expect(count(s.db, 'ballot_tallies')).toBe(0);
    expect(auditCount(s.db)).toBe(before);
    expect((await s.cli(['ballot', 'tally', '1', '--entry', '3', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')])).code).toBe(3);
    expect((await s.cli(['ballot', 'tally', '9', '--issued', '5', '--returned', '5'])).code).toBe(4);
  });

  it('closes only when both clerks agree, listing every difference; results against the frozen rule', async () => {
    const s = await ballotSchool();
    const { ids } = await openLdtt(s);
    const [a, b] = ids;
    // 5 present, threshold 70%: 4/5 = 80% passes, 3/5 = 60% fails; a tie at 70% cannot happen with 5.
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', '--invalid', '0', ...votes(ids, '5,0,0', { [a]: '3,2,0' })]);
    await ok(s.cli, ['ballot', 'tally', '1', '--entry', '2', '--issued', '5', '--returned', '5', '--invalid', '0', ...votes(ids, '5,0,0', { [a]: '4,1,0', [b]: '4,0,1' })]);
    const differ = await s.cli(['ballot', 'close', '1', '--yes', ...ENDED]);
    expect(differ.code).toBe(5);
    expect(differ.stderr).toContain('VC003 – Đặng Văn An, Đồng ý: lần 1 ghi 3, lần 2 ghi 4');
    expect(differ.stderr).toContain('VC006 – Hồ Thị Bích, Để trống: lần 1 ghi 0, lần 2 ghi 1');
    expect(differ.stderr).not.toMatch(/[Hh]ồ sơ số/);
    expect(count(s.db, 'ballot_rounds')).toBe(0);
    // The first clerk rechecks the papers: entry 1 was right for b, wrong for a; entry 2 wrong for b.
    const replaced = await s.cli(['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [a]: '4,1,0' })]);
    expect(replaced.stderr).toContain('Đã thay lần nhập 1');
    await ok(s.cli, ['ballot', 'tally', '1', '--entry', '2', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [a]: '4,1,0' })]);
    // Without a terminal and without --yes, closing asks for --yes (exit 2).
    expect((await s.cli(['ballot', 'close', '1', ...ENDED])).code).toBe(2);
    const closed = await json<BallotJson>(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    expect(closed.status).toBe('closed');
    expect(closed.results.find((r) => r.nomination === a)).toMatchObject({ agree: 4, disagree: 1, blank: 0, share: 0.8, passed: true });
    expect(closed.results.every((r) => r.passed)).toBe(true);
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE award = ? ORDER BY id', 'LDTT').map((r) => r.status)).toEqual(Array(5).fill('passed'));
    // A closed ballot never changes.
    expect((await s.cli(['ballot', 'close', '1', '--yes', ...ENDED])).code).toBe(5);
    const late = await s.cli(['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    expect(late.code).toBe(5);
    expect(late.stderr).toContain('thidua ballot recount 1');
  });

  it('fails a nominee below the threshold; all blank fails; the members base counts absent members', async () => {
    const s = await ballotSchool();
    await ok(s.cli, ['rules', 'set', 'ballot.base.LDTT', 'members', '--from', '2025-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng']);
    const { ids } = await openLdtt(s, 4);
    const [a, b, c] = ids;
    // Base: all 5 members. 4/5 = 80% passes, 3/5 = 60% fails even though 3 of the 4 present agreed (75%).
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '4', '--returned', '4', '--invalid', '0', ...votes(ids, '4,0,0', { [a]: '3,1,0', [b]: '0,0,4', [c]: '4,0,0' })]);
    const closed = await json<BallotJson>(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    const r = (id: number) => closed.results.find((x) => x.nomination === id)!;
    expect(r(a)).toMatchObject({ share: 0.6, passed: false });
    expect(r(b)).toMatchObject({ agree: 0, blank: 4, share: 0, passed: false });
    expect(r(c)).toMatchObject({ share: 0.8, passed: true });
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE id = ?', a)[0].status).toBe('failed');
  });
});
});

forEachEngine(() => {
describe('one meeting votes in order', () => {
  it('LDTT, then CSTDCS and TTLDTT the same afternoon', async () => {
    const s = await ballotSchool();
    const { ids } = await openLdtt(s);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    // Before the LDTT ballot closes, status says what waits on it.
    const status = await json<{ sections: { key: string; items: Record<string, unknown>[] }[] }>(s.cli, ['status']);
    expect(status.sections.map((x) => x.key)).toEqual(expect.arrayContaining(['openBallots', 'ballotsWaiting']));
    expect(status.sections.find((x) => x.key === 'ballotsWaiting')!.items.map((i) => i.award).sort()).toEqual(['CSTDCS', 'TTLDTT']);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    // CSTDCS1 and T2 are now decided by the ballot: the dossiers can be appraised and voted.
    await ok(s.cli, ['nominate', 'appraise', String(s.cstdcs), '--accept']);
    await ok(s.cli, ['nominate', 'appraise', String(s.ttldtt), '--accept']);
    const c = await json<BallotJson>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'CSTDCS', '--present', '5', ...AT_MEETING]);
    expect(c.nominees.map((n) => n.subject)).toEqual(['VC002']);
    await ok(s.cli, ['ballot', 'tally', String(c.id), '--issued', '5', '--returned', '5', '--vote', 'VC002=5,0,0']);
    await ok(s.cli, ['ballot', 'close', String(c.id), '--yes', ...ENDED]);
    const t = await json<BallotJson>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'TTLDTT', '--present', '5', ...AT_MEETING]);
    expect(t.nominees.map((n) => n.subject)).toEqual(['KLLCS']);
    const list = await json<{ id: number; award: string; status: string }[]>(s.cli, ['ballot', 'list', '--year', '2025']);
    expect(list.map((x) => [x.award, x.status])).toEqual([['LDTT', 'closed'], ['CSTDCS', 'closed'], ['TTLDTT', 'open']]);
  });
});
});

describe('the papers', () => {
  it('prints the ballot paper and the numbered minutes, re-rendered byte for byte', async () => {
    const s = await ballotSchool();
    const { ids } = await openLdtt(s);
    const paper = join(s.dir, 'phieu.docx');
    await ok(s.cli, ['ballot', 'paper', '1', '--out', paper]);
    const p = await readDocx(paper);
    expectWellFormedDocument(p);
    expectHeader(p, 'state', COUNCIL_HEADER);
    expect(p.text).not.toMatch(/Số: \d/);
    for (const w of ['PHIẾU BIỂU QUYẾT', '“Lao động tiên tiến” năm 2025', 'Đồng ý', 'Không đồng ý', 'Cách ghi phiếu', 'Nguyễn Thị Thu Thủy', 'Đặng Văn An', 'Khoa Lý luận cơ sở', 'ngày 15 tháng 12 năm 2025']) {
      expect(p.text).toContain(w);
    }
    // The same bytes again are no error; without --force a changed file is kept (exit 5); with it, replaced. Never the database itself.
    await ok(s.cli, ['ballot', 'paper', '1', '--out', paper]);
    writeFileSync(paper, 'sửa tay');
    expect((await s.cli(['ballot', 'paper', '1', '--out', paper])).code).toBe(5);
    const onDb = await s.cli(['ballot', 'paper', '1', '--out', s.db, '--force']);
    expect(onDb.code).toBe(5);
    expect(onDb.stderr).toContain('tệp cơ sở dữ liệu đang dùng');
    expect(query<{ n: number }>(s.db, 'SELECT count(*) AS n FROM ballots')[0].n).toBe(1);
    await ok(s.cli, ['ballot', 'paper', '1', '--out', paper, '--force']);
    // No minutes before the close.
    expect((await s.cli(['ballot', 'minutes', '1', '--out', join(s.dir, 'x.docx')])).code).toBe(5);

    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', '--invalid', '1', ...votes(ids, '4,0,0', { [ids[4]]: '2,2,0' })]);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    const file = join(s.dir, 'bien-ban.docx');
    const m = await json<{ symbol: string; number: number; id: number }>(s.cli, ['ballot', 'minutes', '1', '--out', file]);
    expect(m).toMatchObject({ symbol: '01/BB-HĐTĐKT', number: 1 });
    const d = await readDocx(file);
    expectWellFormedDocument(d);
    expectHeader(d, 'state', { ...COUNCIL_HEADER, number: '01/BB-HĐTĐKT' });
    expectPageNumbersFromPage2(d);
    for (const w of [
      'BIÊN BẢN', 'Kiểm phiếu biểu quyết', 'Hội đồng có 5 thành viên; có mặt 5', 'phát ra 5; thu về 5; hợp lệ 4; không hợp lệ 1',
      'từ 70% trở lên', '80%', '40%', 'Không đạt', 'TM. BAN KIỂM PHIẾU', 'TRƯỞNG BAN', 'TM. HỘI ĐỒNG', 'CHỦ TỊCH', 'Trần Văn Thịnh', 'Lê Thị Hoa', 'Võ Minh Tuấn',
    ]) {
      expect(d.text).toContain(w);
    }
    // The register re-renders it exactly as issued, byte for byte, even after the identity changes.
    await ok(s.cli, ['org', 'set', '--from', '2025-12-16', '--parent-body', 'TỈNH ỦY ĐỒNG NAI', '--place', 'Đồng Nai']);
    const again = join(s.dir, 'lai.docx');
    await ok(s.cli, ['document', 'render', String(m.id), '--out', again]);
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    const byNumber = join(s.dir, 'so.docx');
    await ok(s.cli, ['document', 'render', '01/BB-HĐTĐKT', '--year', '2025', '--out', byNumber]);
    expect(readFileSync(byNumber).equals(readFileSync(file))).toBe(true);
    expect(d.core).toContain('2025-12-15T12:00:00Z');
    const docs = await json<{ number: number; symbol: string; kind: string; date: string; title: string }[]>(s.cli, ['document', 'list', '--year', '2025']);
    expect(docs).toEqual([{ id: m.id, number: 1, symbol: '01/BB-HĐTĐKT', kind: 'BB', date: MEETING, title: 'Biên bản kiểm phiếu danh hiệu Lao động tiên tiến năm 2025', status: 'issued' }]);
  });

  it('writes the party style when the office uses it', async () => {
    const s = await ballotSchool({ style: 'party' });
    const { ids } = await openLdtt(s);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    const file = join(s.dir, 'bb.docx');
    await ok(s.cli, ['ballot', 'minutes', '1', '--out', file]);
    const d = await readDocx(file);
    expectWellFormedDocument(d);
    expectHeader(d, 'party', { ...COUNCIL_HEADER, number: '01-BB/HĐTĐKT' });
    expect(d.text).toContain('T/M BAN KIỂM PHIẾU');
    expect(d.text).toContain('T/M HỘI ĐỒNG');
    expect(d.sizes).toContain(15);
  });
});

describe('recount', () => {
  it('records a new tally with its reason and new minutes; both rounds are kept and shown', async () => {
    const s = await ballotSchool();
    const { ids } = await openLdtt(s);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    expect((await s.cli(['ballot', 'recount', '1', '--yes', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')])).code).toBe(2);
    const r = await json<BallotJson>(s.on('2025-12-16'), ['ballot', 'recount', '1', '--yes', '--reason', 'Nhập nhầm phiếu của Hồ Thị Bích', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0', { [ids[1]]: '2,3,0' })]);
    expect(r.rounds.map((x) => [x.round, x.minutes, x.reason])).toEqual([[1, '01/BB-HĐTĐKT', null], [2, '02/BB-HĐTĐKT', 'Nhập nhầm phiếu của Hồ Thị Bích']]);
    expect(r.results.find((x) => x.nomination === ids[1])).toMatchObject({ agree: 2, passed: false });
    expect(query<{ status: string }>(s.db, 'SELECT status FROM nominations WHERE id = ?', ids[1])[0].status).toBe('failed');
    const shown = await ok(s.cli, ['ballot', 'show', '1']);
    expect(shown.stdout).toContain('Kiểm phiếu lại lần 2 ngày 16/12/2025 (lý do: Nhập nhầm phiếu của Hồ Thị Bích): Biên bản số 02/BB-HĐTĐKT');
    expect(shown.stdout).toContain('Biên bản số 01/BB-HĐTĐKT');
    const file = join(s.dir, 'lan2.docx');
    await ok(s.cli, ['ballot', 'minutes', '1', '--out', file]);
    const d = await readDocx(file);
    expect(d.text).toContain('thay cho Biên bản số 01/BB-HĐTĐKT');
    expect(d.text).toContain('Số: 02/BB-HĐTĐKT');
    const audit = await json<{ action: string }[]>(s.cli, ['audit', 'list', '--entity', 'ballot', '--limit', '100']);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['open', 'tally', 'close', 'recount']));
  });
});

describe('secrecy', () => {
  it('no table relates a council member to a choice: only counts are stored', async () => {
    const s = await ballotSchool();
    const tables = query<{ name: string }>(s.db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ballot%'").map((t) => t.name);
    for (const t of tables) {
      const cols = query<{ name: string }>(s.db, `PRAGMA table_info(${t})`).map((c) => c.name);
      const personal = cols.some((c) => /person|member/.test(c));
      const choice = cols.some((c) => /agree|disagree|blank|choice/.test(c));
      expect(personal && choice, `${t}: ${cols.join(', ')}`).toBe(false);
    }
  });
});

describe('LibreOffice', () => {
  it('opens the paper, the minutes and the decision (converted to PDF where LibreOffice is installed)', async () => {
    const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
    const s = await ballotSchool({ style: 'party' });
    const { ids } = await openLdtt(s);
    const files = [join(s.dir, 'phieu.docx'), join(s.dir, 'bien-ban.docx')];
    await ok(s.cli, ['ballot', 'paper', '1', '--out', files[0]]);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    await ok(s.cli, ['ballot', 'minutes', '1', '--out', files[1]]);
    const r = await json<{ files: string[] }>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--out', s.dir, '--yes']);
    files.push(...r.files);
    for (const f of files) expectWellFormedDocument(await readDocx(f));
    if (!soffice) return; // the read-back above is the check on machines without LibreOffice
    const profile = mkdtempSync(join(tmpdir(), 'lo-'));
    const out = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', s.dir, ...files], { encoding: 'utf8', timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    expect(out.status, out.stderr).toBe(0);
    for (const f of files) {
      const pdf = f.replace(/\.docx$/, '.pdf');
      expect(existsSync(pdf), pdf).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // One page at least, and the text survives the conversion (Vietnamese included).
      expect(statSync(pdf).size).toBeGreaterThan(5000);
    }
  }, 180_000);
});
