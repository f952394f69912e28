/**
 * A cached client is used only while its files hash as when it was made; files specdrift itself adds to a client
 * directory later (the typed access check's result, a Java driver compiled on first run) must not count as edits,
 * or such a client would be generated again on every run.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareClient } from '../../../src/compat/generators/cache.js';
import type { GeneratorAdapter } from '../../../src/compat/generators/types.js';

const work = await mkdtemp(join(tmpdir(), 'specdrift-cache-hashes-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const adapter: GeneratorAdapter = {
  id: 'stand-in',
  language: 'java',
  title: 'stand-in',
  patches: [],
  version: async () => '1',
  recipe: async () => 'stand-in recipe',
  unavailable: async () => undefined,
  async generate(_spec, outDir) {
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'Client.java'), 'class Client {}\n');
    return { warnings: [], ms: 1, files: 1, patchesApplied: [] };
  },
  compile: async () => ({ ok: false, errors: ['Client.java:1: error: stand-in'], ms: 1 }),
  listOperations: async () => new Map(),
  run: async () => [],
};

describe('client cache hashes', () => {
  it('ignores the typed access result and a Java driver compiled later, but not an edit of the client', async () => {
    const spec = join(work, 'spec.json');
    await writeFile(spec, '{"openapi":"3.0.3"}\n');
    const cacheDir = join(work, 'clients');
    const first = await prepareClient(adapter, spec, { cacheDir });
    expect(first.cached).toBe(false);
    await mkdir(join(first.dir, '.specdrift', 'typed'), { recursive: true });
    await writeFile(join(first.dir, '.specdrift', 'typed', 'abc.json'), '{}');
    await mkdir(join(first.dir, '.specdrift', 'java-driver-0123456789ab'), { recursive: true });
    await writeFile(join(first.dir, '.specdrift', 'java-driver-0123456789ab', 'SpecdriftDriver.class'), 'x');
    expect((await prepareClient(adapter, spec, { cacheDir })).cached).toBe(true);
    await writeFile(join(first.dir, 'Client.java'), 'class Client { int edited; }\n');
    expect((await prepareClient(adapter, spec, { cacheDir })).cached).toBe(false);
  });
});
