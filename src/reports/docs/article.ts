/** The website article about an exemplar as a Word document: the same words as the Markdown, no header block. */
import type { Block, DocIdentity, DocModel } from '../../domain/documents.js';
import type { Article } from '../exemplar-article.js';

export function articleModel(a: Article, identity: DocIdentity, date: string): DocModel {
  const blocks: Block[] = [{ type: 'paragraph', runs: [{ text: a.title, bold: true, size: 16 }], align: 'center', spaceAfter: 240 }];
  for (const b of a.blocks) {
    if (b.kind === 'paragraph') blocks.push({ type: 'paragraph', runs: [{ text: b.text }], align: 'justify', indent: true });
    else if (b.kind === 'heading') blocks.push({ type: 'paragraph', runs: [{ text: b.text, bold: true }], align: 'left', keepNext: true });
    else for (const item of b.items) blocks.push({ type: 'paragraph', runs: [{ text: `– ${item}` }], align: 'justify', indent: true, spaceAfter: 60 });
  }
  blocks.push({ type: 'paragraph', runs: [{ text: identity.fullName, italic: true }], align: 'right' });
  return { type: 'article', identity, date, number: null, title: a.title, orientation: 'portrait', header: false, blocks };
}
