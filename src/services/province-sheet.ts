/**
 * The proposal to the province as the province's Excel list (`report province --format xlsx
 * [--layout LAYOUT.json]`): the nominees of the Tờ trình, one row each, in the columns and codes of a
 * layout (the default one, or the province's file). The layout and every code the list needs are
 * checked before anything is written (exit 3 naming each gap).
 */
import type { ServiceContext } from '../context.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { DEFAULT_LAYOUT, layoutRows, parseLayout, type LayoutGap, type ProvinceLayout, type SheetCell, type SheetNominee } from '../domain/province-layout.js';
import { listPeople } from '../db/repos/subjects.js';
import { transact } from './database.js';
import { readInputFile } from './files.js';
import { provinceProposalIn } from './province.js';
import { requireYear } from './reports.js';

export interface ProvinceSheet {
  year: number;
  name: string;
  columns: { title: string; width?: number }[];
  rows: SheetCell[][];
}

const refuse = (file: string, gaps: LayoutGap[]): never => {
  throw new ValidationError('layout.invalid', { file, count: gaps.length }, gaps.map((g) => ({ key: g.key, params: g.params })));
};

/** A layout file read and checked (the default when no file is given). */
export async function readLayout(file: string | undefined): Promise<ProvinceLayout> {
  if (file === undefined) return DEFAULT_LAYOUT;
  const read = await readInputFile(file, 1024 * 1024);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('layout.missing', { file });
    throw new ValidationError('layout.unreadable', { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new ValidationError('layout.badJson', { file });
  }
  const { layout, gaps } = parseLayout(raw);
  return layout ?? refuse(file, gaps);
}

export async function loadProvinceSheet(ctx: ServiceContext, rawYear: string | number | undefined, layoutFile?: string): Promise<ProvinceSheet> {
  const year = requireYear(rawYear);
  const layout = await readLayout(layoutFile);
  const nominees = await transact(ctx, async (trx) => {
    const proposal = await provinceProposalIn(trx, year, ctx.clock.today());
    const people = new Map((await listPeople(trx)).map((p) => [p.code, p]));
    return proposal.groups.flatMap((g) =>
      g.nominees.map((n): SheetNominee => {
        const p = n.kind === 'person' ? people.get(n.subject) : undefined;
        return {
          code: n.subject, name: n.name, kind: n.kind, gender: p?.gender ?? null, born: p?.born ?? null, position: n.position, unitName: n.unitName,
          school: proposal.school, category: p?.category ?? null, award: g.award, awardName: g.awardName, form: g.kind, achievement: n.achievement,
        };
      }),
    );
  });
  const { rows, gaps } = layoutRows(layout, nominees);
  if (gaps.length > 0) refuse(layoutFile ?? 'templates/bo-cuc-danh-sach-tinh.json', gaps);
  return { year, name: layout.sheet, columns: layout.columns.map((c) => ({ title: c.title, width: c.width })), rows };
}
