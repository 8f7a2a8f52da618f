/**
 * Issue 14: a document is checked before it takes its number (its text holds nothing Word cannot
 * open) and before it is written (every XML part well formed); outputs are checked before any
 * irreversible step, and a failure after it says what was issued and how to write it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, query, readyToRecognise } from '../helpers/ballot-seed.js';
import { tempDir } from '../helpers/cli.js';
import { sql } from '../helpers/db.js';
import { xmlProblem } from '../../src/render/docx/wellformed.js';

const documents = (db: string) => query<{ n: number }>(db, 'SELECT count(*) AS n FROM documents')[0]!.n;


describe('a document holding text Word cannot open', () => {
  it('is refused before it takes its number (exit 3, the text named), and nothing is issued', async () => {
    const s = await readyToRecognise();
    // A name stored before such characters were refused, or planted in the file.
    sql(s.db, "UPDATE people SET name = 'Lê Thị Hoa' || char(65535) WHERE code = 'VC004'");
    const before = documents(s.db);
    const r = await s.cli(['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('Lê Thị Hoa[U+FFFF]');
    expect(documents(s.db)).toBe(before);
    sql(s.db, "UPDATE people SET name = 'Lê Thị Hoa' WHERE code = 'VC004'");
    const again = await json<{ decision: { symbol: string } }>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    expect(again.decision.symbol).toBe('01/QĐ-TCT');
  });

  it('already in the register is never written as a broken file: document render says so (exit 6)', async () => {
    const s = await readyToRecognise();
    const r = await json<{ decision: { id: number } }>(s.cli, ['recognise', '--year', '2025', '--award', 'LDTT', '--yes']);
    const id = r.decision.id;
    sql(s.db, "DROP TRIGGER IF EXISTS documents_no_update");
    sql(s.db, "UPDATE documents SET payload = replace(payload, 'Lê Thị Hoa', 'Lê Thị Hoa\\uffff') WHERE id = ?", id);
    const out = tempDir('qd-');
    const w = await s.cli(['document', 'render', String(id), '--out', join(out, 'qd.docx')]);
    expect(w.code, w.stderr).toBe(6);
    expect(w.stderr).toMatch(/Văn bản Word sẽ không mở được \(phần word\/document\.xml: U\+FFFF/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the XML check', () => {
  it('accepts well-formed parts and names what breaks the others', () => {
    expect(xmlProblem('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" y=\'2\'><b/>t &amp; &#x1F600; &#55357;&#56832;<c>d</c><![CDATA[<x>]]><!-- n --></a>')).toBe('a reference to U+D83D at 76');
    expect(xmlProblem('<?xml version="1.0"?><a x="1"><b/>t &amp; &#x1F600;<c>d</c><![CDATA[<x>]]><!-- n --></a>')).toBeNull();
    expect(xmlProblem('<a>\uffff</a>')).toBe('U+FFFF at 3');
    expect(xmlProblem('<a>\ud800</a>')).toBe('U+D800 at 3');
    expect(xmlProblem('<a>😀</a>')).toBeNull();
    expect(xmlProblem('<a><b></a>')).toMatch(/closes nothing open/);
    expect(xmlProblem('<a>x & y</a>')).toMatch(/bare "&"/);
    expect(xmlProblem('<a>&#0;</a>')).toMatch(/U\+0/);
    expect(xmlProblem('<a x=1/>')).toMatch(/not quoted/);
    expect(xmlProblem('<a/><b/>')).toMatch(/second root/);
    expect(xmlProblem('<a>')).toMatch(/never closed/);
    expect(xmlProblem('')).toBe('no root element');
  });

  it('takes little time on a large part', () => {
    const xml = `<w:document>${'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Nguyễn Văn Ánh &amp; cộng sự</w:t></w:r></w:p>'.repeat(60_000)}</w:document>`;
    const start = performance.now();
    expect(xmlProblem(xml)).toBeNull();
    // About 0.15 s on an idle machine: linear in the size, never quadratic.
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

