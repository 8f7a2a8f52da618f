/**
 * Replication (nhân rộng điển hình tiên tiến, DOMAIN.md "Replicate"): the channels an exemplar is
 * spread through, and the LED screen's lines.
 */
export type SpreadChannel = 'website' | 'led' | 'meeting' | 'legal-day' | 'bloc' | 'cluster' | 'exchange';

/** In the order the plan lists them. */
export const SPREAD_CHANNELS: readonly SpreadChannel[] = ['website', 'led', 'meeting', 'legal-day', 'bloc', 'cluster', 'exchange'];

/** Channels as clerks type them: the code, or Vietnamese words (any case, with or without diacritics). */
export const SPREAD_CHANNEL_ALIASES: Record<string, SpreadChannel> = {
  ...Object.fromEntries(SPREAD_CHANNELS.map((c) => [c, c])),
  web: 'website', 'trang thong tin': 'website', 'trang tin': 'website', 'trang thong tin dien tu': 'website', 'cong thong tin': 'website',
  'bang led': 'led', 'man hinh led': 'led', 'bang dien tu': 'led',
  'hoi nghi': 'meeting', hop: 'meeting', 'cuoc hop': 'meeting', 'hoi nghi can bo': 'meeting',
  'legal day': 'legal-day', 'ngay phap luat': 'legal-day',
  khoi: 'bloc', 'khoi thi dua': 'bloc', 'khoi thi dua so 1': 'bloc',
  cum: 'cluster', 'cum thi dua': 'cluster',
  'giao luu': 'exchange', 'trao doi': 'exchange', 'giao luu hoc tap': 'exchange', 'trao doi kinh nghiem': 'exchange',
};

/** Channels `spread export` writes for. */
export const EXPORT_CHANNELS = ['website', 'led'] as const;
export type ExportChannel = (typeof EXPORT_CHANNELS)[number];

export interface LedLines {
  lines: string[];
  /** Words longer than the width: each stands alone on a line that is longer than the width. */
  overlong: string[];
}

/** Length as the screen counts it: characters (code points of NFC text), not UTF-16 units. */
const width = (s: string) => [...s].length;

/**
 * A text for the LED screen: upper case the Vietnamese way (diacritics kept), broken into lines of at
 * most `lineWidth` characters between words, never inside one. A word longer than the width is not
 * cut: it gets a line of its own (longer than the width) and is reported in `overlong`, so the
 * clerk can shorten it. Runs of spaces count as one.
 */
export function ledLines(text: string, lineWidth: number): LedLines {
  const words = text.normalize('NFC').toLocaleUpperCase('vi').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  const overlong: string[] = [];
  let line = '';
  for (const word of words) {
    if (width(word) > lineWidth) {
      if (line) lines.push(line);
      lines.push(word);
      overlong.push(word);
      line = '';
    } else if (!line) line = word;
    else if (width(line) + 1 + width(word) <= lineWidth) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return { lines, overlong };
}
