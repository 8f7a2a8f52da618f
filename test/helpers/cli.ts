/**
 * Runs the CLI in-process with a fake terminal: captured stdout/stderr, chosen TTY-ness, a fixed
 * clock, and a scripted prompter that fails on any question it was not told to expect.
 */
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run.js';
import type { Io, Prompter } from '../../src/context.js';
import { inject } from 'vitest';
import type { Templates } from './templates.js';
import { defaultEngine, serverDb, type Engine } from './engines.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Answer {
  /** A part of the question expected. */
  expect: RegExp;
  answer: string | boolean;
}

export interface RunOptions {
  tty?: boolean;
  env?: Record<string, string | undefined>;
  answers?: Answer[];
  color?: boolean;
}

/**
 * `onRejected` hears what a prompt's own check says of an answer (as the terminal shows it under the
 * question); the question is then asked again and takes the next answer.
 */
export function scriptedPrompter(answers: Answer[], onRejected: (complaint: string) => void = () => {}): Prompter & { asked: string[] } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = (message: string): string | boolean => {
    asked.push(message);
    const a = queue.shift();
    if (!a) throw new Error(`unexpected prompt: ${message}`);
    if (!a.expect.test(message)) throw new Error(`prompt "${message}" does not match ${a.expect}`);
    return a.answer;
  };
  return {
    asked,
    async input(message, opts = {}) {
      for (;;) {
        const answer = String(next(message));
        const verdict = opts.validate ? opts.validate(answer) : true;
        if (verdict === true) return answer;
        onRejected(verdict);
      }
    },
    async select(message, choices) {
      const v = String(next(message));
      if (!choices.some((c) => c.value === v)) throw new Error(`"${v}" is not a choice of "${message}"`);
      return v;
    },
    async confirm(message) {
      return Boolean(next(message));
    },
    async password(message) {
      return String(next(message));
    },
  };
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const tty = opts.tty ?? false;
  const io: Io = {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    stdinIsTTY: tty,
    stdoutIsTTY: tty,
    stderrIsTTY: false,
    color: opts.color ?? false,
    columns: 120,
  };
  const prompter = scriptedPrompter(opts.answers ?? [], (complaint) => void (stderr += `> ${complaint}\n`));
  const code = await runCli({
    argv,
    env: { THIDUA_TODAY: '2026-11-28', ...opts.env },
    io,
    actor: 'tester',
    now: () => new Date('2026-11-28T08:00:00.000Z'),
    prompter,
  });
  const left = (opts.answers?.length ?? 0) - prompter.asked.length;
  if (left > 0) throw new Error(`${left} expected prompt(s) never asked; asked: ${prompter.asked.join(' | ')}`);
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'thidua-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const ORG_FLAGS = [
  '--name', 'TRƯỜNG CHÍNH TRỊ',
  '--full-name', 'Trường Chính trị tỉnh Bình Phước',
  '--parent-body', 'TỈNH ỦY BÌNH PHƯỚC',
  '--symbol', 'TCT',
  '--place', 'Bình Phước',
  '--head-name', 'Trần Văn Thịnh',
];

export interface TestDb {
  /** The file, or the server database's address. */
  db: string;
  dir: string;
  engine: Engine;
  cli: (argv: string[], opts?: RunOptions) => Promise<RunResult>;
}

/**
 * A copy of a template database (test/helpers/global-setup.ts): a file in a temp dir, owner-only as
 * `init` leaves it, or a database on the test server (helpers/engines.ts).
 */
function copyOf(template: keyof Templates, engine: Engine): TestDb {
  const dir = tempDir();
  if (engine === 'postgres') {
    const db = serverDb(template);
    return { db, dir, engine, cli: (argv, opts) => run(['--db', db, ...argv], opts) };
  }
  const db = join(dir, 'thidua.sqlite');
  copyFileSync(inject('templates')[template], db);
  chmodSync(db, 0o600);
  return { db, dir, engine, cli: (argv, opts) => run(['--db', db, ...argv], opts) };
}

/** A fresh, initialised database in a temp dir; returns a runner bound to it. */
export async function freshDb(engine: Engine = defaultEngine()): Promise<TestDb> {
  return copyOf('fresh', engine);
}

/** A database with the units and a few people most tests need (SCHOOL_STEPS). */
export async function schoolDb(engine: Engine = defaultEngine()): Promise<TestDb> {
  return copyOf('school', engine);
}
