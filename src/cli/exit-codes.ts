import {
  AppError, CancelledError, DatabaseError, NotFoundError, UsageError, ValidationError, WorkflowError,
} from '../domain/errors.js';

/** The one table of exit codes (CLI.md). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  validation: 3,
  notFound: 4,
  workflow: 5,
  database: 6,
  cancelled: 130,
} as const;

export function exitCodeFor(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof ValidationError) return EXIT.validation;
  if (e instanceof NotFoundError) return EXIT.notFound;
  if (e instanceof WorkflowError) return EXIT.workflow;
  if (e instanceof DatabaseError) return EXIT.database;
  if (e instanceof CancelledError) return EXIT.cancelled;
  if (e instanceof AppError) return EXIT.internal;
  return EXIT.internal;
}
