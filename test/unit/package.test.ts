/**
 * What `npm pack` puts in the tarball a clerk installs (issue 15): the built program (dist/), the
 * launcher and the templates, no sources, no source maps; and, as dependencies, only what the built
 * program loads at run time (every other package is bundled into dist/ by scripts/build.mjs).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

describe('the packed tarball', () => {
  it('carries dist/, bin/ and templates/, and nothing of the sources or tests', () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = pack!.files.map((f) => f.path);
    for (const f of ['bin/thidua.js', 'dist/main.js', 'dist/i18n/vi.json', 'dist/i18n/en.json', 'templates/giay-chung-nhan.docx', 'README.md', 'package.json']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('dist/chunks/')).length).toBe(readdirSync(join(ROOT, 'dist', 'chunks')).filter((f) => !f.endsWith('.map')).length);
    expect(files.filter((f) => /^(src|test|scripts|migrations|bench)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('depends only on what the built program loads at run time', () => {
    // better-sqlite3, and pkcs11js (optional: only `sign --pkcs11` loads it, and says how to install it when missing).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
    const bare = new Set<string>();
    for (const f of ['main.js', ...readdirSync(join(ROOT, 'dist', 'chunks')).filter((x) => x.endsWith('.js')).map((x) => `chunks/${x}`)]) {
      const code = readFileSync(join(ROOT, 'dist', f), 'utf8');
      for (const m of code.matchAll(/(?:from|import\()\s*"([^".][^"]*)"/g)) if (/^(?:@[\w.-]+\/)?[a-z][\w.-]*(?:\/[\w./-]*)?$/.test(m[1]!)) bare.add(m[1]!.split('/')[0]!);
    }
    const builtins = new Set(['fs', 'path', 'os', 'url', 'util', 'stream', 'zlib', 'crypto', 'events', 'module', 'child_process', 'worker_threads', 'readline', 'tty', 'buffer', 'string_decoder', 'assert', 'process']);
    expect([...bare].filter((b) => !builtins.has(b)).sort()).toEqual([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})].sort());
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const english = readFileSync(join(ROOT, 'README.en.md'), 'utf8');
  const jobs = (text: string) => /```cron\n([\s\S]*?)```/.exec(text)![1]!.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it('starts with the two commands of a developer', () => {
    expect(readme.startsWith('# thidua\n\n```sh\nnpm install && npx thidua demo\nnpm test\n```\n')).toBe(true);
  });

  it('has its Commands, Cron and Exit codes sections in Vietnamese, and the same in English beside it', () => {
    for (const h of ['## Cài đặt trên máy của văn thư', '## Lệnh', '## Chạy tự động (cron, systemd)', '## Mã thoát']) expect(readme).toContain(`\n${h}\n`);
    for (const h of ['## Install on the clerk\'s machine', '## Commands', '## Cron', '## Exit codes']) expect(english).toContain(`\n${h}\n`);
    expect(readme).toContain('(README.en.md)');
    // The English crontab is the Vietnamese one (the test runs the Vietnamese one), comments aside.
    expect(jobs(english)).toEqual(jobs(readme));
    const codes = (text: string, heading: string) => [...text.slice(text.indexOf(heading)).matchAll(/^\| (\d+) \|/gm)].map((m) => m[1]);
    expect(codes(english, '## Exit codes')).toEqual(codes(readme, '## Mã thoát'));
  });
});
