import { Command, Help, type Option } from 'commander';
import type { Kit, Registrar } from './kit.js';
import { version } from './version.js';

/**
 * The commands, in the order help lists them. Each is loaded only when it is the one being run
 * (or for `help` of it): start-up parses one command's files, not all of them.
 */
type Entry =
  | { name: string; group: () => Promise<{ verbs: Registrar[] }> }
  | { name: string; command: () => Promise<{ register(program: Command, kit: Kit): void }> };

const entries: Entry[] = [
  { name: 'init', command: () => import('./commands/init.js') },
  { name: 'org', group: () => import('./commands/org/index.js') },
  { name: 'unit', group: () => import('./commands/unit/index.js') },
  { name: 'person', group: () => import('./commands/person/index.js') },
  { name: 'rules', group: () => import('./commands/rules/index.js') },
  { name: 'movement', group: () => import('./commands/movement/index.js') },
  { name: 'register', group: () => import('./commands/register/index.js') },
  { name: 'progress', group: () => import('./commands/progress/index.js') },
  { name: 'evaluate', group: () => import('./commands/evaluate/index.js') },
  { name: 'achieve', group: () => import('./commands/achieve/index.js') },
  { name: 'foster', group: () => import('./commands/foster/index.js') },
  { name: 'detect', command: () => import('./commands/detect.js') },
  { name: 'council', group: () => import('./commands/council/index.js') },
  { name: 'review', group: () => import('./commands/review/index.js') },
  { name: 'nominate', group: () => import('./commands/nominate/index.js') },
  { name: 'spread', group: () => import('./commands/spread/index.js') },
  { name: 'ballot', group: () => import('./commands/ballot/index.js') },
  { name: 'recognise', group: () => import('./commands/recognise/index.js') },
  { name: 'certificate', command: () => import('./commands/certificate.js') },
  { name: 'document', group: () => import('./commands/document/index.js') },
  { name: 'sign', command: () => import('./commands/sign.js') },
  { name: 'verify', command: () => import('./commands/verify.js') },
  { name: 'commend', command: () => import('./commands/commend.js') },
  { name: 'report', group: () => import('./commands/report/index.js') },
  { name: 'export', command: () => import('./commands/export.js') },
  { name: 'import', command: () => import('./commands/import.js') },
  { name: 'received', group: () => import('./commands/received/index.js') },
  { name: 'status', command: () => import('./commands/status.js') },
  { name: 'db', group: () => import('./commands/db/index.js') },
  { name: 'audit', group: () => import('./commands/audit/index.js') },
  { name: 'demo', command: () => import('./commands/demo.js') },
];

export const COMMAND_NAMES = entries.map((e) => e.name);

/** Global options that take a value (so the scanner below skips the value). */
export const VALUED = new Set(['--db', '--lang', '--today']);

/** The command a command line runs (`thidua --db x unit list` → unit; `thidua help unit` → unit). */
export function commandOf(argv: string[]): string | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (VALUED.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return (words[0] === 'help' ? words[1] : words[0]) ?? null;
}

/** Commander's own help headings, said in the user's language. */
const HEADINGS: Record<string, string> = {
  'Usage:': 'help.heading.usage',
  'Arguments:': 'help.heading.arguments',
  'Options:': 'help.heading.options',
  'Global Options:': 'help.heading.globalOptions',
  'Commands:': 'help.heading.commands',
};

/** The help layout with its fixed words translated (inherited by every command made after it). */
function configureHelp(cmd: Command, kit: Kit): void {
  const t = kit.t;
  // The words in <…> said in the user's language (<mã>, <ngày>); a word without a translation stays.
  const word = (w: string) => {
    const said = t(`help.ph.${w}`);
    return said === `help.ph.${w}` ? w : said;
  };
  const placeholders = (s: string) => s.replace(/<([^<>]+)>/g, (_m, w: string) => `<${word(w)}>`);
  cmd.configureHelp({
    styleTitle: (title) => (HEADINGS[title] ? t(HEADINGS[title]) : title),
    styleOptionText: (s) => (s === '[options]' ? t('help.usage.options') : s),
    styleSubcommandText: (s) => (s === '[command]' ? t('help.usage.command') : s),
    styleOptionTerm: placeholders,
    // An argument in a usage line (`<subject>`, `[subject]`, `<code...>`) or in the list of arguments (`subject`).
    styleArgumentText: (s) => {
      const m = /^([<[]?)([^<>[\].]+)(\.\.\.)?([>\]]?)$/.exec(s);
      return m ? `${m[1]}${word(m[2])}${m[3] ?? ''}${m[4]}` : s;
    },
    optionDescription(this: Help, option: Option) {
      // A repeatable option starts from an empty list: nothing worth showing as a default.
      return Help.prototype.optionDescription.call(this, option).replace(/ \(default: \[\]\)$/, '').replace(/\(default: /, `(${t('help.default')}: `);
    },
  });
}

/** The global options of CLI.md, accepted before or after the command. */
function addGlobalOptions(cmd: Command, kit: Kit): Command {
  const t = kit.t;
  return cmd
    .option('--db <file>', t('opt.db'))
    .option('--lang <lang>', t('opt.lang'))
    .option('--today <date>', t('opt.today'))
    .option('--json', t('opt.json'))
    .option('--csv', t('opt.csv'))
    .option('-y, --yes', t('opt.yes'))
    .option('--no-input', t('opt.noInput'))
    .option('-q, --quiet', t('opt.quiet'))
    .option('--debug', t('opt.debug'));
}

/**
 * The command tree. `load` names the command to load fully ('all' for every one, as the help test
 * does); the others are listed with their description only.
 */
export async function buildProgram(kit: Kit, load: string | null | 'all' = 'all'): Promise<Command> {
  const t = kit.t;
  const program = new Command('thidua');
  program
    .description(t('help.program'))
    .version(version, '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('opt.helpCommand'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => kit.sys.io.out(s),
      // A group typed without its verb (`thidua person`) gets its help on stderr.
      writeErr: (s) => kit.sys.io.err(s),
      outputError: () => undefined, // errors are printed, translated, by run.ts
    })
    // The suggestion is said again, translated, by run.ts.
    .showSuggestionAfterError(true);
  configureHelp(program, kit);
  addGlobalOptions(program, kit);
  program.addHelpText('after', `\n${t('help.program.after')}\n`);

  for (const entry of entries) {
    const wanted = load === 'all' || load === entry.name;
    if ('command' in entry) {
      if (wanted) (await entry.command()).register(program, kit);
      else program.command(entry.name).description(t(`help.${entry.name}`));
      continue;
    }
    const group = program.command(entry.name).description(t(`help.${entry.name}`)).helpOption('-h, --help', t('opt.help'));
    group.helpCommand(false);
    if (wanted) for (const v of (await entry.group()).verbs) v.register(group, kit);
  }
  return program;
}
