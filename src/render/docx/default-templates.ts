/**
 * The default certificate templates of templates/ (made by `npm run templates`): the certificate's own
 * layout with `{{placeholders}}` where the words go, for an office to copy and edit in Word.
 */
import type { DocIdentity, DocModel } from '../../domain/documents.js';
import type { HeaderStyle } from '../../domain/org.js';
import { certificateBlocks } from '../../reports/docs/certificate.js';
import { renderDocx } from './index.js';

const ph = (k: string) => `{{${k}}}`;

function identity(style: HeaderStyle): DocIdentity {
  return {
    style, parentBody: ph('co_quan_cap_tren'), name: ph('co_quan'), fullName: 'Tên đầy đủ của cơ quan', symbol: 'TCT', place: '',
    headTitle: 'Hiệu trưởng', headName: '', validFrom: '2025-01-01',
  };
}

function templateModel(style: HeaderStyle, initiative: boolean): DocModel {
  const fields = Object.fromEntries(
    ['tieu_de', 'tieu_de_phu', 'nguoi_cap', 'nguoi_quyet_dinh', 'dong_tu', 'danh_xung', 'ten', 'chuc_vu', 'don_vi', 'thanh_tich', 'so_quyet_dinh', 'ngay_quyet_dinh'].map((k) => [k, ph(k)]),
  );
  const blocks = certificateBlocks(fields, initiative ? { initiative: { label: 'Sáng kiến', title: ph('ten_sang_kien') } } : {});
  blocks.push({ type: 'signatures', blocks: [{ title: [ph('chuc_danh_ky')], name: ph('nguoi_ky') }], placeDate: ph('dia_danh_ngay'), space: 3 });
  return {
    type: 'certificate-template',
    identity: identity(style),
    date: '2025-01-01',
    number: null,
    numberText: style === 'party' ? `Số ${ph('so_giay')}` : `Số: ${ph('so_giay')}`,
    title: initiative ? 'Mẫu Giấy chứng nhận sáng kiến' : 'Mẫu Giấy chứng nhận, Giấy công nhận, Giấy khen',
    orientation: 'landscape',
    border: true,
    headerDate: false,
    blocks,
  };
}

/** File name → bytes of every default template. */
export async function defaultTemplates(): Promise<Record<string, Buffer>> {
  return {
    'giay-chung-nhan.docx': await renderDocx(templateModel('state', false)),
    'giay-chung-nhan-dang.docx': await renderDocx(templateModel('party', false)),
    'giay-chung-nhan-sang-kien.docx': await renderDocx(templateModel('state', true)),
  };
}
