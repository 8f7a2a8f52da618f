import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep, need } from '../../prompter.js';
import { emitResult, say } from '../../output.js';
import { writeDocx } from '../../docs.js';
import { recognitionJson } from './views.js';

interface Options {
  reason?: string;
  decision?: boolean;
  date?: string;
  out?: string;
  force?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('revoke')
    .argument('<id>', kit.t('arg.recognise.id'))
    .option('--reason <text>', kit.t('opt.recognise.reason'))
    .option('--decision', kit.t('opt.recognise.byDecision'))
    .option('--date <date>', kit.t('opt.recognise.revokeDate'))
    .option('--out <dir>', kit.t('opt.recognise.revokeOut'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'recognise.revoke').action(
    kit.action<Options>(async (ctx, opts, [id]) => {
      const reason = await need(ctx, opts.reason, '--reason', 'prompt.recognise.reason');
      await confirmStep(ctx, 'recognise.confirmRevoke', { id });
      if (!opts.decision) {
        const { revokeRecognition } = await import('../../../services/recognitions.js');
        const r = await revokeRecognition(ctx, id, reason);
        say(ctx, 'recognise.revoked', { id: r.id, code: r.subject, name: r.name, award: r.award, decision: r.decision });
        await emitResult(ctx, recognitionJson(r));
        return;
      }
      // A revoking decision, numbered in the register (the way to undo a signed decision).
      const { revokeByDecision } = await import('../../../services/sign-revoke.js');
      const { join } = await import('node:path');
      const out = opts.out;
      const r = await revokeByDecision(ctx, id, reason, {
        date: opts.date,
        write: out ? (d) => writeDocx(ctx, d.model, join(out, `quyet-dinh-thu-hoi-${String(d.number).padStart(2, '0')}-${d.year}.docx`), opts) : undefined,
      });
      say(ctx, 'recognise.revokedByDecision', {
        id: r.recognition.id, code: r.recognition.subject, name: r.recognition.name, award: r.recognition.award,
        decision: r.original.symbol, symbol: r.decision.symbol, date: r.decision.date, year: r.decision.year,
      });
      await emitResult(ctx, {
        ...recognitionJson(r.recognition),
        revokedBy: { id: r.decision.id, number: r.decision.number, symbol: r.decision.symbol, date: r.decision.date, title: r.decision.title, file: r.file },
        originalRevoked: r.originalRevoked,
      });
    }),
  );
}
