import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep, need } from '../../prompter.js';
import { emitResult, say } from '../../output.js';
import { recognitionJson } from './views.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('revoke').argument('<id>', kit.t('arg.recognise.id')).option('--reason <text>', kit.t('opt.recognise.reason'));
  kit.describe(cmd, 'recognise.revoke').action(
    kit.action<{ reason?: string }>(async (ctx, opts, [id]) => {
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.recognise.reason');
      await confirmStep(ctx, 'recognise.confirmRevoke', { id });
      const { revokeRecognition } = await import('../../../services/recognitions.js');
      const r = await revokeRecognition(ctx, id, reason);
      say(ctx, 'recognise.revoked', { id: r.id, code: r.subject, name: r.name, award: r.award, decision: r.decision });
      await emitResult(ctx, recognitionJson(r));
    }),
  );
}
