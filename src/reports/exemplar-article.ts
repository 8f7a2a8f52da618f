/**
 * The website article about one exemplar (nhân rộng on the school's website), as plain data: a title
 * and blocks of text. Renderers turn it into Markdown now and into .docx later; they add no words.
 * The article is always in Vietnamese, like every document.
 */
import { formatVnDate } from '../domain/dates.js';

export type ArticleBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] };

export interface Article {
  title: string;
  blocks: ArticleBlock[];
}

export interface ArticleSubject {
  code: string;
  kind: 'person' | 'unit';
  name: string;
  /** A person's position (chức vụ); null when none or for a unit. */
  position: string | null;
  /** A person's unit; null for a unit. */
  unitName: string | null;
  /** The summary of the exemplar's dossier; null when there is none. */
  summary: string | null;
  /** True when voted an exemplar (DHTT passed or recognised) that year; false for a subject only spread. */
  exemplar: boolean;
  achievements: { date: string; text: string }[];
  /** Initiatives recognised and research topics accepted in the year. */
  works: { code: string; kind: 'initiative' | 'research'; title: string }[];
}

function who(s: ArticleSubject): string {
  if (s.kind === 'unit') return s.name;
  const role = [s.position, s.unitName].filter(Boolean).join(', ');
  return role ? `${s.name} (${role})` : s.name;
}

/** The article for one subject and year. */
export function exemplarArticle(s: ArticleSubject, year: number): Article {
  const blocks: ArticleBlock[] = [];
  const lead = s.exemplar
    ? `${who(s)} được Hội đồng Thi đua – Khen thưởng Trường bình chọn là điển hình tiên tiến năm ${year}.`
    : `${who(s)} là gương người tốt, việc tốt được Trường nhân rộng trong năm ${year}.`;
  blocks.push({ kind: 'paragraph', text: lead });
  if (s.summary) blocks.push({ kind: 'paragraph', text: s.summary });
  if (s.achievements.length > 0) {
    blocks.push({ kind: 'heading', text: `Thành tích nổi bật năm ${year}` });
    blocks.push({ kind: 'list', items: s.achievements.map((a) => `${formatVnDate(a.date)}: ${a.text}`) });
  }
  if (s.works.length > 0) {
    blocks.push({ kind: 'heading', text: 'Sáng kiến, đề tài được công nhận' });
    blocks.push({ kind: 'list', items: s.works.map((w) => `${w.title} (${w.kind === 'research' ? 'đề tài' : 'sáng kiến'} ${w.code})`) });
  }
  blocks.push({
    kind: 'paragraph',
    text: s.kind === 'unit'
      ? `Nhà trường đề nghị các khoa, phòng học tập, làm theo cách làm hay của ${s.name}.`
      : `Nhà trường đề nghị cán bộ, viên chức, người lao động học tập, làm theo tấm gương của đồng chí ${s.name}.`,
  });
  const kind = s.exemplar ? 'Điển hình tiên tiến' : 'Gương điển hình';
  return { title: `${kind} năm ${year}: ${s.name}`, blocks };
}

/** What the LED screen shows of one subject, before it is broken into lines: one message a block. */
export function ledMessages(s: ArticleSubject, year: number): string[] {
  const head = s.exemplar ? `Chúc mừng ${s.name} – điển hình tiên tiến năm ${year}` : `Học tập gương ${s.name} – năm ${year}`;
  return [head, ...s.achievements.slice(0, 3).map((a) => a.text), ...s.works.map((w) => `${w.kind === 'research' ? 'Đề tài' : 'Sáng kiến'}: ${w.title}`)];
}
