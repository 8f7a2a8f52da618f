/**
 * An office's own certificate template, edited in Word, filled with docx's patchDocument: every
 * `{{placeholder}}` is replaced keeping the formatting Word gave it, even when Word split it over
 * several runs; a value of several lines becomes line breaks. The result is stamped like every
 * document (same fields, same bytes).
 */
import { patchDetector, patchDocument, PatchType, TextRun } from 'docx';
import { stampPackage } from './pack.js';

const DELIMITERS = { start: '{{', end: '}}' };

/** The placeholders a template holds, each once. */
export async function templatePlaceholders(template: Uint8Array): Promise<string[]> {
  const found = await patchDetector({ data: template, placeholderDelimiters: DELIMITERS, trimPlaceholders: true });
  return [...new Set(found.map((p) => p.trim()))];
}

function runsOf(value: string): TextRun[] {
  const lines = value.normalize('NFC').split('\n');
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
  return stampPackage(out, isoDate);
}
