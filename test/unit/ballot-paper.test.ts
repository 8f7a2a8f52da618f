/**
 * The ballot paper and the counting minutes as pure models and as printed pages (issue 13): the
 * nominees called "người", "tập thể" or both as they are, the council as author, and a paper of 16
 * names on ONE page in both header styles (LibreOffice, where it is installed; CI installs it).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ballotPaperModel, councilIdentity, nomineeCount, nomineeNoun, type BallotDocData, type BallotNominee } from '../../src/reports/docs/ballot.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { convertToPdf, findSoffice } from '../../src/services/pdf.js';
import type { DocIdentity } from '../../src/domain/documents.js';
import { readDocx } from '../helpers/docx.js';

const school = (style: 'state' | 'party'): DocIdentity => ({
  style, parentBody: 'TỈNH ỦY BÌNH PHƯỚC', name: 'TRƯỜNG CHÍNH TRỊ', fullName: 'Trường Chính trị tỉnh Bình Phước', symbol: 'TCT',
  place: 'Bình Phước', headTitle: 'Hiệu trưởng', headName: 'Trần Văn Thịnh', validFrom: '2021-01-01',
});

const UNITS = ['Khoa Lý luận cơ sở', 'Phòng Tổ chức – Hành chính', 'Khoa Xây dựng Đảng', 'Khoa Nhà nước và Pháp luật', 'Khoa Dân vận', 'Phòng Quản lý đào tạo và Nghiên cứu khoa học'];
const NAMES = ['Nguyễn Thị Thu Thủy', 'Đặng Văn An', 'Lê Thị Hoa', 'Võ Minh Tuấn', 'Hồ Thị Bích', 'Phạm Thị Ngọc Ánh', 'Trương Công Định'];

function nominees(n: number, kind: 'person' | 'unit'): BallotNominee[] {
  return Array.from({ length: n }, (_, i) => ({
    nomination: 100 + i, subject: `VC${100 + i}`, kind,
    name: kind === 'person' ? NAMES[i % NAMES.length] : UNITS[i % UNITS.length], unitName: kind === 'person' ? UNITS[i % UNITS.length] : '',
  }));
}

function paperData(list: BallotNominee[], award = 'Lao động tiên tiến'): BallotDocData {
  return {
    year: 2025, award: 'LDTT', awardName: award, heldOn: '2025-12-15', membersTotal: 9, present: 9, quorum: '2/3', threshold: '0.7', base: 'present',
    source: 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng', startsAt: '14:00', place: 'Phòng họp số 1', roll: [], presiding: null, secretary: null, counters: [],
    nominees: list,
  };
}

describe('what the nominees are called', () => {
  it.each([
    [['person', 'person'], 'người', '2 người'],
    [['unit'], 'tập thể', '1 tập thể'],
    [['person', 'unit', 'person'], 'cá nhân, tập thể', '2 cá nhân và 1 tập thể'],
  ] as const)('%j: %s, %s', (kinds, noun, countText) => {
    const list = kinds.map((kind) => ({ kind }));
    expect(nomineeNoun(list)).toBe(noun);
    expect(nomineeCount(list)).toBe(countText);
  });
});

describe('the council as author', () => {
  it('heads its papers under the school, with its own symbol, the province kept on one line', () => {
    const c = councilIdentity(school('state'));
    expect(c.parentBody.replace(/\u00a0/g, ' ')).toBe('Trường Chính trị tỉnh Bình Phước');
    expect(c.parentBody).toContain('tỉnh\u00a0Bình\u00a0Phước');
    expect(c.name.replace(/\u00a0/g, ' ')).toBe('Hội đồng Thi đua – Khen thưởng');
    expect(c.symbol).toBe('HĐTĐKT');
    expect(c.fullName).toBe('Hội đồng Thi đua – Khen thưởng Trường Chính trị tỉnh Bình Phước');
  });

  it('a mixed paper says "cá nhân, tập thể" and leaves a unit\'s own unit empty', async () => {
    const list = [...nominees(2, 'person'), ...nominees(1, 'unit')];
    const d = await readDocx(await renderDocx(ballotPaperModel(paperData(list, 'Điển hình tiên tiến'), school('state'))));
    expect(d.text).toContain('Cá nhân, tập thể');
    expect(d.text).toContain('Danh sách gồm 2 cá nhân và 1 tập thể được đề nghị.');
    expect(d.text).toContain('để trống đối với cá nhân, tập thể đó');
    expect(d.text).not.toMatch(/phiếu số|\(phiếu/);
  });
});

const soffice = findSoffice(process.env);

describe('the paper as printed', () => {
  it.skipIf(!soffice)('16 names fit on one page, people or units, in both header styles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phieu-'));
    const files: string[] = [];
    for (const style of ['state', 'party'] as const) {
      for (const kind of ['person', 'unit'] as const) {
        const file = join(dir, `phieu-${style}-${kind}.docx`);
        writeFileSync(file, await renderDocx(ballotPaperModel(paperData(nominees(16, kind), kind === 'unit' ? 'Tập thể lao động tiên tiến' : 'Lao động tiên tiến'), school(style))));
        files.push(file);
      }
    }
    const pdfs = await convertToPdf(soffice!, files, dir);
    for (const pdf of pdfs) {
      const pages = readFileSync(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, pdf).toBe(1);
    }
  }, 180_000);
});
