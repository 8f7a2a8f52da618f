import type { Migration } from './types.js';

/**
 * Whom each kind of report is sent to ("Nơi nhận"), as dated rules a clerk changes with `rules set`
 * (`recipients.<kind>`): the lists the reports printed before, in force from the start of time. The
 * last line, "Lưu: VT, …", is not part of them: it is written from the office in the organisation
 * profile (`org set --office`), as decisions write it. No schema change: rows in `rules` only.
 */
const SOURCE = 'Quy chế công tác văn thư của Trường (mặc định; Trường sửa theo quy chế của mình)';
const FROM = '1900-01-01';

// kind, recipients separated by "; " (as `rules set` stores them)
const lists: [string, string][] = [
  ['annual', 'Ban Thi đua – Khen thưởng tỉnh; Ban Giám hiệu'],
  ['period', 'Ban Thi đua – Khen thưởng tỉnh; Ban Giám hiệu'],
  ['quarterly', 'Ban Giám hiệu; Các khoa, phòng'],
  ['benefits', 'Ban Giám hiệu; Phòng Tổ chức – Hành chính'],
  ['commend', 'Ban Giám hiệu; Các khoa, phòng; Cổng thông tin điện tử của Trường'],
  ['progress', 'Ban Giám hiệu; Các khoa, phòng'],
  // After "Như trên" (the addressees of rule province.addressee).
  ['province', 'Ban Giám hiệu'],
  ['received', 'Lãnh đạo Ban'],
];

export const migration0017: Migration = {
  id: '0017-recipients',
  description: 'Nơi nhận của từng loại báo cáo, tờ trình, thông báo (quy định recipients.<loại>, theo ngày)',
  ddl: { sqlite: [], postgres: [] },
  async up(trx, now) {
    await trx
      .insertInto('rules')
      .values(lists.map(([kind, value]) => ({ key: `recipients.${kind}`, value, valid_from: FROM, source: SOURCE, created_at: now })))
      .execute();
  },
};
