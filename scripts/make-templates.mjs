// `npm run templates`: writes the default certificate templates into templates/ from the certificate's
// own layout (src/render/docx/default-templates.ts), so they always match what `thidua certificate` prints.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}node_modules/.cache/thidua-templates-${process.pid}.mjs`;
mkdirSync(`${root}node_modules/.cache`, { recursive: true });
try {
  await build({
    entryPoints: [`${root}src/render/docx/default-templates.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: cache,
    charset: 'utf8',
    logLevel: 'warning',
  });
  const { defaultTemplates } = await import(pathToFileURL(cache).href);
  const out = `${root}templates`;
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of Object.entries(await defaultTemplates())) {
    writeFileSync(`${out}/${name}`, bytes);
    console.log(`templates/${name}`);
  }
} finally {
  rmSync(cache, { force: true });
}
