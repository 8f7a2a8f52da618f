/** A guard shared by imports: the optional name column must name the person or unit the code names. */
import type { Detail } from '../../domain/errors.js';
import { fold } from '../../domain/names.js';

/**
 * The problem with a row whose name cell (when there is one) is not the name of the code it gives,
 * ignoring case and diacritics: the rows of the file may be shifted against their codes. Null when
 * the cell is empty or matches.
 */
export function nameMismatch(inFile: string | undefined, subject: { code: string; name: string }, line: number): Detail | null {
  if (!inFile || fold(inFile) === fold(subject.name)) return null;
  return { line, key: 'import.nameDiffers', params: { code: subject.code, inFile, name: subject.name } };
}
