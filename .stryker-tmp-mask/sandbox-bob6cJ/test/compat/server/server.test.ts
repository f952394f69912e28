// @ts-nocheck
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { startReferenceServer, type ExchangeRecord, type ReferenceServer } from '../../../src/compat/server/index.js';
import { SpecdriftError } from '../../../src/errors.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { call, callEveryOperation, expectAllAnswered } from './helpers.js';
import { miniSpec30 } from '../exchange/mini-specs.js';

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const fixturePath = new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url).pathname;

describe('reference server on the Slurm-like fixture', () => {
  const doc = readJson(fixturePath);
  const logged: ExchangeRecord[] = [];
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer(doc, { log: (record) => logged.push(record) });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(server.origin);
  });

  it('answers every operation with 2xx and a response that validates', async () => {
    const results = await callEveryOperation(doc, server, createExchangeValidator(doc));
    expect(results).toHaveLength(12);
    expectAllAnswered(results);
  });

  it('rejects a JSON body sent as text/plain with 415 naming request-content-type', async () => {
    const reply = await call(server, 'POST', '/slurm/v0.0.41/job/submit', JSON.stringify({ job: { current_working_directory: '/tmp' } }), { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(reply.json.rule).toBe('request-content-type');
    expect(reply.json.violations).toHaveLength(1);
    expect(server.exchanges.at(-1)?.outcome).toBe('rejected');
  });

  it('rejects an exploded array sent joined with 400 request-query-style', async () => {
    const reply = await call(server, 'GET', '/slurm/v0.0.41/jobs?flags=ALL,DETAIL');
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ rule: 'request-query-style', violations: [{ rule: 'request-query-style', pointer: '/query/flags' }] });
  });

  it('rejects a body missing a required field with 400 and the pointer', async () => {
    const reply = await call(server, 'POST', '/slurm/v0.0.41/job/submit', JSON.stringify({ job: { script: 'true' } }), { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.json.violations).toEqual([expect.objectContaining({ rule: 'request-body-schema', pointer: '/job/current_working_directory' })]);
  });

  it('rejects a camelCased key standing in for a required one', async () => {
    const reply = await call(server, 'POST', '/slurm/v0.0.41/job/allocate', JSON.stringify({ job: { currentWorkingDirectory: '/tmp' } }), { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.json.violations).toHaveLength(1);
    expect(reply.json.violations[0].message).toContain("the object has 'currentWorkingDirectory' instead");
  });

  it('answers unknown paths 404 and undocumented methods 405 with Allow', async () => {
    expect((await call(server, 'GET', '/slurm/v0.0.41/jobz')).status).toBe(404);
    const response = await fetch(`${server.origin}/slurm/v0.0.41/jobs`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('keeps submitted jobs: fetch, delete, then 404', async () => {
    const submitted = await call(server, 'POST', '/slurm/v0.0.41/job/submit', JSON.stringify({ job: { current_working_directory: '/tmp' } }), { 'content-type': 'application/json' });
    expect(submitted.status).toBe(200);
    const id = submitted.json.job_id as number;
    expect(id).toBeGreaterThan(1000);
    expect(submitted.json.result.job_id).toBe(id);

    const fetched = await call(server, 'GET', `/slurm/v0.0.41/job/${id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.json.jobs[0].job_id).toBe(id);

    const next = await call(server, 'POST', '/slurm/v0.0.41/job/allocate', JSON.stringify({ job: { current_working_directory: '/tmp' } }), { 'content-type': 'application/json' });
    expect(next.json.job_id).toBe(id + 1);

    expect((await call(server, 'DELETE', `/slurm/v0.0.41/job/${id}`)).status).toBe(200);
    const gone = await call(server, 'GET', `/slurm/v0.0.41/job/${id}`);
    expect(gone.status).toBe(404);
    expect(server.exchanges.at(-1)).toMatchObject({ outcome: 'gone', violations: [] }); // 404 is documented through `default`
    expect((await call(server, 'DELETE', `/slurm/v0.0.41/job/${id}`)).status).toBe(404);
    expect((await call(server, 'GET', `/slurm/v0.0.41/job/${id + 1}`)).json.jobs[0].job_id).toBe(id + 1);
    // ids the server never handed out are answered with the plain sample
    expect((await call(server, 'GET', '/slurm/v0.0.41/job/7')).status).toBe(200);
  });

  it('records every exchange in memory and through the log callback', async () => {
    // Its own exchanges (a 415 and a 200), not the ones earlier tests happened to make: tests may run in any order.
    await call(server, 'POST', '/slurm/v0.0.41/job/submit', JSON.stringify({ job: { current_working_directory: '/tmp' } }), { 'content-type': 'text/plain' });
    await call(server, 'GET', '/slurm/v0.0.41/diag');
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.at(-1)).toMatchObject({ outcome: 'answered', request: { method: 'GET', url: '/slurm/v0.0.41/diag' }, response: { status: 200 } });
    expect(logged).toEqual(server.exchanges);
    expect(logged.map((r) => r.seq)).toEqual(logged.map((_, i) => i + 1));
    const rejected = logged.find((r) => r.outcome === 'rejected' && r.response.status === 415);
    expect(rejected?.request).toMatchObject({ method: 'POST', url: '/slurm/v0.0.41/job/submit', headers: { 'content-type': 'text/plain' } });
    expect(rejected?.operation?.operationId).toBe('slurm_v0041_post_job_submit');
    expect(JSON.parse(JSON.stringify(logged))).toEqual(logged);
  });

  it('answers deterministically: a second server sends the same bytes', async () => {
    const other = await startReferenceServer(doc);
    try {
      for (const url of ['/slurm/v0.0.41/jobs', '/slurm/v0.0.41/diag', '/slurmdb/v0.0.41/accounts']) {
        expect((await call(other, 'GET', url)).text).toBe((await call(server, 'GET', url)).text);
      }
    } finally {
      await other.close();
    }
  });
});

describe('reference server on the mini spec', () => {
  const doc = miniSpec30();
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer(doc);
  });
  afterAll(() => server.close());

  it('serves under the server base path and answers every operation', async () => {
    expect(server.url).toBe(`${server.origin}/api`);
    const results = await callEveryOperation(doc, server, createExchangeValidator(doc));
    expectAllAnswered(results);
    expect(results.find((r) => r.operationId === 'delete_item')?.status).toBe(204);
  });

  it('reports a required false boolean that the client dropped', async () => {
    const post = (body: unknown) => call(server, 'POST', '/api/items', JSON.stringify(body), { 'content-type': 'application/json' });
    expect((await post({ node_name: 'n', hold: false, secret: 's' })).status).toBe(200);
    const dropped = await post({ node_name: 'n', secret: 's' });
    expect(dropped.status).toBe(400);
    expect(dropped.json.violations).toEqual([expect.objectContaining({ rule: 'request-body-schema', pointer: '/hold' })]);
  });

  it('rejects a camelCased key where additionalProperties is false', async () => {
    const reply = await call(server, 'POST', '/api/items', JSON.stringify({ nodeName: 'n', hold: true, secret: 's' }), { 'content-type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.json.violations).toEqual([expect.objectContaining({ pointer: '/nodeName', schemaPointer: '/components/schemas/item/additionalProperties' })]);
  });
});

describe('listening', () => {
  it('refuses any host but 127.0.0.1', async () => {
    await expect(startReferenceServer(miniSpec30(), { host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(SpecdriftError);
  });

  it('is not reachable on other local addresses, and close() stops it', async () => {
    const server = await startReferenceServer(miniSpec30());
    const reachable = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) expect(await reachable(address)).toBe(false);
    await server.close();
    expect(await reachable('127.0.0.1')).toBe(false);
  });

  it('says so when the port is taken', async () => {
    const first = await startReferenceServer(miniSpec30());
    try {
      await expect(startReferenceServer(miniSpec30(), { port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});

