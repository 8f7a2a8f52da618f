/**
 * One program, two engines: the demonstration school's whole year run on SQLite and on PostgreSQL
 * gives the same documents byte for byte, the same output and JSON of every listing and report, and
 * the same audit chain; `db copy` moves it between the engines (both ways) with the same audit head,
 * and every registered document re-rendered from a copy is the same file.
 */
import { readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { serverDb, testServer } from '../helpers/engines.js';

/** What a clerk reads after the year (as of 5 January 2026), in --json and a few as printed. */
const READS: string[][] = [
  ['org', 'show'], ['unit', 'list'], ['person', 'list'], ['person', 'show', 'VC012'], ['person', 'show', 'VC002'],
  ['person', 'list', '--search', 'thủy'], ['movement', 'list'], ['rules', 'list'], ['rules', 'list', '--all'],
  ['register', 'list', '--year', '2025'], ['progress', 'list'], ['progress', 'list', '--month', '2025-11'],
  ['progress', 'missing', '--month', '2025-07'], ['achieve', 'list'], ['evaluate', 'list', '--period', '2025'],
  ['evaluate', 'list', '--period', '2025-Q3'], ['foster', 'list'], ['detect', '--year', '2025'], ['council', 'show', '--year', '2025'],
  ['review', 'list', '--year', '2025'], ['review', 'overdue'], ['nominate', 'list', '--year', '2025'], ['nominate', 'check', '1'],
  ['ballot', 'list'], ['ballot', 'show', '1'], ['ballot', 'show', '2'], ['ballot', 'show', '5'],
  ['recognise', 'list', '--year', '2025'], ['document', 'list'], ['report', 'annual', '--year', '2025'],
  ['report', 'quarterly', '--quarter', '2025-Q4'], ['report', 'province', '--year', '2025'], ['report', 'period', '--from', '2021', '--to', '2025'],
  ['report', 'progress', '--month', '2025-11'], ['report', 'benefits', '--year', '2025'], ['commend', '--quarter', '2025-Q3'],
  ['status'], ['audit', 'head'], ['audit', 'verify'], ['audit', 'list', '--entity', 'person', '--id', 'vc012'], ['rules', 'bonus', '--award', 'LDTT', '--date', '2025-12-20'],
];
const PRINTED: string[][] = [['person', 'list'], ['report', 'annual', '--year', '2025'], ['status'], ['ballot', 'show', '1'], ['--lang', 'en', 'nominate', 'list', '--year', '2025']];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe.skipIf(!testServer())('the demonstration school on both engines', () => {
  it('gives the same documents, output, JSON and audit chain; db copy moves it both ways with the same head and documents', async () => {
    const base = tempDir();
    const dir = join(base, 'mau');
    // The same folder and the same command line for both, so the audit rows (which record them) are the same too.
    const lite = await run(['demo', '--dir', dir]);
    expect(lite.code, lite.stderr).toBe(0);
    renameSync(dir, join(base, 'sqlite'));
    const url = serverDb('empty');
    const pg = await run(['demo', '--dir', dir], { env: { THIDUA_DB: url } });
    expect(pg.code, pg.stderr).toBe(0);
    renameSync(dir, join(base, 'pg'));
    const file = join(dir, 'thidua-demo.sqlite');
    const masked = url.replace(/:[^:@/]*@/, ':***@');
    // The same words, the database named as it is: the file, or the server with its password masked.
    expect(pg.stdout + pg.stderr).toContain(masked);
    expect(pg.stdout + pg.stderr).not.toContain(url);
    expect(pg.stdout.split(masked).join(file)).toBe(lite.stdout);
    expect(pg.stderr.split(masked).join(file)).toBe(lite.stderr);

    // Every document and list the year wrote, byte for byte (the databases aside).
    const written = files(join(base, 'sqlite')).filter((f) => !/\.sqlite(-wal|-shm)?$/.test(f));
    expect(written.length).toBeGreaterThan(40);
    expect(files(join(base, 'pg')).map((f) => relative(join(base, 'pg'), f)).sort()).toEqual(written.map((f) => relative(join(base, 'sqlite'), f)).sort());
    for (const f of written) {
      const other = join(base, 'pg', relative(join(base, 'sqlite'), f));
      expect(readFileSync(other).equals(readFileSync(f)), relative(base, f)).toBe(true);
    }

    const db = join(base, 'sqlite', 'thidua-demo.sqlite');
    const both = async (argv: string[], target = url) => {
      const a = await run(['--db', db, '--today', '2026-01-05', ...argv]);
      const b = await run(['--db', target, '--today', '2026-01-05', ...argv]);
      return { a, b };
    };
    for (const argv of READS) {
      const { a, b } = await both([...argv, '--json']);
      expect(a.code, `${argv.join(' ')}: ${a.stderr}`).toBe(0);
      expect({ code: b.code, stdout: b.stdout, stderr: b.stderr }, argv.join(' ')).toEqual({ code: a.code, stdout: a.stdout, stderr: a.stderr });
    }
    for (const argv of PRINTED) {
      const { a, b } = await both(argv);
      expect(b.stdout, argv.join(' ')).toBe(a.stdout);
    }

    // The file onto a new server database, and the server's records back into a file: the same head everywhere.
    const head = JSON.parse((await run(['--db', db, 'audit', 'head', '--json'])).stdout);
    const copy = serverDb('empty');
    const up = await run(['db', 'copy', db, copy, '--json']);
    expect(up.code, up.stderr).toBe(0);
    const proof = JSON.parse(up.stdout) as { tables: { table: string; source: number; target: number }[]; audit: unknown };
    expect(proof.audit).toEqual(head);
    expect(proof.tables.every((t) => t.source === t.target)).toBe(true);
    expect(proof.tables.find((t) => t.table === 'audit')!.target).toBe(head.count);
    const back = join(base, 'back.sqlite');
    const down = await run(['db', 'copy', url, back]);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stderr).toContain(head.hash);
    for (const target of [copy, url, back]) {
      expect(JSON.parse((await run(['--db', target, 'audit', 'head', '--json'])).stdout), target).toEqual(head);
      expect((await run(['--db', target, 'audit', 'verify'])).code).toBe(0);
      expect((await run(['--db', target, 'db', 'check'])).code).toBe(0);
    }
    // Every registered document, re-rendered from each copy, is the same file.
    const docs = JSON.parse((await run(['--db', db, 'document', 'list', '--json'])).stdout) as { symbol: string; date: string }[];
    expect(docs.length).toBeGreaterThan(15);
    for (const d of docs) {
      const out = (where: string) => join(base, 'render', where, `${d.symbol.replace(/\//g, '_')}.docx`);
      for (const [where, target] of [['file', db], ['copy', copy], ['back', back]] as const) {
        const r = await run(['--db', target, 'document', 'render', d.symbol, '--year', d.date.slice(0, 4), '--out', out(where)]);
        expect(r.code, `${d.symbol} from ${where}: ${r.stderr}`).toBe(0);
      }
      expect(readFileSync(out('copy')).equals(readFileSync(out('file'))), d.symbol).toBe(true);
      expect(readFileSync(out('back')).equals(readFileSync(out('file'))), d.symbol).toBe(true);
    }
    // A target that holds anything is refused (exit 5), and left as it was.
    const again = await run(['db', 'copy', db, copy]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/không trống/);
    expect((await run(['db', 'copy', url, db])).code).toBe(5);
    expect(JSON.parse((await run(['--db', copy, 'audit', 'head', '--json'])).stdout)).toEqual(head);
  }, 600_000);
});
