/**
 * Faults, load and bad input (issue 10): a few thousand malformed values through every command and
 * every flag that takes a value. For each: the exit code is never 1 (a bug), no stack trace reaches
 * the user, and nothing is written (the database file is byte for byte the same, so the audit count
 * and head of `thidua audit head --json` are too; no new file where a path pointed) unless the
 * command succeeded. A write that succeeds with a malformed value must have stored it NFC-normalised,
 * trimmed and free of control characters; such acceptances are collected and printed.
 *
 * One seeded database (seed.ts) is built once; each group works on its own copy, put back after any
 * case that changed it.
 *
 * Issue 14 adds its classes: values no document can hold (noncharacters, lone surrogates, U+FFFD),
 * formulas and template braces, `__proto__`; import files that would exhaust the machine or lose what
 * was typed (a cell at XFD1048576, 150,000 rows, bytes that are not UTF-8, a reference to a
 * surrogate, a name that is a formula); every command that only reads runs while another program
 * holds the write lock (it must not wait for it, nor take it); every file a command writes is
 * owner-only; and CSV output never carries a live formula, whatever text is stored.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir, ORG_FLAGS, type RunResult } from '../helpers/cli.js';
import { serverDb, testServer, type Engine } from '../helpers/engines.js';
import { WRITE_LOCK } from '../../src/db/postgres.js';
import { buildProgram } from '../../src/cli/program.js';
import { makeKit } from '../../src/cli/kit.js';
import { loadCatalogue } from '../../src/i18n/index.js';
import { fuzzSeed, type FuzzSeed } from './seed.js';
import { GENERIC, label, valuesFor, type Kind } from './values.js';
import { sharedStrings, workbook } from '../helpers/xlsx.js';

const V = '\u0001VALUE\u0001';

/** Server addresses a clerk could mistype: each is exit 6 with a clear line (nothing listens on port 1). */
const BAD_ADDRESSES = [
  'postgres://', 'postgres://x:y@', 'postgresql://%zz', 'postgres://127.0.0.1:99999/db', 'postgres://[::1',
  'postgres://u:p@127.0.0.1:1/thidua', 'postgres://127.0.0.1:1/db?sslmode=verify-full&sslrootcert=/khong-co', 'POSTGRES://127.0.0.1:1/x',
];
const MEETING = '2025-12-15';

interface Case {
  /** Command line with V where the malformed value goes. */
  argv: string[];
  kind: Kind;
  /** Changes the database when it succeeds. */
  write: boolean;
  /** Writes a file where the value (or --out) points when it succeeds. */
  out?: boolean;
  /** The value names the database (so exit 6 is an expected answer). */
  db?: boolean;
  /** Exit 6 is an expected answer (a verdict on the database: an anchor it does not hold). */
  six?: boolean;
  /** Values to use instead of valuesFor(kind). */
  values?: string[];
  /** Run without the meeting day's --today (the value is --today itself). */
  noToday?: boolean;
}

/** Where V sits: `person add --name`, `person add <arg>`. */
function slotOf(c: Case): string {
  const i = c.argv.indexOf(V);
  const words: string[] = [];
  for (const w of c.argv.slice(0, i)) {
    if (!/^[a-z]+$/.test(w)) break;
    words.push(w);
  }
  const prev = c.argv[i - 1]!;
  return `${words.join(' ')} ${prev.startsWith('--') ? prev : '<arg>'}`;
}

let seed: FuzzSeed;
let scratch: string;
const accepted: string[] = [];
let total = 0;

const STACK = [/^\s{4}at /m, /node:internal/, /\b(?:Type|Range|Syntax|Reference|Sqlite|System|Eval|URI)Error\b/, /\bError: [A-Z][a-zA-Z]+Error/];

const sha = (file: string): string => createHash('sha1').update(readFileSync(file)).digest('hex');

/** Files under a group's folder, but its database. */
function listing(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !f.startsWith('thidua.sqlite')).sort();
}

/** One client of the server database a group works on (reconnected when a restore gives it a new one). */
let client: { db: string; conn: pg.Client; tables: string[] } | null = null;
async function serverConn(db: string): Promise<{ conn: pg.Client; tables: string[] }> {
  if (client?.db !== db) {
    await client?.conn.end();
    const conn = new pg.Client({ connectionString: db });
    await conn.connect();
    const tables = (await conn.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.tablename as string);
    client = { db, conn, tables };
  }
  return client;
}

/** What a server database holds, as one value: changed by any row of any table (the file's bytes, for SQLite). */
async function fingerprint(db: string): Promise<string> {
  if (!/^postgres/.test(db)) return sha(db);
  const { conn, tables } = await serverConn(db);
  const parts = tables.map((t, i) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x) AS t${i}`);
  return JSON.stringify((await conn.query(`SELECT ${parts.join(', ')}`)).rows[0]);
}

/** Another program's write lock on the database (the file's, or the server's advisory lock), until released. */
async function holdWriteLock(db: string): Promise<() => Promise<void>> {
  if (!/^postgres/.test(db)) {
    const lock = new Database(db);
    lock.exec('BEGIN IMMEDIATE');
    return async () => {
      lock.exec('ROLLBACK');
      lock.close();
    };
  }
  const conn = new pg.Client({ connectionString: db });
  await conn.connect();
  await conn.query('BEGIN');
  await conn.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
  return async () => {
    await conn.query('ROLLBACK');
    await conn.end();
  };
}

/** Every row of every table but the audit log, as JSON text, by table. */
async function dump(db: string): Promise<Map<string, Set<string>>> {
  if (/^postgres/.test(db)) {
    const { conn, tables } = await serverConn(db);
    const out = new Map<string, Set<string>>();
    for (const t of tables.filter((x) => x !== 'audit')) out.set(t, new Set((await conn.query(`SELECT * FROM "${t}"`)).rows.map((r) => JSON.stringify(r))));
    return out;
  }
  const conn = new Database(db, { readonly: true });
  try {
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit'").all() as { name: string }[];
    return new Map(tables.map((t) => [t.name, new Set((conn.prepare(`SELECT * FROM "${t.name}"`).all() as object[]).map((r) => JSON.stringify(r)))]));
  } finally {
    conn.close();
  }
}

// eslint-disable-next-line no-control-regex
const UNCLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** What is not a character at all, or a decoder's mark for bytes it could not read. */
const NOT_CHARACTER = /[\p{Cs}\p{Noncharacter_Code_Point}\ufffd]/u;
const EDGE = /^[\s\u200b-\u200d\u2060\ufeff]|[\s\u200b-\u200d\u2060\ufeff]$/;

/** Text cells of rows that are new since `before`, that are not NFC, trimmed and clean. */
function uncleanCells(before: Map<string, Set<string>>, after: Map<string, Set<string>>): string[] {
  const bad: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Set();
    for (const row of rows) {
      if (old.has(row)) continue;
      for (const [col, cell] of Object.entries(JSON.parse(row) as Record<string, unknown>)) {
        if (typeof cell !== 'string') continue;
        if (cell !== cell.normalize('NFC') || EDGE.test(cell) || UNCLEAN.test(cell) || NOT_CHARACTER.test(cell)) bad.push(`${table}.${col}=${label(cell)}`);
      }
    }
  }
  return bad;
}

async function auditHead(db: string): Promise<string> {
  const r = await run(['--db', db, 'audit', 'head', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The seed on the test server (a template each group's database is made from). */
let serverSeed: string | null = null;

/** Runs every value of every case on a copy of the seed; returns the problems found. */
async function fuzz(group: string, cases: Case[], engine: Engine = 'sqlite'): Promise<string[]> {
  const dir = join(scratch, engine === 'sqlite' ? group : `${group}-pg`);
  // Relative paths land deep inside the group's folder: six levels up is still in it.
  const cwd = join(dir, 'w', 'a', 'b', 'c', 'd', 'e');
  mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
  let db = join(dir, 'thidua.sqlite');
  const restore = () => {
    if (engine === 'postgres') {
      db = serverDb('empty', new URL(serverSeed!).pathname.slice(1));
      return;
    }
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    copyFileSync(seed.db, db);
    chmodSync(db, 0o600);
  };
  restore();
  const clean = await fingerprint(db);
  const head = await auditHead(db);
  const baseline = await dump(db);
  const problems: string[] = [];
  for (const c of cases) {
    const slot = slotOf(c);
    for (const value of c.values ?? valuesFor(c.kind)) {
      total++;
      const argv = [...(c.db ? [] : ['--db', db]), ...(c.noToday ? [] : ['--today', MEETING]), ...c.argv.map((a) => (a === V ? value : a))];
      const target = value.length < 1000 && !value.includes('\u0000') ? resolve(value) : undefined;
      const targetBefore = target !== undefined && existsSync(target);
      const filesBefore = listing(dir);
      const what = `${slot} ${label(value)}`;
      // FUZZ_TRACE=file names each case before it runs: the last line names a case that hangs.
      if (process.env.FUZZ_TRACE) appendFileSync(process.env.FUZZ_TRACE, `${what}\n`);
      let r: RunResult;
      // A command that only reads never waits for, nor takes, the write lock another program holds.
      const release = !c.write && !c.db ? await holdWriteLock(db) : null;
      try {
        r = await run(argv, release ? { env: { THIDUA_BUSY_TIMEOUT_MS: '100' } } : undefined);
      } catch (e) {
        problems.push(`${what}: threw ${(e as Error).message}`);
        restore();
        continue;
      } finally {
        await release?.();
      }
      const said = r.stderr + r.stdout;
      if (r.code === 1) problems.push(`${what}: exit 1 ${r.stderr.trim().slice(0, 200)}`);
      for (const re of STACK) if (re.test(said)) problems.push(`${what}: stack trace (${re}) ${said.slice(0, 300)}`);
      const allowed = c.db || c.out || c.six ? [2, 3, 4, 5, 6] : [2, 3, 4, 5];
      if (r.code !== 0 && !allowed.includes(r.code)) problems.push(`${what}: exit ${r.code} ${r.stderr.trim().slice(0, 200)}`);
      const changed = (await fingerprint(db)) !== clean;
      const newFiles = listing(dir).filter((f) => !filesBefore.includes(f));
      const targetMade = target !== undefined && !targetBefore && existsSync(target);
      if (r.code !== 0) {
        if (changed) problems.push(`${what}: exit ${r.code} but the database changed`);
        if (newFiles.length > 0) problems.push(`${what}: exit ${r.code} but wrote ${newFiles.join(', ')}`);
        if (targetMade) problems.push(`${what}: exit ${r.code} but made ${target}`);
      } else {
        if (!c.out && (newFiles.length > 0 || targetMade)) problems.push(`${what}: wrote ${newFiles.join(', ') || target}`);
        // Documents, lists, exports and backups carry personal data: owner-only, as are the folders made.
        for (const f of newFiles) {
          const mode = statSync(join(dir, f)).mode & 0o777;
          if (mode & 0o077) problems.push(`${what}: wrote ${f} with mode ${mode.toString(8)}`);
        }
        if (changed && !c.write) problems.push(`${what}: a read changed the database`);
        if (changed) {
          const unclean = uncleanCells(baseline, await dump(db));
          if (unclean.length > 0) problems.push(`${what}: stored unclean text ${unclean.join('; ')}`);
        }
        if (c.write || c.out) accepted.push(`${what} → exit 0${changed ? ', stored' : ''}`);
      }
      if (changed) restore();
      for (const f of newFiles) rmSync(join(dir, f), { recursive: true, force: true });
      if (targetMade && target.startsWith(dir)) rmSync(target, { recursive: true, force: true });
    }
  }
  expect(await auditHead(db)).toBe(head);
  await client?.conn.end();
  client = null;
  return problems;
}

/** `init` makes a database: each case gets a path of its own; on success every stored text is checked. */
async function fuzzInit(): Promise<string[]> {
  const problems: string[] = [];
  const flags = ['--name', '--full-name', '--parent-body', '--symbol', '--place', '--head-title', '--head-name', '--style'];
  const nasty = (v: string) => v.trim() === '' || v.length > 1000 || /[\u0000-\u001f\u200b-\u200f\u202a-\u202e\ufeff]/.test(v) || v !== v.normalize('NFC');
  const values = GENERIC.filter(nasty);
  let n = 0;
  mkdirSync(join(scratch, 'init'), { recursive: true });
  for (const flag of flags) {
    for (const value of values) {
      total++;
      const db = join(scratch, 'init', `${n++}.sqlite`);
      const argv = ['--db', db, 'init', ...ORG_FLAGS.filter((_, i, a) => a[i] !== flag && a[i - 1] !== flag), flag, value];
      const r = await run(argv);
      const what = `init ${flag} ${label(value)}`;
      if (r.code === 1) problems.push(`${what}: exit 1 ${r.stderr.trim().slice(0, 200)}`);
      for (const re of STACK) if (re.test(r.stderr)) problems.push(`${what}: stack trace ${r.stderr.slice(0, 300)}`);
      if (r.code === 0) {
        const unclean = uncleanCells(new Map(), await dump(db));
        if (unclean.length > 0) problems.push(`${what}: stored unclean text ${unclean.join('; ')}`);
        accepted.push(`${what} → exit 0, stored`);
      } else {
        if (![2, 3, 4, 5].includes(r.code)) problems.push(`${what}: exit ${r.code}`);
        if (existsSync(db)) problems.push(`${what}: exit ${r.code} but created the database`);
      }
    }
  }
  return problems;
}

/** Import files a clerk should never send, and some they might. */
async function importFiles(at: string): Promise<Record<string, string>> {
  mkdirSync(at, { recursive: true });
  const f = (name: string, data: string | Buffer) => {
    const p = join(at, name);
    writeFileSync(p, data);
    return p;
  };
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const files: Record<string, string> = {
    binary: f('junk.csv', junk),
    binaryXlsx: f('junk.xlsx', junk),
    zipHeader: f('zip.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), junk])),
    textAsXlsx: f('text.xlsx', 'Mã,Họ và tên\nVC010,A\n'),
    empty: f('empty.csv', ''),
    emptyXlsx: f('empty.xlsx', ''),
    bomOnly: f('bom.csv', '\ufeff'),
    headerOnly: f('header.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\n'),
    hugeRow: f('huge.csv', `Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,${'Nguyễn '.repeat(20_000)},KLLCS,Viên chức,LDTT,HTTNV\n`),
    wideRow: f('wide.csv', `Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\n${'VC010,'.repeat(50_000)}\n`),
    utf16: f('utf16.csv', Buffer.from('\ufeffMã,Họ và tên,Đơn vị,Loại\nVC010,An,KLLCS,staff\n', 'utf16le')),
    nul: f('nul.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC0\u000010,Nguyễn\u0000 An,KLLCS,staff,LDTT,HTTNV\n'),
    control: f('control.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,\u001b[31mNguyễn An\u0007,KLLCS,staff,LDTT,HTTNV\n'),
    unclosed: f('quote.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\n"VC010,Nguyễn An,KLLCS,staff,LDTT,HTTNV\n'),
    sql: f('sql.csv', `Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\n"'; DROP TABLE people; --",x,KLLCS,staff,LDTT,HTTNV\n`),
    nfd: f('nfd.csv', `${'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại'.normalize('NFD')}\nVC010,${'  Nguyễn Văn Ánh '.normalize('NFD')},KLLCS,${'Viên chức'.normalize('NFD')},LDTT,HTTNV\n`),
    rtl: f('rtl.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,\u202eNguyễn An,KLLCS,staff,LDTT,HTTNV\n'),
    notCsv: f('list.txt', 'Mã,Họ và tên\n'),
    missing: join(at, 'khong-co.csv'),
  };
  // Issue 14: files that would exhaust the machine, or lose what was typed.
  const person = (r: number) => `<row r="${r}"><c r="A${r}" t="s"><v>4</v></c><c r="B${r}" t="s"><v>5</v></c><c r="C${r}" t="s"><v>6</v></c><c r="D${r}" t="s"><v>7</v></c></row>`;
  const strings = (name: string) => sharedStrings(['VC010', name, 'KLLCS', 'staff']);
  files.xfd = await workbook(at, 'xfd.xlsx', '<row r="1048576"><c r="XFD1048576" t="s"><v>4</v></c></row>');
  files.surrogateRef = await workbook(at, 'surrogate.xlsx', person(2), strings('L&#xD800;n'));
  const latin1Strings = Buffer.from(strings('L@n'));
  latin1Strings[latin1Strings.indexOf('@')] = 0xea; // "Lên" saved as Latin-1: not UTF-8
  files.notUtf8Xlsx = await workbook(at, 'latin1.xlsx', person(2), new Uint8Array(latin1Strings));
  files.numberCode = await workbook(at, 'number.xlsx', '<row r="2"><c r="A2"><v>1E309</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c></row>', strings('Lê Văn An'));
  files.formulaName = f('formula.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,"=HYPERLINK(""http://x.example"",""Bấm"")",KLLCS,staff,LDTT,HTTNV\n');
  files.noncharacter = f('ffff.csv', 'Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,Lê Văn \uffff,KLLCS,staff,LDTT,HTTNV\n');
  files.manyRows = f('many.csv', `Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\n${'VC010,An,KLLCS,staff,LDTT,HTTNV\n'.repeat(150_000)}`);
  files.latin1 = f('latin1.csv', Buffer.concat([Buffer.from('Mã,Họ và tên,Đơn vị,Loại,Danh hiệu,Xếp loại\nVC010,L'), Buffer.from([0xea, 0x20, 0x56, 0xe3, 0x6e]), Buffer.from(',KLLCS,staff,LDTT,HTTNV\n')]));
  mkdirSync(join(at, 'folder.csv'), { recursive: true });
  files.folder = join(at, 'folder.csv');
  symlinkSync('/dev/zero', join(at, 'zero.csv'));
  files.devZero = join(at, 'zero.csv');
  return files;
}

function cases(ids: FuzzSeed['ids'], imports: Record<string, string>, good: { reg: string; eval: string; staff: string; docx: string }): Record<string, Case[]> {
  const W = true;
  const R = false;
  const c = (write: boolean, kind: Kind, ...argv: string[]): Case => ({ argv, kind, write });
  const sub = (base: string[], flag: string, kind: Kind, write: boolean): Case => {
    const i = base.indexOf(flag);
    const argv = i >= 0 ? base.map((a, j) => (j === i + 1 ? V : a)) : [...base, flag, V];
    return { argv, kind, write };
  };
  const each = (base: string[], write: boolean, flags: [string, Kind][]): Case[] => flags.map(([f, k]) => sub(base, f, k, write));
  const out = (x: Case): Case => ({ ...x, out: true });
  const tally = ['--issued', '5', '--returned', '5', '--invalid', '0'];
  const ldttVotes = ids.ldtt.flatMap((n) => ['--vote', `${n}=5,0,0`]);
  const files = (argv: string[], write: boolean): Case => ({ argv, kind: 'path', write, values: [...valuesFor('path'), ...Object.values(imports)] });
  return {
    org: [
      c(R, 'date', 'org', 'show', '--at', V),
      ...each(['org', 'set', '--from', '2025-12-01', '--place', 'Đồng Nai'], W, [
        ['--from', 'date'], ['--name', 'text'], ['--full-name', 'text'], ['--parent-body', 'text'], ['--symbol', 'code'], ['--place', 'text'], ['--head-title', 'text'], ['--head-name', 'text'], ['--style', 'choice'],
        ['--competence', 'citation'], ['--regulation', 'citation'], ['--plan', 'citation'], ['--office', 'code'], ['--office-abbr', 'text'], ['--recipient', 'text'],
      ]),
    ],
    unit: [
      c(W, 'code', 'unit', 'add', V, '--name', 'Khoa Nhà nước và pháp luật', '--kind', 'faculty'),
      ...each(['unit', 'add', 'KNNPL', '--name', 'Khoa Nhà nước', '--kind', 'faculty'], W, [['--name', 'text'], ['--kind', 'choice']]),
      c(W, 'code', 'unit', 'edit', V, '--name', 'Khoa mới'),
      ...each(['unit', 'edit', 'PTCHC', '--name', 'Phòng mới'], W, [['--name', 'text'], ['--kind', 'choice']]),
      c(W, 'code', 'unit', 'retire', V),
    ],
    person: [
      c(W, 'code', 'person', 'add', V, '--name', 'Phan Văn Mới', '--unit', 'KLLCS', '--category', 'staff'),
      ...each(['person', 'add', 'VC010', '--name', 'Phan Văn Mới', '--unit', 'KLLCS', '--category', 'staff'], W, [
        ['--name', 'text'], ['--unit', 'code'], ['--category', 'choice'], ['--position', 'text'], ['--gender', 'choice'], ['--born', 'date'],
      ]),
      ...each(['person', 'list'], R, [['--unit', 'code'], ['--category', 'choice'], ['--search', 'text']]),
      c(R, 'code', 'person', 'show', V),
      c(W, 'code', 'person', 'edit', V, '--position', 'Giảng viên chính'),
      ...each(['person', 'edit', 'VC003', '--position', 'Giảng viên'], W, [
        ['--name', 'text'], ['--unit', 'code'], ['--category', 'choice'], ['--position', 'text'], ['--gender', 'choice'], ['--born', 'date'],
      ]),
      files(['person', 'import', V], W),
      files(['person', 'import', V, '--dry-run'], R),
      c(W, 'code', 'person', 'import', good.staff, '--code-prefix', V),
    ],
    rules: [
      ...each(['rules', 'list'], R, [['--at', 'date'], ['--key', 'code']]),
      c(W, 'code', 'rules', 'set', V, '2400000', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'),
      ...(
        [
          ['base_salary', 'money'], ['ballot.quorum', 'ratio'], ['ballot.threshold', 'ratio'], ['ballot.base', 'enum'], ['bonus.rounding', 'enum'],
          ['bonus.rounding_unit', 'integer'], ['deadline.province', 'monthday'], ['review.pass_mark', 'money'], ['review.score_max', 'integer'],
          ['quota.CSTDCS', 'ratio'], ['coefficient.LDTT', 'money'], ['led.line_width', 'integer'], ['authority.TTLDXS', 'enum'], ['province.addressee', 'text'],
          ['province.decider', 'text'],
        ] as [string, Kind][]
      ).map(([key, kind]) => c(W, kind, 'rules', 'set', key, V, '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng')),
      ...each(['rules', 'set', 'base_salary', '2400000', '--from', '2026-01-01', '--source', 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng ban hành Quy chế thi đua, khen thưởng'], W, [['--from', 'date'], ['--source', 'citation']]),
      c(R, 'code', 'rules', 'criteria', '--award', V),
      ...each(['rules', 'bonus', '--award', 'LDTT', '--date', MEETING], R, [['--award', 'code'], ['--date', 'date']]),
    ],
    movement: [
      c(W, 'code', 'movement', 'add', V, '--name', 'Phong trào', '--by', 'school', '--from', '2025-01-01'),
      ...each(['movement', 'add', 'PT2', '--name', 'Phong trào', '--by', 'union', '--from', '2025-01-01'], W, [['--name', 'text'], ['--by', 'choice'], ['--from', 'date'], ['--to', 'date']]),
      c(R, 'year', 'movement', 'list', '--year', V),
    ],
    register: [
      c(W, 'code', 'register', 'title', V, '--award', 'LDTT', '--year', '2026'),
      ...each(['register', 'title', 'VC003', '--award', 'LDTT', '--year', '2026'], W, [['--award', 'code'], ['--year', 'year'], ['--note', 'text'], ['--date', 'date']]),
      ...each(['register', 'initiative', '--kind', 'research', '--title', 'Đề tài mới', '--author', 'VC003:70', '--author', 'VC004:30', '--unit', 'KLLCS', '--year', '2026'], W, [
        ['--kind', 'choice'], ['--title', 'text'], ['--unit', 'code'], ['--year', 'year'], ['--field', 'text'], ['--date', 'date'],
      ]),
      c(W, 'author', 'register', 'initiative', '--kind', 'initiative', '--title', 'Sáng kiến mới', '--author', V, '--unit', 'KLLCS', '--year', '2026'),
      c(W, 'author', 'register', 'initiative', '--kind', 'initiative', '--title', 'Sáng kiến mới', '--author', 'VC003:50', '--author', V, '--unit', 'KLLCS', '--year', '2026'),
      ...each(['register', 'list', '--year', '2025'], R, [['--year', 'year'], ['--unit', 'code'], ['--kind', 'choice']]),
      files(['register', 'import', V, '--year', '2026'], W),
      c(W, 'year', 'register', 'import', good.reg, '--year', V),
      c(W, 'date', 'register', 'import', good.reg, '--year', '2026', '--date', V),
      c(W, 'code', 'register', 'withdraw', V, '--reason', 'Tác giả rút'),
      c(W, 'text', 'register', 'withdraw', ids.running, '--reason', V),
      c(W, 'date', 'register', 'withdraw', ids.running, '--reason', 'Tác giả rút', '--date', V),
      ...each(['register', 'withdraw', 'VC003', '--award', 'LDTT', '--year', '2026', '--reason', 'Rút'], W, [['--award', 'code'], ['--year', 'year'], ['--date', 'date']]),
    ],
    progress: [
      c(W, 'code', 'progress', 'add', V, '--month', '2025-12', '--percent', '50'),
      ...each(['progress', 'add', ids.running, '--month', '2025-12', '--percent', '50'], W, [['--month', 'month'], ['--percent', 'percent'], ['--note', 'text']]),
      ...each(['progress', 'list'], R, [['--month', 'month'], ['--unit', 'code'], ['--initiative', 'code'], ['--year', 'year']]),
      ...each(['progress', 'missing', '--month', '2025-11'], R, [['--month', 'month'], ['--unit', 'code']]),
    ],
    evaluate: [
      c(W, 'code', 'evaluate', 'set', V, '--period', '2025', '--rating', 'HTTNV'),
      ...each(['evaluate', 'set', 'VC003', '--period', '2025', '--rating', 'HTTNV'], W, [['--period', 'period'], ['--rating', 'choice']]),
      files(['evaluate', 'import', V, '--period', '2025'], W),
      c(W, 'period', 'evaluate', 'import', good.eval, '--period', V),
      ...each(['evaluate', 'list', '--period', '2025'], R, [['--period', 'period'], ['--unit', 'code']]),
    ],
    achieve: [
      c(W, 'code', 'achieve', 'add', V, '--date', '2025-12-01', '--kind', 'task', '--text', 'Giải Nhì'),
      ...each(['achieve', 'add', 'VC004', '--date', '2025-12-01', '--kind', 'movement', '--text', 'Giải Nhì', '--movement', 'PT2025'], W, [
        ['--date', 'date'], ['--kind', 'choice'], ['--text', 'text'], ['--movement', 'code'],
      ]),
      ...each(['achieve', 'list'], R, [['--subject', 'code'], ['--unit', 'code'], ['--year', 'year'], ['--kind', 'choice'], ['--movement', 'code']]),
    ],
    foster: [
      c(W, 'code', 'foster', 'add', V, '--mentor', 'VC001', '--goal', 'Giảng viên giỏi'),
      ...each(['foster', 'add', 'VC004', '--mentor', 'VC001', '--goal', 'Giảng viên giỏi'], W, [['--mentor', 'code'], ['--goal', 'text']]),
      c(W, 'code', 'foster', 'task', V, '--text', 'Dự giờ', '--due', '2025-12-20'),
      ...each(['foster', 'task', 'VC006', '--text', 'Dự giờ', '--due', '2025-12-20'], W, [['--text', 'text'], ['--due', 'date']]),
      c(W, 'id', 'foster', 'done', V, '--result', 'Tốt'),
      ...each(['foster', 'done', String(ids.task), '--result', 'Tốt'], W, [['--result', 'text'], ['--date', 'date']]),
      c(W, 'code', 'foster', 'end', V, '--reason', 'Đã đạt'),
      c(W, 'text', 'foster', 'end', 'VC006', '--reason', V),
    ],
    detect: each(['detect', '--year', '2025'], R, [['--year', 'year'], ['--unit', 'code']]),
    council: [
      ...each(['council', 'set', '--kind', 'emulation', '--year', '2026', '--chair', 'VC001', '--member', 'VC002,VC003', '--secretary', 'VC004'], W, [
        ['--kind', 'choice'], ['--year', 'year'], ['--chair', 'code'], ['--vice', 'code'], ['--member', 'list'], ['--secretary', 'code'],
      ]),
      ...each(['council', 'show'], R, [['--kind', 'choice'], ['--year', 'year']]),
    ],
    review: [
      c(W, 'code', 'review', 'apply', V, '--first-applied', '2025-11-01', '--description', 'Áp dụng tại khoa'),
      ...each(['review', 'apply', ids.running, '--first-applied', '2025-11-01', '--description', 'Áp dụng tại khoa'], W, [
        ['--first-applied', 'date'], ['--description', 'text'], ['--novelty', 'text'], ['--application', 'text'], ['--benefit', 'text'], ['--conditions', 'text'], ['--date', 'date'],
      ]),
      c(W, 'code', 'review', 'score', V, '--member', 'VC004', '--novelty', '7', '--applicability', '7', '--benefit', '7'),
      ...each(['review', 'score', ids.applied, '--member', 'VC004', '--novelty', '7', '--applicability', '7', '--benefit', '7'], W, [
        ['--member', 'code'], ['--novelty', 'score'], ['--applicability', 'score'], ['--benefit', 'score'], ['--date', 'date'],
      ]),
      c(W, 'code', 'review', 'decide', V, '--reject', '--reason', 'Chưa mới', '--yes'),
      ...each(['review', 'decide', ids.applied, '--reject', '--reason', 'Chưa mới', '--yes'], W, [['--reason', 'text'], ['--date', 'date']]),
      c(W, 'list', 'review', 'decide', ids.applied, '--recognise', '--conditions', V, '--yes'),
      c(R, 'year', 'review', 'list', '--year', V),
      c(R, 'code', 'review', 'show', V),
    ],
    nominate: [
      c(W, 'code', 'nominate', 'create', V, '--award', 'TTLDTT', '--year', '2025', '--by', 'KHCN', '--summary', 'Khoa hoàn thành tốt'),
      ...each(['nominate', 'create', 'KHCN', '--award', 'TTLDTT', '--year', '2025', '--by', 'KHCN', '--summary', 'Khoa hoàn thành tốt'], W, [
        ['--award', 'code'], ['--year', 'year'], ['--by', 'code'], ['--summary', 'text'], ['--citation', 'text'], ['--criterion', 'criterion'],
      ]),
      c(R, 'id', 'nominate', 'check', V),
      c(W, 'id', 'nominate', 'amend', V, '--summary', 'Bổ sung'),
      ...each(['nominate', 'amend', String(ids.nomination), '--summary', 'Bổ sung'], W, [['--summary', 'text'], ['--citation', 'text'], ['--criterion', 'criterion']]),
      c(W, 'id', 'nominate', 'appraise', V, '--return', '--reason', 'Thiếu hồ sơ'),
      c(W, 'text', 'nominate', 'appraise', String(ids.nomination), '--return', '--reason', V),
      c(W, 'id', 'nominate', 'withdraw', V, '--reason', 'Rút'),
      c(W, 'text', 'nominate', 'withdraw', String(ids.nomination), '--reason', V),
      ...each(['nominate', 'list', '--year', '2025'], R, [['--year', 'year'], ['--award', 'code'], ['--status', 'choice']]),
    ],
    spread: [
      c(W, 'code', 'spread', 'add', V, '--channel', 'website', '--date', '2025-12-10'),
      ...each(['spread', 'add', 'VC004', '--channel', 'led', '--date', '2025-12-10'], W, [['--channel', 'choice'], ['--date', 'date'], ['--note', 'text']]),
      ...each(['spread', 'list'], R, [['--year', 'year'], ['--channel', 'choice'], ['--subject', 'code']]),
      ...each(['spread', 'export', '--channel', 'led', '--year', '2025'], R, [['--channel', 'choice'], ['--year', 'year']]),
      out(c(R, 'path', 'spread', 'export', '--channel', 'website', '--year', '2025', '--out', V)),
    ],
    ballot: [
      ...each(['ballot', 'open', '--year', '2025', '--award', 'TTLDTT', '--present', '5', '--time', '14:00', '--place', 'Phòng họp số 1'], W, [
        ['--year', 'year'], ['--award', 'code'], ['--present', 'count'], ['--date', 'date'], ['--counter', 'code'],
        ['--time', 'time'], ['--place', 'text'], ['--absent', 'code'], ['--secretary', 'code'],
      ]),
      out(c(R, 'id', 'ballot', 'paper', V, '--out', 'phieu.docx')),
      out(c(R, 'path', 'ballot', 'paper', String(ids.openBallot), '--out', V)),
      c(W, 'id', 'ballot', 'tally', V, ...tally, '--vote', `${ids.cstdcs}=5,0,0`),
      ...each(['ballot', 'tally', String(ids.openBallot), ...tally, '--vote', `${ids.cstdcs}=5,0,0`], W, [
        ['--entry', 'count'], ['--issued', 'count'], ['--returned', 'count'], ['--invalid', 'count'], ['--vote', 'vote'],
      ]),
      c(W, 'vote', 'ballot', 'tally', String(ids.openBallot), ...tally, '--vote', `${ids.cstdcs}=5,0,0`, '--vote', V),
      c(W, 'id', 'ballot', 'close', V, '--yes', '--time', '15:30'),
      c(W, 'time', 'ballot', 'close', String(ids.openBallot), '--yes', '--time', V),
      c(W, 'id', 'ballot', 'recount', V, '--reason', 'Nhập nhầm', ...tally, ...ldttVotes, '--yes'),
      ...each(['ballot', 'recount', String(ids.closedBallot), '--reason', 'Nhập nhầm', ...tally, ...ldttVotes, '--yes'], W, [
        ['--reason', 'text'], ['--issued', 'count'], ['--returned', 'count'], ['--invalid', 'count'],
      ]),
      c(W, 'vote', 'ballot', 'recount', String(ids.closedBallot), '--reason', 'Nhập nhầm', ...tally, '--vote', V, '--yes'),
      out(c(W, 'path', 'ballot', 'close', String(ids.openBallot), '--yes', '--out', V)),
      out(c(R, 'path', 'ballot', 'close', String(ids.openBallot), '--draft', '--out', V)),
      out(c(W, 'path', 'ballot', 'recount', String(ids.closedBallot), '--reason', 'Nhập nhầm', ...tally, ...ldttVotes, '--yes', '--out', V)),
      c(R, 'id', 'ballot', 'show', V),
      c(R, 'year', 'ballot', 'list', '--year', V),
      out(c(R, 'id', 'ballot', 'minutes', V, '--out', 'bien-ban.docx')),
      out(c(R, 'path', 'ballot', 'minutes', String(ids.closedBallot), '--out', V)),
      out(c(R, 'count', 'ballot', 'minutes', String(ids.closedBallot), '--out', 'bien-ban.docx', '--round', V)),
    ],
    recognise: [
      ...each(['recognise', 'create', '--year', '2025', '--award', 'CSTDCS', '--yes'], W, [['--year', 'year'], ['--award', 'code'], ['--date', 'date'], ['--signer', 'code']]),
      out(c(W, 'path', 'recognise', 'create', '--year', '2025', '--award', 'CSTDCS', '--yes', '--out', V)),
      c(W, 'minutes', 'recognise', 'create', '--year', '2025', '--initiatives', '--minutes', V, '--yes'),
      ...each(['recognise', 'list'], R, [['--year', 'year'], ['--subject', 'code'], ['--award', 'code']]),
      c(W, 'id', 'recognise', 'revoke', V, '--reason', 'Sai sót', '--yes'),
      c(W, 'text', 'recognise', 'revoke', String(ids.recognition), '--reason', V, '--yes'),
      c(W, 'date', 'recognise', 'revoke', String(ids.recognition), '--reason', 'Sai sót', '--decision', '--date', V, '--yes'),
      out(c(W, 'path', 'recognise', 'revoke', String(ids.recognition), '--reason', 'Sai sót', '--decision', '--out', V, '--yes')),
      ...each(['recognise', 'record', '--award', 'TTLDXS', '--subject', 'KLLCS', '--year', '2025', '--number', '512/QĐ-UBND', '--date', MEETING, '--issuer', 'Chủ tịch Ủy ban nhân dân tỉnh'], W, [
        ['--award', 'code'], ['--subject', 'code'], ['--year', 'year'], ['--number', 'text'], ['--date', 'date'], ['--issuer', 'text'],
      ]),
      c(W, 'id', 'recognise', 'record', '--corrects', V, '--number', '513/QĐ-UBND', '--date', MEETING, '--issuer', 'Chủ tịch Ủy ban nhân dân tỉnh'),
    ],
    document: [
      ...each(['document', 'list'], R, [['--year', 'year'], ['--kind', 'choice']]),
      out(c(R, 'id', 'document', 'render', V, '--out', 'qd.docx')),
      out(c(R, 'path', 'document', 'render', String(ids.document), '--out', V)),
      out(c(R, 'year', 'document', 'render', String(ids.document), '--out', 'qd.docx', '--year', V)),
      files(['document', 'check', V, '--no-pdf'], R),
      c(R, 'choice', 'document', 'check', good.docx, '--no-pdf', '--style', V),
      c(R, 'id', 'document', 'show', V),
      c(R, 'year', 'document', 'show', String(ids.document), '--year', V),
      // sign: a PKCS#12 file and its password's variable, or a token; verify: any file.
      out(c(W, 'id', 'sign', V, '--out', 'qd.pdf', '--p12', good.docx, '--password-env', 'HOME')),
      ...each(['sign', String(ids.document), '--out', 'qd.pdf', '--p12', good.docx, '--password-env', 'HOME'], W, [
        ['--out', 'path'], ['--year', 'year'], ['--p12', 'path'], ['--password-env', 'code'],
      ]).map(out),
      ...each(['sign', String(ids.document), '--out', 'qd.pdf', '--pkcs11', good.docx, '--slot', '0', '--pin-env', 'HOME'], W, [
        ['--pkcs11', 'path'], ['--slot', 'count'], ['--pin-env', 'code'],
      ]).map(out),
      files(['verify', V], R),
      c(R, 'path', 'verify', good.docx, '--ca', V),
    ],
    outputs: [
      ...each(['certificate', '--year', '2025', '--out', 'gcn'], W, [['--decision', 'id'], ['--year', 'year'], ['--award', 'choice'], ['--out', 'path'], ['--template', 'path']]).map(out),
      c(W, 'period', 'commend', '--quarter', V),
      out(c(W, 'path', 'commend', '--quarter', '2025-Q3', '--out', V)),
      ...(
        [['annual', '--year', '2025'], ['quarterly', '--quarter', '2025-Q3'], ['progress', '--month', '2025-11'], ['province', '--year', '2025'], ['benefits', '--year', '2025'], ['received', '--year', '2025']] as const
      ).flatMap(([kind, flag, value]) => [
        c(R, flag === '--quarter' ? 'period' : flag === '--month' ? 'month' : 'year', 'report', kind, flag, V),
        c(R, 'choice', 'report', kind, flag, value, '--format', V),
        out(c(W, 'path', 'report', kind, flag, value, '--out', V)),
      ]),
      c(R, 'path', 'report', 'annual', '--year', '2025', '--notes', V),
      out(c(R, 'path', 'report', 'annual', '--year', '2025', '--draft', '--out', V)),
      // The province's Excel list and layout; the exchange package, and taking one in (issue 19).
      out(files(['report', 'province', '--year', '2025', '--format', 'xlsx', '--out', 'ds.xlsx', '--layout', V], R)),
      ...each(['export', '--year', '2025', '--out', 'goi.zip'], R, [['--year', 'year'], ['--out', 'path'], ['--signed', 'path']]).map(out),
      files(['import', V], W),
      c(R, 'year', 'received', 'list', '--year', V),
      c(R, 'year', 'report', 'period', '--from', V, '--to', '2025'),
      c(R, 'year', 'report', 'period', '--from', '2021', '--to', V),
      c(R, 'choice', 'report', 'period', '--from', '2021', '--to', '2025', '--format', V),
      out(c(W, 'path', 'report', 'period', '--from', '2021', '--to', '2025', '--out', V)),
    ],
    care: [
      out(c(R, 'path', 'db', 'backup', V)),
      ...each(['audit', 'list'], R, [['--entity', 'code'], ['--id', 'id'], ['--since', 'date'], ['--limit', 'count']]),
      { ...c(R, 'hash', 'audit', 'verify', '--anchor', V), six: true },
      { ...out(c(R, 'path', 'demo', '--dir', V)), values: ['\u0000', 'x'.repeat(100_000), '/dev/null/x', '/proc/version', '/proc/x'] },
      c(R, 'choice', 'demo', '--dir', 'mau', '--style', V),
      // A copy's source (exit 6 when it is no database) and its target (a new file, or refused).
      { argv: ['db', 'copy', V, 'ban-sao.sqlite'], kind: 'path', write: false, out: true, db: true, values: [...valuesFor('path'), ...BAD_ADDRESSES] },
      { argv: ['db', 'copy', join(scratch, 'care', 'thidua.sqlite'), V], kind: 'path', write: false, out: true, db: true, values: [...valuesFor('path'), ...BAD_ADDRESSES] },
      ...each(['db', 'roles'], R, [['--owner', 'code'], ['--clerk', 'code']]),
    ],
    global: [
      { argv: ['--today', V, 'status'], kind: 'date', write: false, noToday: true },
      { argv: ['--today', V, 'unit', 'add', 'KNN', '--name', 'Khoa', '--kind', 'faculty'], kind: 'date', write: true, noToday: true },
      { argv: ['--lang', V, 'status'], kind: 'choice', write: false },
      { argv: ['--lang', V, 'unit', 'add', 'KNN', '--name', 'Khoa', '--kind', 'faculty'], kind: 'choice', write: true },
      { argv: ['--db', V, 'status'], kind: 'path', write: false, db: true, values: [...valuesFor('path'), ...BAD_ADDRESSES] },
      { argv: ['--db', V, 'unit', 'add', 'KNN', '--name', 'Khoa', '--kind', 'faculty'], kind: 'path', write: true, db: true, values: [...valuesFor('path'), ...BAD_ADDRESSES] },
    ],
  };
}

/** Every command and every flag or argument that takes a value, from the program's own tree. */
async function valueSlots(): Promise<string[]> {
  await loadCatalogue('en');
  const io = { out() {}, err() {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
  const program = await buildProgram(makeKit({ argv: [], env: {}, io, actor: 'x', now: () => new Date() }, 'en'), 'all');
  const slots: string[] = [];
  const walk = (cmd: typeof program, path: string[]) => {
    for (const sub of cmd.commands) {
      const here = [...path, sub.name()];
      if (sub.commands.length > 0) walk(sub, here);
      else {
        if (sub.registeredArguments.length > 0) slots.push(`${here.join(' ')} <arg>`);
        for (const o of sub.options) if ((o.required || o.optional) && o.long) slots.push(`${here.join(' ')} ${o.long}`);
      }
    }
  };
  walk(program, []);
  return slots;
}

describe('malformed values through every command and flag', () => {
  let all: Record<string, Case[]>;

  beforeAll(async () => {
    seed = await fuzzSeed();
    scratch = tempDir('thidua-fuzz-');
    const files = join(scratch, 'files');
    const imports = await importFiles(files);
    const reg = join(files, 'reg.csv');
    const ev = join(files, 'eval.csv');
    writeFileSync(reg, 'Mã,Danh hiệu\nVC003,LDTT\n');
    writeFileSync(ev, 'Mã,Xếp loại\nVC003,HTTNV\n');
    const staff = join(files, 'staff.csv');
    writeFileSync(staff, 'STT,Họ và tên,Chức vụ,Đơn vị\n1,Nguyễn Văn Mới,Chuyên viên,PTCHC\n');
    // A Word file that conforms, for the flags of `document check`.
    const docx = join(files, 'qd.docx');
    copyFileSync(resolve(__dirname, '../../templates/giay-chung-nhan.docx'), docx);
    all = cases(seed.ids, imports, { reg, eval: ev, staff, docx });
  }, 60_000);

  const home = process.cwd();
  afterAll(() => {
    process.chdir(home);
    if (accepted.length > 0) console.log(`${total} malformed values tried; accepted by a write (${accepted.length}):\n${accepted.join('\n')}`);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('covers every value-taking flag and argument the help lists', async () => {
    const covered = new Set(Object.values(all).flat().map(slotOf));
    covered.add('init --name').add('init --full-name').add('init --parent-body').add('init --symbol').add('init --place').add('init --head-title').add('init --head-name').add('init --style');
    const missing = (await valueSlots()).filter((s) => !covered.has(s));
    expect(missing).toEqual([]);
  });

  for (const group of ['org', 'unit', 'person', 'rules', 'movement', 'register', 'progress', 'evaluate', 'achieve', 'foster', 'detect', 'council', 'review', 'nominate', 'spread', 'ballot', 'recognise', 'document', 'outputs', 'care', 'global']) {
    it(`${group}: exit 2–5 (or a clean success), no stack, nothing written`, async () => {
      expect(await fuzz(group, all[group]!)).toEqual([]);
    }, 120_000);
  }

  // A representative set on a real server too: the same cases, the database a server's.
  for (const group of process.env.FUZZ_PG_GROUPS?.split(',') ?? ['recognise']) {
    it.skipIf(!testServer())(`${group} on PostgreSQL: exit 2–5 (or a clean success), no stack, nothing written`, async () => {
      if (!serverSeed) {
        serverSeed = serverDb('empty');
        const r = await run(['db', 'copy', seed.db, serverSeed]);
        expect(r.code, r.stderr).toBe(0);
      }
      expect(await fuzz(group, all[group]!, 'postgres')).toEqual([]);
    }, 300_000);
  }
  it('CSV output never carries a live formula, whatever text is stored (issue 14)', async () => {
    const dir = join(scratch, 'csv');
    mkdirSync(dir, { recursive: true });
    const db = join(dir, 'thidua.sqlite');
    copyFileSync(seed.db, db);
    chmodSync(db, 0o600);
    const cli = (argv: string[]) => run(['--db', db, '--today', MEETING, ...argv]);
    const formulas = ['=HYPERLINK("http://x.example","Bấm")', '+1+2', '-2+3', '@SUM(A1)'];
    const stored: string[] = [];
    for (const [i, f] of formulas.entries()) {
      for (const argv of [
        ['achieve', 'add', 'VC003', '--date', `2025-11-0${i + 1}`, '--kind', 'task', '--text', f],
        ['spread', 'add', 'VC003', '--channel', 'website', '--date', `2025-12-0${i + 1}`, '--note', f],
        ['person', 'edit', `VC00${i + 2}`, '--position', f],
        ['foster', 'task', 'VC006', '--text', f, '--due', '2025-12-31'],
      ]) {
        const r = await cli(argv);
        if (r.code === 0) stored.push(argv.slice(0, 2).join(' '));
      }
    }
    expect(stored.length).toBeGreaterThanOrEqual(formulas.length * 3);
    // Names stored before names were checked, or planted in the file.
    const conn = new Database(db);
    conn.exec("UPDATE people SET name = '=' || name WHERE code = 'VC004'; UPDATE units SET name = '@' || name WHERE code = 'KLLCS'");
    conn.close();
    const live: string[] = [];
    for (const argv of [
      ['person', 'list'], ['unit', 'list'], ['achieve', 'list'], ['spread', 'list'], ['progress', 'list'], ['register', 'list', '--year', '2025'],
      ['nominate', 'list', '--year', '2025'], ['recognise', 'list'], ['document', 'list'], ['status'], ['rules', 'list'], ['ballot', 'list'],
      ['evaluate', 'list', '--period', '2025'], ['foster', 'list'], ['review', 'list', '--year', '2025'], ['movement', 'list'], ['detect', '--year', '2025'],
      ['audit', 'list'], ['commend', '--quarter', '2025-Q4'], ['report', 'annual', '--year', '2025'], ['report', 'quarterly', '--quarter', '2025-Q4'],
      ['report', 'benefits', '--year', '2025'], ['report', 'progress', '--month', '2025-11'], ['report', 'period', '--from', '2021', '--to', '2025'],
    ]) {
      const r = await cli([...argv, '--csv']);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
      const cells = (parse(r.stdout, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][]).flat();
      for (const cell of cells) if (/^[=+\-@\t\r]/.test(cell)) live.push(`${argv.join(' ')}: ${label(cell)}`);
    }
    expect(live).toEqual([]);
  }, 120_000);

  it('init: the same, and no database is left behind', async () => {
    expect(await fuzzInit()).toEqual([]);
  }, 120_000);
});
