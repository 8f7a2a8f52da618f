/**
 * Packs a Word document reproducibly: the same model gives the same bytes. docx stamps the package
 * with the moment it is packed (core properties and zip entry times); both are set to the document's
 * own date instead, and the entries are written again in the same order with fixed times.
 */
import { Packer, type Document } from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The stamp written for a document dated `iso` (noon UTC, so no time zone moves it to another day). */
function stamp(iso: string): string {
  return `${iso}T12:00:00Z`;
}

export async function packDocument(doc: Document, isoDate: string): Promise<Buffer> {
  return stampPackage(new Uint8Array(await Packer.toBuffer(doc)), isoDate);
}

/** Any Word package (a patched template too) stamped with the document's date, entries in a fixed order. */
export function stampPackage(raw: Uint8Array, isoDate: string): Buffer {
  const entries = unzipSync(raw);
  const core = entries['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_m, open: string, _n: string, close: string) => `${open}${stamp(isoDate)}${close}`,
    );
    entries['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  // Zip times are local: a local noon writes the same fields on every machine, whatever its time zone.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(zippable, { mtime }));
}
