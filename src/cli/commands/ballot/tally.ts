import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { say } from '../../output.js';
import { collectCriterion as collect } from '../nominate/create.js';
import { emitBallot, emitEntry } from './views.js';

export interface TallyOptions {
  entry?: string;
  issued?: string;
  returned?: string;
  invalid?: string;
  vote?: string[];
}

/** The count flags, shared by `ballot tally` and `ballot recount`. */
export function tallyFlags(cmd: Command, kit: Kit): Command {
  return cmd
    .option('--issued <n>', kit.t('opt.ballot.issued'))
    .option('--returned <n>', kit.t('opt.ballot.returned'))
    .option('--invalid <n>', kit.t('opt.ballot.invalid'))
    .option('--vote <nomination=agree,disagree,blank>', kit.t('opt.ballot.vote'), collect);
}

export function register(parent: Command, kit: Kit): void {
  const cmd = tallyFlags(parent.command('tally').argument('<id>', kit.t('arg.ballot.id')).option('--entry <1|2>', kit.t('opt.ballot.entry')), kit);
  kit.describe(cmd, 'ballot.tally').action(
    kit.action<TallyOptions>(async (ctx, opts, [id]) => {
      const { enterTally } = await import('../../../services/ballot-count.js');
      const { ballot, entry, replaced } = await enterTally(ctx, id, { entry: opts.entry, issued: opts.issued, returned: opts.returned, invalid: opts.invalid, votes: opts.vote });
      say(ctx, replaced ? 'ballot.tallyReplaced' : 'ballot.tallyEntered', { id: ballot.id, entry });
      say(ctx, ballot.entries.length >= 2 ? 'ballot.next.closeTwo' : 'ballot.next.close', { id: ballot.id });
      // The counts just entered, by name, for the clerk to check against the papers (JSON: the whole ballot).
      if (ctx.options.json) await emitBallot(ctx, ballot);
      else await emitEntry(ctx, ballot.entries.find((e) => e.entry === entry)!);
    }),
  );
}
