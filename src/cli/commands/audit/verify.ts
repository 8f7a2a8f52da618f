import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { DatabaseError } from '../../../domain/errors.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('verify').option('--anchor <hash>', kit.t('opt.audit.anchor'));
  kit.describe(cmd, 'audit.verify').action(
    kit.action<{ anchor?: string }>(async (ctx, opts) => {
      const { verifyAuditChain, describeAuditProblem } = await import('../../../services/care.js');
      const result = await verifyAuditChain(ctx, opts.anchor);
      await emitResult(ctx, result);
      if (!result.ok) {
        throw new DatabaseError(
          'audit.broken',
          { count: result.problems.length },
          result.problems.map((p) => ({ key: `audit.problem.${p.problem}`, params: { id: p.id ?? '', text: describeAuditProblem(p) } })),
        );
      }
      say(ctx, 'audit.intact', { rows: result.rows });
      if (result.anchor) say(ctx, 'audit.anchored', { hash: result.anchor.hash, id: result.anchor.id });
    }),
  );
}
