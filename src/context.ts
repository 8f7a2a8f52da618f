import type { Lang, Translate } from './i18n/index.js';
import type { Database } from './db/open.js';

/** The clock every layer below `cli` reads "today" from (`--today`, THIDUA_TODAY, or the system date). */
export interface Clock {
  /** ISO date YYYY-MM-DD. */
  today(): string;
  /** Timestamp for audit rows (ISO 8601, UTC). */
  now(): string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Colour allowed: stdout is a terminal and NO_COLOR is not set. */
  color: boolean;
  /** Terminal width for tables and progress bars. */
  columns: number;
  /** The real streams, for prompts and progress bars (absent in tests that fake the terminal). */
  streams?: { stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream };
}

export interface SelectChoice {
  value: string;
  name: string;
}

/** Asks a person questions; the CLI gives a real one on a terminal and a refusing one otherwise. */
export interface Prompter {
  input(message: string, opts?: { default?: string; validate?: (v: string) => string | true }): Promise<string>;
  select(message: string, choices: SelectChoice[], def?: string): Promise<string>;
  confirm(message: string, def?: boolean): Promise<boolean>;
  /** A secret (a password, a PIN): not echoed, never kept. */
  password(message: string): Promise<string>;
}

export interface GlobalOptions {
  dbPath: string;
  /** The database as messages name it (a server's password masked). */
  dbLabel: string;
  json: boolean;
  csv: boolean;
  yes: boolean;
  /** Prompting allowed: a terminal on stdin and stdout, and no --no-input. */
  interactive: boolean;
  quiet: boolean;
  debug: boolean;
}

/** What a service needs: the database, the clock, and who is acting (for the audit trail). */
export interface ServiceContext {
  /** Opens the database on first use (`create` only for init and demo). */
  db(opts?: { create?: boolean }): Promise<Database>;
  /**
   * Opens another database than --db names (`db copy`), with the same settings; `empty` creates it
   * with no schema at all (the copy writes it); `readOnly` and `examine` as `db()` opens for a
   * command that only reads or examines. The caller closes it.
   */
  open?(target: string, opts?: { create?: boolean; empty?: boolean; readOnly?: boolean; examine?: boolean }): Promise<Database>;
  clock: Clock;
  /** OS user running the command. */
  actor: string;
  /** The command line as typed (for the audit trail). */
  command: string;
}

export interface Context extends ServiceContext {
  lang: Lang;
  t: Translate;
  io: Io;
  prompter: Prompter;
  options: GlobalOptions;
  /** Report progress of long work; a no-op unless stderr is a terminal (and not --quiet). */
  progress(total: number, label: string): Promise<ProgressBar>;
  close(): Promise<void>;
}

export interface ProgressBar {
  tick(n?: number): void;
  stop(): void;
}
