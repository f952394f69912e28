/**
 * Decoded-body comparison against a real server (issue 14, item 4): the proxy keeps response bodies (bounded), so a
 * client that renames a key or drops a `false` fails against slurmrestd too, not only against the built-in server.
 */
// @ts-nocheck

import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startValidatingProxy } from '../../../src/compat/proxy/index.js';
import { runCompat } from '../../../src/compat/runner/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fakeGenerator } from './helpers.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 'real', version: '1' },
  paths: {
    '/job': {
      get: {
        operationId: 'get_job',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', properties: { job_id: { type: 'integer' }, held: { type: 'boolean' }, big: { type: 'string' } } } } },
          },
        },
      },
    },
  },
} as unknown as JsonObject;

let server: Server;
let origin: string;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specdrift-proxy-bodies-'));
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(req.url?.includes('big') ? JSON.stringify({ big: 'x'.repeat(2000) }) : '{"job_id":42,"held":false}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the proxy keeps response bodies when asked, within bounds', () => {
  it('keeps small bodies, skips one over the per-body limit, and drops the oldest past the total', async () => {
    const proxy = await startValidatingProxy(spec, { target: origin, keepResponseBodies: { maxBytes: 1000, maxTotalBytes: 60 } });
    try {
      await (await fetch(`${proxy.url}/job`)).text();
      await (await fetch(`${proxy.url}/job?big=1`)).text();
      expect(proxy.records.map((r) => r.responseBody)).toEqual(['{"job_id":42,"held":false}', undefined]);
      await (await fetch(`${proxy.url}/job`)).text();
      await (await fetch(`${proxy.url}/job`)).text(); // 3 × 26 bytes > 60: the first kept body goes
      expect(proxy.records.map((r) => r.responseBody !== undefined)).toEqual([false, false, true, true]);
    } finally {
      await proxy.close();
    }
    const plain = await startValidatingProxy(spec, { target: origin });
    try {
      await (await fetch(`${plain.url}/job`)).text();
      expect(plain.records[0].responseBody).toBeUndefined(); // off by default
    } finally {
      await plain.close();
    }
  });
});

describe('compat against a real server compares decoded bodies', () => {
  it('fails a client that renames a key or drops false, and passes a faithful one', async () => {
    const specPath = join(dir, 'real.json');
    await writeFile(specPath, JSON.stringify(spec));
    const camel = (v: unknown) => ({ jobId: (v as { job_id: number }).job_id, held: false });
    const noFalse = (v: unknown) => ({ job_id: (v as { job_id: number }).job_id });
    const report = await runCompat({
      doc: spec,
      specPath,
      source: 'real.json',
      cacheDir: dir,
      server: { kind: 'external', url: origin },
      generators: [fakeGenerator('faithful'), fakeGenerator('camel', { decode: camel }), fakeGenerator('no-false', { decode: noFalse })],
    });
    const reasons = Object.fromEntries(report.cells.map((c) => [c.generator, `${c.status}: ${c.reason ?? ''}`]));
    expect(reasons).toEqual({
      faithful: 'pass: ',
      camel: "fail: decoded body differs from the server's: /job_id: key job_id renamed to jobId",
      'no-false': "fail: decoded body differs from the server's: /held: false dropped (the client returned no held)",
    });
  });
});
