import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('backup').argument('<file>', kit.t('arg.backupFile'));
  kit.describe(cmd, 'db.backup').action(
    kit.action(async (ctx, _opts, [file]) => {
      const { backupDatabase } = await import('../../../services/care.js');
      const result = await backupDatabase(ctx, file, { overwrite: ctx.options.yes });
      say(ctx, 'db.backupDone', { file: result.file, kb: Math.ceil(result.bytes / 1024) });
      say(ctx, 'db.backupHead', { ...result.audit });
      await emitResult(ctx, result);
    }),
  );
}
