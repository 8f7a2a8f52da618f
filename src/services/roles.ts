/**
 * `thidua db roles`: the SQL that gives a server database its two roles (an owner that runs the
 * migrations, a clerk that cannot change or remove the audit log or the document register), to
 * print for the administrator or to run with --apply.
 */
import { DEFAULT_ROLES, isRoleName, rolesSql, type RoleNames } from '../db/postgres-roles.js';
import { isServerUrl, maskUrl } from '../domain/db-address.js';
import { ValidationError, WorkflowError } from '../domain/errors.js';

export function roleNames(input: { owner?: string; clerk?: string }): RoleNames {
  const names = { owner: input.owner?.trim() || DEFAULT_ROLES.owner, clerk: input.clerk?.trim() || DEFAULT_ROLES.clerk };
  for (const [field, value] of Object.entries(names)) {
    if (!isRoleName(value)) throw new ValidationError('roles.badName', { field, value });
  }
  if (names.owner === names.clerk) throw new ValidationError('roles.sameName', { value: names.owner });
  return names;
}

export function rolesScript(names: RoleNames): string[] {
  return rolesSql(names);
}

/** Runs the script on the server --db names, in one transaction (an administrator's connection). */
export async function applyRoles(target: string, names: RoleNames, env?: Record<string, string | undefined>): Promise<{ url: string; statements: number }> {
  if (!isServerUrl(target)) throw new WorkflowError('roles.needServer', { file: target });
  const { runScript } = await import('../db/postgres.js');
  const statements = rolesSql(names);
  await runScript(target, statements, env);
  return { url: maskUrl(target), statements: statements.length };
}
