import type { Context, Io, Prompter, SelectChoice } from '../context.js';
import { CancelledError, UsageError } from '../domain/errors.js';
import { fold } from '../domain/names.js';
import type { Translate } from '../i18n/index.js';

function cancelled(e: unknown): never {
  const name = (e as { name?: string }).name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new CancelledError('prompt.cancelled');
  throw e;
}

const YES = new Set(['c', 'co', 'y', 'yes', 'dong y', 'ok']);
const NO = new Set(['k', 'khong', 'n', 'no', 'ko']);

/**
 * A yes/no answer as a clerk types it: c, có, k, không (any case, with or without diacritics), and y,
 * yes, n, no; empty takes the default; anything else is null (asked again).
 */
export function yesNoAnswer(raw: string, def: boolean): boolean | null {
  const v = fold(raw);
  if (v === '') return def;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** Real prompts on the terminal (inquirer, loaded only when a question is asked), drawn on stderr. */
export function terminalPrompter(io: Io, t: Translate): Prompter {
  const selectHelp = t('prompt.selectHelp');
  const streams = () => (io.streams ? { input: io.streams.stdin, output: io.streams.stderr } : undefined);
  return {
    async input(message, opts = {}) {
      const { input } = await import('@inquirer/prompts');
      return input({ message, default: opts.default, validate: opts.validate }, streams()).catch(cancelled);
    },
    async select(message, choices: SelectChoice[], def) {
      const { select } = await import('@inquirer/prompts');
      const instructions = selectHelp ? { navigation: selectHelp, pager: selectHelp } : undefined;
      return select({ message, choices, default: def, instructions }, streams()).catch(cancelled);
    },
    // The clerk's words: "(c/K)", c/có or k/không (y/n too), the answer said back in the same words.
    async confirm(message, def = false) {
      const { input } = await import('@inquirer/prompts');
      const answer = await input(
        {
          message: `${message} ${t(def ? 'prompt.yesNo.defaultYes' : 'prompt.yesNo.defaultNo')}`,
          validate: (v) => yesNoAnswer(v, def) !== null || t('prompt.yesNo.again'),
          transformer: (v, { isFinal }) => (isFinal ? t(yesNoAnswer(v, def) ? 'prompt.yesNo.yes' : 'prompt.yesNo.no') : v),
        },
        streams(),
      ).catch(cancelled);
      return yesNoAnswer(answer, def) ?? def;
    },
    async password(message) {
      const { password } = await import('@inquirer/prompts');
      return password({ message, mask: '*' }, streams()).catch(cancelled);
    },
  };
}

/** Used when nobody is there to answer: any question is a usage error (exit 2). */
export const refusingPrompter: Prompter = {
  async input() {
    throw new UsageError('usage.noInput');
  },
  async select() {
    throw new UsageError('usage.noInput');
  },
  async confirm() {
    throw new UsageError('usage.noInput');
  },
  async password() {
    throw new UsageError('usage.noInput');
  },
};

/**
 * With nobody to ask, every required flag that is missing is named at once (not one per attempt):
 * `flags` maps each flag to its value as given.
 */
export function requireFlags(ctx: Context, flags: Record<string, string | undefined>): void {
  if (ctx.options.interactive) return;
  const missing = Object.entries(flags).filter(([, v]) => v === undefined || v === '').map(([flag]) => flag);
  if (missing.length > 1) throw new UsageError('usage.missingFlags', { flags: missing.join(', ') });
}

/**
 * The value of a flag, or a prompt for it when a person is at the terminal;
 * otherwise a usage error that names the flag.
 */
export async function need(
  ctx: Context,
  value: string | undefined,
  flag: string,
  messageKey: string,
  opts: { default?: string; validate?: (v: string) => string | true } = {},
): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!ctx.options.interactive) throw new UsageError('usage.missingFlag', { flag });
  return ctx.prompter.input(ctx.t(messageKey), {
    default: opts.default,
    validate: opts.validate ?? ((v) => (v.trim() === '' ? ctx.t('prompt.required') : true)),
  });
}

export async function needChoice(
  ctx: Context,
  value: string | undefined,
  flag: string,
  messageKey: string,
  choices: SelectChoice[],
  def?: string,
): Promise<string> {
  if (value !== undefined && value !== '') return value;
  if (!ctx.options.interactive) throw new UsageError('usage.missingFlag', { flag });
  return ctx.prompter.select(ctx.t(messageKey), choices, def);
}

/** Confirmation before an irreversible step: --yes, or a "yes" at the prompt. */
export async function confirmStep(ctx: Context, messageKey: string, params: Record<string, string | number> = {}): Promise<void> {
  if (ctx.options.yes) return;
  if (!ctx.options.interactive) throw new UsageError('usage.needYes');
  const ok = await ctx.prompter.confirm(ctx.t(messageKey, params), false);
  if (!ok) throw new CancelledError('prompt.cancelled');
}
