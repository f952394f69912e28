/**
 * Which real Slurm OpenAPI documents `scripts/slurm-specs.sh` builds, and where they live. No vitest import here:
 * the integration suite's global setup (test/integration/global-setup.ts) reads this too.
 */
// @ts-nocheck

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every document the script writes, by name relative to realSpecsDir(). */
export const REAL_SPEC_NAMES = [
  '24.11/v0.0.40.json',
  '24.11/v0.0.41.json',
  '24.11/v0.0.42.json',
  '24.11/v0.0.41+prefer_refs.json',
  '24.11/combined.json',
  '22.05/openapi.json',
  '22.05/openapi-db.json',
  '22.05/dbv0.0.38.json',
] as const;

/** Where the real specs live: $SPECDRIFT_REAL_SPECS, else <repo>/.cache/slurm-specs. */
export function realSpecsDir(): string {
  const fromEnv = process.env.SPECDRIFT_REAL_SPECS;
  return fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : join(repoRoot, '.cache', 'slurm-specs');
}
