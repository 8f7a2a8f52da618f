import { describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CERTIFICATE_PLACEHOLDERS, carriesCertificate, certificateFields, type CertificateData } from '../../src/reports/docs/certificate.js';
import { templatePlaceholders } from '../../src/render/docx/template.js';
import { defaultTemplates } from '../../src/render/docx/default-templates.js';
import { findProgram } from '../../src/services/pdf.js';
import type { DocIdentity } from '../../src/domain/documents.js';
import { tempDir } from '../helpers/cli.js';

const identity: DocIdentity = {
  style: 'state', parentBody: 'Tỉnh ủy Đồng Nai', name: 'Trường Chính trị', fullName: 'Trường Chính trị tỉnh Đồng Nai', symbol: 'TCT', place: 'Đồng Nai',
  headTitle: 'Hiệu trưởng', headName: 'Trần Văn Thịnh', validFrom: '2025-07-01',
};
const base: CertificateData = {
  award: 'DHTT', awardName: 'Điển hình tiên tiến', year: 2025, name: 'Lý Thị Bích Trâm', kind: 'person', unitName: 'Phòng Quản lý đào tạo',
  achievement: 'Số hóa hồ sơ học viên', decisionSymbol: '01/QĐ-TCT', decisionDate: '2026-01-05', honorific: 'Bà', position: 'Chuyên viên',
  signature: { title: ['KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG'], name: 'Nguyễn Thị Hồng Nhung' },
};

describe('certificate words', () => {
  it.each([
    ['DHTT', true], ['CSTDCS', true], ['TTLDXS', true], ['GK', true], ['SK', true], ['LDTT', false], ['TTLDTT', false],
  ])('%s carries a certificate: %s', (award, yes) => expect(carriesCertificate(award)).toBe(yes));

  it('fills every placeholder, in Vietnamese, with the decision date and the deputy signing KT.', () => {
    const f = certificateFields(base, identity, '03/GCN-TCT');
    expect(Object.keys(f).sort()).toEqual([...CERTIFICATE_PLACEHOLDERS].sort());
    expect(f).toMatchObject({
      tieu_de: 'GIẤY CÔNG NHẬN', tieu_de_phu: 'ĐIỂN HÌNH TIÊN TIẾN NĂM 2025', nguoi_cap: 'HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TỈNH ĐỒNG NAI',
      co_quan_cap_tren: 'TỈNH ỦY ĐỒNG NAI', thanh_tich: 'Số hóa hồ sơ học viên', ngay_quyet_dinh: '05 tháng 01 năm 2026',
      danh_xung: 'Bà', ten: 'Lý Thị Bích Trâm', chuc_vu: 'Chuyên viên', nguoi_quyet_dinh: 'Hiệu trưởng Trường Chính trị tỉnh Đồng Nai',
      dia_danh_ngay: 'Đồng Nai, ngày 05 tháng 01 năm 2026', chuc_danh_ky: 'KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG', so_giay: '03/GCN-TCT',
    });
  });

  it('names an initiative by its authors and shares; a unit by the school; a research topic as such', () => {
    const ini = { code: 'DT-2025-001', kind: 'research' as const, title: 'Đề tài A', unitName: 'Khoa Lý luận cơ sở', authors: [{ name: 'Phạm Văn Đức', share: 60 }, { name: 'Lâm Chí Thanh', share: 40 }] };
    const f = certificateFields({ ...base, award: 'SK', initiative: ini }, identity, '01/GCN-TCT');
    expect(f.ten).toBe('Phạm Văn Đức (60%), Lâm Chí Thanh (40%)');
    expect(f.tieu_de_phu).toBe('ĐỀ TÀI NGHIÊN CỨU KHOA HỌC NĂM 2025');
    expect(f.ten_sang_kien).toBe('Đề tài A');
    const unit = certificateFields({ ...base, award: 'TTLDXS', awardName: 'Tập thể lao động xuất sắc', kind: 'unit', name: 'Khoa Lý luận cơ sở', unitName: '', achievement: '', honorific: null, position: null }, identity, '01/GCN-TCT');
    expect(unit.don_vi).toBe('Trường Chính trị tỉnh Đồng Nai');
    expect(unit.danh_xung).toBe('');
    expect(unit.thanh_tich).toBe('Đã đạt danh hiệu “Tập thể lao động xuất sắc” năm 2025.');
    const exemplar = certificateFields({ ...base, honorific: 'Ông', achievement: '' }, identity, '01/GCN-TCT');
    expect(exemplar).toMatchObject({ danh_xung: 'Ông', thanh_tich: 'Được công nhận điển hình tiên tiến năm 2025.' });
    // An initiative is credited to the decision that recognised it, not to the council.
    expect(f.thanh_tich).toBe('Được công nhận là đề tài nghiên cứu khoa học năm 2025.');
  });
});

describe('default templates', () => {
  it('the committed templates are what `npm run templates` makes, and use only known placeholders, {{ten}} among them', async () => {
    for (const [name, bytes] of Object.entries(await defaultTemplates())) {
      const committed = readFileSync(resolve(__dirname, '../../templates', name));
      expect(committed.equals(bytes), `${name}: run npm run templates`).toBe(true);
      const found = (await templatePlaceholders(bytes)).map((p) => p.toLowerCase());
      expect(found).toContain('ten');
      for (const p of found) expect(CERTIFICATE_PLACEHOLDERS as readonly string[]).toContain(p);
    }
  });
});

describe('finding LibreOffice', () => {
  it('looks on the PATH it is given, for an executable file', () => {
    const dir = tempDir('path-');
    expect(findProgram(['soffice'], { PATH: dir })).toBeNull();
    writeFileSync(join(dir, 'soffice'), '#!/bin/sh\n');
    expect(findProgram(['soffice'], { PATH: dir })).toBeNull(); // not executable
    chmodSync(join(dir, 'soffice'), 0o755);
    expect(findProgram(['soffice'], { PATH: `/nonexistent:${dir}` })).toBe(join(dir, 'soffice'));
    expect(findProgram(['soffice'], {})).toBeNull();
  });
});
