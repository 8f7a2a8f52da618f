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
    // than the cores would keep both busy but pushed slow tests past their limits on a loaded machine:
    // as many workers as cores (at least two).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
