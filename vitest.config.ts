import { defineConfig } from 'vitest/config';

/**
 * Files that need a module registry of their own: they mock modules (`vi.mock`), or reload modules that read the
 * environment when loaded (`vi.resetModules` after setting SPECDRIFT_GO, …), which would leak into later files.
 */
const ISOLATED = ['test/compat/server/handlers-reading.test.ts', 'test/compat/generators/toolchains.test.ts', 'test/compat/generators/go-java.test.ts'];

/**
 * The unit suite (`npm test`): hermetic — no root, no daemons, no network, no real Slurm specs, no client
 * generators. Whatever needs them is in `*.integration.test.ts` (vitest.integration.config.ts).
 *
 * Speed (docs/testing.md): the files share their worker's module registry (`isolate: false`), so src/ and the
 * libraries load once per worker instead of once per file — that halved the suite's time. Every test still sets up
 * its own data, and the suite also runs shuffled in CI (`--sequence.shuffle`), so no file leans on another's state.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Read from the root config by the pool: workers are reused between files (and recycled between the projects).
    poolOptions: { forks: { isolate: false } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/**/*.integration.test.ts', ...ISOLATED] },
      },
      // Each of these files starts with a fresh module registry and mocker (reset in the worker before the file).
      { extends: true, test: { name: 'unit-isolated', include: ISOLATED, poolOptions: { forks: { isolate: true } } } },
    ],
  },
});
