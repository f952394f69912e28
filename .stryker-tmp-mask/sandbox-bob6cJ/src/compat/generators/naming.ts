/**
 * The naming conventions generators apply to operationIds, tags and parameter names.
 * Hand-written: each generator has its own rules and none exports them; these cover what they do to
 * `snake_case`, `camelCase` and dotted names like Slurm's (`slurm_v0041_get_jobs`, `v0.0.41_job`).
 */
// @ts-nocheck


/** Words of an identifier: splits on non-alphanumerics and lower→upper case changes (`getJobs2` → get, Jobs2). */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `slurm_v0041_get_jobs` → `slurmV0041GetJobs` (first word kept as written, lower-cased first letter). */
export function camelCase(name: string): string {
  const [first = '', ...rest] = words(name);
  return first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalize).join('');
}

/** `slurm` → `Slurm`, `slurm_db` → `SlurmDb`. */
export const pascalCase = (name: string): string => words(name).map(capitalize).join('');

/** `slurmV0041GetJobs` / `slurm_v0041_get_jobs` → `slurm_v0041_get_jobs`; `WithAssociations` → `with_associations`. */
export const snakeCase = (name: string): string =>
  words(name)
    .map((w) => w.toLowerCase())
    .join('_');

/** Case- and separator-insensitive key: `job_id`, `jobId` and `JobID` all become `jobid`. */
export const looseKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Find the symbol a generator emitted for `wanted` (its conventional name): exact match first, then the one symbol
 * whose loose key is the same (generators differ on digits and acronyms). Ambiguous loose matches count as none.
 */
export function findSymbol<T extends { name: string }>(candidates: readonly T[], wanted: string): T | undefined {
  const exact = candidates.find((c) => c.name === wanted);
  if (exact) return exact;
  const loose = candidates.filter((c) => looseKey(c.name) === looseKey(wanted));
  return loose.length === 1 ? loose[0] : undefined;
}
