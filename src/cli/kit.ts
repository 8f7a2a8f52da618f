import type { Command } from 'commander';
import type { Clock, Context, GlobalOptions, Io, ProgressBar, Prompter } from '../context.js';
import type { Database } from '../db/open.js';
import { translator, isLang, type Lang, type Translate } from '../i18n/index.js';
import { AppError, UsageError, ValidationError } from '../domain/errors.js';
import { accessOf, commandPathOf, type Access } from './access.js';
import { parseDate, todayIso } from '../domain/dates.js';
import { maskArg, maskUrl } from '../domain/db-address.js';
import { refusingPrompter, terminalPrompter } from './prompter.js';

/** What main.ts hands to the CLI: the only link to the process. */
export interface System {
  argv: string[];
  env: Record<string, string | undefined>;
  io: Io;
  /** OS user, for the audit trail. */
  actor: string;
  now(): Date;
  /** The prompter to use when a person is at the terminal (tests give a scripted one). */
  prompter?: Prompter;
  /** Where the built message catalogues (JSON) are; absent when running from source. */
  catalogues?: URL;
}

export interface RawGlobals {
  db?: string;
  lang?: string;
  today?: string;
  json?: boolean;
  csv?: boolean;
  yes?: boolean;
  input?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

export function pickLang(value: string | undefined): Lang {
  if (value === undefined) return 'vi';
  const v = value.toLowerCase();
  if (!isLang(v)) throw new UsageError('usage.badLang', { value });
  return v;
}

export function makeClock(sys: System, today: string | undefined): Clock {
  let fixed: string | undefined;
  if (today !== undefined) {
    const iso = parseDate(today.trim());
    if (!iso) throw new ValidationError('usage.badToday', { value: today });
    fixed = iso;
  }
  return {
    today: () => fixed ?? todayIso(sys.now()),
    now: () => sys.now().toISOString(),
  };
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/**
 * How long to wait for another program's lock on the database (THIDUA_BUSY_TIMEOUT_MS, whole
 * milliseconds); the default (5000) when unset or not a number.
 */
export function busyTimeout(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d{1,7}\s*$/.test(raw)) return undefined;
  return Number(raw);
}

/** Builds the Context for one command run from the global options and the environment. */
export function createContext(sys: System, raw: RawGlobals, access: Access = { readOnly: false, examine: false }): Context {
  const lang = pickLang(raw.lang ?? sys.env.THIDUA_LANG);
  const t: Translate = translator(lang);
  const clock = makeClock(sys, raw.today ?? sys.env.THIDUA_TODAY);
  const io = sys.io;
  const dbPath = raw.db ?? sys.env.THIDUA_DB ?? './thidua.sqlite';
  const options: GlobalOptions = {
    dbPath,
    dbLabel: maskUrl(dbPath),
    json: !!raw.json,
    csv: !!raw.csv,
    yes: !!raw.yes,
    interactive: raw.input !== false && io.stdinIsTTY && io.stdoutIsTTY,
    quiet: !!raw.quiet,
    debug: !!raw.debug || !!sys.env.THIDUA_DEBUG,
  };
  if (options.json && options.csv) throw new UsageError('usage.jsonAndCsv');
  let opened: Promise<Database> | undefined;
  // A server's password never reaches the audit trail.
  const command = ['thidua', ...sys.argv.map((a) => quoteArg(maskArg(a)))].join(' ');
  const ctx: Context = {
    lang,
    t,
    io,
    options,
    clock,
    actor: sys.actor,
    command,
    prompter: options.interactive ? (sys.prompter ?? terminalPrompter(io, t)) : refusingPrompter,
    db(opts = {}) {
      opened ??= ctx.open!(options.dbPath, { create: opts.create ?? false, readOnly: access.readOnly && !opts.create, examine: access.examine });
      return opened;
    },
    async open(target, opts = {}) {
      const m = await import('../services/database.js');
      return m.connect(target, {
        create: opts.create || opts.empty,
        migrations: opts.empty ? [] : undefined,
        meta: { at: clock.now(), actor: sys.actor, command },
        busyTimeoutMs: busyTimeout(sys.env.THIDUA_BUSY_TIMEOUT_MS),
        confirmed: options.yes,
        env: sys.env,
        readOnly: opts.readOnly,
        examine: opts.examine,
      });
    },
    async progress(total, label): Promise<ProgressBar> {
      if (!io.stderrIsTTY || options.quiet || !io.streams || total < 2) return { tick() {}, stop() {} };
      const { SingleBar } = (await import('cli-progress')).default;
      const bar = new SingleBar({
        format: `${label} [{bar}] {value}/{total}`,
        stream: io.streams.stderr as NodeJS.WritableStream & { isTTY: boolean },
        hideCursor: true,
        clearOnComplete: true,
      });
      bar.start(total, 0);
      return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
    },
    async close() {
      if (opened) {
        const db = await opened.catch(() => undefined);
        opened = undefined;
        await db?.close();
      }
    },
  };
  return ctx;
}

/** A command file: declares its flags and action under a parent command. */
export interface Registrar {
  register(parent: Command, kit: Kit): void;
}

/** What every command file gets: translations for its help, and the action wrapper. */
export interface Kit {
  lang: Lang;
  t: Translate;
  sys: System;
  action<O>(fn: (ctx: Context, opts: O, args: string[], cmd: Command) => Promise<void>): (...args: unknown[]) => Promise<void>;
  /** Sets the description and the example of a command from the catalogue (`help.<id>`). */
  describe(cmd: Command, id: string): Command;
}

export function makeKit(sys: System, lang: Lang): Kit {
  const t = translator(lang);
  return {
    lang,
    t,
    sys,
    action(fn) {
      return async (...args: unknown[]) => {
        const cmd = args[args.length - 1] as Command;
        const opts = args[args.length - 2] as never;
        const positional = args.slice(0, -2).flat() as string[];
        const globals = cmd.optsWithGlobals() as RawGlobals;
        const ctx = createContext(sys, globals, accessOf(commandPathOf(cmd), opts as Record<string, unknown>, globals as Record<string, unknown>));
        try {
          await fn(ctx, opts, positional, cmd);
        } catch (e) {
          // A fault of the database met outside a transaction (a page found damaged while checking it,
          // a full disk) is said as what it is, with the database exit code, never as a bug.
          const code = (e as { code?: unknown }).code;
          if (!(e instanceof AppError) && typeof code === 'string' && code.startsWith('SQLITE_')) {
            const { databaseFault } = await import('../services/database.js');
            throw databaseFault(e, ctx.options.dbPath);
          }
          throw e;
        } finally {
          await ctx.close();
        }
      };
    },
    describe(cmd, id) {
      cmd.description(t(`help.${id}`));
      cmd.addHelpText('after', `\n${t('help.examples')}\n${t(`help.${id}.example`).replace(/^/gm, '  ')}\n`);
      return cmd;
    },
  };
}
