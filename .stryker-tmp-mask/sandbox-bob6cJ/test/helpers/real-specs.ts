/**
 * Access to the real Slurm OpenAPI documents that `scripts/slurm-specs.sh` builds from real slurmrestd (see
 * docs/real-specs.md). Only the integration suite uses them: its global setup builds them (or fails the run), so a
 * suite here never skips.
 */
// @ts-nocheck

import { join } from 'node:path';
import { inject } from 'vitest';
import { describeIntegration } from './integration.js';
import { realSpecsDir } from './real-spec-files.js';

export { REAL_SPEC_NAMES, realSpecsDir } from './real-spec-files.js';

/**
 * `describe(title, …)` in the integration suite; `fn` gets the absolute paths of `names` (e.g. '24.11/v0.0.41.json')
 * in the directory the global setup prepared. In a unit file: one failing test saying the suite belongs in a
 * `*.integration.test.ts` file.
 */
export function describeWithRealSpec(names: readonly string[], title: string, fn: (paths: string[]) => void): void {
  describeIntegration(title, () => {
    const dir = inject('specdriftRealSpecs') ?? realSpecsDir();
    fn(names.map((name) => join(dir, name)));
  });
}
