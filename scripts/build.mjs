// Bundles src/main.ts into dist/ with esbuild. Code splitting keeps lazily imported
// modules (services, docx, database) out of the start-up path. Every npm package but
// better-sqlite3 and pkcs11js (native addons, found at run time) is bundled: resolving and compiling the
// hundred files of kysely one by one cost more than the work of a small command.
// The new build is written beside dist/ and swapped in, so a program running meanwhile
// (or a parallel test run) never sees a half-written dist/.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const fresh = `${dist}.new-${process.pid}`;
const old = `${dist}.old-${process.pid}`;

try {
  const { metafile } = await build({
    entryPoints: { main: 'src/main.ts' },
    metafile: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: fresh,
    external: ['better-sqlite3', 'pkcs11js'],
    // Bundled CommonJS packages (commander, cli-table3…) call require() for Node's own modules.
    banner: { js: "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);" },
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    // Vietnamese text stays as it is written (escaped \u sequences are larger and slower to load).
    charset: 'utf8',
    minify: !process.env.THIDUA_NO_MINIFY,
  });
  // Which npm packages each output file holds: the start-up test proves that --help and --version
  // load none of the heavy ones.
  const packages = {};
  for (const [out, { inputs }] of Object.entries(metafile.outputs)) {
    if (!out.endsWith('.js')) continue;
    const names = new Set();
    for (const input of Object.keys(inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (m) names.add(m[1]);
    }
    packages[relative(fresh, resolve(out)).split(sep).join('/')] = [...names].sort();
  }
  writeFileSync(`${fresh}/packages.json`, JSON.stringify(packages, null, 1));
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
