/**
 * Where the database is: a file path means SQLite; `postgres://…` or `postgresql://…` means a
 * PostgreSQL server. Plain text work (no driver is loaded to tell them apart), so the terminal can
 * mask a password before anything is printed or audited.
 */

const SERVER = /^postgres(?:ql)?:\/\//i;

export function isServerUrl(target: string): boolean {
  return SERVER.test(target.trim());
}

/**
 * The address as messages show it: the password (in the user part or a `password=` parameter)
 * replaced by ***, so it never reaches a terminal, a log or the audit trail.
 */
export function maskUrl(target: string): string {
  const url = target.trim();
  if (!isServerUrl(url)) return target;
  const scheme = url.indexOf('://') + 3;
  const rest = url.slice(scheme);
  // The user part ends at the last @ before the path (a password may itself hold @ or /).
  const path = rest.search(/[/?#]/);
  const authority = path < 0 ? rest : rest.slice(0, path);
  const at = authority.lastIndexOf('@');
  let masked = rest;
  if (at >= 0) {
    const user = authority.slice(0, at);
    const colon = user.indexOf(':');
    if (colon >= 0) masked = `${user.slice(0, colon)}:***@${rest.slice(at + 1)}`;
  } else {
    // A / inside an unencoded password ends the user part early: mask up to the last @ before any query.
    const query = rest.indexOf('?');
    const last = (query < 0 ? rest : rest.slice(0, query)).lastIndexOf('@');
    const colon = rest.indexOf(':');
    if (last >= 0 && colon >= 0 && colon < last) masked = `${rest.slice(0, colon)}:***@${rest.slice(last + 1)}`;
  }
  masked = masked.replace(/([?&]password=)[^&#]*/gi, '$1***');
  return url.slice(0, scheme) + masked;
}

/** The user named in the address, if any (for messages about privileges). */
export function urlUser(target: string): string | undefined {
  try {
    const u = new URL(target.trim());
    return u.username ? decodeURIComponent(u.username) : undefined;
  } catch {
    return undefined;
  }
}

/** A command-line word with any server address in it masked (`--db=postgres://u:p@h/db` too). */
export function maskArg(arg: string): string {
  const at = arg.search(/postgres(?:ql)?:\/\//i);
  return at < 0 ? arg : arg.slice(0, at) + maskUrl(arg.slice(at));
}
