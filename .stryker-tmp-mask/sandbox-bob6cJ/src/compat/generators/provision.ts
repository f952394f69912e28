/** Getting the generator packages a run needs onto disk before the run, once per pin. */
// @ts-nocheck

import { ensureInstalled, type EnsureOptions, defaultGeneratorCacheDir } from './install.js';
import { JAVA } from './jar.js';
import { pinAvailable, useGeneratorCache } from './packages.js';
import { type GeneratorPin, pinOfPackage } from './pins.js';
import { runCommand } from './process.js';
import type { GeneratorAdapter } from './types.js';

const programChecks = new Map<string, Promise<boolean>>();

/** Whether a program starts (`java -version`, `python3 --version`), memoised. */
export function programAvailable(program: string): Promise<boolean> {
  let check = programChecks.get(program);
  if (!check) {
    check = runCommand(program, [program === JAVA ? '-version' : '--version'], { timeoutMs: 30_000 }).then((r) => !r.spawnError);
    programChecks.set(program, check);
  }
  return check;
}

/** The pins these adapters need that are not usable yet, in first-use order. */
export function missingPins(adapters: readonly GeneratorAdapter[]): GeneratorPin[] {
  const missing: GeneratorPin[] = [];
  for (const adapter of adapters) {
    for (const name of adapter.packages ?? []) {
      const pin = pinOfPackage(name);
      if (!missing.includes(pin) && !pinAvailable(pin)) missing.push(pin);
    }
  }
  return missing;
}

/**
 * Install what the adapters need. An adapter whose program (java, python3) is missing is left out: it reports
 * "java not found (needed by …)" as unavailable, and nobody downloads a jar that cannot run.
 */
export async function provisionGenerators(adapters: readonly GeneratorAdapter[], opts: EnsureOptions = {}): Promise<void> {
  const root = opts.root ?? defaultGeneratorCacheDir();
  useGeneratorCache(root);
  const runnable: GeneratorAdapter[] = [];
  for (const adapter of adapters) {
    const programs = await Promise.all((adapter.programs ?? []).map(programAvailable));
    if (programs.every(Boolean)) runnable.push(adapter);
  }
  await ensureInstalled(missingPins(runnable), { ...opts, root });
}
