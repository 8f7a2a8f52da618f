import { Command, CommanderError } from 'commander';
import { AppError, DatabaseError, UsageError } from '../domain/errors.js';
import { loadCatalogue, translator, type Translate } from '../i18n/index.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { makeKit, pickLang, type System } from './kit.js';
import { buildProgram, commandOf, VALUED } from './program.js';

function scan(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === name) return argv[i + 1];
    if (a.startsWith(name + '=')) return a.slice(name.length + 1);
  }
  return undefined;
}

/** The command a command line names, as far as it names one: `thidua person add`, or just `thidua`. */
function commandPath(program: Command, argv: string[]): string {
  const names = ['thidua'];
  let cmd = program;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) {
      const sub = cmd.commands.find((c) => c.name() === a);
      if (!sub) break;
      names.push(a);
      cmd = sub;
    }
  }
  return names.join(' ');
}

/** Commander's own (English) errors, said again in the user's language. */
function fromCommander(e: CommanderError): UsageError {
  const error = translateCommander(e);
  // Commander's "(Did you mean person?)": the nearest command or flag, in the user's language.
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(e.message)?.[1];
  return suggestion ? new UsageError(error.key, error.params, [...error.details, { key: 'usage.didYouMean', params: { suggestion } }]) : error;
}

function translateCommander(e: CommanderError): UsageError {
  const quoted = [...e.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  switch (e.code) {
    case 'commander.unknownOption':
      return new UsageError('usage.unknownOption', { option: quoted[0] ?? '' });
    case 'commander.unknownCommand':
      return new UsageError('usage.unknownCommand', { command: quoted[0] ?? '' });
    case 'commander.missingArgument':
      return new UsageError('usage.missingArgument', { argument: quoted[0] ?? '' });
    case 'commander.optionMissingArgument':
      return new UsageError('usage.optionMissingArgument', { option: quoted[0] ?? '' });
    case 'commander.excessArguments': {
      const m = /for '([^']+)'\. Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      return new UsageError('usage.excessArguments', { command: m?.[1] ?? '', expected: m?.[2] ?? '?', got: m?.[3] ?? '?' });
    }
    case 'commander.invalidArgument':
      return new UsageError('usage.invalidArgument', { detail: e.message.replace(/^error: /, '') });
    default:
      return new UsageError('usage.generic', { detail: e.message.replace(/^error: /, '') });
  }
}

export function formatError(e: AppError, t: Translate): string {
  const lines = [`${t('error.prefix')}: ${t(e.key, e.params)}`];
  for (const d of e.details) {
    const text = t(d.key, d.params);
    lines.push(d.line !== undefined ? `  ${t('error.line', { line: d.line })}: ${text}` : `  - ${text}`);
  }
  return lines.join('\n') + '\n';
}

/** What to say when standard output cannot be written (a full disk, /dev/full). */
export async function outputFailureMessage(argv: string[], env: Record<string, string | undefined>, e: unknown, catalogues?: URL): Promise<string> {
  let lang;
  try {
    lang = pickLang(scan(argv, '--lang') ?? env.THIDUA_LANG);
  } catch {
    lang = 'vi' as const;
  }
  await loadCatalogue(lang, catalogues);
  const { reasonOf } = await import('../services/files.js');
  const { key, code } = reasonOf(e);
  return formatError(new DatabaseError('files.outputFailed', {}, [{ key, params: { code } }]), translator(lang));
}

/** Runs one command line; returns the exit code (main.ts sets it on the process). */
export async function runCli(sys: System): Promise<number> {
  let lang;
  try {
    lang = pickLang(scan(sys.argv, '--lang') ?? sys.env.THIDUA_LANG);
  } catch {
    lang = 'vi' as const;
  }
  await loadCatalogue(lang, sys.catalogues);
  const t = translator(lang);
  const debug = sys.argv.includes('--debug') || !!sys.env.THIDUA_DEBUG;
  const kit = makeKit(sys, lang);
  const program: Command = await buildProgram(kit, commandOf(sys.argv));
  try {
    if (sys.argv.length === 0) {
      sys.io.out(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync(sys.argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    let e: unknown = err;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
        // Help shown because a verb is missing (`thidua person`) is a usage error; asked-for help is not.
        return e.code === 'commander.help' && e.exitCode !== 0 ? EXIT.usage : EXIT.ok;
      }
      e = fromCommander(e);
    }
    if (e instanceof AppError) {
      sys.io.err(formatError(e, t));
      if (e instanceof UsageError && !['usage.noInput', 'usage.needYes'].includes(e.key)) {
        sys.io.err(t('usage.seeHelp', { command: commandPath(program, sys.argv) }) + '\n');
      }
      if (debug && e.stack) sys.io.err(e.stack + '\n');
      return exitCodeFor(e);
    }
    const error = e as Error;
    sys.io.err(`${t('error.internal', { message: error?.message ?? String(e) })}\n`);
    if (debug && error?.stack) sys.io.err(error.stack + '\n');
    return EXIT.internal;
  }
}
