import type { Migration } from './types.js';
import { ID, REFUSE_FUNCTION, TEXT, refuse, rowid } from './postgres.js';

/**
 * The ground floor: organisation profiles, subjects (units and people share one code space),
 * reference data (titles, criteria, rating scale) and dated rules, and the audit trail.
 */
const sqlite = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE org_profiles (
     id INTEGER PRIMARY KEY,
     valid_from TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL, full_name TEXT NOT NULL, parent_body TEXT NOT NULL,
     symbol TEXT NOT NULL, place TEXT NOT NULL, head_title TEXT NOT NULL, head_name TEXT NOT NULL,
     style TEXT NOT NULL CHECK (style IN ('party','state')),
     created_at TEXT NOT NULL)`,
  `CREATE TABLE subjects (code TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('person','unit')))`,
  `CREATE TABLE units (
     code TEXT PRIMARY KEY REFERENCES subjects(code),
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('faculty','office','other')),
     active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
     retired_on TEXT,
     created_at TEXT NOT NULL)`,
  `CREATE TABLE people (
     code TEXT PRIMARY KEY REFERENCES subjects(code),
     name TEXT NOT NULL,
     unit_code TEXT NOT NULL REFERENCES units(code),
     category TEXT NOT NULL CHECK (category IN ('leader','staff')),
     position TEXT,
     party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0,1)),
     gender TEXT CHECK (gender IN ('nam','nữ')),
     born TEXT,
     active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
     created_at TEXT NOT NULL)`,
  `CREATE INDEX people_unit ON people(unit_code)`,
  `CREATE TABLE titles (
     code TEXT PRIMARY KEY, name TEXT NOT NULL,
     subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person','unit','both')),
     statutory INTEGER NOT NULL CHECK (statutory IN (0,1)), sort INTEGER NOT NULL)`,
  `CREATE TABLE criteria (
     title_code TEXT NOT NULL REFERENCES titles(code), code TEXT NOT NULL,
     applies_to TEXT NOT NULL CHECK (applies_to IN ('leader','staff','person','unit')),
     sort INTEGER NOT NULL, text TEXT NOT NULL, text_en TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('data','attested','data_or_attested')),
     check_rule TEXT, valid_from TEXT NOT NULL, basis TEXT NOT NULL,
     PRIMARY KEY (title_code, code))`,
  `CREATE TABLE rating_levels (code TEXT PRIMARY KEY, name TEXT NOT NULL, rank INTEGER NOT NULL UNIQUE)`,
  `CREATE TABLE rules (
     id INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL, valid_from TEXT NOT NULL,
     source TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (key, valid_from))`,
  `CREATE TABLE audit (
     id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, command TEXT NOT NULL,
     entity TEXT NOT NULL, entity_id TEXT, action TEXT NOT NULL, before TEXT, after TEXT,
     prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)`,
  `CREATE INDEX audit_entity ON audit(entity, entity_id)`,
  `CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END`,
  `CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
     BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END`,
];

const postgres = [
  REFUSE_FUNCTION,
  `CREATE TABLE meta (key ${TEXT} PRIMARY KEY, value ${TEXT} NOT NULL)`,
  `CREATE TABLE org_profiles (
     id ${ID},
     valid_from ${TEXT} NOT NULL UNIQUE,
     name ${TEXT} NOT NULL, full_name ${TEXT} NOT NULL, parent_body ${TEXT} NOT NULL,
     symbol ${TEXT} NOT NULL, place ${TEXT} NOT NULL, head_title ${TEXT} NOT NULL, head_name ${TEXT} NOT NULL,
     style ${TEXT} NOT NULL CHECK (style IN ('party','state')),
     created_at ${TEXT} NOT NULL)`,
  ...rowid('org_profiles'),
  `CREATE TABLE subjects (code ${TEXT} PRIMARY KEY, kind ${TEXT} NOT NULL CHECK (kind IN ('person','unit')))`,
  `CREATE TABLE units (
     code ${TEXT} PRIMARY KEY REFERENCES subjects(code),
     name ${TEXT} NOT NULL,
     kind ${TEXT} NOT NULL CHECK (kind IN ('faculty','office','other')),
     active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
     retired_on ${TEXT},
     created_at ${TEXT} NOT NULL)`,
  `CREATE TABLE people (
     code ${TEXT} PRIMARY KEY REFERENCES subjects(code),
     name ${TEXT} NOT NULL,
     unit_code ${TEXT} NOT NULL REFERENCES units(code),
     category ${TEXT} NOT NULL CHECK (category IN ('leader','staff')),
     position ${TEXT},
     party_member BIGINT NOT NULL DEFAULT 0 CHECK (party_member IN (0,1)),
     gender ${TEXT} CHECK (gender IN ('nam','nữ')),
     born ${TEXT},
     active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
     created_at ${TEXT} NOT NULL)`,
  `CREATE INDEX people_unit ON people(unit_code)`,
  `CREATE TABLE titles (
     code ${TEXT} PRIMARY KEY, name ${TEXT} NOT NULL,
     subject_kind ${TEXT} NOT NULL CHECK (subject_kind IN ('person','unit','both')),
     statutory BIGINT NOT NULL CHECK (statutory IN (0,1)), sort BIGINT NOT NULL)`,
  `CREATE TABLE criteria (
     title_code ${TEXT} NOT NULL REFERENCES titles(code), code ${TEXT} NOT NULL,
     applies_to ${TEXT} NOT NULL CHECK (applies_to IN ('leader','staff','person','unit')),
     sort BIGINT NOT NULL, text ${TEXT} NOT NULL, text_en ${TEXT} NOT NULL,
     source ${TEXT} NOT NULL CHECK (source IN ('data','attested','data_or_attested')),
     check_rule ${TEXT}, valid_from ${TEXT} NOT NULL, basis ${TEXT} NOT NULL,
     PRIMARY KEY (title_code, code))`,
  `CREATE TABLE rating_levels (code ${TEXT} PRIMARY KEY, name ${TEXT} NOT NULL, rank BIGINT NOT NULL UNIQUE)`,
  `CREATE TABLE rules (
     id ${ID}, key ${TEXT} NOT NULL, value ${TEXT} NOT NULL, valid_from ${TEXT} NOT NULL,
     source ${TEXT} NOT NULL, created_at ${TEXT} NOT NULL, UNIQUE (key, valid_from))`,
  ...rowid('rules'),
  `CREATE TABLE audit (
     id ${ID}, at ${TEXT} NOT NULL, actor ${TEXT} NOT NULL, command ${TEXT} NOT NULL,
     entity ${TEXT} NOT NULL, entity_id ${TEXT}, action ${TEXT} NOT NULL, before ${TEXT}, after ${TEXT},
     prev_hash ${TEXT} NOT NULL, hash ${TEXT} NOT NULL UNIQUE)`,
  ...rowid('audit'),
  `CREATE INDEX audit_entity ON audit(entity, entity_id)`,
  refuse('audit_no_update', 'UPDATE', 'audit', 'audit rows are append-only'),
  refuse('audit_no_delete', 'DELETE', 'audit', 'audit rows are append-only'),
];

const LAW = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
const PLAN = 'Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến giai đoạn 2021–2025 của Trường';
const D91 = 'Nghị định 91/2017/NĐ-CP';
const D98 = 'Nghị định 98/2023/NĐ-CP';
const D152 = 'Nghị định 152/2025/NĐ-CP (thay thế Nghị định 98/2023/NĐ-CP)';
const SCHOOL = 'Mặc định của phần mềm; Trường sửa theo Quy chế thi đua, khen thưởng của mình';

const titles = [
  ['DHTT', 'Điển hình tiên tiến', 'both', 0],
  ['LDTT', 'Lao động tiên tiến', 'person', 1],
  ['CSTDCS', 'Chiến sĩ thi đua cơ sở', 'person', 1],
  ['TTLDTT', 'Tập thể lao động tiên tiến', 'unit', 1],
  ['TTLDXS', 'Tập thể lao động xuất sắc', 'unit', 1],
  ['GK', 'Giấy khen', 'both', 1],
] as const;

type Crit = [string, string, string, string, string, string, string | null, string];
// title, code, applies_to, source, text (vi), text (en), check rule, basis
const criteria: Crit[] = [
  ['DHTT', 'L1', 'leader', 'attested', 'Lãnh đạo, chỉ đạo có hiệu quả lĩnh vực được giao phụ trách', 'Leads and directs the field in their charge effectively', null, PLAN],
  ['DHTT', 'L2', 'leader', 'data_or_attested', 'Có sáng kiến, giải pháp; nổi bật, đi đầu', 'Has initiatives or solutions, stands out and goes first', 'initiative_recognised', PLAN],
  ['DHTT', 'L3', 'leader', 'attested', 'Gương mẫu thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 'Sets an example under Directive 05-CT/TW', null, PLAN],
  ['DHTT', 'L4', 'leader', 'data', 'Được xếp loại "Hoàn thành xuất sắc nhiệm vụ" trong năm', 'Rated HTXSNV for the year', 'rating>=HTXSNV', PLAN],
  ['DHTT', 'S1', 'staff', 'attested', 'Có tinh thần trách nhiệm cao, năng động, sáng tạo', 'High responsibility, dynamic and creative', null, PLAN],
  ['DHTT', 'S2', 'staff', 'attested', 'Không ngừng học tập nâng cao trình độ chuyên môn, thực hiện Chỉ thị 05-CT/TW', 'Keeps studying their profession under Directive 05-CT/TW', null, PLAN],
  ['DHTT', 'S3', 'staff', 'attested', 'Đoàn kết, xây dựng tập thể', 'Solidarity, builds the collective', null, PLAN],
  ['DHTT', 'S4', 'staff', 'attested', 'Tham gia các hoạt động công đoàn, xã hội, từ thiện', 'Takes part in trade-union, social and charity activities', null, PLAN],
  ['DHTT', 'S5', 'staff', 'data', 'Được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong năm', 'Rated HTTNV or better for the year', 'rating>=HTTNV', PLAN],
  ['DHTT', 'U1', 'unit', 'attested', 'Có phong trào thi đua thiết thực, hiệu quả, bền vững', 'An effective, lasting emulation movement', null, PLAN],
  ['DHTT', 'U2', 'unit', 'attested', 'Có sáng kiến, cách làm hay của tập thể', "The unit's own initiatives or good practices", null, PLAN],
  ['DHTT', 'U3', 'unit', 'data_or_attested', 'Đạt danh hiệu "Tập thể lao động tiên tiến" trở lên trong năm', 'Rated TTLDTT or better that year', 'title:TTLDTT|TTLDXS', PLAN],
  ['LDTT', 'LDTT1', 'person', 'data', 'Được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên', 'Rated HTTNV or better', 'rating>=HTTNV', LAW],
  ['LDTT', 'LDTT2', 'person', 'attested', 'Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong trào thi đua', 'Self-reliant, united, takes part in the movements', null, LAW],
  ['CSTDCS', 'CSTDCS1', 'person', 'data', 'Đạt danh hiệu "Lao động tiên tiến" trong năm', 'LDTT in the same year', 'title:LDTT', LAW],
  ['CSTDCS', 'CSTDCS2', 'person', 'data', 'Có sáng kiến được công nhận hoặc đề tài nghiên cứu được nghiệm thu trong năm', 'A recognised initiative or accepted research topic that year', 'initiative_recognised', LAW],
  ['TTLDTT', 'T1', 'unit', 'attested', 'Hoàn thành tốt nhiệm vụ được giao', 'The unit completed its tasks', null, LAW],
  ['TTLDTT', 'T2', 'unit', 'data', 'Trên 50% cá nhân đạt danh hiệu "Lao động tiên tiến"', 'More than 50% of members are LDTT', 'members:LDTT>0.5', LAW],
  ['TTLDTT', 'T3', 'unit', 'attested', 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên', 'Nobody disciplined at warning level or above', null, LAW],
  ['TTLDXS', 'T1', 'unit', 'attested', 'Hoàn thành xuất sắc nhiệm vụ được giao', 'The unit completed its tasks with distinction', null, LAW],
  ['TTLDXS', 'T2', 'unit', 'data', '100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt "Lao động tiên tiến" và có cá nhân đạt "Chiến sĩ thi đua cơ sở"', 'Every member completed duties, at least 70% LDTT and at least one CSTDCS', 'members:rating>=HTNV=1;members:LDTT>=0.7;members:CSTDCS>=1n', LAW],
  ['TTLDXS', 'T3', 'unit', 'attested', 'Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên', 'Nobody disciplined at warning level or above', null, LAW],
];

const ratings = [
  ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ', 4],
  ['HTTNV', 'Hoàn thành tốt nhiệm vụ', 3],
  ['HTNV', 'Hoàn thành nhiệm vụ', 2],
  ['KHTNV', 'Không hoàn thành nhiệm vụ', 1],
] as const;

// key, value, valid_from, source
const rules: [string, string, string, string][] = [
  ['base_salary', '1490000', '2019-07-01', 'Nghị định 38/2019/NĐ-CP'],
  ['base_salary', '1800000', '2023-07-01', 'Nghị định 24/2023/NĐ-CP'],
  ['base_salary', '2340000', '2024-07-01', 'Nghị định 73/2024/NĐ-CP'],
  ['base_salary', '2530000', '2026-07-01', 'Mức lương cơ sở áp dụng từ 01/7/2026'],
  ...(['2017-10-01', '2023-12-31', '2025-07-01'] as const).flatMap((from): [string, string, string, string][] => {
    const src = from === '2017-10-01' ? D91 : from === '2023-12-31' ? D98 : D152;
    return [
      ['coefficient.LDTT', '0.3', from, src],
      ['coefficient.CSTDCS', '1.0', from, src],
      ['coefficient.TTLDTT', '0.8', from, src],
      ['coefficient.TTLDXS', '1.5', from, src],
      ['coefficient.GK', '0.3', from, src],
      ['coefficient.GK.unit', '0.6', from, src],
    ];
  }),
  ['coefficient.DHTT', '0.3', '2021-01-01', SCHOOL],
  ['coefficient.DHTT.unit', '0.6', '2021-01-01', SCHOOL],
  ['ballot.quorum', '2/3', '2000-01-01', 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định)'],
  ['ballot.threshold', '0.7', '2000-01-01', 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định)'],
  ['ballot.base', 'present', '2000-01-01', 'Quy chế hoạt động của Hội đồng Thi đua – Khen thưởng (mặc định)'],
  ['bonus.rounding', 'up', '2000-01-01', 'Quy chế chi tiền thưởng của Trường (mặc định)'],
  ['bonus.rounding_unit', '10000', '2000-01-01', 'Quy chế chi tiền thưởng của Trường (mặc định)'],
  ['quota.CSTDCS', '0.15', '2023-12-31', D98],
  ['deadline.province', '01-31', '2021-01-01', PLAN],
];

export const migration0001: Migration = {
  id: '0001-base',
  description: 'Hồ sơ tổ chức, đơn vị, cá nhân, danh mục danh hiệu, tiêu chí, xếp loại, quy định và nhật ký',
  ddl: { sqlite, postgres },
  async up(trx, now) {
    await trx
      .insertInto('titles')
      .values(titles.map(([code, name, kind, statutory], i) => ({ code, name, subject_kind: kind, statutory, sort: i + 1 })))
      .execute();
    await trx
      .insertInto('criteria')
      .values(
        criteria.map(([title_code, code, applies_to, source, text, text_en, check_rule, basis], i) => ({
          title_code, code, applies_to, source, text, text_en, check_rule, basis, sort: i + 1, valid_from: '2021-01-01',
        })),
      )
      .execute();
    await trx.insertInto('rating_levels').values(ratings.map(([code, name, rank]) => ({ code, name, rank }))).execute();
    await trx
      .insertInto('rules')
      .values(rules.map(([key, value, valid_from, source]) => ({ key, value, valid_from, source, created_at: now })))
      .execute();
  },
};
