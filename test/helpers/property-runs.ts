/**
 * How many cases a fast-check property tries: `n` in the test suites; a fifth of it (at least 20) under Stryker,
 * which sets STRYKER_MUTATOR_WORKER in its test runners. The engine's properties cover nearly every engine mutant,
 * so each surviving mutant paid for every property's full run (docs/testing.md, "Mutation score").
 */
export const propertyRuns = (n: number): number => (process.env.STRYKER_MUTATOR_WORKER === undefined ? n : Math.max(20, Math.ceil(n / 5)));
