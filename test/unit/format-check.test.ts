/**
 * The format checker on documents made by hand: the program's own decision conforms in both styles;
 * each departure made in its XML is reported with its rule, what was measured and what the format
 * expects; a document laid out the way Word saves a typed one is read through its styles; the printed
 * pages' checks on pages given as text.
 */
import { describe, expect, it } from 'vitest';
import { check, decisionDocx, withPart, wordTypedDocx } from '../helpers/format.js';
import { readFormat } from '../../src/render/docx/read.js';
import { checkPrinted } from '../../src/domain/format/printed.js';
import { RULE_IDS } from '../../src/domain/format/spec.js';
import { vi } from '../../src/i18n/vi.js';
import { en } from '../../src/i18n/en.js';
import { parseXml, XmlError } from '../../src/render/docx/xml.js';

const DOC = 'word/document.xml';
const rules = (r: { departures: { rule: string }[] }) => r.departures.map((d) => d.rule);

describe('the program’s own decision', () => {
  it.each(['state', 'party'] as const)('conforms in the %s style, detected from its header', async (style) => {
    const r = check(await decisionDocx(style));
    expect(r.departures).toEqual([]);
    expect(r).toMatchObject({ style, styleSource: 'detected', kind: 'document' });
  });

  it('checked against the other style, departs where the styles differ', async () => {
    const r = check(await decisionDocx('state'), { style: 'party' });
    expect(r.styleSource).toBe('given');
    expect(r.departures).toContainEqual(expect.objectContaining({ rule: 'header.missing', measured: '@missing', expected: 'ĐẢNG CỘNG SẢN VIỆT NAM' }));
    expect(r.departures).toContainEqual(expect.objectContaining({ rule: 'header.numberForm', measured: '“Số: 01/QĐ-TCT”', expected: '“Số 05-QĐ/TCT”' }));
    expect(r.departures).toContainEqual(expect.objectContaining({ rule: 'kind.format', measured: '14 pt', expected: '15–16 pt' }));
    expect(r.departures).toContainEqual(expect.objectContaining({ rule: 'summary.lowerFirst', expected: '“về …”' }));
    expect(r.departures).toContainEqual(expect.objectContaining({ rule: 'recipients.ending', expected: '“- …,”' }));
  });
});

describe('departures made by hand, each reported with rule, measured and expected', () => {
  it('a left margin of 20 mm', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace(/w:left="1701"/, 'w:left="1134"'));
    expect(check(bytes).departures).toEqual([{ rule: 'margin.left', where: { section: 1 }, measured: '20 mm', expected: '30–35 mm' }]);
  });

  it('a body paragraph in 12 pt', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => {
      const i = x.indexOf('Điều 1. ');
      const start = x.lastIndexOf('<w:p>', i);
      const end = x.indexOf('</w:p>', i);
      return x.slice(0, start) + x.slice(start, end).replace(/<w:sz w:val="28"\/>/g, '<w:sz w:val="24"/>') + x.slice(end);
    });
    const d = check(bytes).departures;
    expect(d).toEqual([expect.objectContaining({ rule: 'body.size', measured: '12 pt', expected: '13–14 pt' })]);
    expect(d[0].where.excerpt).toMatch(/^Điều 1\. Công nhận/);
  });

  it('a date without its leading zero ("ngày 5 tháng 9")', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('ngày 05 tháng 9 năm 2025', 'ngày 5 tháng 9 năm 2025'));
    expect(check(bytes).departures).toEqual([
      expect.objectContaining({ rule: 'header.datePadding', measured: '“ngày 5 tháng 9”', expected: '“ngày 05 tháng 9”', where: expect.objectContaining({ element: 'header.dateLine' }) }),
    ]);
  });

  it('a month 3–12 with a zero, a month 1–2 without one', async () => {
    const nine = withPart(await decisionDocx(), DOC, (x) => x.replace('ngày 05 tháng 9 năm 2025', 'ngày 05 tháng 09 năm 2025'));
    expect(check(nine).departures).toEqual([expect.objectContaining({ rule: 'header.datePadding', measured: '“ngày 05 tháng 09”', expected: '“ngày 05 tháng 9”' })]);
    const one = withPart(await decisionDocx(), DOC, (x) => x.replace('ngày 05 tháng 9 năm 2025', 'ngày 15 tháng 1 năm 2025'));
    expect(check(one).departures).toEqual([expect.objectContaining({ rule: 'header.datePadding', measured: '“ngày 15 tháng 1”', expected: '“ngày 15 tháng 01”' })]);
  });

  it('a basis line ending with ","', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('ngày 15 tháng 6 năm 2022;', 'ngày 15 tháng 6 năm 2022,'));
    expect(check(bytes).departures).toEqual([
      expect.objectContaining({ rule: 'basis.ending', measured: expect.stringMatching(/năm 2022,”$/), expected: '“…;”' }),
    ]);
  });

  it('the last basis line ending with ";"', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('Tổ chức – Hành chính.', 'Tổ chức – Hành chính;'));
    expect(check(bytes).departures).toEqual([expect.objectContaining({ rule: 'basis.ending', expected: '“….”' })]);
  });

  it('a page number on page 1 (no different first page)', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('<w:titlePg/>', ''));
    expect(check(bytes).departures).toEqual([{ rule: 'page.numberFirst', where: { section: 1, page: 1 }, measured: '@page1Numbered', expected: '@fromPage2' }]);
  });

  it('a blank page: two page breaks with nothing between them', async () => {
    const brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace(/(<w:p>(?:(?!<w:p>).)*?<w:pageBreakBefore\/>)/s, `${brk}${brk}$1`));
    const d = check(bytes).departures;
    expect(rules({ departures: d })).toEqual(['page.breakAlone', 'page.breakAlone', 'page.blank']);
    expect(d).toContainEqual(expect.objectContaining({ rule: 'page.blank', measured: '@blankPage', expected: '@noBlankPage' }));
    expect(d).toContainEqual(expect.objectContaining({ rule: 'page.breakAlone', measured: '@breakAlone', expected: '@breakBefore' }));
  });

  it('a recipient line without its closing mark', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('- Như Điều 3;', '- Như Điều 3'));
    expect(check(bytes).departures).toEqual([expect.objectContaining({ rule: 'recipients.ending', measured: '“- Như Điều 3”', expected: '“- …;”' })]);
  });

  it('paragraphs 3 pt apart', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace(/(<w:spacing w:after=")120(" w:before="0" w:line="288")/g, '$160$2'));
    const d = check(bytes).departures;
    expect(d.length).toBeGreaterThan(3);
    expect(d.every((x) => x.rule === 'body.spacing' && x.measured === '3 pt' && x.expected === '≥ 6 pt')).toBe(true);
  });
});

describe('a document typed in Word', () => {
  it('conforms: sizes and fonts come from the Normal style over the theme defaults, the header is a table, the rules drawn lines', () => {
    const r = check(wordTypedDocx());
    expect(r.departures).toEqual([]);
    expect(r).toMatchObject({ style: 'state', styleSource: 'detected', kind: 'document' });
  });

  it('reads its effective properties: the Normal style in 12 pt makes every body paragraph 12 pt; the theme font shows where Normal names none', () => {
    const d = check(wordTypedDocx({ normalSize: 24 })).departures;
    expect(d.filter((x) => x.rule === 'body.size').map((x) => x.measured)).toEqual(['12 pt', '12 pt', '12 pt', '12 pt', '12 pt']);
    const doc = readFormat(wordTypedDocx(), 'typed.docx');
    const runs = doc.sections[0].blocks.flatMap((b) => (b.kind === 'p' ? b.runs : []));
    expect(new Set(runs.map((r) => r.font))).toEqual(new Set(['Times New Roman']));
    expect(new Set(runs.map((r) => r.size))).toEqual(new Set([14]));
  });

  it('a rule drawn as the name’s bottom border is as wide as its column: too long', () => {
    const d = check(wordTypedDocx({ nameBorder: true })).departures;
    expect(d).toEqual([expect.objectContaining({ rule: 'header.nameRule', measured: expect.stringMatching(/^65 mm \(1\d\d%\)$/), expected: expect.stringMatching(/^@ruleOf:4\d\.\d mm$/) })]);
  });

  it('reports a typed date without its zero and a basis line ending with ","', () => {
    const d = check(wordTypedDocx({ date: '5 tháng 9', basisMark: ',' })).departures;
    expect(d).toEqual([
      expect.objectContaining({ rule: 'header.datePadding', measured: '“ngày 5 tháng 9”', expected: '“ngày 05 tháng 9”' }),
      expect.objectContaining({ rule: 'basis.ending', expected: '“…;”' }),
    ]);
  });
});

describe('reading XML safely', () => {
  it('refuses a document type declaration (no entity is ever expanded)', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:t>&e;</w:t>')).toThrow(XmlError);
    expect(parseXml('<w:t a="1 &gt; 0">&amp;&#x1EA1;&lt;</w:t>')).toEqual({ name: 'w:t', attrs: { a: '1 > 0' }, children: ['&ạ<'] });
  });

  it('a .docx with one is unreadable (exit 3), as is a file that is not a zip', async () => {
    const bytes = withPart(await decisionDocx(), DOC, (x) => x.replace('<w:document', '<!DOCTYPE w:document [<!ENTITY x "y">]><w:document'));
    expect(() => readFormat(bytes, 'x.docx')).toThrow(expect.objectContaining({ key: 'format.unreadable' }));
    expect(() => readFormat(new TextEncoder().encode('Mã,Họ và tên\n'), 'x.csv')).toThrow(expect.objectContaining({ key: 'format.unreadable' }));
  });
});

describe('the printed pages', () => {
  const pagesOf = async () => {
    const doc = readFormat(await decisionDocx(), 'x.docx');
    const text = doc.sections.flatMap((s) => s.blocks).map((b) => (b.kind === 'p' ? b.text : b.rows.map((r) => r.cells.map((c) => c.blocks.map((x) => (x.kind === 'p' ? x.text : '')).join('\n')).join('\n')).join('\n')));
    return { doc, text };
  };

  it('as printed in full: no departure', async () => {
    const { doc, text } = await pagesOf();
    const cut = text.findIndex((t) => t === 'DANH SÁCH');
    expect(checkPrinted(doc, [text.slice(0, cut).join('\n'), `2\n${text.slice(cut).join('\n')}`])).toEqual([]);
  });

  it('a blank page, a number on page 1, a lost row, a heading broken inside a word', async () => {
    const { doc, text } = await pagesOf();
    const cut = text.findIndex((t) => t === 'DANH SÁCH');
    const list = text.slice(cut).join('\n').replace('STT', 'ST\nT').replace(/\n3\nNguyễn Văn An 3\nKhoa Lý luận cơ sở\n710\.000/, '');
    const d = checkPrinted(doc, [`1\n${text.slice(0, cut).join('\n')}`, '2', `3\n${list}`]);
    expect(d).toEqual(
      expect.arrayContaining([
        { rule: 'printed.pageNumber', where: { page: 1 }, measured: '@numberShown:1', expected: '@noNumber', printed: true },
        { rule: 'printed.blankPage', where: { page: 2 }, measured: '@blankPage', expected: '@noBlankPage', printed: true },
        expect.objectContaining({ rule: 'printed.headingBroken', measured: '@brokenWord:STT', where: expect.objectContaining({ row: 1 }) }),
        expect.objectContaining({ rule: 'printed.textLost', where: expect.objectContaining({ row: 4, excerpt: expect.stringContaining('Nguyễn Văn An 3') }) }),
      ]),
    );
  });

  it('a title leaving its year alone on the last line', async () => {
    const { doc, text } = await pagesOf();
    const printed = text.join('\n').replace('“Lao động tiên tiến” năm 2025\n', '“Lao động tiên tiến” năm\n2025\n');
    expect(checkPrinted(doc, [printed])).toContainEqual(expect.objectContaining({ rule: 'printed.loneYear', measured: '“2025”' }));
  });
});

it('every rule has a name in both languages', () => {
  for (const id of RULE_IDS) {
    expect(vi).toHaveProperty([`format.rule.${id}`]);
    expect(en).toHaveProperty([`format.rule.${id}`]);
  }
});
