/**
 * Packs a Word document reproducibly: the same model gives the same bytes. docx stamps the package
 * with the moment it is packed (core properties and zip entry times); both are set to the document's
 * own date instead, and the entries are written again in the same order with fixed times.
 */
import { Packer, type Document } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { assertWellFormedParts } from './wellformed.js';

/** The stamp written for a document dated `iso` (noon UTC, so no time zone moves it to another day). */
function stamp(iso: string): string {
  return `${iso}T12:00:00Z`;
}

const decode = (u: Uint8Array) => new TextDecoder().decode(u);

/**
 * docx names some relationships with random ids (charts and their workbooks: `rIdn8nufskvu…`) and
 * numbers drawings with a counter that runs on across documents in one process (`wp:docPr id`). Both
 * are renamed in the order they appear, parts taken by name, so the same model packs to the same bytes.
 */
function renumber(entries: Record<string, Uint8Array>): void {
  const names = Object.keys(entries).filter((n) => /\.(xml|rels)$/.test(n)).sort();
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const name of names) {
    const text = decode(entries[name]);
    for (const m of text.matchAll(/rId[A-Za-z0-9_-]{12,}(?=")/g)) if (!ids.has(m[0])) ids.set(m[0], `rIdR${ids.size + 1}`);
    texts.set(name, text);
  }
  for (const [name, text] of texts) {
    let out = ids.size > 0 ? text.replace(/rId[A-Za-z0-9_-]{12,}(?=")/g, (id) => ids.get(id) ?? id) : text;
    let drawing = 0;
    out = out.replace(/(<wp:docPr id=")\d+(")/g, (_m, a: string, b: string) => `${a}${++drawing}${b}`);
    if (out !== text) entries[name] = new TextEncoder().encode(out);
  }
}

function stampCore(xml: Uint8Array, isoDate: string): Uint8Array {
  return new TextEncoder().encode(
    decode(xml).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _n: string, close: string) => `${open}${stamp(isoDate)}${close}`),
  );
}

function repack(zip: Uint8Array, isoDate: string, mtime: Date): Uint8Array {
  const inner: Record<string, Uint8Array> = unzipSync(zip);
  if (inner['docProps/core.xml']) inner['docProps/core.xml'] = stampCore(inner['docProps/core.xml'], isoDate);
  const z: Zippable = {};
  for (const name of Object.keys(inner).sort()) z[name] = [inner[name], { mtime, level: 6 }];
  return zipSync(z, { mtime });
}

/** docx's own compiler: the package's parts before docx zips them (`Packer.pack` zips what it returns). */
type PartCompiler = { compile(doc: Document, prettify?: undefined, overrides?: never[]): Map<string, string | Uint8Array> };

/**
 * The parts are taken from docx before it zips them and zipped once, stamped: zipping them in docx
 * and unzipping them again here cost a third of a batch of certificates. The same parts in the same
 * order give the same bytes as `stampPackage(Packer.toBuffer(doc))`, which serves if docx ever stops
 * exposing its compiler.
 */
export async function packDocument(doc: Document, isoDate: string): Promise<Buffer> {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') return stampPackage(new Uint8Array(await Packer.toBuffer(doc)), isoDate);
  const encoder = new TextEncoder();
  const entries: Record<string, Uint8Array> = {};
  // As docx zips them: a part named twice keeps its first place and its last data.
  for (const [name, data] of compiler.compile(doc)) entries[name] = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return packEntries(entries, isoDate);
}

/**
 * Any Word package (a patched template too) stamped with the document's date: the core dates, the
 * random ids renumbered, a chart's workbook packed the same way, entries at fixed times.
 */
export function stampPackage(raw: Uint8Array, isoDate: string): Buffer {
  return packEntries(unzipSync(raw), isoDate);
}

/** A package's parts (by name) checked, stamped and zipped as stampPackage does (merge.ts joins parts itself). */
export function packEntries(entries: Record<string, Uint8Array>, isoDate: string): Buffer {
  assertWellFormedParts(entries);
  if (entries['docProps/core.xml']) entries['docProps/core.xml'] = stampCore(entries['docProps/core.xml'], isoDate);
  renumber(entries);
  const [y, m, d] = isoDate.split('-').map(Number);
  // Zip times are local: a local noon writes the same fields on every machine, whatever its time zone.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  // A chart's workbook is itself a zip stamped with the moment it was made: pack it the same way.
  for (const name of Object.keys(entries).filter((n) => n.endsWith('.xlsx'))) entries[name] = repack(entries[name], isoDate, mtime);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(zippable, { mtime }));
}
