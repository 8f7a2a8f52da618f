/**
 * The counting minutes and the ballot paper as a council writes them (issue 13), and the counts echoed
 * for the clerk to check (issue 15): the meeting's time and place, who presided, the roll with who was
 * present and who was absent, the counting committee in the order named, the secretary's signature
 * beside the chair's, the council as author, "người" and "tập thể" as the nominees are, no software
 * words; the flags' validation; what `ballot tally` and `ballot show` print.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ballotSchool, json, ok, query, votes, AT_MEETING, ENDED, type Seeded } from '../helpers/ballot-seed.js';
import { expectHeader, expectWellFormedDocument, readDocx, type DocxFacts } from '../helpers/docx.js';

interface BallotJson {
  id: number;
  startsAt: string | null;
  endsAt: string | null;
  place: string | null;
  presiding: { code: string; name: string } | null;
  secretary: { code: string; name: string } | null;
  absent: { code: string; name: string }[];
  counters: { code: string; name: string }[];
  nominees: { nomination: number; subject: string; name: string }[];
  entries: { entry: number; votes: { nomination: number; subject: string; name: string; agree: number; disagree: number; blank: number }[] }[];
}

const COUNCIL = { parentBody: 'TRƯỜNG CHÍNH TRỊ TỈNH BÌNH PHƯỚC', name: 'HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG', place: 'Bình Phước' };
const PLACE = 'Phòng họp số 1, Trường Chính trị tỉnh Bình Phước';
/** The LDTT nominees in Vietnamese order (by given name): An, Bích, Hoa, Thủy, Tuấn. */
const ORDER = ['VC003 – Đặng Văn An', 'VC006 – Hồ Thị Bích', 'VC004 – Lê Thị Hoa', 'VC002 – Nguyễn Thị Thu Thủy', 'VC005 – Võ Minh Tuấn'];

const count = (db: string, table: string) => query<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0].n;
const audit = (db: string) => count(db, 'audit');
/** "người" as a word (JavaScript's \b knows no Vietnamese letters). */
const PERSON_WORD = /(^|[^\p{L}])người([^\p{L}]|$)/u;
/** Words of the program, not of an office: none may reach a document. */
const SOFTWARE_WORDS = ['mặc định', 'cột Kết quả', 'bảng trên', 'phiếu số', 'hồ sơ số', 'người (tập thể)', 'undefined', 'null'];

function expectNoSoftwareWords(d: DocxFacts): void {
  for (const w of SOFTWARE_WORDS) expect(d.text, w).not.toContain(w);
  // Dates inside the text are in words, never dd/mm/yyyy.
  expect(d.text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
}

/** The lines after the last sentence of the minutes: the signature blocks, cell by cell, row by row. */
function signatureLines(d: DocxFacts): string[] {
  const at = d.text.lastIndexOf('các thành viên có mặt thống nhất.');
  expect(at).toBeGreaterThan(0);
  return d.text.slice(at).split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
}

async function ldttOpened(s: Seeded, extra: string[] = []): Promise<BallotJson> {
  return json<BallotJson>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', ...extra]);
}

async function closeLdtt(s: Seeded, b: BallotJson, end = ['--time', '15:30']): Promise<string> {
  const ids = b.nominees.map((n) => n.nomination);
  const present = 5 - b.absent.length;
  await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', String(present), '--returned', String(present), ...votes(ids, `${present},0,0`, { [ids[1]]: `1,${present - 1},0` })]);
  await ok(s.cli, ['ballot', 'close', String(b.id), '--yes', ...end]);
  const file = join(s.dir, `bien-ban-${b.id}.docx`);
  await ok(s.cli, ['ballot', 'minutes', String(b.id), '--out', file]);
  return file;
}

describe('opening a ballot needs the meeting', () => {
  it('without --time or --place: exit 2 naming the flag (no terminal), and nothing is written', async () => {
    const s = await ballotSchool();
    const before = audit(s.db);
    for (const [missing, argv] of [
      ['--time', ['--present', '5', '--place', PLACE]],
      ['--place', ['--present', '5', '--time', '14:00']],
    ] as const) {
      const r = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', ...argv]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(missing);
    }
    expect(count(s.db, 'ballots')).toBe(0);
    expect(audit(s.db)).toBe(before);
  });

  it('asks for the time and the place on a terminal, and takes the time as clerks type it (14h30)', async () => {
    const s = await ballotSchool();
    const r = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', '--json'], {
      tty: true,
      answers: [
        { expect: /Giờ bắt đầu/, answer: '25:00' },
        { expect: /Giờ bắt đầu/, answer: '14h30' },
        { expect: /Địa điểm họp/, answer: '  Hội trường A  ' },
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    // The prompt said what was wrong with 25:00 and asked again.
    expect(r.stderr).toContain('"25:00" không phải giờ hợp lệ');
    expect(JSON.parse(r.stdout)).toMatchObject({ startsAt: '14:30', place: 'Hội trường A', endsAt: null });
  });

  it('refuses a roll that does not agree, an absent committee or secretary, nobody to preside (exit 3), writing nothing', async () => {
    const s = await ballotSchool();
    const before = audit(s.db);
    const cases: [string[], string][] = [
      [['--present', '5', '--time', '25:00', '--place', PLACE], 'Giờ bắt đầu (--time): "25:00" không phải giờ hợp lệ'],
      [['--present', '5', '--time', '14:00', '--place', '   '], 'Địa điểm họp (--place): không được để trống'],
      [['--present', '4', ...AT_MEETING], 'Có mặt 4/5 thành viên: hãy ghi tên từng người vắng bằng --absent <mã>'],
      [['--present', '4', '--absent', 'VC003', '--absent', 'vc004', ...AT_MEETING], 'vắng 2 (Đặng Văn An, Lê Thị Hoa), vậy có mặt 3'],
      [['--present', '5', '--absent', 'VC006', ...AT_MEETING], 'VC006 không có trong Hội đồng'],
      [['--present', '4', '--absent', 'VC004', '--counter', 'VC004', ...AT_MEETING], 'Ban kiểm phiếu phải có mặt: VC004 – Lê Thị Hoa vắng mặt'],
      [['--present', '4', '--absent', 'VC005', ...AT_MEETING], 'Thư ký Hội đồng (VC005 – Võ Minh Tuấn) vắng mặt: ghi người ghi biên bản phiên họp bằng --secretary <mã>'],
      [['--present', '4', '--absent', 'VC004', '--secretary', 'VC004', ...AT_MEETING], 'Người ghi biên bản phải có mặt: VC004 – Lê Thị Hoa vắng mặt'],
      [['--present', '4', '--absent', 'VC001', ...AT_MEETING], 'Không có người chủ trì: Chủ tịch Hội đồng (VC001 – Trần Văn Thịnh)'],
      [['--present', '5', '--secretary', 'VC001', ...AT_MEETING], 'Người chủ trì không đồng thời ghi biên bản'],
    ];
    for (const [flags, message] of cases) {
      const r = await s.cli(['ballot', 'open', '--year', '2025', '--award', 'LDTT', ...flags]);
      expect(r.code, `${flags.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toContain(message);
    }
    expect(count(s.db, 'ballots')).toBe(0);
    expect(count(s.db, 'ballot_roll')).toBe(0);
    expect(audit(s.db)).toBe(before);
  });

  it('closing needs the end time: exit 2 without it, 3 when it is not after the start; nothing is written', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '5', ...AT_MEETING]);
    const ids = b.nominees.map((n) => n.nomination);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    const before = audit(s.db);
    const none = await s.cli(['ballot', 'close', '1', '--yes']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--time');
    const early = await s.cli(['ballot', 'close', '1', '--yes', '--time', '13:45']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('Giờ kết thúc (13:45) phải sau giờ bắt đầu phiên họp (14:00)');
    expect((await s.cli(['ballot', 'close', '1', '--yes', '--time', '9g'])).code).toBe(3);
    expect(count(s.db, 'ballot_rounds')).toBe(0);
    expect(count(s.db, 'documents')).toBe(0);
    expect(audit(s.db)).toBe(before);
    // On a terminal the end time is asked, then the close confirmed.
    const closed = await s.cli(['ballot', 'close', '1', '--json'], { tty: true, answers: [{ expect: /Giờ kết thúc/, answer: '15:05' }, { expect: /Đóng cuộc bỏ phiếu số 1/, answer: true }] });
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ status: 'closed', startsAt: '14:00', endsAt: '15:05' });
  });
});

describe('the counting minutes', () => {
  it('carry the time, the place, who presided, the roll by name, the committee as named, both signatures; the council is their author', async () => {
    const s = await ballotSchool();
    // The committee named head first: Võ Minh Tuấn (who comes after Lê Thị Hoa on the roll), then Lê Thị Hoa.
    const b = await ldttOpened(s, ['--present', '4', '--absent', 'VC003', '--time', '14:00', '--place', PLACE, '--counter', 'VC005', '--counter', 'VC004']);
    expect(b).toMatchObject({
      startsAt: '14:00', place: PLACE, presiding: { code: 'VC001' }, secretary: { code: 'VC005' },
      absent: [{ code: 'VC003', name: 'Đặng Văn An' }], counters: [{ code: 'VC005' }, { code: 'VC004' }],
    });
    const d = await readDocx(await closeLdtt(s, b));
    expectWellFormedDocument(d);
    expectHeader(d, 'state', { ...COUNCIL, number: '01/BB-HĐTĐKT' });
    // The council wrote it: its name heads the document, the school's above it, and the file says so.
    expect(d.text).not.toContain('TỈNH ỦY BÌNH PHƯỚC');
    expect(d.core).toContain('<dc:creator>Hội đồng Thi đua – Khen thưởng Trường Chính trị tỉnh Bình Phước</dc:creator>');
    for (const w of [
      `Vào lúc 14 giờ 00 phút, ngày 15 tháng 12 năm 2025, tại ${PLACE}, Hội đồng Thi đua – Khen thưởng Trường Chính trị tỉnh Bình Phước năm 2025 họp xét, biểu quyết bằng phiếu kín`,
      'Hội đồng có 5 thành viên; có mặt 4, vắng mặt 1 (Đặng Văn An).',
      'Chủ trì phiên họp: Trần Văn Thịnh, Chủ tịch Hội đồng.',
      'Thư ký phiên họp: Võ Minh Tuấn, Thư ký Hội đồng.',
      'Trần Văn Thịnh\n\nChủ tịch\n\nCó mặt',
      'Đặng Văn An\n\nỦy viên\n\nVắng mặt',
      'Lê Thị Hoa\n\nỦy viên\n\nCó mặt',
      'Hội đồng cử Ban kiểm phiếu gồm: Võ Minh Tuấn, Trưởng ban; Lê Thị Hoa, thành viên.',
      'theo Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng.',
      'Có 4/5 người được đề nghị đạt tỷ lệ phiếu đồng ý theo quy định',
      'Hội đồng đề nghị Hiệu trưởng xem xét, quyết định theo thẩm quyền.',
      'Phiên họp kết thúc vào lúc 15 giờ 30 phút cùng ngày.',
    ]) {
      expect(d.text).toContain(w);
    }
    expect(d.text).not.toContain('tập thể');
    expectNoSoftwareWords(d);
    // The secretary signs beside the one who presided; the committee's head (the first named) signs as head.
    expect(signatureLines(d)).toEqual(['THƯ KÝ', 'Võ Minh Tuấn', 'TM. HỘI ĐỒNG', 'CHỦ TỊCH', 'Trần Văn Thịnh', 'TM. BAN KIỂM PHIẾU', 'TRƯỞNG BAN', 'Võ Minh Tuấn']);
    // The database keeps what the minutes say.
    expect(query(s.db, 'SELECT starts_at, ends_at, place, presiding_code, secretary_code FROM ballots')).toEqual([
      { starts_at: '14:00', ends_at: '15:30', place: PLACE, presiding_code: 'VC001', secretary_code: 'VC005' },
    ]);
    expect(query(s.db, 'SELECT person_code, attended, counter_rank FROM ballot_roll WHERE attended = 0 OR counter_rank IS NOT NULL ORDER BY person_code')).toEqual([
      { person_code: 'VC003', attended: 0, counter_rank: null },
      { person_code: 'VC004', attended: 1, counter_rank: 2 },
      { person_code: 'VC005', attended: 1, counter_rank: 1 },
    ]);
  });

  it('party style: a vice-chair presides when the chair is away, a member stands in as secretary', async () => {
    const s = await ballotSchool({ style: 'party' });
    await ok(s.cli, ['council', 'set', '--kind', 'emulation', '--year', '2025', '--chair', 'VC001', '--vice', 'VC002', '--member', 'VC003,VC004', '--secretary', 'VC005']);
    const b = await ldttOpened(s, ['--present', '4', '--absent', 'VC001', '--secretary', 'VC004', ...AT_MEETING]);
    expect(b).toMatchObject({ presiding: { code: 'VC002' }, secretary: { code: 'VC004' }, counters: [{ code: 'VC004' }] });
    const d = await readDocx(await closeLdtt(s, b));
    expectWellFormedDocument(d);
    expectHeader(d, 'party', { ...COUNCIL, number: '01-BB/HĐTĐKT' });
    for (const w of [
      'Vào lúc 14 giờ 00 phút, ngày 15 tháng 12 năm 2025, tại Phòng họp số 1,',
      'vắng mặt 1 (Trần Văn Thịnh)',
      'Chủ trì phiên họp: Nguyễn Thị Thu Thủy, Phó Chủ tịch Hội đồng.',
      'Thư ký phiên họp: Lê Thị Hoa, Ủy viên Hội đồng.',
      'Hội đồng cử Ban kiểm phiếu gồm: Lê Thị Hoa, Trưởng ban.',
    ]) {
      expect(d.text).toContain(w);
    }
    expectNoSoftwareWords(d);
    expect(signatureLines(d)).toEqual(['THƯ KÝ', 'Lê Thị Hoa', 'T/M HỘI ĐỒNG', 'K/T CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Thị Thu Thủy', 'T/M BAN KIỂM PHIẾU', 'TRƯỞNG BAN', 'Lê Thị Hoa']);
  });

  it('a recount keeps the meeting and says its own date in words', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '5', ...AT_MEETING]);
    await closeLdtt(s, b);
    const ids = b.nominees.map((n) => n.nomination);
    await ok(s.on('2025-12-16'), ['ballot', 'recount', '1', '--yes', '--reason', 'Nhập nhầm phiếu', '--issued', '5', '--returned', '5', ...votes(ids, '5,0,0')]);
    const file = join(s.dir, 'lan-2.docx');
    await ok(s.cli, ['ballot', 'minutes', '1', '--out', file]);
    const d = await readDocx(file);
    for (const w of [
      'Vào lúc 14 giờ 00 phút, ngày 15 tháng 12 năm 2025, tại Phòng họp số 1,',
      'Biên bản này ghi kết quả kiểm phiếu lại (lần 2) ngày 16 tháng 12 năm 2025 đối với phiếu biểu quyết của phiên họp ngày 15 tháng 12 năm 2025, thay cho Biên bản số 01/BB-HĐTĐKT.',
      'Phiên họp kết thúc vào lúc 15 giờ 30 phút cùng ngày.',
    ]) {
      expect(d.text).toContain(w);
    }
    expectNoSoftwareWords(d);
  });
});

describe('a ballot opened before the meeting was recorded (migration 0009)', () => {
  it('closes with its end time; the minutes say what is known and invent nothing', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '4', '--absent', 'VC003', ...AT_MEETING, '--counter', 'VC005', '--counter', 'VC004']);
    // As an older version left it: no time, place, presiding, secretary, attendance or committee order.
    const conn = new Database(s.db);
    conn.exec('UPDATE ballots SET starts_at = NULL, place = NULL, presiding_code = NULL, secretary_code = NULL; UPDATE ballot_roll SET attended = NULL, counter_rank = NULL');
    conn.close();
    const shown = (await ok(s.cli, ['ballot', 'show', '1'])).stdout;
    expect(shown).toMatch(/Phiên họp\s+15\/12\/2025\n/);
    expect(shown).toMatch(/Vắng mặt\s+—/);
    const d = await readDocx(await closeLdtt(s, b));
    expectWellFormedDocument(d);
    for (const w of [
      'Ngày 15 tháng 12 năm 2025, tại Trường Chính trị tỉnh Bình Phước, Hội đồng Thi đua – Khen thưởng',
      'Hội đồng có 5 thành viên; có mặt 4, vắng mặt 1.',
      // Without the order named, the committee is listed as the roll lists it.
      'Hội đồng cử Ban kiểm phiếu gồm: Lê Thị Hoa, Trưởng ban; Võ Minh Tuấn, thành viên.',
      'Phiên họp kết thúc vào lúc 15 giờ 30 phút cùng ngày.',
    ]) {
      expect(d.text).toContain(w);
    }
    expect(d.text).not.toContain('Tham dự');
    expect(d.text).not.toContain('Chủ trì phiên họp');
    expectNoSoftwareWords(d);
  });
});

describe('a ballot of units', () => {
  it('says "tập thể" on the paper and in the minutes, never "người"', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '5', ...AT_MEETING]);
    await closeLdtt(s, b);
    await ok(s.cli, ['nominate', 'appraise', String(s.ttldtt), '--accept']);
    const t = await json<{ id: number }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'TTLDTT', '--present', '5', '--time', '15:40', '--place', PLACE]);
    const paper = join(s.dir, 'phieu-ttldtt.docx');
    await ok(s.cli, ['ballot', 'paper', String(t.id), '--out', paper]);
    const p = await readDocx(paper);
    expectHeader(p, 'state', COUNCIL);
    for (const w of ['Tên tập thể', 'Khoa Lý luận cơ sở', 'Danh sách gồm 1 tập thể được đề nghị.', 'để trống đối với tập thể đó']) expect(p.text).toContain(w);
    expect(p.text).not.toMatch(PERSON_WORD);
    expect(p.text).not.toContain('Đơn vị');
    expectNoSoftwareWords(p);
    await ok(s.cli, ['ballot', 'tally', String(t.id), '--issued', '5', '--returned', '5', '--vote', 'KLLCS=5,0,0']);
    await ok(s.cli, ['ballot', 'close', String(t.id), '--yes', '--time', '16:00']);
    const file = join(s.dir, 'bb-ttldtt.docx');
    await ok(s.cli, ['ballot', 'minutes', String(t.id), '--out', file]);
    const d = await readDocx(file);
    expectWellFormedDocument(d);
    expect(d.text).toContain('Có 1/1 tập thể được đề nghị đạt tỷ lệ phiếu đồng ý theo quy định: Khoa Lý luận cơ sở.');
    expect(d.text).toContain('Tên tập thể');
    expect(d.text).not.toMatch(PERSON_WORD);
    expectNoSoftwareWords(d);
  });
});

describe('the ballot paper', () => {
  it('carries no database id and calls people "người", under the council\'s name', async () => {
    const s = await ballotSchool();
    await ok(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
    const file = join(s.dir, 'phieu.docx');
    await ok(s.cli, ['ballot', 'paper', '1', '--out', file]);
    const p = await readDocx(file);
    expectWellFormedDocument(p);
    expectHeader(p, 'state', COUNCIL);
    expect(p.text).toContain('Danh sách gồm 5 người được đề nghị.');
    expect(p.text).toContain('Họ và tên');
    // Today's paper said "(phiếu số 1)": a secret ballot paper carries no number that could tell papers apart.
    expect(p.text).not.toMatch(/\(phiếu|số 1/);
    expect(p.text).not.toContain('tập thể');
    expectNoSoftwareWords(p);
  });
});

describe('counts echoed for the clerk', () => {
  it('ballot tally prints the counts just entered, by code and name in Vietnamese order; errors name nominees by code', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '5', ...AT_MEETING]);
    const byCode = (code: string) => b.nominees.find((n) => n.subject === code)!.nomination;
    // Typed in the clerk's order (by code, one by number), echoed in the ballot's.
    const r = await ok(s.cli, ['ballot', 'tally', '1', '--issued', '5', '--returned', '5', '--invalid', '1',
      '--vote', 'VC005=4,0,0', '--vote', 'vc002=3,1,0', '--vote', `${byCode('VC004')}=2,1,1`, '--vote', 'VC006=4,0,0', '--vote', 'VC003=0,4,0']);
    expect(r.stdout).toContain('Lần nhập 1 (hãy đối chiếu với phiếu): phát ra 5, thu về 5, hợp lệ 4, không hợp lệ 1.');
    const rows = r.stdout.split('\n').filter((l) => /VC00\d/.test(l)).map((l) => l.split('│').map((c) => c.trim()).filter(Boolean));
    expect(rows).toEqual([
      ['1', 'VC003', 'Đặng Văn An', '0', '4', '0'],
      ['2', 'VC006', 'Hồ Thị Bích', '4', '0', '0'],
      ['3', 'VC004', 'Lê Thị Hoa', '2', '1', '1'],
      ['4', 'VC002', 'Nguyễn Thị Thu Thủy', '3', '1', '0'],
      ['5', 'VC005', 'Võ Minh Tuấn', '4', '0', '0'],
    ]);
    expect(r.stdout).not.toContain('Hồ sơ');
    // A second clerk's entry that differs: the close names each nominee by code and name.
    await ok(s.cli, ['ballot', 'tally', '1', '--entry', '2', '--issued', '5', '--returned', '5', '--invalid', '1',
      '--vote', 'VC005=4,0,0', '--vote', 'VC002=3,0,1', '--vote', 'VC004=2,1,1', '--vote', 'VC006=4,0,0', '--vote', 'VC003=0,4,0']);
    const differ = await s.cli(['ballot', 'close', '1', '--yes', ...ENDED]);
    expect(differ.code).toBe(5);
    expect(differ.stderr).toContain(`${ORDER[3]}, Không đồng ý: lần 1 ghi 1, lần 2 ghi 0`);
    expect(differ.stderr).not.toMatch(/[Hh]ồ sơ số/);
    const bad = await s.cli(['ballot', 'tally', '1', '--issued', '5', '--returned', '5', '--vote', 'VC003=4,0,0', '--vote', 'VC006=5,0,0']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`Quy tắc 4: ${ORDER[0]}: đồng ý 4`);
    for (const who of ORDER.slice(2)) expect(bad.stderr).toContain(`Thiếu kết quả của ${who}`);
    expect(bad.stderr).not.toMatch(/[Hh]ồ sơ số/);
    // --json: the whole ballot, each entry's counts with code and name.
    const j = JSON.parse((await ok(s.cli, ['ballot', 'tally', '1', '--entry', '2', '--issued', '5', '--returned', '5', '--invalid', '1',
      '--vote', 'VC005=4,0,0', '--vote', 'VC002=3,1,0', '--vote', 'VC004=2,1,1', '--vote', 'VC006=4,0,0', '--vote', 'VC003=0,4,0', '--json'])).stdout) as BallotJson;
    expect(j.entries[1].votes.map((v) => [v.subject, v.name, v.agree])).toEqual([
      ['VC003', 'Đặng Văn An', 0], ['VC006', 'Hồ Thị Bích', 4], ['VC004', 'Lê Thị Hoa', 2], ['VC002', 'Nguyễn Thị Thu Thủy', 3], ['VC005', 'Võ Minh Tuấn', 4],
    ]);
  });

  it('ballot show prints each entry while open, and the papers and each result by name once closed', async () => {
    const s = await ballotSchool();
    const b = await ldttOpened(s, ['--present', '4', '--absent', 'VC003', ...AT_MEETING, '--counter', 'VC005', '--counter', 'VC004']);
    const ids = b.nominees.map((n) => n.nomination);
    await ok(s.cli, ['ballot', 'tally', '1', '--issued', '4', '--returned', '4', ...votes(ids, '4,0,0', { [ids[0]]: '1,3,0' })]);
    await ok(s.cli, ['ballot', 'tally', '1', '--entry', '2', '--issued', '4', '--returned', '4', ...votes(ids, '4,0,0', { [ids[0]]: '1,3,0' })]);
    const open = (await ok(s.cli, ['ballot', 'show', '1'])).stdout;
    expect(open).toContain('15/12/2025, từ 14:00 đến chưa kết thúc, tại Phòng họp số 1');
    expect(open).toMatch(/Vắng mặt\s+Đặng Văn An/);
    expect(open).toMatch(/Chủ trì\s+Trần Văn Thịnh/);
    expect(open).toMatch(/Thư ký\s+Võ Minh Tuấn/);
    expect(open).toMatch(/Ban kiểm phiếu\s+Võ Minh Tuấn, Lê Thị Hoa/);
    expect(open).toContain('Lần nhập 1 (hãy đối chiếu với phiếu): phát ra 4, thu về 4, hợp lệ 4, không hợp lệ 0.');
    expect(open).toContain('Lần nhập 2 (hãy đối chiếu với phiếu)');
    expect(open.split('\n').filter((l) => l.includes('Đặng Văn An') && /│\s*1\s*│\s*3\s*│\s*0\s*│/.test(l))).toHaveLength(2);
    await ok(s.cli, ['ballot', 'close', '1', '--yes', ...ENDED]);
    const closed = (await ok(s.cli, ['ballot', 'show', '1'])).stdout;
    expect(closed).toContain('từ 14:00 đến 15:30');
    expect(closed).toContain('Lần kiểm phiếu 1: phát ra 4, thu về 4, hợp lệ 4, không hợp lệ 0.');
    const names = closed.split('\n').filter((l) => /│ VC00\d/.test(l)).map((l) => l.split('│').map((c) => c.trim()).filter(Boolean).slice(0, 3).join(' – '));
    expect(names).toEqual([`${ORDER[0]} – 1`, `${ORDER[1]} – 4`, `${ORDER[2]} – 4`, `${ORDER[3]} – 4`, `${ORDER[4]} – 4`]);
  });
});
