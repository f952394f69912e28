/**
 * Suites of the integration suite (`npm run test:integration`, files named `*.integration.test.ts`). Its global
 * setup (test/integration/global-setup.ts) has prepared every prerequisite — real Slurm specs, the spec corpus,
 * client generators, root on Debian bookworm for clusters — before any test runs, or failed the run. A suite that
 * needs them and sits in a unit file fails, saying so, instead of skipping.
 */
// @ts-nocheck

import { describe, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the integration suite's global setup once every prerequisite is in place. */
    specdriftIntegration: boolean;
    /** Where the real Slurm specs are (absolute). */
    specdriftRealSpecs: string;
    /** The chromium binary the HTML report's browser test drives (checked by the global setup). */
    specdriftChromium: string;
  }
}

/** True in the integration suite, after its global setup. */
export const inIntegrationSuite = (): boolean => inject('specdriftIntegration') === true;

/** `describe(title, fn)` in the integration suite; elsewhere one failing test that says where the suite belongs. */
export function describeIntegration(title: string, fn: () => void | Promise<void>): void {
  if (inIntegrationSuite()) {
    describe(title, fn);
    return;
  }
  describe(title, () => {
    it('runs in the integration suite', () => {
      throw new Error(`"${title}" needs the integration suite's prerequisites: put it in a *.integration.test.ts file and run npm run test:integration`);
    });
  });
}
