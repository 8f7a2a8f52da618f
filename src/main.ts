/**
 * The only file that touches the process: argv, env, stdout/stderr and the exit code.
 */
import { userInfo } from 'node:os';
import { runCli } from './cli/run.js';
import type { Io } from './context.js';

function actor(): string {
  try {
    return process.env.SUDO_USER || userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

// A closed pipe (`thidua person list | head`) ends the program quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
const io: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
  stdinIsTTY: !!process.stdin.isTTY,
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  color: !!process.stdout.isTTY && !noColor && process.env.TERM !== 'dumb',
  columns: process.stdout.columns ?? 100,
  streams: { stdin: process.stdin, stderr: process.stderr },
};

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  io,
  actor: actor(),
  now: () => new Date(),
  catalogues: new URL('./i18n/', import.meta.url),
});
process.exitCode = code;
