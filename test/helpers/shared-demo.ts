/**
 * The demonstration school, built ONCE per test run by the built program (`thidua demo`) in both
 * header styles, and shared by every test that only reads it: building it costs several seconds of
 * the program and more of LibreOffice (the demo signs its decisions), and a dozen tests used to build
 * their own. The global set-up starts both builds in the background (`startSharedDemos`) so the other
 * tests run meanwhile; `sharedDemo(style)` waits for one. A test that writes copies it first
 * (`copyOfSharedDemo`): the shared folder is never changed.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { resultFile, type DemoStyle, type SharedDemo } from './shared-demo-start.js';

export { DEMO_ENV, type DemoStyle, type SharedDemo } from './shared-demo-start.js';

/** The shared demo of a style, once built (it is read only: copy it to change anything). */
export async function sharedDemo(style: DemoStyle = 'state'): Promise<SharedDemo> {
  const file = resultFile(inject('sharedDemos'), style);
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
