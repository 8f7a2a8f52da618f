import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('head');
  kit.describe(cmd, 'audit.head').action(
    kit.action(async (ctx) => {
      const { auditChainHead } = await import('../../../services/care.js');
      const head = await auditChainHead(ctx);
      if (ctx.options.json) await emitResult(ctx, head);
      // The head is the data of this command: on stdout, so `thidua audit head >> so-moc.txt` keeps it.
      else ctx.io.out(`${ctx.t('audit.head', { ...head })}\n${head.count}:${head.hash}\n`);
    }),
  );
}
