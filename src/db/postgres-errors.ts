/**
 * PostgreSQL's failures as the program's errors: the same keys and exit codes as SQLite's
 * (db/open.ts), with the server named by its masked address. No driver is loaded here.
 */
import { AppError, DatabaseError, ValidationError } from '../domain/errors.js';

interface PgFailure {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  errors?: unknown;
  syscall?: unknown;
}

/** The SQLSTATE of a server error, or the system error code of a failed connection. */
function codeOf(e: PgFailure): string {
  if (typeof e.code === 'string') return e.code;
  // A name that resolves to several addresses fails with every attempt's error together.
  if (Array.isArray(e.errors) && e.errors.length > 0) return codeOf(e.errors[0] as PgFailure);
  return '';
}

/** SQLite's wording of a broken constraint, so both engines say the same (db.constraint). */
function constraintDetail(e: PgFailure, code: string): string {
  const table = typeof e.table === 'string' ? e.table : '';
  if (code === '23505') {
    const cols = /^Key \((.+?)\)=/.exec(typeof e.detail === 'string' ? e.detail : '')?.[1].split(', ') ?? [];
    return `UNIQUE constraint failed: ${cols.map((c) => `${table}.${c}`).join(', ')}`;
  }
  if (code === '23503') return 'FOREIGN KEY constraint failed';
  if (code === '23502') return `NOT NULL constraint failed: ${table}.${String(e.column ?? '')}`;
  if (code === '23514') return `CHECK constraint failed: ${String(e.constraint ?? '')}`;
  // A trigger refusing the change (thidua_refuse): its message is SQLite's RAISE message.
  return String(e.message ?? '');
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE']);

export function translatePgError(e: unknown, url: string): unknown {
  if (e instanceof AppError || typeof e !== 'object' || e === null) return e;
  const f = e as PgFailure;
  const code = codeOf(f);
  const message = typeof f.message === 'string' ? f.message : '';
  // Another program holds the write lock longer than the busy timeout; a read-only transaction asked to write.
  if (code === '55P03' || code === '40P01' || code === '40001' || code === '25006') return new DatabaseError('db.locked', { file: url });
  if (code.startsWith('23')) return new ValidationError('db.constraint', { detail: constraintDetail(f, code) });
  if (code === '28P01' || code === '28000' || /password must be a string|SASL/i.test(message)) return new DatabaseError('pg.auth', { url });
  if (code === '3D000') return new DatabaseError('pg.noDatabase', { url });
  if (code === '42501') return new DatabaseError('pg.permission', { url });
  if (code === '53100') return new DatabaseError('db.full', { file: url });
  if (code === '25P03' || code === '57014') return new DatabaseError('db.locked', { file: url });
  // A socket that cannot be reached (a local server's socket file missing, a port out of range).
  const connecting = f.syscall === 'connect' || code === 'ERR_SOCKET_BAD_PORT';
  if (UNREACHABLE.has(code) || connecting || code.startsWith('08') || code === '53300' || code === '57P01' || code === '57P02' || code === '57P03') {
    return new DatabaseError('pg.cantConnect', { url, reason: code });
  }
  if (/^(ERR_TLS|UNABLE_TO|SELF_SIGNED|DEPTH_ZERO|CERT_)/.test(code) || /SSL|TLS/.test(message)) return new DatabaseError('pg.cantConnect', { url, reason: 'SSL' });
  if (/Connection terminated|connection timeout|timeout expired/i.test(message)) return new DatabaseError('pg.cantConnect', { url, reason: 'timeout' });
  return e;
}
