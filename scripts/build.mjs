// Bundles src/main.ts into dist/ with esbuild. Code splitting keeps lazily imported
// modules (services, docx, database) out of the start-up path; npm packages stay external.
// The new build is written beside dist/ and swapped in, so a program running meanwhile
// (or a parallel test run) never sees a half-written dist/.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const fresh = `${dist}.new-${process.pid}`;
const old = `${dist}.old-${process.pid}`;

try {
  await build({
    entryPoints: { main: 'src/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: fresh,
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  try {
    renameSync(dist, old);
  } catch {
    // no earlier build
  }
  renameSync(fresh, dist);
} finally {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}
