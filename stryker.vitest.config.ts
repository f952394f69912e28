import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/diff and src/mask: their hermetic unit tests only.
export default defineConfig({
  test: {
    include: ['test/diff/**/*.test.ts', 'test/mask/**/*.test.ts'],
    exclude: ['**/*.integration.test.ts', '**/real-*.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
