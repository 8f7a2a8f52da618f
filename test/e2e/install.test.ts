/**
 * Issue 15: the program installed as the README says, on a clerk's machine. The tarball is packed
 * (`npm pack`, as the README's install section writes it) and installed into a temporary prefix
 * (`npm install -g --prefix`). better-sqlite3's install script (prebuild-install, else node-gyp) first
 * looks for a local prebuilt binary: the test hands it the one this checkout already compiled for the
 * same version and Node (reusing that work keeps the install to seconds); where the versions differ, or
 * with THIDUA_INSTALL_COMPILE=1, it compiles from source as on a machine without internet (a minute or
 * more). One test does the install once and runs everything on it.
 * Then, from another folder: `thidua demo`; the README's crontab lines, taken from the README itself,
 * under cron's empty environment; the systemd unit's ExecStart with its Environment= lines, and both
 * units through `systemd-analyze verify` (the timer's calendar too) where systemd is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const ROOT = resolve(__dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of a language in a section of the README (from its heading to the next `## `). */
function blocks(heading: string, lang: string): string[] {
  const at = README.indexOf(`\n${heading}\n`);
  expect(at, heading).toBeGreaterThan(0);
  const end = README.indexOf('\n## ', at + heading.length + 2);
  const section = README.slice(at, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The environment of npm itself, without what `npx vitest` put there (npm_config_prefix and the like). */
function cleanEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !/^npm_/i.test(k))) as Record<string, string>;
}

function registryReachable(): boolean {
  return spawnSync('npm', ['ping'], { env: cleanEnv(), encoding: 'utf8', timeout: 30_000 }).status === 0;
}

/** A crontab job line as cron runs it: `\%` is a `%`, the command goes to /bin/sh. */
function cronCommand(line: string): string {
  const command = line.trim().split(/\s+/).slice(5).join(' ');
  expect(command).not.toMatch(/(^|[^\\])%/);
  return command.replace(/\\%/g, '%');
}

/**
 * The better-sqlite3 binary this checkout compiled, packed as prebuild-install names and lays out a
 * prebuilt one (better-sqlite3-vVERSION-node-vABI-PLATFORM-ARCH.tar.gz holding build/Release/*.node),
 * in a folder given to the install script through npm_config_better_sqlite3_local_prebuilds.
 */
function localPrebuild(work: string): Record<string, string> {
  const pkg = join(ROOT, 'node_modules', 'better-sqlite3');
  const binary = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (process.env.THIDUA_INSTALL_COMPILE === '1' || !existsSync(binary)) return {};
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(work, 'prebuilds');
  mkdirSync(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

const online = registryReachable();

describe.skipIf(!online)('installed from the packed tarball', () => {
  it('puts thidua on PATH; the demo, the crontab lines and the systemd unit work as written', () => {
    const work = tempDir('thidua-install-');
    try {
      // The README's install: `npm pack`, then `npm install -g FILE.tgz` (here into a temporary prefix).
      const install = blocks('## Cài đặt trên máy của văn thư', 'sh').join('\n');
      expect(install).toMatch(/^npm install && npm pack\b/m);
      const globalLine = /^npm install -g (thidua-[\d.]+\.tgz)/m.exec(install);
      expect(globalLine, 'the README installs the tarball').not.toBeNull();
      expect(install).not.toMatch(/npx/);
      const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
      expect(packed).toBe(globalLine![1]);
      const listed = execFileSync('tar', ['-tzf', join(work, packed)], { encoding: 'utf8' });
      expect(listed).toContain('package/dist/main.js');
      expect(listed).toContain('package/bin/thidua.js');
      expect(listed).not.toContain('package/src/');
      const prefix = join(work, 'prefix');
      const npm = spawnSync('npm', ['install', '-g', '--prefix', prefix, join(work, packed)], {
        cwd: work, env: { ...cleanEnv(), ...localPrebuild(work), JOBS: 'max' }, encoding: 'utf8', timeout: 20 * 60_000,
      });
      expect(npm.status, `${npm.stdout}\n${npm.stderr}`).toBe(0);
      const thidua = join(prefix, 'bin', 'thidua');
      expect(existsSync(thidua)).toBe(true);
      // PATH holds what npm put there and node, nothing else: the installed program needs no other tool
      // (and without LibreOffice on PATH the demo makes no PDFs and signs nothing, which other tests cover).
      const nodeOnly = join(work, 'node-bin');
      mkdirSync(nodeOnly);
      symlinkSync(process.execPath, join(nodeOnly, 'node'));
      const path = `${join(prefix, 'bin')}:${nodeOnly}`;

      // `thidua` on PATH, from a folder that has nothing to do with the sources.
      const elsewhere = join(work, 'van-phong');
      mkdirSync(elsewhere);
      const run = (args: string[], env: Record<string, string> = {}) =>
        spawnSync('thidua', args, { cwd: elsewhere, env: { PATH: path, HOME: work, ...env }, encoding: 'utf8', input: '' });
      expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      const demo = run(['demo', '--dir', 'mau']);
      expect(demo.status, demo.stderr).toBe(0);
      expect(readdirSync(join(elsewhere, 'mau'))).toContain('thidua-demo.sqlite');
      expect(readdirSync(join(elsewhere, 'mau')).filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(10);

      // The office's folder, as /srv/thidua would be: the database, nothing else yet (no log folder).
      const office = join(work, 'srv', 'thidua');
      mkdirSync(office, { recursive: true });
      copyFileSync(join(elsewhere, 'mau', 'thidua-demo.sqlite'), join(office, 'thidua.sqlite'));
      // /srv/thidua is the temporary office; /usr/local/bin, where npm put thidua (a PATH also needs node's folder).
      const relocate = (text: string) => text.replaceAll('/srv/thidua', office).replaceAll('/usr/local/bin', join(prefix, 'bin'));
      const relocatePath = (value: string) => value.replaceAll('/usr/local/bin', `${join(prefix, 'bin')}:${dirname(process.execPath)}`);

      // The crontab, as written: its variables, then each job under cron's own environment.
      const [crontab] = blocks('## Chạy tự động (cron, systemd)', 'cron');
      expect(crontab).toBeDefined();
      expect(crontab).not.toMatch(/npx/);
      const lines = crontab!.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
      const setting = (l: string): [string, string] => {
        const [name, value] = [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)];
        return [name, name === 'PATH' ? relocatePath(value) : relocate(value)];
      };
      const vars = Object.fromEntries(lines.filter((l) => /^[A-Z_]+=/.test(l)).map(setting));
      const jobs = lines.filter((l) => /^[\d*]/.test(l));
      expect(Object.keys(vars).sort()).toEqual(['PATH', 'THIDUA_DB']);
      expect(jobs).toHaveLength(2);
      const cronEnv = { SHELL: '/bin/sh', HOME: work, LOGNAME: 'thidua', PATH: '/usr/bin:/bin', ...vars };
      for (const job of jobs) {
        const r = spawnSync('/usr/bin/env', ['-i', ...Object.entries(cronEnv).map(([k, v]) => `${k}=${v}`), '/bin/sh', '-c', relocate(cronCommand(job))], { cwd: '/', encoding: 'utf8', input: '' });
        expect(r.status, `${job}\n${r.stdout}${r.stderr}`).toBe(0);
      }
      const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /;
      const log = readFileSync(join(office, 'nhat-ky', 'commend.log'), 'utf8').trimEnd().split('\n');
      for (const l of log) expect(l).toMatch(stamp);
      expect(log.at(-1)).toMatch(/ commend: mã thoát 0$/);
      expect(readdirSync(join(office, 'tuyen-duong')).sort().map((f) => f.replace(/\d{4}-Q\d/, 'Q'))).toEqual(['tuyen-duong-Q.csv', 'tuyen-duong-Q.docx']);
      const backup = readFileSync(join(office, 'nhat-ky', 'sao-luu.log'), 'utf8').trimEnd().split('\n');
      for (const l of backup) expect(l).toMatch(stamp);
      expect(backup.at(-1)).toMatch(/ sao lưu: mã thoát 0$/);
      expect(readdirSync(join(office, 'sao-luu'))).toEqual([expect.stringMatching(/^thidua-\d{4}-\d{2}-\d{2}\.sqlite$/)]);
      // Run again the same day: the list is unchanged (exit 0); the day's backup is already there, and the
      // log says so with the command's own exit status.
      const again = (job: string) => spawnSync('/usr/bin/env', ['-i', ...Object.entries(cronEnv).map(([k, v]) => `${k}=${v}`), '/bin/sh', '-c', relocate(cronCommand(job))], { cwd: '/', encoding: 'utf8' });
      expect(again(jobs[0]!).status).toBe(0);
      expect(readFileSync(join(office, 'nhat-ky', 'commend.log'), 'utf8').trimEnd().split('\n').at(-1)).toMatch(/ commend: mã thoát 0$/);
      expect(again(jobs[1]!).status).toBe(0);
      const refused = readFileSync(join(office, 'nhat-ky', 'sao-luu.log'), 'utf8').trimEnd().split('\n').slice(backup.length);
      for (const l of refused) expect(l).toMatch(stamp);
      expect(refused.at(-1)).toMatch(/ sao lưu: mã thoát [1-9]\d*$/);
      expect(refused.length).toBeGreaterThan(1);

      // The systemd service: ExecStart with the unit's Environment= lines and WorkingDirectory.
      const [units] = blocks('## Chạy tự động (cron, systemd)', 'ini');
      const service = units!.slice(0, units!.indexOf('# thidua-commend.timer'));
      const field = (name: string) => [...service.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].map((m) => m[1]!);
      const [exec] = field('ExecStart').map(relocate);
      expect(exec).toBeDefined();
      expect(exec).not.toMatch(/npx/);
      const unitEnv = Object.fromEntries(field('Environment').map(setting));
      rmSync(join(office, 'tuyen-duong'), { recursive: true });
      const [program, ...args] = exec!.split(' ');
      const sd = spawnSync(program!, args, { cwd: relocate(field('WorkingDirectory')[0]!), env: unitEnv, encoding: 'utf8', input: '' });
      expect(sd.status, sd.stderr).toBe(0);
      expect(readdirSync(join(office, 'tuyen-duong'))).toHaveLength(2);

      // Both units as systemd reads them, and the timer fires on the first day of each quarter at 06:00.
      if (existsSync('/usr/bin/systemd-analyze')) {
        const unitDir = join(work, 'systemd');
        mkdirSync(unitDir);
        const timer = units!.slice(units!.indexOf('# thidua-commend.timer'));
        writeFileSync(join(unitDir, 'thidua-commend.service'), relocate(service));
        writeFileSync(join(unitDir, 'thidua-commend.timer'), timer);
        const verify = spawnSync('systemd-analyze', ['verify', '--man=no', join(unitDir, 'thidua-commend.service'), join(unitDir, 'thidua-commend.timer')], { encoding: 'utf8' });
        expect(verify.status, verify.stderr).toBe(0);
        expect(verify.stderr).toBe('');
        const [calendar] = [...timer.matchAll(/^OnCalendar=(.*)$/gm)].map((m) => m[1]!);
        const elapses = spawnSync('systemd-analyze', ['calendar', '--iterations=4', calendar!], { encoding: 'utf8', env: { ...cleanEnv(), TZ: 'UTC' } });
        expect(elapses.status, elapses.stderr).toBe(0);
        const days = [...elapses.stdout.matchAll(/\d{4}-(\d{2}-\d{2} \d{2}:\d{2}):\d{2}/g)].map((m) => m[1]).sort();
        expect(days).toEqual(['01-01 06:00', '04-01 06:00', '07-01 06:00', '10-01 06:00']);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 25 * 60_000);
});

// Shown when the test cannot run: it needs the npm registry for the one runtime dependency.
if (!online) console.warn(`install test skipped: the npm registry cannot be reached from ${tmpdir()}`);
