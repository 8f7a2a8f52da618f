/**
 * The demonstration school, built ONCE per test run by the built program (`thidua demo`) in each
 * header style, and shared by every test that only reads it: building it costs several seconds of the
 * program and more of LibreOffice (the demo signs its decisions), and a dozen tests used to build their
 * own. The first test file that asks for a style builds it (holding a lock folder); the others wait for
 * its result, so a run that needs no demo builds none. A test that writes copies it first
 * (`copyOfSharedDemo`): the shared folder is never changed.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildSharedDemo, resultFile, type DemoStyle, type SharedDemo } from './shared-demo-build.js';

export { DEMO_ENV, type DemoStyle, type SharedDemo } from './shared-demo-build.js';

/** The shared demo of a style, once built (it is read only: copy it to change anything). */
export async function sharedDemo(style: DemoStyle = 'state'): Promise<SharedDemo> {
  const root = inject('sharedDemos');
  const file = resultFile(root, style);
  let builder = false;
  try {
    mkdirSync(join(root, `${style}.lock`));
    builder = true;
  } catch {
    // another test file builds it
  }
  if (builder) await buildSharedDemo(root, style);
  const deadline = Date.now() + 600_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the shared demo (${style}) was not built within 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const demo = JSON.parse(readFileSync(file, 'utf8')) as SharedDemo;
  if (demo.code !== 0) throw new Error(`thidua demo --style ${style} failed (${demo.code}): ${demo.stderr}`);
  return demo;
}

/** A private copy of the shared demo's folder, at `to` (which must not exist yet). */
export async function copyOfSharedDemo(to: string, style: DemoStyle = 'state'): Promise<SharedDemo> {
  const demo = await sharedDemo(style);
  cpSync(demo.dir, to, { recursive: true, preserveTimestamps: true });
  return { ...demo, dir: to, db: join(to, 'thidua-demo.sqlite') };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDemos: string;
  }
}
