/**
 * The last guard before a Word package leaves the program: every XML part is well formed (XML 1.0:
 * one root, tags nested and closed, attributes quoted, entities known, no character XML forbids). A
 * part that is not would make Word refuse the whole file ("unreadable content"), and a document once
 * numbered would be re-rendered broken for ever; the program says so instead of writing it.
 */
import { DatabaseError } from '../../domain/errors.js';

/** Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ATTRIBUTES = /^(?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos));/y;

function allowedCodePoint(n: number): boolean {
  return n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/** Character data and attribute values: every `&` starts a known entity or an allowed character. */
function referencesProblem(text: string, at: number): string | null {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const m = REFERENCE.exec(text);
    if (!m) return `a bare "&" at ${at + i}`;
    const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : null;
    if (code !== null && !allowedCodePoint(code)) return `a reference to U+${code.toString(16).toUpperCase()} at ${at + i}`;
  }
  return null;
}

/** Why `xml` is not a well-formed XML document, or null when it is. */
export function xmlProblem(xml: string): string | null {
  const bad = FORBIDDEN.exec(xml);
  if (bad) return `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`;
  const open: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes('>') && /]]>/.test(text)) return `"]]>" in text at ${i}`;
    if (open.length === 0 && text.trim() !== '' && !(i === 0 && text === '\ufeff')) return `text outside the root at ${i}`;
    const ref = referencesProblem(text, i);
    if (ref) return ref;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return `an unclosed declaration at ${lt}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return `an unclosed comment at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0 || open.length === 0) return `a misplaced CDATA section at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      return `a document type declaration at ${lt}`;
    } else {
      const gt = xml.indexOf('>', lt + 1);
      if (gt < 0) return `an unclosed tag at ${lt}`;
      const body = xml.slice(lt + 1, gt);
      if (body.startsWith('/')) {
        const name = body.slice(1).trim();
        if (open.pop() !== name) return `a closing </${name}> that closes nothing open at ${lt}`;
      } else {
        const empty = body.endsWith('/');
        const inner = empty ? body.slice(0, -1) : body;
        const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
        if (!NAME.test(name)) return `a tag without a name at ${lt}`;
        const attributes = inner.slice(name.length);
        if (!ATTRIBUTES.test(attributes)) return `attributes that are not quoted pairs in <${name}> at ${lt}`;
        const ref = referencesProblem(attributes, lt);
        if (ref) return ref;
        if (open.length === 0 && ++roots > 1) return `a second root <${name}> at ${lt}`;
        if (!empty) open.push(name);
      }
      i = gt + 1;
    }
  }
  if (open.length > 0) return `<${open[open.length - 1]}> never closed`;
  if (roots === 0) return 'no root element';
  return null;
}

/** Throws (exit 6) when a part of a Word package is not well-formed XML: nothing is written. */
export function assertWellFormedParts(parts: Record<string, Uint8Array>): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let problem: string | null;
    try {
      problem = xmlProblem(decoder.decode(data));
    } catch {
      problem = 'bytes that are not UTF-8';
    }
    if (problem) throw new DatabaseError('document.notWellFormed', { part: name, problem });
  }
}
