import { describe, expect, it } from 'vitest';
import { fitColumns, renderTable } from '../../src/render/text.js';

const headers = ['Mã', 'Tên sáng kiến, đề tài', 'Đơn vị'];
const rows = [['SK-2025-001', 'Ứng dụng bài giảng điện tử tương tác trong giảng dạy học phần Xây dựng Đảng', 'Phòng Quản lý đào tạo và Nghiên cứu khoa học']];

describe('tables on a terminal', () => {
  it.each([
    ['fits: unchanged', 200, undefined],
    ['too wide: codes keep their width, the title keeps more room than the unit', 80, [13, 39, 23]],
    ['very narrow: no column below the minimum', 20, [12, 12, 12]],
  ])('%s', (_name, width, expected) => {
    expect(fitColumns(headers, rows, width)).toEqual(expected);
  });

  it('wraps a wide table to the terminal width, keeps every word, adds no colour codes', async () => {
    const text = await renderTable(headers, rows, { color: false, width: 80 });
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const words = text.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').split(/\s+/);
    for (const w of rows[0][1].split(' ')) expect(words).toContain(w);
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('leaves a table unwrapped in a pipe (no width given)', async () => {
    const text = await renderTable(headers, rows, { color: false });
    expect(text).toContain(rows[0][1]);
  });
});
