#!/usr/bin/env node
// Launcher: runs the built program in dist/. Kept tiny so start-up stays fast.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'thidua: chương trình chưa được build. Hãy chạy: npm run build\n' +
      'thidua: not built yet. Run: npm run build\n',
  );
  process.exit(1);
}
// Node 22.1 and later keep the compiled program on disk between runs (a no-op on older Node).
// THIDUA_NO_COMPILE_CACHE=1 turns it off.
if (typeof module.enableCompileCache === 'function' && !process.env.THIDUA_NO_COMPILE_CACHE) {
  try {
    module.enableCompileCache();
  } catch {
    // a cache that cannot be written only costs speed
  }
}
await import(main.href);
