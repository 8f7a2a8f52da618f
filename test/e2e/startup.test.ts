import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';
import { tempDir } from '../helpers/cli.js';

const DIST = resolve(__dirname, '../../dist');
const HOOK = pathToFileURL(resolve(__dirname, 'fixtures/log-loads.mjs')).href;
const HEAVY = ['kysely', 'better-sqlite3', 'docx', '@inquirer/prompts', '@inquirer/core', 'read-excel-file', 'csv-parse', 'cli-table3', 'pdf-lib', 'node-forge', '@signpdf/signpdf', '@signpdf/utils', 'pkcs11js'];

/** The npm packages a run of the built program loads (the bundle's chunks, mapped through dist/packages.json). */
function packagesLoaded(args: string[]): string[] {
  const log = join(tempDir(), 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    env: { ...process.env, THIDUA_LOAD_LOG: log, THIDUA_NO_COMPILE_CACHE: '1' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const map = JSON.parse(readFileSync(join(DIST, 'packages.json'), 'utf8')) as Record<string, string[]>;
  const found = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    if (url.includes('/node_modules/')) found.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]);
    const prefix = pathToFileURL(DIST).href + '/';
    if (url.startsWith(prefix)) for (const p of map[url.slice(prefix.length)] ?? []) found.add(p);
  }
  return [...found].sort();
}

describe('start-up', () => {
  it('bundles every package but better-sqlite3, so start-up resolves no package files one by one', () => {
    const map = JSON.parse(readFileSync(join(DIST, 'packages.json'), 'utf8')) as Record<string, string[]>;
    const bundled = new Set(Object.values(map).flat());
    for (const p of ['commander', 'kysely', 'cli-table3', 'chalk']) expect(bundled.has(p), p).toBe(true);
    expect(bundled.has('better-sqlite3')).toBe(false);
  });

  it('loads none of the heavy packages for --help and --version', () => {
    for (const args of [['--help'], ['--version'], ['person', '--help'], ['--lang', 'en', 'person', 'import', '--help'], ['sign', '--help'], ['verify', '--help']]) {
      const loaded = packagesLoaded(args);
      for (const heavy of HEAVY) expect(loaded, args.join(' ')).not.toContain(heavy);
    }
    // The check can fail: a command that reads the database does load them.
    const dir = tempDir();
    const db = join(dir, 'x.sqlite');
    spawnSync(process.execPath, [BIN, '--db', db, 'init', '--name', 'T', '--full-name', 'T', '--parent-body', 'P', '--symbol', 'T', '--place', 'X', '--head-name', 'A B'], { encoding: 'utf8' });
    const listing = packagesLoaded(['--db', db, 'unit', 'list']);
    expect(listing).toContain('kysely');
    expect(listing).toContain('better-sqlite3');
  });
});
