import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitRecord } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('info');
  kit.describe(cmd, 'db.info').action(
    kit.action(async (ctx) => {
      const { databaseInfo } = await import('../../../services/care.js');
      const info = await databaseInfo(ctx);
      await emitRecord(ctx, info, [
        ['info.file', info.file],
        ['info.size', `${Math.ceil(info.bytes / 1024)} KB`],
        ['info.organisation', info.organisation],
        ['info.schema', info.schemaVersion],
        ...((info.engine === 'postgres'
          ? [['info.server', info.serverVersion]]
          : [
              ['info.sqlite', info.sqliteVersion],
              ['info.journal', info.journalMode],
            ]) as [string, string | undefined][]),
        ['info.units', info.counts.units],
        ['info.people', info.counts.people],
        ['info.rules', info.counts.rules],
        ['info.audit', info.counts.auditRows],
      ]);
    }),
  );
}
