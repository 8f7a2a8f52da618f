import { execFileSync } from 'node:child_process';

/** End-to-end tests run the built program: build it once, fresh, before any test. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
