/**
 * One print file from Word packages already written (the certificates of a batch), joined at the zip
 * level: each package's body becomes a section of the first one's, its headers (a draft's mark) and
 * their relationships carried along under new names. Only the text of one body is held at a time
 * beside the growing result, never a document tree per certificate, so the memory a batch needs does
 * not grow with the number of certificates the way building one document of every model did.
 *
 * The packages must come from the same renderer (same styles, numbering, settings and theme): those
 * parts are taken from the first.
 */
import { unzipSync } from 'fflate';
import { packEntries } from './pack.js';

const decode = (u: Uint8Array) => new TextDecoder().decode(u);
const encode = (s: string) => new TextEncoder().encode(s);
/** Relationships every package shares (taken from the first); any other (headers, footers, images) is carried per section. */
const SHARED = /\/(styles|numbering|footnotes|endnotes|settings|theme|fontTable)$/;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\s([^>]*?)\/?>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type'), target: attr('Target') };
  });
}

/** The body of document.xml split into its content and its closing section properties. */
function bodyParts(xml: string): { content: string; sectPr: string } {
  const open = /<w:body>/.exec(xml);
  const close = xml.lastIndexOf('</w:body>');
  const last = xml.lastIndexOf('<w:sectPr');
  if (!open || close < 0 || last < 0 || last > close) throw new Error('mergeDocx: a package without a body and its section properties');
  return { content: xml.slice(open.index + open[0].length, last), sectPr: xml.slice(last, close) };
}

/**
 * A section's content followed by its properties, as docx writes a section that is not the last: in
 * its last paragraph's properties when it ends with a paragraph, else in a paragraph of their own.
 */
function closeSection(content: string, sectPr: string): string {
  if (content.endsWith('</w:p>')) {
    const start = Math.max(content.lastIndexOf('<w:p>'), content.lastIndexOf('<w:p '));
    const para = content.slice(start);
    // Paragraphs do not nest (text boxes aside, which these documents do not draw): `para` is the last one.
    if (start >= 0 && !para.slice(1).includes('<w:p>') && !para.slice(1).includes('<w:p ')) {
      const pPrEnd = para.indexOf('</w:pPr>');
      const firstRun = para.search(/<w:(r|hyperlink|bookmarkStart)[ >]/);
      const edited = pPrEnd >= 0 && (firstRun < 0 || pPrEnd < firstRun)
        ? `${para.slice(0, pPrEnd)}${sectPr}${para.slice(pPrEnd)}`
        : para.replace(/^<w:p( [^>]*)?>/, (open) => `${open}<w:pPr>${sectPr}</w:pPr>`);
      return content.slice(0, start) + edited;
    }
  }
  return `${content}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Joins Word packages (each read once, in order, from `packages`) into one document of their sections,
 * stamped with `isoDate` like any other (pack.ts).
 */
export function mergeDocx(packages: Iterable<Uint8Array>, isoDate: string): Buffer {
  let base: Record<string, Uint8Array> | null = null;
  let head = '';
  const body: string[] = [];
  let pendingSectPr: string | null = null;
  const extraRels: string[] = [];
  const extraTypes: string[] = [];
  const extraParts: Record<string, Uint8Array> = {};
  let index = 0;
  for (const pkg of packages) {
    index++;
    const entries = unzipSync(pkg);
    const xml = decode(entries['word/document.xml']);
    if (base === null) {
      base = entries;
      head = xml.slice(0, /<w:body>/.exec(xml)!.index) + '<w:body>';
    }
    let { content, sectPr } = bodyParts(xml);
    // Parts of this package's own (headers, footers, their images): copied under names of the section's.
    const rels = relationships(decode(entries['word/_rels/document.xml.rels']));
    const types = decode(entries['[Content_Types].xml']);
    for (const rel of rels.filter((r) => !SHARED.test(r.type))) {
      const id = `rIdM${index}x${rel.id.replace(/[^A-Za-z0-9]/g, '')}`;
      const target = rel.target.replace(/^(.*?)([^/]+)$/, (_m, dir: string, file: string) => `${dir}s${index}-${file}`);
      const idRe = new RegExp(`(r:(?:id|embed)=")${escapeRegExp(rel.id)}(")`, 'g');
      content = content.replace(idRe, `$1${id}$2`);
      sectPr = sectPr.replace(idRe, `$1${id}$2`);
      extraRels.push(`<Relationship Id="${id}" Type="${rel.type}" Target="${target}"/>`);
      const from = `word/${rel.target}`;
      if (entries[from]) extraParts[`word/${target}`] = entries[from];
      const override = new RegExp(`<Override [^>]*PartName="/${escapeRegExp(from)}"[^>]*/>`).exec(types);
      if (override) extraTypes.push(override[0].replace(`PartName="/${from}"`, `PartName="/word/${target}"`));
      // A header's own relationships (an image in it) travel with it.
      const partRels = from.replace(/([^/]+)$/, '_rels/$1.rels');
      if (entries[partRels]) extraParts[`word/${target.replace(/([^/]+)$/, '_rels/$1.rels')}`] = entries[partRels];
    }
    if (pendingSectPr !== null) body.push(closeSection(body.pop()!, pendingSectPr));
    body.push(content);
    pendingSectPr = sectPr;
  }
  if (base === null || pendingSectPr === null) throw new Error('mergeDocx: no document');
  body.push(pendingSectPr);
  const baseRels = decode(base['word/_rels/document.xml.rels']);
  const kept = relationships(baseRels).filter((r) => SHARED.test(r.type));
  const relsHead = baseRels.slice(0, baseRels.indexOf('<Relationship '));
  const baseTypes = decode(base['[Content_Types].xml']).replace(/<Override [^>]*PartName="\/word\/(header|footer)\d*\.xml"[^>]*\/>/g, '');
  const replaced: Record<string, Uint8Array> = {
    '[Content_Types].xml': encode(baseTypes.replace('</Types>', `${extraTypes.join('')}</Types>`)),
    'word/_rels/document.xml.rels': encode(`${relsHead}${kept.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}${extraRels.join('')}</Relationships>`),
    'word/document.xml': encode(`${head}${body.join('')}</w:body></w:document>`),
  };
  // The first package's parts in their order; its own headers were carried as section 1's, under their new names.
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(base)) {
    if (/^word\/(_rels\/)?(header|footer)\d*\.xml(\.rels)?$/.test(name)) continue;
    out[name] = replaced[name] ?? data;
  }
  Object.assign(out, extraParts);
  return packEntries(out, isoDate);
}
