/** The reference server on the real slurmrestd 24.11 v0.0.42 spec (integration suite: scripts/slurm-specs.sh). */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { sampleRequest, startReferenceServer, type ReferenceServer } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { call, callEveryOperation, expectAllAnswered } from './helpers.js';

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

describeWithRealSpec(['24.11/v0.0.42.json'], 'reference server on the real slurmrestd 24.11 v0.0.42 spec', ([path]) => {
  const doc = readJson(path);
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer(doc);
  });
  afterAll(() => server.close());

  it('answers all 59 operations with 2xx and responses that validate', async () => {
    const results = await callEveryOperation(doc, server, createExchangeValidator(doc));
    expect(results).toHaveLength(59);
    expectAllAnswered(results);
  });

  it('routes POST job/submit to the submit operation, not job/{job_id}, and keeps the job', async () => {
    const submit = sampleRequest(doc, createExchangeValidator(doc).operations.find((o) => o.operationId === 'slurm_v0042_post_job_submit')!);
    const submitted = await call(server, 'POST', submit.url, JSON.stringify(submit.body), submit.headers);
    expect(server.exchanges.at(-1)?.operation?.operationId).toBe('slurm_v0042_post_job_submit');
    const id = submitted.json.job_id as number;
    expect((await call(server, 'GET', `/slurm/v0.0.42/job/${id}`)).json.jobs[0].job_id).toBe(id);
    expect((await call(server, 'DELETE', `/slurm/v0.0.42/job/${id}`)).status).toBe(200);
    expect((await call(server, 'GET', `/slurm/v0.0.42/job/${id}`)).status).toBe(404);
    // updating a deleted job is 404 too
    const update = JSON.stringify((submit.body as JsonObject).job);
    expect((await call(server, 'POST', `/slurm/v0.0.42/job/${id}`, update, { 'content-type': 'application/json' })).status).toBe(404);
  });

  it('rejects the planted violations', async () => {
    const sub = await call(server, 'POST', '/slurm/v0.0.42/job/submit', '{"job":{}}', { 'content-type': 'text/plain' });
    expect([sub.status, sub.json.rule]).toEqual([415, 'request-content-type']);
    const repeated = await call(server, 'GET', '/slurm/v0.0.42/jobs/?update_time=1&update_time=2');
    expect([repeated.status, repeated.json.rule]).toEqual([400, 'request-query-style']);
    const scalar = await call(server, 'POST', '/slurm/v0.0.42/job/submit', JSON.stringify({ job: { environment: 'PATH=/bin' } }), { 'content-type': 'application/json' });
    expect(scalar.status).toBe(400);
    expect(scalar.json.violations).toEqual([expect.objectContaining({ pointer: '/job/environment', schemaPointer: '/components/schemas/v0.0.42_string_array/type' })]);
  });
});
