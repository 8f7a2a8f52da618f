import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CancelledError, ValidationError, WorkflowError } from '../../domain/errors.js';
import type { Kit } from '../kit.js';
import { emitRecord, say } from '../output.js';
import { need, needChoice, requireFlags } from '../prompter.js';
import { ORG_FIELDS, ORG_FLAGS, parseOrgFields, type OrgField } from '../../domain/org.js';
import { orgPairs } from '../views.js';

type Options = Partial<Record<OrgField, string>> & { force?: boolean };

/** Fields with a default when nobody is at the keyboard. */
const OPTIONAL: OrgField[] = ['headTitle', 'style'];

/** The flags that set an organisation profile (init and org set). */
export function orgFlags(cmd: Command, kit: Kit): Command {
  for (const f of ORG_FIELDS) cmd.option(`${ORG_FLAGS[f]} <${f === 'style' ? 'party|state' : 'text'}>`, kit.t(`opt.org.${f}`));
  return cmd;
}

export function register(program: Command, kit: Kit): void {
  const cmd = orgFlags(program.command('init'), kit).option('--force', kit.t('opt.init.force'));
  kit.describe(cmd, 'init').action(
    kit.action<Options>(async (ctx, opts) => {
      // Refused before any question is asked.
      if (existsSync(ctx.options.dbPath)) throw new WorkflowError('init.exists', { file: ctx.options.dbPath });
      // A folder that cannot hold the database is a fault (exit 6) before any question about another one.
      const { checkFolder } = await import('../../services/files.js');
      const { dirname } = await import('node:path');
      checkFolder(dirname(ctx.options.dbPath));
      // A database in a folder above: most likely the office's own, and this folder one of its subfolders.
      const { databaseAbove } = await import('../../services/init-check.js');
      const above = opts.force || ctx.options.yes ? null : databaseAbove(ctx.options.dbPath);
      if (above) {
        if (!ctx.options.interactive) throw new WorkflowError('init.belowDatabase', { found: above, file: ctx.options.dbPath });
        if (!(await ctx.prompter.confirm(ctx.t('init.confirmBelow', { found: above, file: ctx.options.dbPath }), false))) {
          throw new CancelledError('prompt.cancelled');
        }
      }
      // Nobody to ask: name every missing flag at once, not one per attempt.
      requireFlags(ctx, Object.fromEntries(ORG_FIELDS.filter((f) => !OPTIONAL.includes(f)).map((f) => [ORG_FLAGS[f], opts[f]])));
      if (ctx.options.interactive) {
        // A bad value on the command line is reported before the questions, not after the last answer.
        const given = Object.fromEntries(ORG_FIELDS.filter((f) => opts[f] !== undefined && opts[f] !== '').map((f) => [f, opts[f]]));
        const { problems } = parseOrgFields(given);
        if (problems.length > 0) throw new ValidationError('org.invalid', {}, problems);
      }
      // Each answer is checked as it is typed, so a mistake is asked again rather than failing at the end.
      const validate = (f: OrgField) => (v: string): string | true => {
        if (v.trim() === '') return ctx.t('prompt.required');
        const problem = parseOrgFields({ [f]: v }).problems[0];
        return problem ? ctx.t(problem.key, problem.params) : true;
      };
      const input: Options = {};
      for (const f of ORG_FIELDS) {
        if (f === 'style') {
          input.style = await needChoice(ctx, opts.style ?? (ctx.options.interactive ? undefined : 'state'), '--style', 'prompt.org.style', [
            { value: 'state', name: ctx.t('style.state') },
            { value: 'party', name: ctx.t('style.party') },
          ], 'state');
        } else if (f === 'headTitle') {
          input.headTitle = await need(ctx, opts.headTitle ?? (ctx.options.interactive ? undefined : 'Hiệu trưởng'), '--head-title', 'prompt.org.headTitle', { default: 'Hiệu trưởng', validate: validate('headTitle') });
        } else {
          input[f] = await need(ctx, opts[f], ORG_FLAGS[f], `prompt.org.${f}`, { validate: validate(f) });
        }
      }
      const { initDatabase } = await import('../../services/org.js');
      const profile = await initDatabase(ctx, ctx.options.dbPath, input);
      say(ctx, 'init.done', { file: ctx.options.dbLabel, name: profile.fullName });
      if (ctx.options.json) await emitRecord(ctx, profile, orgPairs(ctx, profile));
    }),
  );
}
