/**
 * Typed errors. Every error carries an i18n message key and its parameters;
 * `cli/exit-codes.ts` alone maps the classes to exit codes (CLI.md).
 */
export type MessageParams = Record<string, string | number | null | undefined>;

/** One problem inside a larger input (an import row, one flag among several). */
export interface Detail {
  /** Line in the source file (header = line 1), when the problem comes from a file. */
  line?: number;
  key: string;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly key: string;
  readonly params: MessageParams;
  readonly details: Detail[];
  constructor(key: string, params: MessageParams = {}, details: Detail[] = []) {
    super(key);
    this.name = new.target.name;
    this.key = key;
    this.params = params;
    this.details = details;
  }
}

/** Unknown command or flag; a missing value when prompting is off. Exit 2. */
export class UsageError extends AppError {}
/** Well-formed but invalid input; nothing is written. Exit 3. */
export class ValidationError extends AppError {}
/** Unknown person, unit, initiative, nomination, ballot… Exit 4. */
export class NotFoundError extends AppError {}
/** The action does not fit the current state. Exit 5. */
export class WorkflowError extends AppError {}
/** Database missing, locked, corrupt or newer than this program. Exit 6. */
export class DatabaseError extends AppError {}
/** The user cancelled at a prompt. Exit 130. */
export class CancelledError extends AppError {}
