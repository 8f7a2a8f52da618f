import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { schoolDb } from '../helpers/cli.js';

type Env = Awaited<ReturnType<typeof schoolDb>>;

interface DetectJson {
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  unit: string;
  score: number;
  candidate: boolean;
  evidence: string[];
  missing: string[];
}

const AT = '2026-01-01T00:00:00.000Z';

/** The year's records as the other commands would leave them, written straight into the tables. */
interface Seed {
  ratings?: [person: string, period: string, rating: string][];
  registrations?: [subject: string, award: string, year: number, status?: 'active' | 'withdrawn'][];
  initiatives?: [code: string, kind: 'initiative' | 'research', year: number, unit: string, status: string, statusOn: string, authors: [string, number][]][];
  achievements?: [subject: string, date: string, kind: string][];
}

function seed(file: string, s: Seed): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      const rating = db.prepare('INSERT INTO ratings (person_code, period, rating, rated_on, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const [p, period, r] of s.ratings ?? []) rating.run(p, period, r, '2026-01-10', AT);
      const reg = db.prepare('INSERT INTO registrations (year, subject_code, award, registered_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const [subject, award, year, status] of s.registrations ?? []) reg.run(year, subject, award, `${year}-01-15`, status ?? 'active', AT);
      const ini = db.prepare(
        'INSERT INTO initiatives (code, kind, year, seq, title, unit_code, status, registered_on, status_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const author = db.prepare('INSERT INTO initiative_authors (initiative_code, person_code, share, sort) VALUES (?, ?, ?, ?)');
      for (const [code, kind, year, unit, status, statusOn, authors] of s.initiatives ?? []) {
        ini.run(code, kind, year, Number(code.slice(-3)), `Đề xuất ${code}`, unit, status, `${year}-02-01`, statusOn, AT);
        authors.forEach(([p, share], i) => author.run(code, p, share, i + 1));
      }
      const ach = db.prepare('INSERT INTO achievements (subject_code, date, kind, text, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const [subject, date, kind] of s.achievements ?? []) ach.run(subject, date, kind, `Thành tích ${kind}`, AT);
    })();
  } finally {
    db.close();
  }
}

async function people(env: Env, rows: [code: string, name: string, unit: string, category: string][]): Promise<void> {
  for (const [code, name, unit, category] of rows) {
    const r = await env.cli(['person', 'add', code, '--name', name, '--unit', unit, '--category', category]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
}

async function detect(env: Env, ...flags: string[]): Promise<DetectJson[]> {
  const r = await env.cli(['detect', '--json', ...flags]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/**
 * 2025 in a small school: VC002 stands out (HTXSNV, recognised initiative, achievements, registered);
 * VC003 co-authored it; VC001 (leader) is HTTNV with a running topic; VC004 has two HTXSNV quarters
 * and is being fostered; VC005 (leader) is HTNV; VC006 has a single HTXSNV quarter.
 */
async function year2025(): Promise<Env> {
  const env = await schoolDb();
  await people(env, [
    ['VC004', 'Lê Thị Bích', 'KLLCS', 'staff'],
    ['VC005', 'Phạm Văn Cường', 'KLLCS', 'leader'],
    ['VC006', 'Võ Thị Dung', 'PTCHC', 'staff'],
  ]);
  const fostered = await env.cli(['--today', '2025-03-01', 'foster', 'add', 'VC004', '--mentor', 'VC005', '--goal', 'Giảng viên giỏi']);
  if (fostered.code !== 0) throw new Error(fostered.stderr);
  seed(env.db, {
    ratings: [
      ['VC002', '2025', 'HTXSNV'],
      ['VC003', '2025', 'HTTNV'],
      ['VC003', '2024', 'HTXSNV'],
      ['VC001', '2025', 'HTTNV'],
      ['VC004', '2025-Q1', 'HTXSNV'],
      ['VC004', '2025-Q2', 'HTXSNV'],
      ['VC004', '2025-Q3', 'HTTNV'],
      ['VC005', '2025', 'HTNV'],
      ['VC005', '2025-Q1', 'HTXSNV'],
      ['VC006', '2025-Q4', 'HTXSNV'],
    ],
    registrations: [
      ['VC002', 'DHTT', 2025],
      ['VC002', 'LDTT', 2025],
      ['VC001', 'DHTT', 2025],
      ['VC003', 'DHTT', 2025, 'withdrawn'],
      ['VC003', 'DHTT', 2024],
    ],
    initiatives: [
      ['SK-2025-001', 'initiative', 2025, 'KLLCS', 'recognised', '2025-10-15', [['VC002', 60], ['VC003', 40]]],
      ['DT-2025-001', 'research', 2025, 'PTCHC', 'in_progress', '2025-04-01', [['VC001', 100]]],
      ['SK-2024-003', 'initiative', 2024, 'KLLCS', 'recognised', '2024-11-01', [['VC003', 100]]],
    ],
    achievements: [
      ['VC002', '2025-05-10', 'task'],
      ['VC002', '2025-09-02', 'charity'],
      ['VC003', '2024-12-31', 'task'],
      ['VC003', '2026-01-01', 'union'],
    ],
  });
  return env;
}

describe('detect', () => {
  it('ranks the candidates by score, people before units on a tie', async () => {
    const env = await year2025();
    const found = await detect(env, '--year', '2025');
    expect(found.map((d) => [d.subject, d.score])).toEqual([
      ['VC002', 78], // 40 HTXSNV + 18 (60% of a recognised initiative) + 10 (2 achievements) + 10 DHTT
      ['VC001', 40], // 20 HTTNV + 10 running topic + 10 DHTT
      ['KLLCS', 40], // 2/4 members HTTNV+ → 20, 1/4 HTXSNV → 5, its recognised initiative 15
      ['VC003', 32], // 20 HTTNV + 12 (40% of the initiative); 2024 and 2026 records do not count
      ['PTCHC', 25], // 1/2 members HTTNV+ → 20, its running topic 5
      ['VC004', 21], // 2 quarters HTXSNV → 16, fostered 5
    ]);
    expect(found.every((d) => d.candidate)).toBe(true);
    for (const d of found) expect(Object.keys(d).sort()).toEqual(['candidate', 'evidence', 'kind', 'missing', 'name', 'nominations', 'recognitions', 'score', 'state', 'subject', 'unit']);
    const by = Object.fromEntries(found.map((d) => [d.subject, d]));
    expect(by.VC002).toMatchObject({ name: 'Nguyễn Thị Thu Thủy', kind: 'person', unit: 'KLLCS', missing: [] });
    expect(by.VC002.evidence).toEqual([
      'xếp loại năm 2025: HTXSNV',
      'sáng kiến SK-2025-001 được công nhận ngày 15/10/2025 (đóng góp 60%)',
      '2 thành tích năm 2025 (nhiệm vụ 1, từ thiện 1)',
      'đăng ký DHTT, LDTT năm 2025',
      'đạt tiêu chí S5',
    ]);
    expect(by.VC003.missing).toEqual(['chưa đăng ký DHTT năm 2025', 'chưa ghi nhận thành tích nào (căn cứ cho S4)']);
    expect(by.VC001.evidence).toContain('đề tài DT-2025-001 đang thực hiện (đóng góp 100%)');
    expect(by.VC001.missing).toEqual(['L4 cần xếp loại HTXSNV cả năm', 'L2: chưa có sáng kiến được công nhận năm 2025 (đơn vị có thể xác nhận)']);
    expect(by.VC004.evidence).toEqual(['2 quý HTXSNV năm 2025 (Q1, Q2)', 'trong danh sách bồi dưỡng từ 01/03/2025']);
    expect(by.VC004.missing).toEqual([
      'chưa đăng ký DHTT năm 2025',
      'chưa có xếp loại năm 2025 (tiêu chí S5)',
      'chưa ghi nhận thành tích nào (căn cứ cho S4)',
    ]);
    expect(by.KLLCS).toMatchObject({ kind: 'unit', unit: 'KLLCS', name: 'Khoa Lý luận cơ sở' });
    expect(by.KLLCS.evidence).toEqual([
      '2/4 thành viên xếp loại HTTNV trở lên năm 2025 (50%), 1 HTXSNV',
      'sáng kiến SK-2025-001 của đơn vị được công nhận ngày 15/10/2025',
    ]);
    expect(by.KLLCS.missing).toEqual([
      'chưa đăng ký DHTT năm 2025',
      'chưa đăng ký TTLDTT hoặc TTLDXS năm 2025',
      '1 thành viên chưa có xếp loại năm 2025',
      'chưa ghi nhận thành tích nào của đơn vị (căn cứ cho U1, U2)',
    ]);
  });

  it('--all adds the others after the candidates, each with the reason first', async () => {
    const env = await year2025();
    const found = await detect(env, '--year', '2025', '--all');
    expect(found.slice(6).map((d) => [d.subject, d.candidate, d.score])).toEqual([
      ['VC005', false, 8], // tie on 8: by given name, Cường before Dung
      ['VC006', false, 8],
    ]);
    const by = Object.fromEntries(found.map((d) => [d.subject, d]));
    expect(by.VC005.missing[0]).toBe('không là ứng viên: xếp loại năm 2025 là HTNV, không đạt L4');
    expect(by.VC006.missing[0]).toBe('chưa là ứng viên: chưa có xếp loại năm 2025 và mới có 1 quý HTXSNV (cần 2)');
  });

  it('prints a ranked table; --unit narrows to one unit and its people', async () => {
    const env = await year2025();
    const table = await env.cli(['detect', '--year', '2025']);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('6 ứng viên năm 2025');
    const lines = table.stdout.split('\n');
    const rowOf = (code: string) => lines.findIndex((l) => l.includes(` ${code} `));
    expect(lines[rowOf('VC002')]).toMatch(/│ 1 +│ VC002 │ Nguyễn Thị Thu Thủy +│ Khoa Lý luận cơ sở +│ 78 /);
    expect(lines[rowOf('KLLCS')]).toMatch(/│ 3 +│ KLLCS │ .*\(tập thể\)/);
    expect(rowOf('VC001')).toBeLessThan(rowOf('KLLCS'));
    const only = await detect(env, '--year', '2025', '--unit', 'pTCHC');
    expect(only.map((d) => d.subject)).toEqual(['VC001', 'PTCHC']);
    const csv = await env.cli(['detect', '--year', '2025', '--csv']);
    expect(csv.stdout).toContain('xếp loại năm 2025: HTXSNV; sáng kiến SK-2025-001');
  });

  it('a unit is a candidate from 70% of its active members rated HTTNV or better', async () => {
    const env = await schoolDb();
    const u = await env.cli(['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty']);
    expect(u.code).toBe(0);
    await people(env, [
      ['DV1', 'Hồ Văn Hải', 'KDV', 'staff'],
      ['DV2', 'Mai Thị Hoa', 'KDV', 'staff'],
      ['DV3', 'Lý Văn Hùng', 'KDV', 'staff'],
      ['DV4', 'Tạ Thị Hương', 'KDV', 'staff'],
    ]);
    seed(env.db, { ratings: [['DV1', '2025', 'HTTNV'], ['DV2', '2025', 'HTXSNV'], ['DV3', '2025', 'HTNV']], registrations: [['KDV', 'TTLDXS', 2025]] });
    let kdv = (await detect(env, '--year', '2025', '--unit', 'KDV', '--all')).find((d) => d.subject === 'KDV')!;
    expect(kdv.candidate).toBe(false);
    expect(kdv.missing[0]).toContain('50%');
    expect(kdv.missing).not.toContain('chưa đăng ký TTLDTT hoặc TTLDXS năm 2025');
    seed(env.db, { ratings: [['DV4', '2025', 'HTTNV']] });
    kdv = (await detect(env, '--year', '2025', '--unit', 'KDV')).find((d) => d.subject === 'KDV')!;
    expect(kdv).toMatchObject({ candidate: true, score: 35 });
    expect(kdv.evidence[0]).toBe('3/4 thành viên xếp loại HTTNV trở lên năm 2025 (75%), 1 HTXSNV');
    // people who have left count for nobody
    await env.cli(['person', 'edit', 'DV4', '--no-active']);
    kdv = (await detect(env, '--year', '2025', '--unit', 'KDV', '--all')).find((d) => d.subject === 'KDV')!;
    expect(kdv.candidate).toBe(false);
    // 2/3 × 40 + 1/3 × 20: a decimal score, written 33,3 in a Vietnamese table and CSV, 33.3 in JSON and English
    expect(kdv.score).toBe(33.3);
    const table = await env.cli(['detect', '--year', '2025', '--unit', 'KDV', '--all']);
    expect(table.stdout).toMatch(/│ KDV +│ Khoa Dân vận +│ \(tập thể\) +│ 33,3 /);
    expect((await env.cli(['detect', '--year', '2025', '--unit', 'KDV', '--all', '--csv'])).stdout).toContain('(tập thể),"33,3",');
    expect((await env.cli(['--lang', 'en', 'detect', '--year', '2025', '--unit', 'KDV', '--all'])).stdout).toMatch(/│ 33\.3 /);
  });

  it('speaks English with --lang en', async () => {
    const env = await year2025();
    const r = await env.cli(['--lang', 'en', 'detect', '--year', '2025', '--json']);
    const vc004 = (JSON.parse(r.stdout) as DetectJson[]).find((d) => d.subject === 'VC004')!;
    expect(vc004.evidence).toEqual(['2 quarter(s) rated HTXSNV in 2025 (Q1, Q2)', 'on the fostering watch list since 01/03/2025']);
    expect(vc004.missing).toContain('not registered for DHTT in 2025');
  });

  it('validates --year (3) and --unit (4), needs --year without a terminal (2); an empty year is success', async () => {
    const env = await schoolDb();
    for (const bad of ['25', '2025a', '1999']) {
      const r = await env.cli(['detect', '--year', bad]);
      expect(r.code, bad).toBe(3);
      expect(r.stderr).toContain(bad);
    }
    const missing = await env.cli(['detect']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--year');
    expect((await env.cli(['detect', '--year', '2025', '--unit', 'NOPE'])).code).toBe(4);
    expect((await env.cli(['detect', '--year', '2025', '--unit', 'VC001'])).code).toBe(4);
    const empty = await env.cli(['detect', '--year', '2025']);
    expect(empty.code).toBe(0);
    expect(await detect(env, '--year', '2025')).toEqual([]);
    const help = await env.cli(['detect', '--help']);
    expect(help.stdout).toContain('HTXSNV 40');
    expect(help.stdout).toContain('70%');
    // the candidate rule as the code applies it: HTTNV alone is not enough
    expect(help.stdout).toContain('HTTNV kèm ít nhất một điều nổi bật');
  });
});

describe('detect: those already nominated or recognised', () => {
  it('stay in the ranking, each with where they stand (recognised …, nominated for …)', async () => {
    const { reportSchool } = await import('../helpers/report-seed.js');
    const s = await reportSchool();
    const r = await s.cli(['detect', '--year', '2025', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const found = JSON.parse(r.stdout) as (DetectJson & { state: string[]; nominations: unknown[]; recognitions: unknown[] })[];
    const by = Object.fromEntries(found.map((d) => [d.subject, d]));
    // VC002: LDTT recognised on 15/12/2025, and a CSTDCS dossier still waiting for appraisal.
    expect(by.VC002).toMatchObject({
      candidate: true,
      recognitions: [{ award: 'LDTT', date: '2025-12-15' }],
      nominations: [{ id: s.cstdcs, award: 'CSTDCS', status: 'submitted' }],
      state: ['đã được công nhận LDTT ngày 15/12/2025', `đã đề nghị CSTDCS (số ${s.cstdcs}): đã nộp, chờ thẩm định`],
    });
    // VC003 (HTTNV, an excellent quarter) was recognised LDTT: still a candidate for more.
    expect(by.VC003).toMatchObject({ candidate: true, state: ['đã được công nhận LDTT ngày 15/12/2025'] });
    // A unit with a live nomination is listed too.
    expect(by.KLLCS?.state).toEqual([`đã đề nghị TTLDTT (số ${s.ttldtt}): đã nộp, chờ thẩm định`]);
    // VC006 failed the LDTT ballot: it says so.
    const all = JSON.parse((await s.cli(['detect', '--year', '2025', '--all', '--json'])).stdout) as { subject: string; state: string[] }[];
    expect(all.find((d) => d.subject === 'VC006')?.state).toEqual([`đã đề nghị LDTT (số ${s.ldtt.VC006}): không đạt số phiếu`]);
    const table = await s.cli(['detect', '--year', '2025']);
    expect(table.stdout).toContain('Tình trạng');
    expect(table.stdout).toContain('đã được công nhận LDTT');
  });
});
