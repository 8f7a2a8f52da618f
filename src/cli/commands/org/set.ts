import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { orgFlags } from '../init.js';
import { dateFlag } from '../../flags.js';
import type { OrgBasisInput, OrgField } from '../../../domain/org.js';

type Options = Partial<Record<OrgField, string>> & Omit<OrgBasisInput, 'recipients'> & { from?: string; recipient?: string[] };

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(parent: Command, kit: Kit): void {
  const cmd = orgFlags(parent.command('set').option('--from <date>', kit.t('opt.org.from')), kit)
    .option('--competence <citation>', kit.t('opt.org.competence'))
    .option('--regulation <citation>', kit.t('opt.org.regulation'))
    .option('--plan <citation>', kit.t('opt.org.plan'))
    .option('--office <unit>', kit.t('opt.org.office'))
    .option('--office-abbr <text>', kit.t('opt.org.officeAbbr'))
    .option('--recipient <text>', kit.t('opt.org.recipient'), collect);
  kit.describe(cmd, 'org.set').action(
    kit.action<Options>(async (ctx, opts) => {
      const { from, recipient, ...fields } = opts;
      const fromRaw = await need(ctx, from, '--from', 'prompt.org.from');
      const date = dateFlag('from', fromRaw)!;
      const { setOrg } = await import('../../../services/org.js');
      const profile = await setOrg(ctx, date, { ...fields, recipients: recipient });
      say(ctx, 'org.setDone', { date, name: profile.fullName });
      await emitResult(ctx, profile);
    }),
  );
}
