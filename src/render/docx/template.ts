/**
 * An office's own certificate template, edited in Word, filled with docx's patchDocument: every
 * `{{placeholder}}` is replaced keeping the formatting Word gave it, even when Word split it over
 * several runs; a value of several lines becomes line breaks. The result is stamped like every
 * document (same fields, same bytes).
 */
import { patchDetector, patchDocument, PatchType, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { stampPackage } from './pack.js';

const DELIMITERS = { start: '{{', end: '}}' };

/** The placeholders a template holds, each once. */
export async function templatePlaceholders(template: Uint8Array): Promise<string[]> {
  const found = await patchDetector({ data: template, placeholderDelimiters: DELIMITERS, trimPlaceholders: true });
  return [...new Set(found.map((p) => p.trim()))];
}

/**
 * Data is never read as a template: docx fills one placeholder after another, so a value holding
 * `{{ten}}` would be filled by a later patch. Its braces travel as U+FDD0 (a noncharacter, refused in
 * every field, so never in data) and are put back once every placeholder is filled.
 */
const BRACE = '\ufdd0';

function runsOf(value: string): TextRun[] {
  const lines = value.normalize('NFC').replaceAll('{', BRACE).split('\n');
  return lines.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined }));
}

/**
 * The template with every placeholder replaced by its field, whatever its case (`{{TEN}}` is `{{ten}}`:
 * the header writes the agency's names in capitals); an unknown one is the caller's to refuse first.
 */
export async function fillTemplate(template: Uint8Array, fields: Record<string, string>, isoDate: string): Promise<Buffer> {
  const found = await templatePlaceholders(template);
  const patches = Object.fromEntries(
    found.filter((k) => fields[k.toLowerCase()] !== undefined).map((k) => [k, { type: PatchType.PARAGRAPH, children: runsOf(fields[k.toLowerCase()]) }]),
  );
  const out = await patchDocument({
    outputType: 'uint8array',
    data: template,
    patches,
    keepOriginalStyles: true,
    placeholderDelimiters: DELIMITERS,
    recursive: true,
    trimPlaceholders: true,
  });
  return stampPackage(restoreBraces(out), isoDate);
}

/** The package with the braces of the values back in every part that holds text. */
function restoreBraces(pkg: Uint8Array): Uint8Array {
  const parts = unzipSync(pkg);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    const text = name.endsWith('.xml') ? strFromU8(data) : null;
    z[name] = text !== null && text.includes(BRACE) ? strToU8(text.replaceAll(BRACE, '{')) : data;
  }
  return zipSync(z);
}
