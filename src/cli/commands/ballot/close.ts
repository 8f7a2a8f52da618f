import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { confirmStep, need } from '../../prompter.js';
import { say } from '../../output.js';
import { emitBallot } from './views.js';
import { timeCheck } from './open.js';
import { parseTimeField } from '../../../domain/fields.js';
import { checkOut, draftOut, writeDocx } from '../../docs.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('close').argument('<id>', kit.t('arg.ballot.id')).option('--time <HH:MM>', kit.t('opt.ballot.endTime'))
    .option('--draft', kit.t('opt.ballot.draft')).option('--out <file.docx>', kit.t('opt.ballot.closeOut')).option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'ballot.close').action(
    kit.action<{ time?: string; draft?: boolean; out?: string; force?: boolean }>(async (ctx, opts, [id]) => {
      const { showBallot } = await import('../../../services/ballot-read.js');
      const { closeBallot } = await import('../../../services/ballot-count.js');
      draftOut(ctx, opts, 'file');
      if (opts.out) await checkOut(ctx, opts.out, opts);
      const before = await showBallot(ctx, id);
      // A draft may come before the meeting ends: its end time is optional.
      const time = opts.draft ? opts.time : await need(ctx, opts.time, '--time', 'prompt.ballot.endTime', { validate: (v) => timeCheck(ctx, parseTimeField('endTime', v)) });
      // A draft of the minutes closes nothing: nothing to confirm.
      if (opts.draft) return void (await writeDocx(ctx, (await closeBallot(ctx, id, { time, draft: true })).minutes.model, opts.out!, opts));
      await confirmStep(ctx, 'ballot.confirmClose', { id: before.id, award: before.award, year: before.year });
      const { ballot, minutes } = await closeBallot(ctx, id, { time });
      const passed = ballot.results.filter((r) => r.passed).length;
      say(ctx, 'ballot.closed', { id: ballot.id, passed, count: ballot.results.length, minutes: minutes.symbol });
      if (opts.out) await writeDocx(ctx, minutes.model, opts.out, opts);
      else say(ctx, 'ballot.next.minutes', { id: ballot.id });
      await emitBallot(ctx, ballot);
    }),
  );
}
