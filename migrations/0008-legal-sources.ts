import type { Migration } from './types.js';
import { ID, rowid, TEXT } from './postgres.js';

/**
 * Legal sources stored whole, as Decree 30/2020/NĐ-CP cites them (kind, number, date, issuer,
 * subject), referenced by the rules they ground; the dated basis of every decision (the Law, its
 * implementing decree, the decree on initiatives) as rules of their own; the school's own basis
 * documents (its competence, its Quy chế thi đua, khen thưởng, its plan), the unit in charge of
 * emulation work and the recipients of its decisions in the dated organisation profile; the
 * achievement wording a certificate prints, on the nomination; and each title's form (a danh hiệu,
 * a form of award such as Giấy khen, or a recognition under the school's plan).
 *
 * Rules a clerk entered before keep their free-text source (`source_id` stays empty).
 */
const sqlite = [
  `CREATE TABLE legal_sources (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL,
     number TEXT,
     issued_on TEXT NOT NULL,
     issuer TEXT NOT NULL,
     subject TEXT NOT NULL,
     created_at TEXT NOT NULL)`,
  `CREATE INDEX legal_sources_number ON legal_sources(number)`,
  `ALTER TABLE rules ADD COLUMN source_id INTEGER REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN competence_id INTEGER REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN regulation_id INTEGER REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN plan_id INTEGER REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN office_code TEXT REFERENCES units(code)`,
  `ALTER TABLE org_profiles ADD COLUMN office_abbr TEXT`,
  `ALTER TABLE org_profiles ADD COLUMN recipients TEXT`,
  `ALTER TABLE nominations ADD COLUMN citation TEXT`,
  `ALTER TABLE titles ADD COLUMN form TEXT NOT NULL DEFAULT 'title' CHECK (form IN ('title','award','recognition'))`,
  `UPDATE titles SET form = 'award' WHERE code = 'GK'`,
  `UPDATE titles SET form = 'recognition' WHERE code = 'DHTT'`,
];

const postgres = [
  `CREATE TABLE legal_sources (
     id ${ID},
     kind ${TEXT} NOT NULL,
     number ${TEXT},
     issued_on ${TEXT} NOT NULL,
     issuer ${TEXT} NOT NULL,
     subject ${TEXT} NOT NULL,
     created_at ${TEXT} NOT NULL)`,
  ...rowid('legal_sources'),
  `CREATE INDEX legal_sources_number ON legal_sources(number)`,
  `ALTER TABLE rules ADD COLUMN source_id BIGINT REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN competence_id BIGINT REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN regulation_id BIGINT REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN plan_id BIGINT REFERENCES legal_sources(id)`,
  `ALTER TABLE org_profiles ADD COLUMN office_code ${TEXT} REFERENCES units(code)`,
  `ALTER TABLE org_profiles ADD COLUMN office_abbr ${TEXT}`,
  `ALTER TABLE org_profiles ADD COLUMN recipients ${TEXT}`,
  `ALTER TABLE nominations ADD COLUMN citation ${TEXT}`,
  `ALTER TABLE titles ADD COLUMN form ${TEXT} NOT NULL DEFAULT 'title' CHECK (form IN ('title','award','recognition'))`,
  `UPDATE titles SET form = 'award' WHERE code = 'GK'`,
  `UPDATE titles SET form = 'recognition' WHERE code = 'DHTT'`,
];

interface Source {
  kind: string;
  number: string;
  issued_on: string;
  issuer: string;
  subject: string;
  /** As `rules list` shows it (the citation in words). */
  text: string;
}

const LAW_SUBJECT = 'quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng';
const SALARY = 'quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang';
const SALARY_BONUS = 'quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang';

const decree = (number: string, issued_on: string, words: string, subject: string): Source => ({
  kind: 'Nghị định', number, issued_on, issuer: 'Chính phủ', subject, text: `Nghị định số ${number} ${words} của Chính phủ ${subject}`,
});
const law = (number: string, issued_on: string, words: string): Source => ({
  kind: 'Luật', number, issued_on, issuer: 'Quốc hội', subject: 'Thi đua, khen thưởng',
  text: `Luật Thi đua, khen thưởng số ${number} ${words} của Quốc hội`,
});

const SOURCES = {
  law2003: law('15/2003/QH11', '2003-11-26', 'ngày 26 tháng 11 năm 2003'),
  law2022: law('06/2022/QH15', '2022-06-15', 'ngày 15 tháng 6 năm 2022'),
  d91: decree('91/2017/NĐ-CP', '2017-07-31', 'ngày 31 tháng 7 năm 2017', LAW_SUBJECT),
  d98: decree('98/2023/NĐ-CP', '2023-12-31', 'ngày 31 tháng 12 năm 2023', LAW_SUBJECT),
  d152: decree('152/2025/NĐ-CP', '2025-06-14', 'ngày 14 tháng 6 năm 2025',
    'quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng'),
  d38: decree('38/2019/NĐ-CP', '2019-05-09', 'ngày 09 tháng 5 năm 2019', SALARY),
  d24: decree('24/2023/NĐ-CP', '2023-05-14', 'ngày 14 tháng 5 năm 2023', SALARY),
  d73: decree('73/2024/NĐ-CP', '2024-06-30', 'ngày 30 tháng 6 năm 2024', SALARY_BONUS),
  d161: decree('161/2026/NĐ-CP', '2026-05-15', 'ngày 15 tháng 5 năm 2026', SALARY_BONUS),
  d13: decree('13/2012/NĐ-CP', '2012-03-02', 'ngày 02 tháng 3 năm 2012', 'ban hành Điều lệ Sáng kiến'),
};
type SourceName = keyof typeof SOURCES;

const COEFFICIENTS = ['coefficient.LDTT', 'coefficient.CSTDCS', 'coefficient.TTLDTT', 'coefficient.TTLDXS', 'coefficient.GK', 'coefficient.GK.unit'];

/** Seeded rules (key, first day) that now point at their source. */
const LINKS: [string, string, SourceName][] = [
  ['base_salary', '2019-07-01', 'd38'],
  ['base_salary', '2023-07-01', 'd24'],
  ['base_salary', '2024-07-01', 'd73'],
  ['base_salary', '2026-07-01', 'd161'],
  ...COEFFICIENTS.flatMap((key): [string, string, SourceName][] => [
    [key, '2017-10-01', 'd91'],
    [key, '2023-12-31', 'd98'],
    [key, '2025-07-01', 'd152'],
  ]),
  ['quota.CSTDCS', '2023-12-31', 'd98'],
];

/** The basis every decision cites, dated: the Law, its implementing decree, the decree on initiatives. */
const BASIS: [string, string, SourceName][] = [
  ['basis.law', '2004-07-01', 'law2003'],
  ['basis.law', '2024-01-01', 'law2022'],
  ['basis.decree', '2017-10-01', 'd91'],
  ['basis.decree', '2024-01-01', 'd98'],
  ['basis.decree', '2025-07-01', 'd152'],
  ['basis.initiative', '2012-04-25', 'd13'],
];

export const migration0008: Migration = {
  id: '0008-legal-sources',
  description: 'Căn cứ pháp lý đầy đủ (loại, số, ngày, cơ quan ban hành, trích yếu); văn bản làm căn cứ của Trường, đơn vị phụ trách thi đua, khen thưởng và nơi nhận trong hồ sơ cơ quan; nội dung thành tích ghi trên giấy chứng nhận',
  ddl: { sqlite, postgres },
  async up(trx, now) {
    const ids = {} as Record<SourceName, number>;
    for (const [name, s] of Object.entries(SOURCES) as [SourceName, Source][]) {
      const row = await trx
        .insertInto('legal_sources')
        .values({ kind: s.kind, number: s.number, issued_on: s.issued_on, issuer: s.issuer, subject: s.subject, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[name] = Number(row.id);
    }
    for (const [key, from, name] of LINKS) {
      await trx.updateTable('rules').set({ source_id: ids[name], source: SOURCES[name].text }).where('key', '=', key).where('valid_from', '=', from).execute();
    }
    for (const [key, from, name] of BASIS) {
      await trx
        .insertInto('rules')
        .values({ key, value: SOURCES[name].number, valid_from: from, source: SOURCES[name].text, source_id: ids[name], created_at: now })
        .execute();
    }
  },
};
