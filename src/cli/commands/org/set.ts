import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { orgFlags } from '../init.js';
import { dateFlag } from '../../flags.js';
import type { OrgField } from '../../../domain/org.js';

type Options = Partial<Record<OrgField, string>> & { from?: string };

export function register(parent: Command, kit: Kit): void {
  const cmd = orgFlags(parent.command('set').option('--from <date>', kit.t('opt.org.from')), kit);
  kit.describe(cmd, 'org.set').action(
    kit.action<Options>(async (ctx, opts) => {
      const { from, ...fields } = opts;
      const fromRaw = await need(ctx, from, '--from', 'prompt.org.from');
      const date = dateFlag('from', fromRaw)!;
      const { setOrg } = await import('../../../services/org.js');
      const profile = await setOrg(ctx, date, fields);
      say(ctx, 'org.setDone', { date, name: profile.fullName });
      await emitResult(ctx, profile);
    }),
  );
}
