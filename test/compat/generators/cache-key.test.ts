/**
 * The generated-client cache key covers what changes the generated client: the generator's exact command (every
 * argument), the adapter's options and code revision (the recipe), besides id, version, spec bytes and patches.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, type GeneratorAdapter, prepareClient } from '../../../src/compat/generators/index.js';
import { recipeOf } from '../../../src/compat/generators/common.js';
import type { CommandFor } from '../../../src/compat/generators/types.js';
import { typeScriptAdapter } from '../../../src/compat/generators/typescript-adapter.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specdrift-cache-key-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A generator whose command takes `--additional-properties X`; its "client" records X, and (like a real generator
 * given the wrong option) does not compile with `modelPropertyNaming=camelCase`. Counts how often it really ran.
 */
function optionGenerator(option: string, runs: { count: number }): GeneratorAdapter {
  const command: CommandFor = (specPath, outDir) => ({ program: 'gen', args: ['-i', specPath, '-o', outDir, '--additional-properties', option], cwd: outDir });
  return {
    id: 'option-generator',
    language: 'typescript',
    title: 'option generator',
    patches: [],
    recipe: () => recipeOf(command, {}),
    version: async () => '1.0.0',
    unavailable: async () => undefined,
    async generate(_spec, outDir) {
      runs.count++;
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, 'client.ts'), `// generated with ${option}\n`);
      return { warnings: [], ms: 1, files: 1, patchesApplied: [] };
    },
    compile: async () =>
      option === 'modelPropertyNaming=camelCase' ? { ok: false, errors: ['api.ts(1,1): TS2339: Property job_id does not exist'], ms: 1 } : { ok: true, errors: [], ms: 1 },
    listOperations: async () => new Map(),
    run: async () => [],
  };
}

describe('generated-client cache key', () => {
  it('makes a new client when only a generator argument changes (neither the old client nor its compile failure is reused)', async () => {
    const spec = join(dir, 'spec.json');
    await writeFile(spec, '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}}');
    const cacheDir = join(dir, 'clients');
    const runs = { count: 0 };

    const first = await prepareClient(optionGenerator('modelPropertyNaming=camelCase', runs), spec, { cacheDir });
    expect(first.cached).toBe(false);
    expect(first.compile.ok).toBe(false);
    const again = await prepareClient(optionGenerator('modelPropertyNaming=camelCase', runs), spec, { cacheDir });
    expect(again.cached).toBe(true);
    expect(again.compile.ok).toBe(false);
    expect(runs.count).toBe(1);

    const changed = await prepareClient(optionGenerator('modelPropertyNaming=original', runs), spec, { cacheDir });
    expect(changed.cached).toBe(false);
    expect(changed.compile.ok).toBe(true);
    expect(changed.key).not.toBe(first.key);
    expect(changed.dir).not.toBe(first.dir);
    expect(runs.count).toBe(2);
  });

  it('depends on the recipe, not only on generator, version, spec and patches', () => {
    const base = cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}', [], '{"args":["-i","<spec>"]}');
    expect(cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}', [], '{"args":["-i","<spec>"]}')).toBe(base);
    expect(cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}', [], '{"args":["-i","<spec>","-c","axios"]}')).not.toBe(base);
    expect(cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}')).not.toBe(base);
    // The parts cannot run into each other: a patch name is not a recipe.
    expect(cacheKey('x', '1', 's', ['a'], '')).not.toBe(cacheKey('x', '1', 's', [], 'a'));
  });

  it("puts a TypeScript adapter's exact arguments and options in its recipe, with placeholder paths", async () => {
    const adapter = (args: string[], runtimePackages: string[] = []) =>
      typeScriptAdapter({
        id: 'ts-gen',
        title: 'ts gen',
        packageName: 'typescript',
        command: (specPath, outDir, scratchDir) => ({ program: 'node', args: ['gen.js', specPath, '-o', outDir, '--config', join(scratchDir, 'c.json'), ...args], cwd: outDir }),
        include: ['**/*.ts'],
        runtimePackages,
        scan: { functions: true },
        nameFor: (id) => id,
        describe: (id) => id,
        bind: (fn) => ({ symbol: fn.name, args: [] }),
        driver: '',
      });
    const plain = await adapter([]).recipe();
    expect(JSON.parse(plain).command).toEqual({ program: 'node', args: ['gen.js', '<spec>', '-o', '<out>', '--config', '<scratch>/c.json'], cwd: '<out>' });
    expect(await adapter([]).recipe()).toBe(plain);
    expect(await adapter(['--client', 'axios']).recipe()).not.toBe(plain);
    expect(await adapter([], ['axios']).recipe()).not.toBe(plain);
  });
});
