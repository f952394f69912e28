import { defineConfig } from 'vitest/config';

/**
 * The unit suite (`npm test`): hermetic — no root, no daemons, no network, no real Slurm specs, no client
 * generators. Whatever needs them is in `*.integration.test.ts` (vitest.integration.config.ts).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/**/*.integration.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
