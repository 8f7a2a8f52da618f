import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on the program they spawn (and LibreOffice): vitest's default of one worker
    // fewer than the cores (a single one on two cores) leaves a core idle meanwhile. One more worker
    // than the cores keeps both busy, and a slow file runs beside the others, not after them.
    maxWorkers: Math.max(3, availableParallelism() + 1),
  },
});
