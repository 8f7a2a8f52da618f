/**
 * Least privilege on a server: an owner role that holds the schema and runs the migrations, and a
 * clerk role the program works under day to day, which reads and writes the records but can never
 * change or remove a row of the audit log or the document register. One policy, written once in
 * SQL: `thidua db roles` prints it for the operator (or runs it), and every upgrade re-applies its
 * table part, so tables a new version adds are covered the same way.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

export interface RoleNames {
  owner: string;
  clerk: string;
}

export const DEFAULT_ROLES: RoleNames = { owner: 'thidua_owner', clerk: 'thidua_clerk' };

/** A role name the SQL below can carry as it is (PostgreSQL's unquoted identifiers). */
export function isRoleName(name: string): boolean {
  return /^[a-z_][a-z0-9_]{0,62}$/.test(name);
}

/**
 * Columns a clerk may update in a table otherwise kept as issued: a document is revoked (its status,
 * the reason and the later decision revoking it), never renumbered or rewritten. A table with a refusing trigger (thidua_refuse,
 * migrations/postgres.ts) on UPDATE or DELETE gets no such privilege at all: the audit log, and no
 * DELETE on the register, the recognitions and the final commendation lists.
 */
export const CLERK_UPDATES: Record<string, readonly string[]> = {
  documents: ['status', 'revoked_on', 'revoked_reason', 'revoked_by'],
};

/** Tables the clerk only reads (the record of schema steps). */
const READ_ONLY = ['migrations'];

function sqlArray(items: readonly string[]): string {
  return `ARRAY[${items.map((s) => `'${s}'`).join(', ')}]::text[]`;
}

/** The table part of the policy for one clerk role: idempotent, run by the owner (or a superuser). */
export function clerkPolicySql(clerk: string): string {
  const updates = Object.entries(CLERK_UPDATES)
    .map(([table, cols]) => `WHEN '${table}' THEN ${sqlArray(cols)}`)
    .join(' ');
  return `DO $thidua$
DECLARE
  t record;
  cols text[];
BEGIN
  FOR t IN SELECT c.oid, c.relname FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' LOOP
    EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, '${clerk}');
    EXECUTE format('GRANT SELECT ON %I TO %I', t.relname, '${clerk}');
    CONTINUE WHEN t.relname = ANY (${sqlArray(READ_ONLY)});
    EXECUTE format('GRANT INSERT ON %I TO %I', t.relname, '${clerk}');
    -- No DELETE where a trigger refuses it; no UPDATE where one refuses every update.
    IF NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgfoid = 'thidua_refuse'::regproc AND g.tgtype & 8 <> 0) THEN
      EXECUTE format('GRANT DELETE ON %I TO %I', t.relname, '${clerk}');
    END IF;
    cols := CASE t.relname ${updates} ELSE NULL END;
    IF cols IS NOT NULL THEN
      EXECUTE format('GRANT UPDATE (%s) ON %I TO %I', (SELECT string_agg(quote_ident(x), ', ') FROM unnest(cols) x), t.relname, '${clerk}');
    ELSIF NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND g.tgfoid = 'thidua_refuse'::regproc AND g.tgtype & 16 <> 0 AND g.tgattr = ''::int2vector) THEN
      EXECUTE format('GRANT UPDATE ON %I TO %I', t.relname, '${clerk}');
    END IF;
  END LOOP;
END $thidua$`;
}

/**
 * The whole set-up, for an administrator to run once in the program's database (again after
 * `init` or `db copy` is harmless): the two roles (log-in, no password: set one with \password),
 * the schema's privileges, the owner taking over whatever the program already created, and the
 * clerk's privileges on the tables there are and will be.
 */
export function rolesSql(roles: RoleNames): string[] {
  const { owner, clerk } = roles;
  return [
    `DO $thidua$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${clerk}') THEN CREATE ROLE ${clerk} LOGIN; END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${owner}, ${clerk}', current_database());
  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO ${owner}', current_schema());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${clerk}', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA %I GRANT SELECT, INSERT ON TABLES TO ${clerk}', current_schema());
END $thidua$`,
    `DO $thidua$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.relname FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO ${owner}', r.relname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
           WHERE p.pronamespace = current_schema()::regnamespace AND (p.proname = 'thidua_refuse' OR p.proname LIKE '%\\_rowid') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO ${owner}', r.f);
  END LOOP;
END $thidua$`,
    clerkPolicySql(clerk),
  ];
}

/** Roles that write records (they may add audit rows) besides the tables' owner: the clerks. */
async function clerkRoles(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ role: string }>`
    SELECT DISTINCT pg_get_userbyid(a.grantee) AS role
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = 'audit' AND c.relkind = 'r'
      AND a.privilege_type = 'INSERT' AND a.grantee <> c.relowner AND a.grantee <> 0
    ORDER BY 1`.execute(db);
  return rows.map((r) => r.role).filter(isRoleName);
}

/** After a schema change (init, an upgrade, a copy): the clerks' privileges again, on every table. */
export async function applyClerkPolicy(db: Kysely<DB>): Promise<void> {
  for (const clerk of await clerkRoles(db)) await sql.raw(clerkPolicySql(clerk)).execute(db);
}
