import { Command } from 'commander';
import type { Kit, Registrar } from './kit.js';
import { version } from './version.js';
import * as init from './commands/init.js';
import * as demo from './commands/demo.js';
import * as orgShow from './commands/org/show.js';
import * as orgSet from './commands/org/set.js';
import * as unitAdd from './commands/unit/add.js';
import * as unitList from './commands/unit/list.js';
import * as unitEdit from './commands/unit/edit.js';
import * as unitRetire from './commands/unit/retire.js';
import * as personAdd from './commands/person/add.js';
import * as personList from './commands/person/list.js';
import * as personShow from './commands/person/show.js';
import * as personEdit from './commands/person/edit.js';
import * as personImport from './commands/person/import.js';
import * as rulesList from './commands/rules/list.js';
import * as rulesSet from './commands/rules/set.js';
import * as rulesTitles from './commands/rules/titles.js';
import * as rulesCriteria from './commands/rules/criteria.js';
import * as dbBackup from './commands/db/backup.js';
import * as dbCheck from './commands/db/check.js';
import * as dbInfo from './commands/db/info.js';
import * as auditList from './commands/audit/list.js';
import * as auditVerify from './commands/audit/verify.js';
import * as detect from './commands/detect.js';
import * as status from './commands/status.js';
import { verbs as registerVerbs } from './commands/register/index.js';
import { verbs as progressVerbs } from './commands/progress/index.js';
import { verbs as evaluateVerbs } from './commands/evaluate/index.js';
import { verbs as movementVerbs } from './commands/movement/index.js';
import { verbs as achieveVerbs } from './commands/achieve/index.js';
import { verbs as fosterVerbs } from './commands/foster/index.js';
import { verbs as nominateVerbs } from './commands/nominate/index.js';
import { verbs as councilVerbs } from './commands/council/index.js';
import { verbs as reviewVerbs } from './commands/review/index.js';


/** Command groups and their verbs; every verb file declares its own flags and action. */
const groups: [string, Registrar[]][] = [
  ['org', [orgShow, orgSet]],
  ['unit', [unitAdd, unitList, unitEdit, unitRetire]],
  ['person', [personAdd, personList, personShow, personEdit, personImport]],
  ['rules', [rulesList, rulesSet, rulesTitles, rulesCriteria]],
  ['movement', movementVerbs],
  ['register', registerVerbs],
  ['progress', progressVerbs],
  ['evaluate', evaluateVerbs],
  ['achieve', achieveVerbs],
  ['foster', fosterVerbs],
  ['nominate', nominateVerbs],
  ['council', councilVerbs],
  ['review', reviewVerbs],
  ['db', [dbBackup, dbCheck, dbInfo]],
  ['audit', [auditList, auditVerify]],
];

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

export function buildProgram(kit: Kit): Command {
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
      writeErr: () => undefined, // errors are printed, translated, by run.ts
    })
    .showSuggestionAfterError(false);
  addGlobalOptions(program, kit);
  program.addHelpText('after', `\n${t('help.program.after')}\n`);

  init.register(program, kit);
  for (const [name, verbs] of groups) {
    const group = program.command(name).description(t(`help.${name}`)).helpOption('-h, --help', t('opt.help'));
    group.helpCommand(false);
    for (const v of verbs) v.register(group, kit);
  }
  detect.register(program, kit);
  status.register(program, kit);
  demo.register(program, kit);
  return program;
}
