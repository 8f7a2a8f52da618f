/**
 * Drafts (DOMAIN.md "Drafts and issued documents"): `--draft` on every command that writes a numbered
 * document prints it marked "DỰ THẢO" with the number left blank, spends no number and writes nothing
 * to the register, the audit trail or anything else; a draft is never the issued document's bytes.
 * What is not complete (a quarter still running, an annual report without its assessment) is refused
 * without `--draft` (exit 5, naming what is missing).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENDED, AT_MEETING, ballotSchool, json, ok, query, votes, type Seeded } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { certificateSchool } from '../helpers/certificate-seed.js';
import { readDocx } from '../helpers/docx.js';
import { NOTES } from '../helpers/notes.js';
import { run } from '../helpers/cli.js';

const AFTER = '2026-01-05';

const hasPrinting = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice && command -v pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** What a draft must leave untouched: every table a command could write to. */
function state(db: string): unknown {
  return {
    documents: query(db, 'SELECT id, kind, number FROM documents ORDER BY id'),
    audit: query(db, 'SELECT count(*) AS n FROM audit'),
    recognitions: query(db, 'SELECT count(*) AS n FROM recognitions'),
    ballots: query(db, 'SELECT id, status FROM ballots ORDER BY id'),
    nominations: query(db, 'SELECT id, status FROM nominations ORDER BY id'),
  };
}

/** Marked "DỰ THẢO" at the top of page 1, the number left blank for the office to fill in; in the format of its style. */
async function expectDraft(file: string, kind: string, style: 'state' | 'party' = 'state'): Promise<void> {
  const checked = await run(['document', 'check', file, '--style', style, '--no-pdf']);
  expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  const doc = await readDocx(file);
  const first = doc.headers.find((h) => !/PAGE/.test(h)) ?? '';
  expect(first).toContain('DỰ THẢO');
  expect(first).toMatch(/<w:pBdr>/);
  if (style === 'state') {
    // The counting minutes are the council's (BB-HĐTĐKT); the rest the school's.
    const author = kind === 'BB' ? 'HĐTĐKT' : 'TCT';
    expect(doc.text).toMatch(new RegExp(`Số: {4,}/${kind}-${author}`));
    expect(doc.text).not.toMatch(new RegExp(`Số: \\d+/${kind}-${author}`));
  } else {
    expect(doc.text).toMatch(new RegExp(`Số {4,}-${kind}/TCT`));
    expect(doc.text).not.toMatch(new RegExp(`Số \\d+-${kind}/TCT`));
  }
}

describe('--draft on reports', () => {
  it('the annual report: a draft without the assessment, marked, unnumbered, nothing recorded; the issued one differs', async () => {
    const s = await reportSchool();
    const cli = s.on(AFTER);
    const before = state(s.db);
    const file = join(s.dir, 'du-thao.docx');
    const r = await ok(cli, ['report', 'annual', '--year', '2025', '--draft', '--out', file]);
    expect(r.stderr).toContain('DỰ THẢO');
    await expectDraft(file, 'BC');
    const doc = await readDocx(file);
    // The assessment's headings are there, with room left to write them, a line of dots each.
    expect(doc.text).toMatch(/Ưu điểm\n+…{10,}/);
    if (hasPrinting) {
      const printed = await run(['document', 'check', file, '--pdf'], { env: { PATH: process.env.PATH } });
      expect(printed.code, printed.stdout + printed.stderr).toBe(0);
    }
    expect(state(s.db)).toEqual(before);
    // Again: the same draft, byte for byte; still nothing recorded.
    await ok(cli, ['report', 'annual', '--year', '2025', '--draft', '--out', join(s.dir, 'du-thao-2.docx')]);
    expect(readFileSync(join(s.dir, 'du-thao-2.docx'))).toEqual(readFileSync(file));
    expect(state(s.db)).toEqual(before);
    // With the notes: a draft, then the issued document, which takes the first number (none was spent).
    const notes = join(s.dir, 'notes.md');
    writeFileSync(notes, NOTES);
    await ok(cli, ['report', 'annual', '--year', '2025', '--notes', notes, '--draft', '--out', join(s.dir, 'd3.docx')]);
    const issued = await ok(cli, ['report', 'annual', '--year', '2025', '--notes', notes, '--out', join(s.dir, 'bc.docx')]);
    expect(issued.stderr).toContain('01/BC-TCT');
    expect(readFileSync(join(s.dir, 'd3.docx')).equals(readFileSync(join(s.dir, 'bc.docx')))).toBe(false);
    const final = await readDocx(join(s.dir, 'bc.docx'));
    expect(final.headers.join('')).not.toContain('DỰ THẢO');
    expect(final.text).toContain('Số: 01/BC-TCT');
    // A draft after the issue does not reuse the registered document.
    await ok(cli, ['report', 'annual', '--year', '2025', '--notes', notes, '--draft', '--out', join(s.dir, 'd4.docx')]);
    await expectDraft(join(s.dir, 'd4.docx'), 'BC');
  }, 180_000);

  it('every report kind takes --draft; a draft needs a Word file (exit 2)', async () => {
    const s = await reportSchool({ style: 'party' });
    const cli = s.on(AFTER);
    const before = state(s.db);
    const cases: [string[], string][] = [
      [['report', 'quarterly', '--quarter', '2025-Q4'], 'BC'],
      [['report', 'progress', '--month', '2025-11'], 'BC'],
      [['report', 'period', '--from', '2024', '--to', '2025'], 'BC'],
      [['report', 'benefits', '--year', '2025'], 'BC'],
      [['report', 'province', '--year', '2025'], 'TTr'],
    ];
    for (const [argv, kind] of cases) {
      const file = join(s.dir, `${argv[1]}.docx`);
      await ok(cli, [...argv, '--draft', '--out', file]);
      await expectDraft(file, kind, 'party');
    }
    expect(state(s.db)).toEqual(before);
    expect((await cli(['report', 'benefits', '--year', '2025', '--draft'])).code).toBe(2);
    expect((await cli(['report', 'benefits', '--year', '2025', '--draft', '--out', join(s.dir, 'x.csv')])).code).toBe(2);
  }, 60_000);

  it('a quarterly report of a quarter still running is refused without --draft (exit 5)', async () => {
    const s = await reportSchool();
    const cli = s.on('2025-12-20');
    const before = state(s.db);
    const r = await cli(['report', 'quarterly', '--quarter', '2025-Q4', '--out', join(s.dir, 'q.docx')]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('quý IV năm 2025');
    expect(r.stderr).toContain('--draft');
    await ok(cli, ['report', 'quarterly', '--quarter', '2025-Q4', '--draft', '--out', join(s.dir, 'q.docx')]);
    await expectDraft(join(s.dir, 'q.docx'), 'BC');
    expect(state(s.db)).toEqual(before);
    // On the screen the running quarter is still shown.
    await ok(cli, ['report', 'quarterly', '--quarter', '2025-Q4']);
  }, 60_000);
});

describe('--draft on commend', () => {
  it('a quarter not yet ended: refused without --draft (exit 5); the draft is a separate file and takes no number', async () => {
    const s = await reportSchool();
    const cli = s.on('2025-12-20');
    const out = join(s.dir, 'tb');
    const before = state(s.db);
    const r = await cli(['commend', '--quarter', '2025-Q4', '--out', out]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('31/12/2025');
    expect(r.stderr).toContain('--draft');
    expect(state(s.db)).toEqual(before);
    await ok(cli, ['commend', '--quarter', '2025-Q4', '--out', out, '--draft']);
    expect(readdirSync(out)).toEqual(['du-thao-tuyen-duong-2025-Q4.docx']);
    await expectDraft(join(out, 'du-thao-tuyen-duong-2025-Q4.docx'), 'TB');
    expect(state(s.db)).toEqual(before);
    // Once the quarter has ended, the cron run issues number 01 beside the draft, which it leaves alone.
    await ok(s.on(AFTER), ['--quiet', 'commend', '--quarter', 'previous', '--out', out]);
    expect(readdirSync(out).sort()).toEqual(['du-thao-tuyen-duong-2025-Q4.docx', 'tuyen-duong-2025-Q4.csv', 'tuyen-duong-2025-Q4.docx']);
    expect((await readDocx(join(out, 'tuyen-duong-2025-Q4.docx'))).text).toContain('Số: 01/TB-TCT');
    expect(() => readFileSync(join(out, 'du-thao-tuyen-duong-2025-Q4.docx'))).not.toThrow();
    expect((await cli(['commend', '--quarter', '2025-Q4', '--draft'])).code).toBe(2);
  }, 60_000);
});

describe('--draft on recognise, ballot and certificate', () => {
  async function closedLdtt(): Promise<Seeded & { ballot: number }> {
    const s = await ballotSchool();
    const b = await json<{ id: number; nominees: { nomination: number }[] }>(s.cli, ['ballot', 'open', '--year', '2025', '--award', 'LDTT', '--present', '5', ...AT_MEETING]);
    await ok(s.cli, ['ballot', 'tally', String(b.id), '--issued', '5', '--returned', '5', ...votes(b.nominees.map((n) => n.nomination), '5,0,0')]);
    return { ...s, ballot: b.id };
  }

  it('ballot close and ballot minutes: the draft minutes of the count as entered; the ballot stays open', async () => {
    const s = await closedLdtt();
    const before = state(s.db);
    const file = join(s.dir, 'bb-du-thao.docx');
    const r = await ok(s.cli, ['ballot', 'close', String(s.ballot), '--draft', '--out', file]);
    expect(r.stderr).toContain('DỰ THẢO');
    await expectDraft(file, 'BB');
    expect(state(s.db)).toEqual(before);
    const again = join(s.dir, 'bb-du-thao-2.docx');
    await ok(s.cli, ['ballot', 'minutes', String(s.ballot), '--draft', '--out', again]);
    expect(readFileSync(again)).toEqual(readFileSync(file));
    expect(state(s.db)).toEqual(before);
    expect((await s.cli(['ballot', 'close', String(s.ballot), '--draft'])).code).toBe(2);
    // The real close takes number 01: the drafts spent none.
    const closed = await ok(s.cli, ['ballot', 'close', String(s.ballot), '--yes', ...ENDED]);
    expect(closed.stderr).toContain('01/BB-HĐTĐKT');
    await ok(s.cli, ['ballot', 'minutes', String(s.ballot), '--out', join(s.dir, 'bb.docx')]);
    expect(readFileSync(join(s.dir, 'bb.docx')).equals(readFileSync(file))).toBe(false);
    // The minutes of a closed ballot are issued: no draft of them (exit 5).
    expect((await s.cli(['ballot', 'minutes', String(s.ballot), '--draft', '--out', join(s.dir, 'x.docx')])).code).toBe(5);
    // A recount's minutes as a draft: nothing changes.
    const b = await json<{ nominees: { nomination: number }[] }>(s.cli, ['ballot', 'show', String(s.ballot)]);
    const mid = state(s.db);
    await ok(s.cli, ['ballot', 'recount', String(s.ballot), '--reason', 'Nhập nhầm', '--issued', '5', '--returned', '5', ...votes(b.nominees.map((n) => n.nomination), '4,1,0'), '--draft', '--out', join(s.dir, 'recount.docx')]);
    await expectDraft(join(s.dir, 'recount.docx'), 'BB');
    expect(state(s.db)).toEqual(mid);
  }, 60_000);

  it('recognise: the draft decision, nothing recognised; the decision then takes number 01', async () => {
    const s = await closedLdtt();
    await ok(s.cli, ['ballot', 'close', String(s.ballot), '--yes', ...ENDED]);
    const before = state(s.db);
    const dir = join(s.dir, 'qd');
    const r = await ok(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--draft', '--out', dir]);
    expect(r.stderr).toContain('DỰ THẢO');
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^du-thao-.*\.docx$/);
    await expectDraft(join(dir, name), 'QĐ');
    expect((await readDocx(join(dir, name))).text).toContain('Lao động tiên tiến');
    expect(state(s.db)).toEqual(before);
    expect((await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--draft'])).code).toBe(2);
    const done = await json<{ decision: { number: number } }>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(done.decision.number).toBe(1);
  }, 60_000);

  it('certificate: drafts of the certificates, none numbered', async () => {
    const s = await certificateSchool();
    const before = state(s.db);
    const dir = join(s.dir, 'gcn');
    await ok(s.cli, ['certificate', '--year', '2025', '--draft', '--out', dir]);
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) {
      expect(n).toMatch(/^du-thao-GCN-/);
      const doc = await readDocx(join(dir, n));
      expect(doc.headers.join('')).toContain('DỰ THẢO');
      expect(doc.text).not.toMatch(/\d+\/GCN-TCT/);
      expect((await run(['document', 'check', join(dir, n), '--no-pdf'])).code).toBe(0);
    }
    expect(state(s.db)).toEqual(before);
    await ok(s.cli, ['certificate', '--year', '2025', '--out', join(s.dir, 'that')]);
    expect(query(s.db, "SELECT min(number) AS n FROM documents WHERE kind = 'GCN'")).toEqual([{ n: 1 }]);
  }, 60_000);
});
