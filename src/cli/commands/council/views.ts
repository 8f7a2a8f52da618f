/** How a council looks in tables, and its `--json` shape. */
import type { Context } from '../../../context.js';
import type { Column } from '../../output.js';
import type { Council, CouncilMember } from '../../../services/councils.js';

/** `council set --json` and one element of `council show --json`: exactly these fields. */
export function councilJson(c: Council) {
  return { id: c.id, kind: c.kind, year: c.year, members: c.members.map((m) => ({ code: m.code, name: m.name, role: m.role })) };
}

export function rollColumns(ctx: Context): Column<CouncilMember>[] {
  return [
    { header: 'council.col.role', value: (m) => ctx.t(`councilRole.${m.role}`) },
    { header: 'col.code', value: (m) => m.code },
    { header: 'col.name', value: (m) => (m.active ? m.name : ctx.t('council.left', { name: m.name })) },
  ];
}
