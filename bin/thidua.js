#!/usr/bin/env node
// Launcher: runs the built program in dist/. Kept tiny so start-up stays fast.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'thidua: chương trình chưa được build. Hãy chạy: npm run build\n' +
      'thidua: not built yet. Run: npm run build\n',
  );
  process.exit(1);
}
await import(main.href);
