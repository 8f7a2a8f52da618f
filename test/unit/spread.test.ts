import { describe, expect, it } from 'vitest';
import { ledLines, SPREAD_CHANNEL_ALIASES } from '../../src/domain/spread.js';
import { parseChoice } from '../../src/domain/fields.js';
import { articleMarkdown } from '../../src/render/markdown.js';

describe('ledLines: upper case the Vietnamese way, broken between words', () => {
  it.each([
    ['điển hình tiên tiến', 40, ['ĐIỂN HÌNH TIÊN TIẾN'], []],
    ['điển hình tiên tiến', 10, ['ĐIỂN HÌNH', 'TIÊN TIẾN'], []],
    // exactly the width fits; one more character does not
    ['abcde fghij', 11, ['ABCDE FGHIJ'], []],
    ['abcde fghij', 10, ['ABCDE', 'FGHIJ'], []],
    // a word longer than the width: alone on its line, uncut
    ['ở trường Nguyễn Văn Trỗi', 5, ['Ở', 'TRƯỜNG', 'NGUYỄN', 'VĂN', 'TRỖI'], ['TRƯỜNG', 'NGUYỄN']],
    ['  nhiều   khoảng\ttrắng  ', 40, ['NHIỀU KHOẢNG TRẮNG'], []],
    ['', 40, [], []],
    // decomposed input (a Windows keyboard) counts as the composed letters
    ['Thu\u0309y', 4, ['THỦY'], []],
  ])('%j at %i', (text, width, lines, overlong) => {
    expect(ledLines(text, width)).toEqual({ lines, overlong });
  });
});

describe('channels as clerks type them', () => {
  it.each([
    ['website', 'website'], ['Trang thông tin điện tử', 'website'], ['LED', 'led'], ['bảng LED', 'led'], ['hội nghị', 'meeting'],
    ['Ngày Pháp luật', 'legal-day'], ['legal-day', 'legal-day'], ['Khối thi đua số 1', 'bloc'], ['cụm thi đua', 'cluster'], ['giao lưu', 'exchange'],
  ])('%j → %s', (raw, channel) => {
    expect(parseChoice('spreadChannel', raw, SPREAD_CHANNEL_ALIASES, '')).toEqual({ ok: true, value: channel });
  });
});

describe('articleMarkdown', () => {
  it('renders title, headings, lists and paragraphs, escaping what Markdown would read as markup', () => {
    const md = articleMarkdown({
      title: 'Gương *sáng*',
      blocks: [{ kind: 'paragraph', text: '1. Đứng đầu [khoa]' }, { kind: 'heading', text: 'Thành tích' }, { kind: 'list', items: ['a_b', '# c'] }],
    });
    expect(md).toBe('# Gương \\*sáng\\*\n\n1\\. Đứng đầu \\[khoa\\]\n\n## Thành tích\n\n- a\\_b\n- \\# c\n');
  });
});
