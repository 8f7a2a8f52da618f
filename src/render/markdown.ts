/** An article (reports/exemplar-article.ts) as Markdown: the title as a level-1 heading. */
import type { Article } from '../reports/exemplar-article.js';

/** Characters Markdown would read as markup at the start of a line or inside text. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ').replace(/^([-+]) /, '\\$1 ');
}

export function articleMarkdown(a: Article): string {
  const out = [`# ${escape(a.title)}`];
  for (const b of a.blocks) {
    if (b.kind === 'paragraph') out.push(escape(b.text));
    else if (b.kind === 'heading') out.push(`## ${escape(b.text)}`);
    else out.push(b.items.map((i) => `- ${escape(i)}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}
