/**
 * Real slurmrestd 24.11 specs (built by scripts/slurm-specs.sh): a few fast generators find every operation, and every
 * parameterless GET works through the generated client against the stub server.
 */
// @ts-nocheck

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CallPlan, generatorsById, prepareClient } from '../../../src/compat/generators/index.js';
import { isObject, type JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { type StubServer, startStubServer } from './stub-server.js';

const GENERATORS = ['hey-api', 'oazapfts', 'openapi-generator-4.3.1:python'];

describeWithRealSpec(['24.11/v0.0.42.json'], 'generators on real slurmrestd 24.11 v0.0.42', ([specPath]) => {
  let doc: JsonObject;
  let cacheDir: string;
  let server: StubServer;
  beforeAll(async () => {
    doc = JSON.parse(await readFile(specPath, 'utf8')) as JsonObject;
    cacheDir = await mkdtemp(join(tmpdir(), 'specdrift-clients-real-'));
    server = await startStubServer(doc);
  });
  afterAll(async () => {
    await server?.close();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  const operations = () => {
    const ops: { operationId: string; method: string; path: string; params: number }[] = [];
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (!isObject(item)) continue;
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const op = item[method];
        if (isObject(op) && typeof op.operationId === 'string') {
          ops.push({ operationId: op.operationId, method, path, params: Array.isArray(op.parameters) ? op.parameters.length : 0 });
        }
      }
    }
    return ops;
  };

  for (const id of GENERATORS) {
    it(
      `${id}: every operation generated, parameterless GETs answered`,
      async () => {
        const [adapter] = generatorsById([id]);
        const client = await prepareClient(adapter, specPath, { cacheDir });
        const found = await adapter.listOperations(client.dir, doc);
        const all = operations();
        expect(all.length).toBeGreaterThan(50);
        expect([...found.keys()].sort()).toEqual(all.map((o) => o.operationId).sort());

        const plan: CallPlan[] = all
          .filter((o) => o.method === 'get' && o.params === 0)
          .map((o) => ({ operationId: o.operationId, method: 'GET', path: o.path, pathParams: {}, query: {}, headers: {} }));
        expect(plan.length).toBeGreaterThan(5);
        const results = await adapter.run(client.dir, plan, { baseUrl: server.url, headers: { 'X-SLURM-USER-NAME': 'alice' }, timeoutMs: 10_000, doc });
        expect(results.filter((r) => r.outcome !== 'ok')).toEqual([]);
      },
      180_000,
    );
  }
});
