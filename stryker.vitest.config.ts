import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of src/diff and src/mask: their hermetic unit tests only.
// STRYKER_TESTS narrows them (comma-separated globs) so a run on one area does not pay for the others' dry run,
// e.g. STRYKER_TESTS='test/mask/**/*.test.ts' with MUTATE='src/mask/**/*.ts'.
const tests = process.env.STRYKER_TESTS?.split(',') ?? ['test/diff/**/*.test.ts', 'test/mask/**/*.test.ts'];

export default defineConfig({
  test: {
    include: tests,
    exclude: ['**/*.integration.test.ts', '**/real-*.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    // STRYKER_SHARED=1: the runner's worker keeps its module registry between mutant runs (Stryker switches mutants
    // at run time, so only static mutants need a reload, and --ignoreStatic leaves those out).
    ...(process.env.STRYKER_SHARED === '1' ? { poolOptions: { threads: { isolate: false } } } : {}),
  },
});
