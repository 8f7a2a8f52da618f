import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitList, say } from '../../output.js';
import { DatabaseError } from '../../../domain/errors.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('check');
  kit.describe(cmd, 'db.check').action(
    kit.action(async (ctx) => {
      const { checkDatabase } = await import('../../../services/care.js');
      const result = await checkDatabase(ctx);
      await emitList(
        ctx,
        result.checks,
        [
          { header: 'col.check', value: (c) => ctx.t(`check.${c.name}`) },
          { header: 'col.result', value: (c) => (c.ok ? ctx.t('check.ok') : ctx.t('check.failed')) },
          {
            header: 'col.problems',
            value: (c) => {
              const texts = c.details ? c.details.map((d) => ctx.t(d.key, d.params)) : c.problems;
              return texts.slice(0, 10).join('; ') + (texts.length > 10 ? ' …' : '');
            },
          },
        ],
        { ok: result.ok, checks: result.checks.map((c) => ({ name: c.name, ok: c.ok, problems: c.problems })) },
      );
      if (!result.ok) throw new DatabaseError('db.checkFailed', { count: result.checks.filter((c) => !c.ok).length });
      say(ctx, 'db.checkOk');
    }),
  );
}
