/**
 * A one-sheet .xlsx (Office Open XML SpreadsheetML), written directly: text cells as inline strings
 * (typed text: a code like 0012 keeps its zeros, and a value starting with "=" is text, never a
 * formula), numbers as numbers, dates as Excel date serials with a dd/mm/yyyy format. Fixed entry order
 * and times: the same rows give the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import type { SheetCell } from '../domain/province-layout.js';

export interface Sheet {
  name: string;
  columns: { title: string; width?: number }[];
  rows: SheetCell[][];
}

const esc = (s: string) =>
  s
    // Characters XML 1.0 cannot hold are dropped (the hostile-text checks keep them out of the data anyway).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A1-style column letters of a 0-based index. */
export function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Days since 1899-12-30 (Excel's day 0 in the 1900 system, past its 1900 leap-year quirk). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

// Style indexes in styles.xml: 0 normal, 1 header (bold, wrapped, bordered), 2 text, 3 number, 4 date.
function cellXml(ref: string, c: SheetCell): string {
  if (c === null) return `<c r="${ref}" s="2"/>`;
  if ('text' in c) return `<c r="${ref}" s="2" t="inlineStr"><is><t xml:space="preserve">${esc(c.text)}</t></is></c>`;
  if ('number' in c) return `<c r="${ref}" s="3"><v>${c.number}</v></c>`;
  return `<c r="${ref}" s="4"><v>${excelSerial(c.date)}</v></c>`;
}

function sheetXml(s: Sheet): string {
  const cols = s.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.max(10, [...c.title].length + 2)}" customWidth="1"/>`).join('');
  // Wrapped text needs its row tall enough: Excel does not measure on opening, LibreOffice not always.
  const widthOf = (i: number) => s.columns[i]?.width ?? Math.max(10, [...(s.columns[i]?.title ?? '')].length + 2);
  const lines = (text: string, i: number) => Math.max(1, Math.ceil([...text].length / Math.max(1, widthOf(i) - 1)));
  const height = (cells: (string | null)[]) => {
    const n = Math.max(1, ...cells.map((t, i) => (t === null ? 1 : lines(t, i))));
    return n > 1 ? ` ht="${(n * 15.75).toFixed(2)}" customHeight="1"` : '';
  };
  const header = `<row r="1"${height(s.columns.map((c) => c.title))}>${s.columns.map((c, i) => `<c r="${columnName(i)}1" s="1" t="inlineStr"><is><t xml:space="preserve">${esc(c.title)}</t></is></c>`).join('')}</row>`;
  const body = s.rows.map((r, j) => `<row r="${j + 2}"${height(r.map((c) => (c && 'text' in c ? c.text : null)))}>${r.map((c, i) => cellXml(`${columnName(i)}${j + 2}`, c)).join('')}</row>`).join('');
  const last = `${columnName(Math.max(s.columns.length - 1, 0))}${s.rows.length + 1}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${header}${body}</sheetData>` +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function renderXlsx(s: Sheet): Uint8Array {
  const enc = (t: string) => new TextEncoder().encode(t);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      'xl/workbook.xml',
      `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheets><sheet name="${esc(s.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ],
    ['xl/styles.xml', STYLES],
    ['xl/worksheets/sheet1.xml', sheetXml(s)],
  ];
  const mtime = new Date(1980, 0, 1, 12, 0, 0);
  const z: Zippable = {};
  for (const [name, text] of files) z[name] = [enc(text), { mtime, level: 6 }];
  return zipSync(z, { mtime });
}
