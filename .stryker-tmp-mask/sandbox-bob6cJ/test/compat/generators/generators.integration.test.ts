/**
 * Every generator on the Slurm-like fixture: generate + compile (through the client cache), list operations, then call
 * operations through the generated client against a local stub server and check what reached the wire.
 * Slow but bounded: generation is shared by the tests of an adapter and runs two at a time in the background
 * (about a minute for the twelve TypeScript and Python targets plus three patched builds on two cores; the Go and Java
 * builds add about three minutes on a loaded machine, most of it the first `go build` filling Go's build cache).
 */
// @ts-nocheck

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_GENERATORS, type CallPlan, prepareClient, type PreparedClient } from '../../../src/compat/generators/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { type StubServer, startStubServer } from './stub-server.js';

const SPEC = fileURLToPath(new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url));
const doc = JSON.parse(await readFile(SPEC, 'utf8')) as JsonObject;
const CREDENTIALS = { 'X-SLURM-USER-NAME': 'alice', 'X-SLURM-USER-TOKEN': 'secret' };
const SLOW = 400_000;

/** What each generator calls `slurm_v0041_get_jobs`. */
const GET_JOBS_SYMBOL: Record<string, string> = {
  'openapi-typescript': 'GET /slurm/v0.0.41/jobs',
  'hey-api': 'slurmV0041GetJobs',
  orval: 'slurmV0041GetJobs',
  'swagger-typescript-api': 'slurm.slurmV0041GetJobs',
  oazapfts: 'slurmV0041GetJobs',
  'openapi-typescript-codegen': 'SlurmService.slurmV0041GetJobs',
  kubb: 'slurmV0041GetJobs',
  'openapi-generator-4.3.1:typescript-fetch': 'SlurmApi.slurmV0041GetJobs',
  'openapi-generator-4.3.1:typescript-axios': 'SlurmApi.slurmV0041GetJobs',
  'openapi-generator-4.3.1:python': 'SlurmApi.slurm_v0041_get_jobs',
  'swagger-codegen-3.0.34:python': 'SlurmApi.slurm_v0041_get_jobs',
  'swagger-codegen-3.0.34:typescript-fetch': 'SlurmApi.slurmV0041GetJobs',
  'openapi-generator-4.3.1:go': 'SlurmApi.SlurmV0041GetJobs',
  'swagger-codegen-3.0.34:go': 'SlurmApi.SlurmV0041GetJobs',
  'openapi-generator-4.3.1:java': 'SlurmApi.slurmV0041GetJobs',
};

/** Known problems of the pinned versions under strict TypeScript: the error code each reports, and the patch that fixes it. */
const COMPILE_PROBLEMS: Record<string, { code: string; patch: string }> = {
  'openapi-generator-4.3.1:typescript-fetch': { code: 'TS2304', patch: 'global-fetch-type' },
  'openapi-generator-4.3.1:typescript-axios': { code: 'TS2790', patch: 'delete-operand' },
  'swagger-codegen-3.0.34:typescript-fetch': { code: 'TS2564', patch: 'definite-assignment' },
};

/** Kubb's fetch client sends JSON bodies without a content type (so fetch says text/plain) and joins arrays with commas. */
const KUBB_WIRE_PROBLEMS = new Set(['kubb']);

/** Clients that put path parameters into the URL without encoding reserved characters (`?` starts the query). */
const UNENCODED_PATH_PARAMS = new Set(['orval', 'swagger-typescript-api', 'kubb', 'openapi-typescript-codegen', 'swagger-codegen-3.0.34:go']);

/**
 * Swagger Codegen 3.0.34 go formats a `multi` (form, exploded) array with `parameterToString(v, "multi")`, whose
 * delimiter is empty: `flags=DETAILLOCAL`, one value glued together (seen by hand on the stub server).
 */
const GLUED_ARRAYS = new Set(['swagger-codegen-3.0.34:go']);

/**
 * OpenAPI Generator 4.3.1 go models hold nested objects by value with `omitempty`, which encoding/json never omits
 * for structs: every unset object property of the request body goes out as `{}` (seen by hand on the stub server).
 */
const EMPTY_OBJECTS_SENT: Record<string, string[]> = { 'openapi-generator-4.3.1:go': ['memory_per_node', 'priority', 'time_limit'] };

const SUBMIT_BODY = { script: '#!/bin/sh\ntrue', job: { name: 'specdrift', current_working_directory: '/tmp', environment: ['PATH=/bin'] } };

const PLAN: CallPlan[] = [
  { operationId: 'slurm_v0041_get_job', method: 'GET', path: '/slurm/v0.0.41/job/{job_id}', pathParams: { job_id: '42' }, query: {}, headers: {} },
  {
    operationId: 'slurm_v0041_get_jobs',
    method: 'GET',
    path: '/slurm/v0.0.41/jobs',
    pathParams: {},
    query: { update_time: 1700000000, flags: ['DETAIL', 'LOCAL'] },
    headers: {},
  },
  { operationId: 'slurm_v0041_post_job_submit', method: 'POST', path: '/slurm/v0.0.41/job/submit', pathParams: {}, query: {}, headers: {}, body: SUBMIT_BODY },
  {
    operationId: 'slurm_v0041_delete_job',
    method: 'DELETE',
    path: '/slurm/v0.0.41/job/{job_id}',
    pathParams: { job_id: '7' },
    query: { signal: 'KILL', flags: ['HURRY', 'FULL_JOB'] },
    headers: {},
  },
  { operationId: 'slurm_v0041_get_job', method: 'GET', path: '/slurm/v0.0.41/job/{job_id}', pathParams: { job_id: '500' }, query: {}, headers: {} },
  { operationId: 'slurm_v0099_not_in_spec', method: 'GET', path: '/slurm/v0.0.99/x', pathParams: {}, query: {}, headers: {} },
  { operationId: 'slurm_v0041_get_job', method: 'GET', path: '/slurm/v0.0.41/job/{job_id}', pathParams: { job_id: '1?x=y' }, query: {}, headers: {} },
];

let cacheDir: string;
let server: StubServer;

/** Background preparation, two at a time; each test awaits its own. */
const prepared = new Map<string, Promise<PreparedClient>>();

function startPreparing(): void {
  const jobs: [string, () => Promise<PreparedClient>][] = [];
  for (const adapter of ALL_GENERATORS) {
    jobs.push([adapter.id, () => prepareClient(adapter, SPEC, { cacheDir })]);
  }
  for (const adapter of ALL_GENERATORS) {
    const problem = COMPILE_PROBLEMS[adapter.id];
    if (problem) jobs.push([`${adapter.id}+patched`, () => prepareClient(adapter, SPEC, { cacheDir, patches: [problem.patch] })]);
  }
  let next = 0;
  const resolvers = new Map<string, { resolve: (p: PreparedClient) => void; reject: (e: unknown) => void }>();
  for (const [key] of jobs) {
    const promise = new Promise<PreparedClient>((resolve, reject) => resolvers.set(key, { resolve, reject }));
    promise.catch(() => undefined); // reported by the test that awaits it
    prepared.set(key, promise);
  }
  const worker = async () => {
    while (next < jobs.length) {
      const [key, job] = jobs[next++];
      const { resolve, reject } = resolvers.get(key)!;
      await job().then(resolve, reject);
    }
  };
  void worker();
  void worker();
}

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'specdrift-clients-'));
  server = await startStubServer(doc);
  startPreparing();
});

afterAll(async () => {
  await server?.close();
  await Promise.allSettled(prepared.values());
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

const requestsFor = (from: number) => server.seen.slice(from);

for (const adapter of ALL_GENERATORS) {
  describe(adapter.id, () => {
    it(
      'generates and compiles (known strict-mode problems reported, not fixed)',
      async () => {
        const client = await prepared.get(adapter.id)!;
        expect(client.cached).toBe(false);
        expect(client.generate.files).toBeGreaterThan(0);
        expect(client.generate.patchesApplied).toEqual([]);
        const problem = COMPILE_PROBLEMS[adapter.id];
        if (problem) {
          expect(client.compile.ok).toBe(false);
          expect(client.compile.errors.join('\n')).toContain(problem.code);
        } else {
          expect(client.compile.errors).toEqual([]);
          expect(client.compile.ok).toBe(true);
        }
      },
      SLOW,
    );

    it(
      'finds every operation by its naming convention',
      async () => {
        const client = await prepared.get(adapter.id)!;
        const operations = await adapter.listOperations(client.dir, doc);
        expect(operations.size).toBe(12);
        expect(operations.get('slurm_v0041_get_jobs')).toBe(GET_JOBS_SYMBOL[adapter.id]);
      },
      SLOW,
    );

    it(
      'calls operations through the generated client',
      async () => {
        const client = await prepared.get(adapter.id)!;
        const from = server.seen.length;
        const results = await adapter.run(client.dir, PLAN, { baseUrl: server.url, headers: CREDENTIALS, timeoutMs: 10_000, doc });
        expect(results.map((r) => [r.operationId, r.outcome, r.status])).toEqual([
          ['slurm_v0041_get_job', 'ok', 200],
          ['slurm_v0041_get_jobs', 'ok', 200],
          ['slurm_v0041_post_job_submit', 'ok', 200],
          ['slurm_v0041_delete_job', 'ok', 200],
          ['slurm_v0041_get_job', 'http-error', 500],
          ['slurm_v0099_not_in_spec', 'not-generated', undefined],
          ['slurm_v0041_get_job', 'ok', 200],
        ]);
        // Decoded as JSON with the wire's property names, whatever the client's model classes look like.
        expect(Object.keys(results[0].decoded as object).sort()).toEqual(['jobs', 'last_backfill', 'last_update']);

        const seen = requestsFor(from);
        expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
          'GET /slurm/v0.0.41/job/42',
          'GET /slurm/v0.0.41/jobs',
          'POST /slurm/v0.0.41/job/submit',
          'DELETE /slurm/v0.0.41/job/7',
          'GET /slurm/v0.0.41/job/500',
          UNENCODED_PATH_PARAMS.has(adapter.id) ? 'GET /slurm/v0.0.41/job/1' : 'GET /slurm/v0.0.41/job/1%3Fx%3Dy',
        ]);
        for (const request of seen) {
          expect(request.headers['x-slurm-user-name']).toBe('alice');
          expect(request.headers['x-slurm-user-token']).toBe('secret');
        }
        const [getJob, getJobs, submit, cancel] = seen;
        expect([...getJob.query.keys()]).toEqual([]);
        expect(getJobs.query.get('update_time')).toBe('1700000000');
        const padding = Object.fromEntries((EMPTY_OBJECTS_SENT[adapter.id] ?? []).map((name) => [name, {}]));
        expect(JSON.parse(submit.body)).toEqual({ ...SUBMIT_BODY, job: { ...SUBMIT_BODY.job, ...padding } });
        expect(cancel.query.get('signal')).toBe('KILL');
        if (KUBB_WIRE_PROBLEMS.has(adapter.id)) {
          expect(getJobs.query.getAll('flags')).toEqual(['DETAIL,LOCAL']);
          expect(cancel.query.getAll('flags')).toEqual(['HURRY,FULL_JOB']);
          expect(submit.headers['content-type']).toBe('text/plain;charset=UTF-8');
        } else if (GLUED_ARRAYS.has(adapter.id)) {
          expect(getJobs.query.getAll('flags')).toEqual(['DETAILLOCAL']);
          expect(cancel.query.getAll('flags')).toEqual(['HURRYFULL_JOB']);
          expect(submit.headers['content-type']).toMatch(/^application\/json\b/);
        } else {
          expect(getJobs.query.getAll('flags')).toEqual(['DETAIL', 'LOCAL']);
          expect(cancel.query.getAll('flags')).toEqual(['HURRY', 'FULL_JOB']);
          expect(submit.headers['content-type']).toMatch(/^application\/json\b/);
        }
      },
      SLOW,
    );

    const problem = COMPILE_PROBLEMS[adapter.id];
    if (problem) {
      it(
        `compiles with the named patch ${problem.patch}, and says so`,
        async () => {
          const client = await prepared.get(`${adapter.id}+patched`)!;
          expect(client.compile.errors).toEqual([]);
          expect(client.generate.patchesApplied).toEqual([problem.patch]);
          expect(client.generate.warnings.some((w) => w.startsWith(`patched generated code (${problem.patch})`))).toBe(true);
        },
        SLOW,
      );
    }
  });
}

describe('client cache and timeouts', () => {
  it(
    'reuses a prepared client for the same generator, version and spec',
    async () => {
      const adapter = ALL_GENERATORS.find((a) => a.id === 'orval')!;
      const first = await prepared.get(adapter.id)!;
      const second = await prepareClient(adapter, SPEC, { cacheDir });
      expect(second.cached).toBe(true);
      expect(second.dir).toBe(first.dir);
      expect(second.key).toBe(first.key);
      expect(second.compile).toEqual(first.compile);
    },
    SLOW,
  );

  it(
    'reports a call that never gets an answer as a client error after the timeout',
    async () => {
      const adapter = ALL_GENERATORS.find((a) => a.id === 'hey-api')!;
      const client = await prepared.get(adapter.id)!;
      const hang: CallPlan = { ...PLAN[0], pathParams: { job_id: 'hang' } };
      const [result, after] = await adapter.run(client.dir, [hang, PLAN[0]], { baseUrl: server.url, headers: CREDENTIALS, timeoutMs: 1_000, doc });
      expect(result).toMatchObject({ operationId: 'slurm_v0041_get_job', outcome: 'client-error', error: 'timed out after 1000 ms' });
      expect(after.outcome).toBe('ok');
    },
    SLOW,
  );
});
