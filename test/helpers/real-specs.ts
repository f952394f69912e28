/**
 * Access to the real Slurm OpenAPI documents that `scripts/slurm-specs.sh` builds from real
 * slurmrestd (see docs/real-specs.md). Tests that need them skip, with the reason in their title,
 * when they have not been built; with SPECDRIFT_REQUIRE_REAL_SPECS=1 (CI) they fail instead.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

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

/** Why the named document (e.g. '24.11/v0.0.41.json') cannot be used, or undefined when it can. */
export function skipReason(name: string): string | undefined {
  const path = join(realSpecsDir(), name);
  if (!existsSync(path)) {
    return `run scripts/slurm-specs.sh as root (no ${path})`;
  }
  if (!statSync(path).isFile() || statSync(path).size === 0) {
    return `${path} is empty or not a file; rebuild with scripts/slurm-specs.sh --force`;
  }
  return undefined;
}

/** Absolute path of the named real document, or undefined when it has not been built. */
export function realSpecPath(name: string): string | undefined {
  return skipReason(name) === undefined ? join(realSpecsDir(), name) : undefined;
}

function realSpecsRequired(): boolean {
  const flag = process.env.SPECDRIFT_REQUIRE_REAL_SPECS;
  return flag !== undefined && flag !== '' && flag !== '0';
}

/**
 * `describe(title, …)` when every named document exists; `fn` gets their paths in the order of
 * `names`. Otherwise a skipped suite titled `title [skipped: reason]` (a failing one when
 * SPECDRIFT_REQUIRE_REAL_SPECS is set, so CI cannot pass by skipping).
 */
export function describeWithRealSpec(
  names: readonly string[],
  title: string,
  fn: (paths: string[]) => void,
): void {
  const reason = names.map(skipReason).find((r) => r !== undefined);
  if (reason === undefined) {
    describe(title, () => fn(names.map((name) => join(realSpecsDir(), name))));
    return;
  }
  if (realSpecsRequired()) {
    describe(title, () => {
      it('has its real specs (SPECDRIFT_REQUIRE_REAL_SPECS is set)', () => {
        throw new Error(`missing real spec: ${reason}`);
      });
    });
    return;
  }
  // The placeholder test keeps the suite (and its reason) visible in the report.
  describe.skip(`${title} [skipped: ${reason}]`, () => {
    it(`needs ${names.join(', ')}`, () => {});
  });
}
