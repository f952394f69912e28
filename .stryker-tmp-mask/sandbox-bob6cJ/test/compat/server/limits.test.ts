/**
 * The reference server under hostile clients (issue 9, item 10), on 127.0.0.1, bounded in bytes and time:
 * an endless chunked body is answered 413 once it passes the limit (not read in full), and the exchange log
 * keeps at most its byte budget however many large bodies arrive.
 */
// @ts-nocheck

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const spec: JsonObject = {
  openapi: '3.0.3',
  info: { title: 'limits', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { blob: { type: 'string' } } } } } },
        responses: { '201': { description: 'made' } },
      },
    },
  },
};

const MiB = 1024 * 1024;

describe('reference server limits', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer(spec, { maxExchangeBytes: 20 * MiB });
  });
  afterAll(() => server.close());

  it('answers 413 to an endless chunked body soon after 32 MiB instead of reading it all', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let done = false;
      const req = request(`${server.origin}/things`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', (err) => (done ? undefined : reject(err)));
      // Bounded: never more than 256 MiB, whatever the server does.
      const pump = () => {
        while (!done && sent < 256 * MiB) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      req.write('{"blob": "');
      pump();
    });
    expect(result.status).toBe(413);
    // The server stopped at 32 MiB; the client had at most a few socket buffers more in flight.
    expect(result.sent).toBeLessThan(64 * MiB);
  });

  it('keeps the exchange log within its byte budget', async () => {
    const body = JSON.stringify({ blob: 'b'.repeat(4 * MiB) });
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${server.origin}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      expect(res.status).toBe(201);
    }
    const kept = server.exchanges.reduce((n, e) => n + e.request.body.length + e.response.body.length, 0);
    expect(kept).toBeLessThanOrEqual(20 * MiB);
    expect(server.exchanges.length).toBeGreaterThan(0);
    expect(server.exchanges.at(-1)?.response.status).toBe(201);
  });
});
