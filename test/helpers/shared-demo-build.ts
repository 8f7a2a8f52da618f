/**
 * Builds the shared demonstration school (see shared-demo.ts): kept apart from the tests' side, which
 * reads vitest's provided context.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DemoStyle = 'state' | 'party';

export interface SharedDemo {
  /** The demo's folder (`thidua demo --dir` it was given). */
  dir: string;
  /** Its database. */
  db: string;
  /** How `thidua demo` ended, and what it said. */
  code: number;
  stdout: string;
  stderr: string;
}

export const resultFile = (root: string, style: DemoStyle) => join(root, `${style}.json`);

/** Environment of the built program as test/helpers/bin.ts gives it. */
export const DEMO_ENV = { THIDUA_TODAY: '2026-11-28', NO_COLOR: '' };

/**
 * Builds the shared demo of one style with the built program, as a user would run it, and records how
 * it ended in `<root>/<style>.json` (written whole, by rename, so a reader never sees half of it).
 */
export function buildSharedDemo(root: string, style: DemoStyle): Promise<void> {
  const bin = fileURLToPath(new URL('../../bin/thidua.js', import.meta.url));
  const cwd = join(root, `${style}-cwd`);
  mkdirSync(cwd, { recursive: true });
  const dir = join(root, style, 'mau');
  const child = spawn(process.execPath, [bin, 'demo', '--dir', dir, '--style', style], {
    cwd,
    env: { ...process.env, ...DEMO_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done) =>
    child.on('close', (code) => {
      const result: SharedDemo = { dir, db: join(dir, 'thidua-demo.sqlite'), code: code ?? -1, stdout, stderr };
      const tmp = `${resultFile(root, style)}.tmp`;
      writeFileSync(tmp, JSON.stringify(result));
      renameSync(tmp, resultFile(root, style));
      done();
    }),
  );
}
