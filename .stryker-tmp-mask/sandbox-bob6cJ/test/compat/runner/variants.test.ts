/**
 * Minimal request first (issue 14, item 3): each operation is called with its required parameters only; optional
 * parameters and an optional body are variant calls, each a sub-cell. A variant the client gets wrong fails the cell;
 * one a server refuses stays in its sub-cell. A refused call's reason starts with the status and the server's words.
 */
// @ts-nocheck

import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompat } from '../../../src/compat/runner/index.js';
import type { CompatReport } from '../../../src/compat/runner/types.js';
import { serverErrorText } from '../../../src/compat/runner/evaluate.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { FIXTURE, fakeGenerator } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specdrift-variants-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('variants on the built-in server', () => {
  let report: CompatReport;
  beforeAll(async () => {
    const doc = JSON.parse(await readFile(FIXTURE, 'utf8')) as JsonObject;
    report = await runCompat({
      doc,
      specPath: FIXTURE,
      source: 'v0.0.41.json',
      cacheDir: dir,
      generators: [
        fakeGenerator('faithful'),
        // joins repeated query keys into one comma-separated value, as Kubb does: only optional parameters repeat here
        fakeGenerator('joins-arrays', { request: (r) => ({ ...r, url: r.url.replace(/flags=([A-Z_]+)&flags=([A-Z_]+)/, 'flags=$1%2C$2') }) }),
      ],
    });
  }, 60_000);
  const cell = (g: string, op: string) => report.cells.find((c) => c.generator === g && c.operationId === op)!;

  it('calls with required parameters only, then once more with every optional parameter', () => {
    const jobs = cell('faithful', 'slurm_v0041_get_jobs');
    expect(jobs.status).toBe('pass');
    expect(jobs.exchanges!.map((e) => e.url)).toEqual(['/slurm/v0.0.41/jobs']);
    expect(jobs.variants!.map((v) => [v.variant, v.status, v.exchanges!.map((e) => e.url)])).toEqual([
      ['optional-parameters', 'pass', ['/slurm/v0.0.41/jobs?update_time=0&flags=ALL&flags=DETAIL']],
    ]);
    // nothing optional: no variant
    expect(cell('faithful', 'slurm_v0041_get_ping').variants).toBeUndefined();
  });

  it('fails the cell when the client gets a variant wrong, saying which variant', () => {
    const jobs = cell('joins-arrays', 'slurm_v0041_get_jobs');
    expect(jobs.status).toBe('fail');
    expect(jobs.verdict).toBe('client-broke-spec');
    expect(jobs.reason).toMatch(/^with optional parameters: request broke the spec: \[request-query-[a-z]+\] /);
    expect(jobs.variants![0]).toMatchObject({ variant: 'optional-parameters', status: 'fail' });
    // the variant's exchanges reach the spec problems
    expect(report.specProblems.some((p) => p.kind === 'request-rejected' && p.generators.includes('joins-arrays') && p.operations.includes('slurm_v0041_get_jobs'))).toBe(true);
  });
});

describe('a real server that refuses a sampled optional value', () => {
  const spec = {
    openapi: '3.0.3',
    info: { title: 'refuses', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'get_things',
          parameters: [{ name: 'since', in: 'query', schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } } } } },
        },
      },
    },
  } as unknown as JsonObject;
  let server: Server;
  let report: CompatReport;
  beforeAll(async () => {
    // slurmrestd-like: a 422 with its errors list for a value the spec allows but it cannot parse
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('since=')) {
        res.statusCode = 422;
        res.end(JSON.stringify({ errors: [{ error: 'Invalid time specification', description: 'Unable to parse since', error_number: 9200 }] }));
      } else {
        res.end('{"count":1}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const specPath = join(dir, 'refuses.json');
    await writeFile(specPath, JSON.stringify(spec));
    report = await runCompat({ doc: spec, specPath, source: 'refuses.json', cacheDir: dir, server: { kind: 'external', url: `http://127.0.0.1:${port}` }, generators: [fakeGenerator('faithful')] });
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes the minimal call and keeps the refusal, status and server text first, in the variant', () => {
    const [cell] = report.cells;
    expect(cell.status).toBe('pass');
    const [variant] = cell.variants!;
    expect(variant.variant).toBe('optional-parameters');
    expect(variant.status).toBe('fail');
    expect(variant.reason).toMatch(/^HTTP 422: Invalid time specification: Unable to parse since \(expected 2xx\)/);
  });
});

describe('the server error text', () => {
  it('reads Slurm error lists, the usual fields, and short text bodies', () => {
    expect(serverErrorText({ errors: [{ error: 'Invalid', description: 'Unable to parse update_time' }, { error: 'Second' }] })).toBe('Invalid: Unable to parse update_time; Second');
    expect(serverErrorText({ message: 'no such job' })).toBe('no such job');
    expect(serverErrorText({ error: { message: 'nested' } })).toBe('nested');
    expect(serverErrorText('Bad\nGateway')).toBe('Bad Gateway');
    expect(serverErrorText({ jobs: [] })).toBeUndefined();
    expect(serverErrorText('x'.repeat(400))).toHaveLength(300);
  });
});
