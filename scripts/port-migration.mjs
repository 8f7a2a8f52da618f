// Prints a first draft of a migration's PostgreSQL DDL from its SQLite DDL, following the rules of
// migrations/postgres.ts. Porting a migration written for SQLite only (`const ddl = [...]` run by
// `up`) is then:
//   1. node scripts/port-migration.mjs migrations/00NN-name.ts  (prints `const postgres = [...]`)
//   2. in the file: rename `ddl` to `sqlite`, paste the printed list below it, import what it uses
//      from './postgres.js', give the migration `ddl: { sqlite, postgres }` and drop the loop that ran
//      the DDL from `up` (keep the data steps; drop `up` if nothing is left).
//   3. read the draft (anything beyond tables, indexes and RAISE triggers needs a person: a table
//      rebuilt on SQLite is altered in place on PostgreSQL, see migrations/0014-authority.ts), then
//      npx vitest run test/integration/engines-schema.test.ts  (both schemas alike, or what differs).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/port-migration.mjs migrations/00NN-name.ts\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const list = /const (?:ddl|sqlite) = \[\n([\s\S]*?)\n\];/.exec(text);
if (!list) {
  process.stderr.write(`${file}: no "const ddl = [" (or "const sqlite = [") list of statements found\n`);
  process.exit(1);
}
const statements = [...list[1].matchAll(/^ {2}`([\s\S]*?)`,/gm)].map((m) => m[1]);
const out = [];
const used = new Set();
for (const stmt of statements) {
  const trigger = /^CREATE TRIGGER (\w+) BEFORE ([\s\S]*?) ON (\w+)\s+BEGIN SELECT RAISE\(ABORT, '([^']*)'\); END$/.exec(stmt);
  if (trigger) {
    used.add('refuse');
    out.push(`  refuse('${trigger[1]}', '${trigger[2]}', '${trigger[3]}', '${trigger[4]}'),`);
    continue;
  }
  // A refusal under a condition (WHEN …): the condition is tested in the trigger's function.
  const when = /^CREATE TRIGGER (\w+) BEFORE ([\s\S]*?) ON (\w+)\s+WHEN ([\s\S]*?)\s+BEGIN SELECT RAISE\(ABORT, '([^']*)'\); END$/.exec(stmt);
  if (when) {
    used.add('refuseWhen');
    out.push(`  ...refuseWhen('${when[1]}', '${when[2]}', '${when[3]}', \`${when[4].replace(/\s+/g, ' ')}\`, '${when[5]}'),`);
    continue;
  }
  // SQLite rebuilds a table to change a column (CREATE x_new, INSERT … SELECT, DROP x, RENAME): on
  // PostgreSQL the table is changed in place (ALTER TABLE … ALTER COLUMN / ADD COLUMN / ADD CONSTRAINT),
  // because other tables refer to it; its indexes and triggers stay.
  if (/^(DROP TABLE|ALTER TABLE \w+ RENAME TO|INSERT INTO \w+ \(\$\{)/.test(stmt) || /^CREATE TABLE \w+_\d{4} /.test(stmt)) {
    out.push(`  /* NEEDS A PERSON: part of a table rebuild; on PostgreSQL ALTER the table in place */ \`${stmt}\`,`);
    continue;
  }
  const table = /^CREATE TABLE (\w+)/.exec(stmt)?.[1];
  const rowid = /\bINTEGER PRIMARY KEY\b/.test(stmt);
  let pg = stmt
    .replace(/\bINTEGER PRIMARY KEY\b/g, '${ID}')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION')
    .replace(/\bTEXT\b/g, '${TEXT}')
    .replace(/GLOB '([^']*)'/g, (_, p) => `~ '^${p.replace(/(\[0-9\])+/g, (m) => `[0-9]{${m.length / 5}}`).replace(/\*/g, '.*').replace(/\?/g, '.')}$'`);
  if (pg.includes('${ID}')) used.add('ID');
  if (pg.includes('${TEXT}')) used.add('TEXT');
  if (/CREATE TRIGGER|RAISE\(/.test(pg)) pg = `/* NEEDS A PERSON: a trigger beyond RAISE(ABORT) */ ${pg}`;
  out.push(`  \`${pg}\`,`);
  if (table && rowid) {
    used.add('rowid');
    out.push(`  ...rowid('${table}'),`);
  }
}
process.stdout.write(`import { ${[...used].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).join(', ')} } from './postgres.js';\n\nconst postgres = [\n${out.join('\n')}\n];\n`);
