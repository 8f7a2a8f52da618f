/**
 * Words for writing a migration's PostgreSQL DDL beside its SQLite DDL (porting is mechanical):
 *
 * - `INTEGER PRIMARY KEY` (SQLite's rowid) → `${ID}`, plus `...rowid('table')` after the table:
 *   the next id is the highest + 1, as SQLite gives it, so both engines number rows alike.
 * - `INTEGER` → `BIGINT` (read back as a JS number); `REAL` → `DOUBLE PRECISION`.
 * - `TEXT` → `${TEXT}`: compared and sorted byte by byte, as SQLite's TEXT is, whatever the
 *   database's own collation (people are sorted the Vietnamese way in the program).
 * - `CHECK (x GLOB '[0-9]…')` → `CHECK (x ~ '^[0-9]…$')`.
 * - `CREATE TRIGGER t BEFORE UPDATE|DELETE [OF a, b] ON x BEGIN SELECT RAISE(ABORT, 'msg'); END`
 *   → `refuse('t', 'UPDATE|DELETE [OF a, b]', 'x', 'msg')`.
 * - `CREATE TRIGGER t BEFORE … ON x WHEN cond BEGIN SELECT RAISE(ABORT, 'msg'); END`
 *   → `...refuseWhen('t', '…', 'x', 'cond', 'msg')` (the condition as written, OLD and NEW alike).
 * - A table SQLite rebuilds to change a column (CREATE x_NNNN, INSERT … SELECT, DROP x, RENAME,
 *   its indexes and triggers again) → `ALTER TABLE x ALTER COLUMN … / ADD COLUMN … / ADD CONSTRAINT
 *   … CHECK (…)` in place, plus only the indexes and triggers that are new (0014-authority.ts).
 * - Indexes (partial ones too), UNIQUE, REFERENCES, CHECK, DEFAULT, `ALTER TABLE … ADD COLUMN` and
 *   plain data statements (`UPDATE titles SET …`) are written the same.
 * - Data steps through kysely's builder stay in `up`, shared by both engines (they run after the DDL).
 */

/** Text that compares and sorts byte by byte (SQLite's BINARY). */
export const TEXT = 'TEXT COLLATE "C"';

/** SQLite's `INTEGER PRIMARY KEY`; give the table its numbering with `rowid()`. */
export const ID = 'BIGINT PRIMARY KEY';

/** A row inserted without an id gets the highest id + 1, as SQLite's rowid does (ids freed at the top are reused alike). */
export function rowid(table: string): string[] {
  return [
    `CREATE FUNCTION ${table}_rowid() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.id IS NULL THEN SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM ${table}; END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER ${table}_rowid BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_rowid()`,
  ];
}

/** SQLite's `BEFORE … BEGIN SELECT RAISE(ABORT, message); END`: the change is refused with the same message. */
export function refuse(name: string, event: string, table: string, message: string): string {
  return `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION thidua_refuse('${message.replace(/'/g, "''")}')`;
}

/** The function `refuse()` triggers call (created by the first migration). */
export const REFUSE_FUNCTION = `CREATE FUNCTION thidua_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation';
  END $$`;

/**
 * SQLite's `BEFORE … ON x WHEN condition BEGIN SELECT RAISE(ABORT, message); END`: PostgreSQL's own
 * WHEN cannot hold a subquery, so the condition (OLD and NEW as in SQLite) is tested in a function
 * of the trigger's name, and the change refused with the same message.
 */
export function refuseWhen(name: string, event: string, table: string, condition: string, message: string): string[] {
  const row = /^DELETE/.test(event) ? 'OLD' : 'NEW';
  return [
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${condition} THEN
         RAISE EXCEPTION USING MESSAGE = '${message.replace(/'/g, "''")}', ERRCODE = 'restrict_violation';
       END IF;
       RETURN ${row};
     END $$`,
    `CREATE TRIGGER ${name} BEFORE ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  ];
}
