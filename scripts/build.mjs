// Bundles src/main.ts into dist/ with esbuild. Code splitting keeps lazily imported
// modules (services, docx, database) out of the start-up path; npm packages stay external.
// The new build is written beside dist/ and swapped in, so a program running meanwhile
// (or a parallel test run) never sees a half-written dist/.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
    // Vietnamese text stays as it is written (escaped \u sequences are larger and slower to load).
    charset: 'utf8',
  });
  // The message catalogues as JSON: parsing JSON at start-up is several times faster than
  // evaluating the same text as a module (src/i18n/index.ts reads these when they exist).
  mkdirSync(`${fresh}/i18n`, { recursive: true });
  for (const lang of ['vi', 'en']) {
    const tmp = `${fresh}/i18n/${lang}.tmp.mjs`;
    await build({ entryPoints: [`src/i18n/${lang}.ts`], bundle: true, format: 'esm', platform: 'node', outfile: tmp, logLevel: 'warning' });
    const catalogue = (await import(pathToFileURL(tmp).href))[lang];
    writeFileSync(`${fresh}/i18n/${lang}.json`, JSON.stringify(catalogue));
    rmSync(tmp);
  }
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
