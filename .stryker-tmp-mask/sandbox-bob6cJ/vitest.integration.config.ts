import { defineConfig } from 'vitest/config';

/**
 * The integration suite (`npm run test:integration`): real slurmrestd specs and clusters, client generators, the
 * public spec corpus. The global setup prepares them all first (or fails the run with one line).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.integration.test.ts'],
    globalSetup: ['test/integration/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
