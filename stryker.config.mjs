// Mutation testing (issue 10 item 7): `npm run mutation` (Stryker 9: Stryker 10 needs Node 22). Slow (hours for src/diff on a 2-core machine): not in CI.
// One area: `MUTATE='src/mask/**/*.ts' STRYKER_TESTS='test/mask/**/*.test.ts' npm run mutation` (docs/testing.md has the
// runs and scores). Only the hermetic unit tests of those areas run
// (stryker.vitest.config.ts): never the integration suite, which needs real specs, root and Slurm daemons.
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: (process.env.MUTATE ?? 'src/diff/**/*.ts,src/mask/**/*.ts').split(','),
  vitest: { configFile: 'stryker.vitest.config.ts', related: true },
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // STRYKER_REPORT names the reports, so runs on different areas at the same time do not overwrite each other's.
  htmlReporter: { fileName: `reports/mutation/${process.env.STRYKER_REPORT ?? 'mutation'}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env.STRYKER_REPORT ?? 'mutation'}.json` },
  concurrency: 2,
  timeoutMS: 60_000,
  // The dry run (every selected test, with per-test coverage) takes minutes on a loaded 2-core machine.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  // The sandbox is a copy of the project: leave out the caches (a Debian chroot of 272 MB after the integration suite),
  // generated clients and old reports, and only strip type checks from our own sources. dist/ stays: a few tests run
  // the built CLI (it never holds a mutant; those tests pass either way).
  ignorePatterns: ['.cache', 'generated-clients', 'reports', '.stryker-tmp*'],
  disableTypeChecks: '{src,test}/**/*.{js,ts}',
};
