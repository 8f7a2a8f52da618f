/**
 * Starts the shared demonstration school's builds (see shared-demo.ts), from the global set-up: kept
 * apart from the tests' side, which reads vitest's provided context.
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

export const STYLES: DemoStyle[] = ['state', 'party'];
export const resultFile = (root: string, style: DemoStyle) => join(root, `${style}.json`);

/** Environment of the built program as test/helpers/bin.ts gives it. */
export const DEMO_ENV = { THIDUA_TODAY: '2026-11-28', NO_COLOR: '' };

/** Starts both builds (global set-up); the returned function stops any still running. */
export function startSharedDemos(root: string): () => void {
  const bin = fileURLToPath(new URL('../../bin/thidua.js', import.meta.url));
  const children = STYLES.map((style) => {
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
    child.on('close', (code) => {
      const result: SharedDemo = { dir, db: join(dir, 'thidua-demo.sqlite'), code: code ?? -1, stdout, stderr };
      const tmp = `${resultFile(root, style)}.tmp`;
      writeFileSync(tmp, JSON.stringify(result));
      renameSync(tmp, resultFile(root, style));
    });
    return child;
  });
  return () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
}

