// A throw-away PostgreSQL server for the tests and the benchmark: a fresh cluster in a temp folder,
// on a free local port, password login over TCP, stopped (and its folder removed) by stop().
// Debian's PostgreSQL binaries (/usr/lib/postgresql/N/bin) or THIDUA_PG_BIN. initdb refuses to run
// as root: as root the server runs as the `postgres` user (setpriv), in a folder it owns.
// The database's default collation is ICU Vietnamese on purpose: the program must give SQLite's
// order whatever the server's collation is (its text columns compare byte by byte).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holding initdb and postgres, or null when none is installed. */
export function findPostgresBin(env = process.env) {
  const candidates = [];
  // THIDUA_PG_BIN names the one folder to use (a folder without a server: none is used).
  if (env.THIDUA_PG_BIN) candidates.push(env.THIDUA_PG_BIN);
  const root = '/usr/lib/postgresql';
  if (!env.THIDUA_PG_BIN && existsSync(root)) {
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(join(root, v, 'bin'));
  }
  return candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'postgres'))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** uid and gid of a user, from /etc/passwd. */
function account(name) {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return { uid: Number(f[2]), gid: Number(f[3]) };
  }
  return null;
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Starts the server (`durable`: with fsync and synchronous commit, as a real one). Resolves to { url, adminUrl(db), port, password, stop } where `url` reaches the
 * `postgres` database as the superuser `postgres` over TCP with a password.
 */
export async function startPostgres({ bin = findPostgresBin(), durable = false } = {}) {
  if (!bin) throw new Error('no PostgreSQL server binaries found (apt-get install postgresql, or set THIDUA_PG_BIN)');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? account('postgres') : null;
  if (asRoot && !owner) throw new Error('running as root and there is no postgres user to run the server as');
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'pw'), `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(join(dir, 'pw'), owner.uid, owner.gid);
  }
  const as = (cmd, args) => (owner ? ['setpriv', [`--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--clear-groups', '--', cmd, ...args]] : [cmd, args]);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const initArgs = ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'pw'), '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync'];
  const [initCmd, initCmdArgs] = as(join(bin, 'initdb'), [...initArgs, '--locale-provider=icu', '--icu-locale=vi-VN', '--locale=C.UTF-8']);
  try {
    execFileSync(initCmd, initCmdArgs, { env, stdio: 'pipe' });
  } catch {
    // A server built without ICU: the libc locale (byte order) it is.
    rmSync(data, { recursive: true, force: true });
    const [cmd, args] = as(join(bin, 'initdb'), [...initArgs, '--locale=C.UTF-8']);
    execFileSync(cmd, args, { env, stdio: 'pipe' });
  }
  const port = await freePort();
  // Tests trade durability for speed; the benchmark (durable) measures a server as an office runs it.
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    max_connections: '200',
    ...(durable ? { shared_buffers: '256MB' } : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '64MB' }),
  };
  const [cmd, args] = as(join(bin, 'postgres'), ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
  const server = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  let exited = false;
  server.on('exit', () => (exited = true));
  // A run that ends without stop() (a failure) still stops the server and removes its folder: the
  // server is asked to stop, and the folder removed once it has (its pid file gone; 10 s at most).
  const kill = () => {
    if (!exited) server.kill('SIGINT');
    const wait = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 200 && existsSync(join(data, 'postmaster.pid')); i++) Atomics.wait(wait, 0, 0, 50);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', kill);
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const ready = join(bin, 'pg_isready');
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`the PostgreSQL server stopped at start: ${log.trim().split('\n').pop()}`);
    try {
      execFileSync(ready, ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { stdio: 'ignore' });
      break;
    } catch {
      if (Date.now() - started > 30_000) {
        kill();
        throw new Error('the PostgreSQL server did not become ready in 30 s');
      }
      await sleep(50);
    }
  }
  return {
    url,
    port,
    password,
    dir,
    bin,
    /** The address of another database on this server, as the superuser. */
    adminUrl: (db) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`,
    async stop() {
      process.off('exit', kill);
      if (!exited) {
        server.kill('SIGINT');
        const until = Date.now() + 15_000;
        while (!exited && Date.now() < until) await sleep(50);
        if (!exited) server.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
