/** The annual report's --notes file (reports/notes.ts): headings matched loosely, everything else refused by name. */
import { describe, expect, it } from 'vitest';
import { notesHeadings, parseNotes } from '../../src/reports/notes.js';

const ALL = '## Ưu điểm\nA.\n\n## Hạn chế\nB.\n\n## Nguyên nhân\nC.\n\n## Phương hướng năm 2026\nD.\n';
const keys = (r: ReturnType<typeof parseNotes>) => r.problems.map((p) => p.key);

describe('parseNotes', () => {
  it.each([
    ['the documented headings', ALL],
    ['without diacritics, in capitals, numbered, with a colon', '## 1. UU DIEM:\nA.\n## II. han che\nB.\n## 3) Nguyen Nhan\nC.\n## Phuong huong\nD.\n'],
    ['decomposed Unicode and CRLF', ALL.normalize('NFD').replace(/\n/g, '\r\n')],
    ['a title line and a BOM first', `\uFEFF# Đánh giá năm 2025\n\n${ALL}`],
  ])('reads %s', (_name, text) => {
    const r = parseNotes(text, 2025);
    expect(r.problems).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.notes).toEqual({ strengths: ['A.'], shortcomings: ['B.'], causes: ['C.'], direction: ['D.'] });
  });

  it('joins the lines of a paragraph, keeps list items apart, drops emphasis marks and control characters', () => {
    const r = parseNotes('## Ưu điểm\nMột dòng\nnối tiếp **đậm**.\n\n- mục một\n* mục hai\n1. Ý thứ nhất\n2. Ý thứ hai\u0007\n', 2025);
    expect(r.notes.strengths).toEqual(['Một dòng nối tiếp đậm.', '- mục một', '- mục hai', '1. Ý thứ nhất', '2. Ý thứ hai']);
  });

  it.each([
    ['an unknown heading', `${ALL}## Kiến nghị\nE.\n`, ['notes.unknown']],
    ['a heading twice', `${ALL}## uu diem\nE.\n`, ['notes.duplicate']],
    ['text before the first section', `Mở đầu.\n${ALL}`, ['notes.outside']],
    ['another year\'s direction', ALL.replace('năm 2026', 'năm 2027'), ['notes.wrongYear']],
  ])('names %s', (_name, text, expected) => {
    expect(keys(parseNotes(text, 2025))).toEqual(expected);
  });

  it('counts an empty section as missing', () => {
    const r = parseNotes('## Ưu điểm\nA.\n## Hạn chế\n\n## Phương hướng năm 2026\nD.\n', 2025);
    expect(r.missing).toEqual(['shortcomings', 'causes']);
    expect(notesHeadings(2025)).toBe('## Ưu điểm, ## Hạn chế, ## Nguyên nhân, ## Phương hướng năm 2026');
  });
});
