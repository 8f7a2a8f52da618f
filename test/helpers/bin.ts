/** Runs the built program as a user would: a separate process, no terminal. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/thidua.js');

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function bin(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): BinResult {
  const start = process.hrtime.bigint();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, THIDUA_TODAY: '2026-11-28', NO_COLOR: '', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, ms };
}
