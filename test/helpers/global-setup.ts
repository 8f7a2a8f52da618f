import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplates, buildServerTemplates, type Templates } from './templates.js';
// @ts-expect-error a plain .mjs script, shared with the benchmark
import { startPostgres } from '../../scripts/pg-server.mjs';

/** The test PostgreSQL server, when one could be started. */
export interface ServerInfo {
  /** The superuser's address of a database on the server: `url('x')`. */
  base: string;
  /** psql, for the tests' own queries. */
  psql: string;
  /** The template databases each test file copies (CREATE DATABASE … TEMPLATE). */
  templates: Templates;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
    server: ServerInfo | null;
  }
}

/**
 * End-to-end tests run the built program: build it once, fresh, before any test. The test databases
 * are migrated once here too, and copied by each test (test/helpers/cli.ts). A real PostgreSQL server
 * is started for the tests that run on both engines; when none can be, this says so in one line and
 * those are skipped, unless THIDUA_REQUIRE_POSTGRES=1 (CI), which fails the run instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'thidua-templates-'));
  // Where the shared demonstration school is built by the first test that asks for it (shared-demo.ts).
  const demos = mkdtempSync(join(tmpdir(), 'thidua-shared-demo-'));
  project.provide('sharedDemos', demos);
  project.provide('templates', await buildTemplates(dir));
  let server: Awaited<ReturnType<typeof startPostgres>> | null = null;
  if (process.env.THIDUA_TEST_ENGINES === 'sqlite') {
    // The SQLite run alone (the time the test-time goal counts): no server is started.
    process.stderr.write('PostgreSQL: THIDUA_TEST_ENGINES=sqlite; the PostgreSQL variants of the tests are skipped.\n');
  } else {
    try {
      server = await startPostgres();
    } catch (e) {
      const why = (e as Error).message;
      if (process.env.THIDUA_REQUIRE_POSTGRES === '1') throw new Error(`THIDUA_REQUIRE_POSTGRES=1 but no PostgreSQL server could be started: ${why}`);
      process.stderr.write(`PostgreSQL: no server could be started (${why}); the PostgreSQL variants of the tests are skipped.\n`);
    }
  }
  if (server) {
    const s = server;
    const base = s.adminUrl('');
    project.provide('server', { base, psql: join(s.bin, 'psql'), templates: await buildServerTemplates(base, join(s.bin, 'psql')) });
  } else {
    project.provide('server', null);
  }
  return async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(demos, { recursive: true, force: true });
  };
}
