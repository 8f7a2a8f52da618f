import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import type { Context } from '../../../context.js';
import { emitList } from '../../output.js';
import { countFlag, dateFlag } from '../../flags.js';
import { localTime } from '../../views.js';

interface Options {
  entity?: string;
  id?: string;
  since?: string;
  limit?: string;
}

function brief(ctx: Context, v: unknown): string {
  if (v === null || v === undefined) return '';
  if ((v as { hidden?: unknown }).hidden === true) return ctx.t('audit.hiddenScore');
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** Audit times are stored in UTC; a clerk's "since 21/11" means midnight on the office's clock. */
function startOfLocalDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('list')
    .option('--entity <entity>', kit.t('opt.audit.entity'))
    .option('--id <id>', kit.t('opt.audit.id'))
    .option('--since <date>', kit.t('opt.audit.since'))
    .option('--limit <n>', kit.t('opt.audit.limit'), '50');
  kit.describe(cmd, 'audit.list').action(
    kit.action<Options>(async (ctx, opts) => {
      const { listAuditEntries } = await import('../../../services/care.js');
      const since = dateFlag('since', opts.since);
      const rows = await listAuditEntries(ctx, {
        entity: opts.entity?.trim(),
        id: opts.id?.trim(),
        since: since === undefined ? undefined : startOfLocalDay(since),
        limit: countFlag('limit', opts.limit),
      });
      await emitList(ctx, rows, [
        { header: 'col.id', value: (r) => r.id },
        { header: 'col.at', value: (r) => localTime(r.at) },
        { header: 'col.actor', value: (r) => r.actor },
        { header: 'col.entity', value: (r) => `${r.entity}${r.entityId ? ' ' + r.entityId : ''}` },
        { header: 'col.action', value: (r) => ctx.t(`action.${r.action}`) },
        { header: 'col.after', value: (r) => brief(ctx, r.after) },
      ]);
    }),
  );
}
