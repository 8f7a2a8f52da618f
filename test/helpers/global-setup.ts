import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplates, type Templates } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
  }
}

/**
 * End-to-end tests run the built program: build it once, fresh, before any test. The test databases
 * are migrated once here too, and copied by each test (test/helpers/cli.ts).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'thidua-templates-'));
  project.provide('templates', await buildTemplates(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
