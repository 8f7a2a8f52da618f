import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';
import { need } from '../../prompter.js';
import { ruleValueText } from '../../views.js';

interface Options {
  from?: string;
  source?: string;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('set')
    .argument('<key>', kit.t('arg.ruleKey'))
    .argument('<value>', kit.t('arg.ruleValue'))
    .option('--from <date>', kit.t('opt.rules.from'))
    .option('--source <text>', kit.t('opt.rules.source'));
  kit.describe(cmd, 'rules.set').action(
    kit.action<Options>(async (ctx, opts, [key, value]) => {
      const from = await need(ctx, opts.from, '--from', 'prompt.rules.from');
      const source = await need(ctx, opts.source, '--source', 'prompt.rules.source');
      const { setRule } = await import('../../../services/rules.js');
      const rule = await setRule(ctx, key, value, from, source);
      say(ctx, 'rules.setDone', { key: rule.key, value: ruleValueText(ctx, rule.value), date: rule.validFrom });
      await emitResult(ctx, rule);
    }),
  );
}
