/**
 * Every kind of document the program writes, in both header styles, passes `document check` and is
 * read back as printed. One demo per style (the demo writes every document) is run once for the whole
 * file: the decisions and their attached lists, the initiative decision, certificates of each kind and
 * their print file, ballot papers, counting minutes, quarterly notices, the proposal to the province,
 * the annual report with its charts, the period, quarterly, progress and benefits reports, the website
 * article. The printed read-back needs LibreOffice (soffice) and poppler (pdftotext); without them it
 * is skipped, saying so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDemo } from '../helpers/shared-demo.js';
import { readFormat } from '../../src/render/docx/read.js';
import { checkFormat, type Departure } from '../../src/domain/format/check.js';
import { checkPrinted } from '../../src/domain/format/printed.js';
import type { FormatDoc } from '../../src/domain/format/model.js';
import { findPrintTools, printedPages } from '../../src/services/printed.js';

const STYLES = ['state', 'party'] as const;
type Style = (typeof STYLES)[number];

const tools = findPrintTools(process.env);
const printing = !('missing' in tools);
if (!printing) console.warn(`documents-format: printed read-back skipped: ${'missing' in tools ? tools.missing.join(', ') : ''} not installed`);

/** The kinds of document, by the demo's file names. */
const KINDS: [string, RegExp][] = [
  ['recognition decision and its list', /^quyet-dinh-cong-nhan-(LDTT|CSTDCS|TTLDTT|TTLDXS|DHTT)-2025\.docx$/],
  ['initiative decision and its list', /^quyet-dinh-cong-nhan-sang-kien-2025\.docx$/],
  ['exemplar certificate', /^giay-chung-nhan\/GCN-DHTT-/],
  ['emulation fighter certificate', /^giay-chung-nhan\/GCN-CSTDCS-/],
  ['initiative certificate', /^giay-chung-nhan\/GCN-SK-/],
  ['research topic certificate', /^giay-chung-nhan\/GCN-DT-/],
  ['certificates print file', /^giay-chung-nhan\/GCN-2025-in-chung\.docx$/],
  ['ballot paper', /^phieu-bieu-quyet-/],
  ['counting minutes', /^bien-ban-kiem-phieu-/],
  ['quarterly notice', /^tuyen-duong-2025-Q\d\.docx$/],
  ['province proposal', /^to-trinh-tinh-2025\.docx$/],
  ['annual report with charts', /^bao-cao-nam-2025\.docx$/],
  ['period report', /^bao-cao-giai-doan-2021-2025\.docx$/],
  ['quarterly report', /^bao-cao-quy-2025-Q4\.docx$/],
  ['progress report', /^tien-do-2025-11\.docx$/],
  ['benefits report', /^quyen-loi-2025\.docx$/],
  ['website article', /^nhan-rong\/dien-hinh-2025-VC\d+\.docx$/],
];

interface Demo {
  dir: string;
  files: string[];
  docs: Map<string, FormatDoc>;
  pages?: Map<string, string[]>;
}
const demos = new Map<Style, Demo>();

const docxUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f)).sort();

const show = (file: string, d: Departure[]) => d.map((x) => `${file}: ${x.rule} ${JSON.stringify(x.where)} ${x.measured} → ${x.expected}`);

beforeAll(async () => {
  for (const style of STYLES) {
    // The demo the whole run shares (built once by the program in this style): read only.
    const { dir } = await sharedDemo(style);
    const files = docxUnder(dir);
    const docs = new Map(files.map((f) => [f, readFormat(readFileSync(f), f)]));
    const demo: Demo = { dir, files, docs };
    if (!('missing' in tools)) {
      const pages = await printedPages(tools, files);
      demo.pages = new Map(files.map((f, i) => [f, pages[i]]));
    }
    demos.set(style, demo);
  }
}, 600_000);

describe.each(STYLES)('the demo’s documents in the %s style', (style) => {
  it('cover every kind of document the program writes', () => {
    const { dir, files } = demos.get(style)!;
    const names = files.map((f) => relative(dir, f));
    for (const [kind, re] of KINDS) expect(names.filter((n) => re.test(n)), kind).not.toEqual([]);
  });

  it('each passes the format check, in its style given and as detected from its header', () => {
    const { dir, docs } = demos.get(style)!;
    const problems: string[] = [];
    for (const [file, doc] of docs) {
      const given = checkFormat(doc, { style });
      problems.push(...show(relative(dir, file), given.departures));
      const detected = checkFormat(doc);
      if (given.kind !== 'plain') expect(detected.style, file).toBe(style);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!printing)('as printed: no blank page, page numbers from page 2, every table row and word on paper, no year alone', () => {
    const { dir, docs, pages } = demos.get(style)!;
    const problems: string[] = [];
    for (const [file, doc] of docs) {
      const printed = pages!.get(file)!;
      problems.push(...show(relative(dir, file), [...checkPrinted(doc, printed), ...checkFormat(doc, { style, pages: printed.length }).departures]));
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!printing)('issue 13 as printed: the DHTT decision has no empty page 2, section V keeps its 45 rows, "STT" is whole', () => {
    const { dir, pages } = demos.get(style)!;
    const text = (name: string) => pages!.get(join(dir, name))!;
    const dhtt = text('quyet-dinh-cong-nhan-DHTT-2025.docx');
    expect(dhtt.every((p) => p.replace(/^\s*\d+\s*$/m, '').trim() !== '')).toBe(true);
    // The attached list starts a page of its own, headed as an appendix.
    const list = dhtt.findIndex((p) => p.includes('DANH SÁCH'));
    expect(list).toBeGreaterThan(0);
    expect(dhtt[list]).toMatch(/\(Kèm theo Quyết định số 04[/-]QĐ[-/]TCT ngày 20 tháng 12 năm\s+2025/);
    // Section V of the annual report: one row per nomination of the year, all on paper.
    const annual = text('bao-cao-nam-2025.docx').join('\n');
    const v = annual.slice(annual.indexOf('V. Đề nghị'), annual.indexOf('VI. Danh hiệu'));
    expect(v.match(/\d\/9|Trả lại/g)?.length ?? 0).toBeGreaterThanOrEqual(45);
    const minutes = text('bien-ban-kiem-phieu-LDTT-2025.docx').join('\n');
    expect(minutes.split(/\s+/).filter((w) => w === 'STT').length).toBeGreaterThanOrEqual(2);
    expect(minutes).not.toMatch(/^\s*(năm\s+)?2025\s*$/m);
  });

  it('issue 13 in the file: landscape pages keep Decree 30’s margins; rules 1/3–1/2 of their line; the party forms', () => {
    const { dir, docs } = demos.get(style)!;
    const certificate = [...docs].find(([f]) => /GCN-DHTT-/.test(f))![1];
    expect(certificate.sections[0].page.landscape).toBe(true);
    expect(Math.round(certificate.sections[0].margins.left / 56.7)).toBe(30);
    const decision = docs.get(join(dir, 'quyet-dinh-cong-nhan-DHTT-2025.docx'))!;
    const paras = decision.sections[0].blocks.filter((b) => b.kind === 'p');
    const kind = paras.find((p) => p.kind === 'p' && p.text === 'QUYẾT ĐỊNH')!;
    expect(kind.kind === 'p' && kind.runs[0].size).toBe(style === 'party' ? 15 : 14);
    const summary = paras[paras.indexOf(kind) + 1];
    expect(summary.kind === 'p' && summary.text).toMatch(style === 'party' ? /^về việc công nhận/ : /^Về việc công nhận/);
    const under = paras[paras.indexOf(kind) + 2];
    if (style === 'party') expect(under.kind === 'p' && under.text).toBe('-----');
    else expect(under.kind === 'p' && under.borderBottom).toBe(true);
  });
});
