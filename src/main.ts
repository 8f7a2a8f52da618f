/**
 * The only file that touches the process: argv, env, stdout/stderr and the exit code.
 */
import { userInfo } from 'node:os';
import type { Io } from './context.js';
import { version } from './cli/version.js';

function actor(): string {
  try {
    return process.env.SUDO_USER || userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

const argv = process.argv.slice(2);
const catalogues = new URL('./i18n/', import.meta.url);

/**
 * A closed pipe (`thidua person list | head`) ends the program quietly. Output that cannot be written
 * (`> /dev/full`, a full disk) is said in one line, with the database exit code, never a stack.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stderr) process.exit(6);
    void import('./cli/run.js')
      .then(({ outputFailureMessage }) => outputFailureMessage(argv, process.env, e, catalogues))
      .then((text) => process.stderr.write(text))
      .finally(() => process.exit(6));
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

// `thidua --version` alone (scripts and installers ask it often) answers before the command
// tree is even loaded; any other form goes through commander as usual.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  io.out(`${version}\n`);
} else {
  const { runCli } = await import('./cli/run.js');
  process.exitCode = await runCli({
    argv,
    env: process.env,
    io,
    actor: actor(),
    now: () => new Date(),
    catalogues,
  });
}
