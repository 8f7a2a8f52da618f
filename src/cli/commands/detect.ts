import type { Command } from 'commander';
import type { Context } from '../../context.js';
import type { Line } from '../../domain/detection.js';
import type { Kit } from '../kit.js';
import { emitList, say } from '../output.js';
import { need } from '../prompter.js';
import { yearFlag } from '../flags.js';
import { decimalText } from '../views.js';

interface Options {
  year?: string;
  unit?: string;
  all?: boolean;
}

/** A line of evidence in the user's language; nested lines are translated first, lists joined. */
export function lineText(ctx: Context, l: Line): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(l.params ?? {})) {
    params[k] = Array.isArray(v) ? v.map((x) => lineText(ctx, x)).join(', ') : typeof v === 'object' ? lineText(ctx, v) : v;
  }
  return ctx.t(l.key, params);
}

export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('detect')
    .option('--year <year>', kit.t('opt.detect.year'))
    .option('--unit <code>', kit.t('opt.filter.unit'))
    .option('--all', kit.t('opt.detect.all'));
  kit.describe(cmd, 'detect');
  cmd.addHelpText('after', `${kit.t('help.detect.weights')}\n`);
  cmd.action(
    kit.action<Options>(async (ctx, opts) => {
      const year = yearFlag(await need(ctx, opts.year, '--year', 'prompt.detect.year'))!;
      const { detectExemplars } = await import('../../services/detection.js');
      const found = await detectExemplars(ctx, { year, unit: opts.unit, all: opts.all });
      // Candidates come first: they are numbered 1, 2, …; the others (with --all) are not.
      const rows = found.map((d, i) => ({
        ...d,
        rank: d.candidate ? i + 1 : '–',
        evidenceText: d.evidence.map((l) => lineText(ctx, l)),
        missingText: d.missing.map((l) => lineText(ctx, l)),
        stateText: d.state.map((l) => lineText(ctx, l)),
      }));
      const sep = ctx.options.csv ? '; ' : '\n';
      await emitList(
        ctx,
        rows,
        [
          { header: 'col.rank', value: (d) => d.rank },
          { header: 'col.code', value: (d) => d.subject },
          { header: 'col.name', value: (d) => d.name },
          { header: 'col.unit', value: (d) => (d.kind === 'unit' ? ctx.t('detect.theUnit') : d.unitName) },
          // A unit's score may be decimal: written the reader's way (33,3 in Vietnamese), as review averages are.
          { header: 'col.score', value: (d) => decimalText(ctx, d.score) },
          { header: 'col.state', value: (d) => d.stateText.join(sep) },
          { header: 'col.evidence', value: (d) => d.evidenceText.join(sep) },
          { header: 'col.missing', value: (d) => d.missingText.join(sep) },
        ],
        rows.map((d) => ({
          subject: d.subject, name: d.name, kind: d.kind, unit: d.unit, score: d.score, candidate: d.candidate, evidence: d.evidenceText, missing: d.missingText,
          state: d.stateText, nominations: d.nominations, recognitions: d.recognitions,
        })),
      );
      const candidates = found.filter((d) => d.candidate).length;
      say(ctx, 'detect.summary', { count: candidates, year });
    }),
  );
}
