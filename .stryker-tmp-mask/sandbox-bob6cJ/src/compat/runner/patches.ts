/** `--patch` values → the patches each selected generator applies (see docs/generators.md, Patches). */
// @ts-nocheck

import { usageError } from '../../errors.js';
import type { GeneratorAdapter } from '../generators/index.js';

/** Which patches each generator gets. Unknown names (offered by none of the selected generators) are a usage error. */
export function resolvePatches(generators: readonly GeneratorAdapter[], asked: readonly string[] = []): Map<string, string[]> {
  const chosen = new Map<string, string[]>(generators.map((g) => [g.id, []]));
  const add = (g: GeneratorAdapter, name: string) => {
    const list = chosen.get(g.id)!;
    if (!list.includes(name)) list.push(name);
  };
  for (const entry of asked) {
    if (entry === 'all') {
      for (const g of generators) g.patches.forEach((p) => add(g, p.name));
      continue;
    }
    const eq = entry.lastIndexOf('=');
    const [generatorId, name] = eq > 0 ? [entry.slice(0, eq), entry.slice(eq + 1)] : [undefined, entry];
    const targets = generators.filter((g) => (generatorId === undefined || g.id === generatorId) && g.patches.some((p) => p.name === name));
    if (targets.length === 0) {
      const offered = generators.flatMap((g) => g.patches.map((p) => `${g.id}=${p.name}`));
      throw usageError(`--patch ${entry}: no selected generator offers that patch`, offered.length > 0 ? `offered: ${offered.join(', ')}, or all` : 'the selected generators offer no patches');
    }
    targets.forEach((g) => add(g, name));
  }
  return chosen;
}

