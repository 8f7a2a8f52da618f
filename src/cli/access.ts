/**
 * How each command uses the database, in one place. A command that only reads (a list, a show, a
 * report printed rather than numbered, `status`, `detect`) opens it read-only: its transactions take
 * no write lock, so it reads a consistent snapshot, never waits behind a writer, and works on a
 * database it cannot write (db/open.ts). The care commands examine a database whose tables do not
 * match its migrations instead of refusing it. A command not listed here writes.
 */
export interface Access {
  readOnly: boolean;
  examine: boolean;
}

type Flags = Record<string, unknown>;
const always = () => true;

/** A report is numbered in the register only when written as a Word file. */
function reportReads(flags: Flags, globals: Flags): boolean {
  const format = typeof flags.format === 'string' ? flags.format.trim().toLowerCase() : undefined;
  const out = typeof flags.out === 'string' ? flags.out : undefined;
  if (format !== undefined) return format !== 'docx';
  if (globals.json || globals.csv) return true;
  return !(out !== undefined && /\.docx$/i.test(out));
}

const READS: Record<string, (flags: Flags, globals: Flags) => boolean> = {
  'org show': always,
  'unit list': always,
  'person list': always,
  'person show': always,
  'person import': (flags) => !!flags.dryRun,
  'rules list': always,
  'rules titles': always,
  'rules criteria': always,
  'rules bonus': always,
  'movement list': always,
  'register list': always,
  'progress list': always,
  'progress missing': always,
  'evaluate list': always,
  'achieve list': always,
  'foster list': always,
  detect: always,
  'council show': always,
  'review list': always,
  'review show': always,
  'review overdue': always,
  'nominate check': always,
  'nominate list': always,
  'spread list': always,
  'spread export': always,
  'ballot show': always,
  'ballot list': always,
  'ballot paper': always,
  // A draft does its work in a transaction it rolls back: that needs a database it may write.
  'ballot minutes': (flags) => !flags.draft,
  'recognise list': always,
  'document list': always,
  'document render': always,
  'report annual': reportReads,
  'report quarterly': reportReads,
  'report progress': reportReads,
  'report province': reportReads,
  'report period': reportReads,
  'report benefits': reportReads,
  commend: (flags) => flags.out === undefined && !flags.final,
  status: always,
  'audit list': always,
  'audit verify': always,
  'audit head': always,
  'db check': always,
  'db info': always,
  'db backup': always,
};

/** Commands that examine a database as it is, whatever its tables. */
const EXAMINE = new Set(['db check', 'db info', 'db backup', 'audit verify', 'audit head']);

/** The database use of the command at `path` (`person list`), given its flags and the global ones. */
export function accessOf(path: string, flags: Flags, globals: Flags): Access {
  const reads = Object.hasOwn(READS, path) ? READS[path]!(flags, globals) : false;
  return { readOnly: reads, examine: EXAMINE.has(path) };
}

/** The words naming a command (`person list`), from commander's command object. */
export function commandPathOf(cmd: { name(): string; parent: unknown }): string {
  const names: string[] = [];
  for (let c: { name(): string; parent: unknown } | null = cmd; c && (c as { parent: unknown }).parent; c = c.parent as typeof c) names.unshift(c.name());
  return names.join(' ');
}

/** Every command listed, for a test that each names a real command. */
export const LISTED = [...Object.keys(READS), ...EXAMINE];
