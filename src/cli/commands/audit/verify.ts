import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { DatabaseError } from '../../../domain/errors.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('verify');
  kit.describe(cmd, 'audit.verify').action(
    kit.action(async (ctx) => {
      const { verifyAuditChain, describeAuditProblem } = await import('../../../services/care.js');
      const result = await verifyAuditChain(ctx);
      await emitResult(ctx, result);
      if (!result.ok) {
        throw new DatabaseError(
          'audit.broken',
          { count: result.problems.length },
          result.problems.map((p) => ({ key: `audit.problem.${p.problem}`, params: { id: p.id ?? '', text: describeAuditProblem(p) } })),
        );
      }
      say(ctx, 'audit.intact', { rows: result.rows });
    }),
  );
}
