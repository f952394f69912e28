/**
 * The validating proxy under hostile or broken servers and clients (issue 9, item 12), on 127.0.0.1 with small
 * limits so every case is quick: hung upstream calls must not hold up other requests, a trickling upstream is cut
 * at the deadline, and every failure gets its own status (413/502/503/504) with a JSON body naming the cause.
 * No assertion is about time: each checks a status, a body, or which requests are still pending.
 */
// @ts-nocheck

import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startValidatingProxy, type ValidatingProxy, type ValidatingProxyOptions } from '../../../src/compat/proxy/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

/** A spec we wrote for these tests: items by id, readable and writable. */
const spec: JsonObject = {
  openapi: '3.0.3',
  info: { title: 'items', version: '1' },
  paths: {
    '/items/{id}': {
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } },
      put: {
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
};

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on its own connection; resolves with the whole answer. */
function call(url: string, method = 'GET', headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A call whose settlement the test can observe without awaiting it. */
function tracked(url: string) {
  const state: { settled: boolean; reply?: Reply; error?: unknown } = { settled: false };
  const done = call(url).then(
    (reply) => Object.assign(state, { settled: true, reply }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return { state, done };
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

/**
 * The server behind the proxy. /items/fast answers at once; /items/hang never answers until `release()`;
 * /items/trickle sends one byte every 50 ms (80 in all, then ends); /items/reset drops the connection;
 * /items/garbage answers bytes that are not HTTP; /items/huge answers a body of 64 KiB.
 */
class Upstream {
  server: Server;
  url = '';
  seen: string[] = [];
  hung: ServerResponse[] = [];
  trickleCut = false;
  trickleFinished = false;

  constructor() {
    this.server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
      const path = incoming.url ?? '';
      this.seen.push(path);
      incoming.resume();
      if (path === '/items/hang') {
        this.hung.push(response);
      } else if (path === '/items/trickle') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"t":"');
        let sent = 0;
        const timer = setInterval(() => {
          if (++sent > 80) {
            clearInterval(timer);
            this.trickleFinished = true;
            response.end('"}');
          } else response.write('a');
        }, 50);
        incoming.socket.once('close', () => {
          clearInterval(timer);
          if (!this.trickleFinished) this.trickleCut = true;
        });
      } else if (path === '/items/reset') {
        incoming.socket.destroy();
      } else if (path === '/items/garbage') {
        incoming.socket.end('THIS IS NOT HTTP\r\n\r\n');
      } else if (path === '/items/huge') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ blob: 'x'.repeat(64 * 1024) }));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      }
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  release(): void {
    for (const response of this.hung.splice(0)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"late":true}');
    }
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

describe('validating proxy limits', { timeout: 20_000 }, () => {
  let upstream: Upstream;
  let proxy: ValidatingProxy | undefined;
  const startProxy = async (options: Omit<ValidatingProxyOptions, 'target'> = {}): Promise<ValidatingProxy> => {
    proxy = await startValidatingProxy(spec, { target: upstream.url, ...options });
    return proxy;
  };

  beforeEach(async () => {
    upstream = new Upstream();
    await upstream.start();
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await upstream.stop();
  });

  it('answers a fast request while 20 upstream calls hang (no shared socket pool to exhaust)', async () => {
    const p = await startProxy({ timeoutMs: 60_000 });
    const hung = Array.from({ length: 20 }, () => tracked(`${p.url}/items/hang`));
    // All 20 reached the server: none is queued inside the proxy.
    await until(() => upstream.hung.length === 20);
    const fast = await call(`${p.url}/items/fast`);
    expect(fast.status).toBe(200);
    expect(JSON.parse(fast.body)).toEqual({ ok: true });
    expect(hung.filter((h) => h.state.settled)).toHaveLength(0);
    upstream.release();
    await Promise.all(hung.map((h) => h.done));
    expect(hung.map((h) => h.state.reply?.status)).toEqual(Array(20).fill(200));
  });

  it('answers 503 with Retry-After past the in-flight limit instead of queueing, and takes requests again once one is done', async () => {
    const p = await startProxy({ timeoutMs: 60_000, maxInFlight: 2 });
    const hung = [tracked(`${p.url}/items/hang`), tracked(`${p.url}/items/hang`)];
    await until(() => upstream.hung.length === 2);
    const refused = await call(`${p.url}/items/fast`);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toBe('application/json');
    expect(JSON.parse(refused.body)).toMatchObject({ cause: 'too-many-in-flight', limit: 2 });
    expect(upstream.seen.filter((path) => path === '/items/fast')).toHaveLength(0);
    expect(hung.filter((h) => h.state.settled)).toHaveLength(0);
    upstream.release();
    await Promise.all(hung.map((h) => h.done));
    const again = await call(`${p.url}/items/fast`);
    expect(again.status).toBe(200);
    expect(p.records.map((r) => r.status).sort()).toEqual([200, 200, 200, 503]);
    expect(p.records.find((r) => r.status === 503)).toMatchObject({ verdict: 'no-response', cause: 'too-many-in-flight' });
  });

  it('holds the slot of a client that went away until its upstream call ends, then frees it', async () => {
    const p = await startProxy({ timeoutMs: 60_000, maxInFlight: 1 });
    const gone = request(`${p.url}/items/hang`, { agent: false });
    gone.on('error', () => undefined);
    gone.end();
    await until(() => upstream.hung.length === 1);
    gone.destroy();
    // The call to the server is still pending, so it still counts.
    expect((await call(`${p.url}/items/fast`)).status).toBe(503);
    upstream.release();
    await until(() => p.records.some((r) => r.url === '/items/hang'));
    expect((await call(`${p.url}/items/fast`)).status).toBe(200);
  });

  it('gives a client that never finishes its request 408 at the deadline, and frees its slot', async () => {
    const p = await startProxy({ timeoutMs: 300, maxInFlight: 1 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(p.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write('PUT /items/slow HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(upstream.seen).toEqual([]);
    expect((await call(`${p.url}/items/fast`)).status).toBe(200);
  });

  it('cuts an upstream that trickles its body past the deadline: 504, and the upstream connection is closed', async () => {
    const p = await startProxy({ timeoutMs: 300 });
    const reply = await call(`${p.url}/items/trickle`);
    expect(reply.status).toBe(504);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ cause: 'upstream-timeout', limitMs: 300 });
    expect(body.error).toContain('300 ms');
    await until(() => upstream.trickleCut || upstream.trickleFinished);
    expect(upstream.trickleCut).toBe(true);
    expect(p.records[0]).toMatchObject({ status: 504, verdict: 'no-response', cause: 'upstream-timeout' });
  });

  it('answers 504 when the upstream sends nothing at all', async () => {
    const p = await startProxy({ timeoutMs: 200 });
    const reply = await call(`${p.url}/items/hang`);
    expect(reply.status).toBe(504);
    expect(JSON.parse(reply.body)).toMatchObject({ cause: 'upstream-timeout' });
  });

  it('answers 502 naming the cause: unreachable, reset, not HTTP, body over the limit', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const unreachable = await startValidatingProxy(spec, { target: deadUrl });
    try {
      const reply = await call(`${unreachable.url}/items/fast`);
      expect(reply.status).toBe(502);
      expect(JSON.parse(reply.body)).toMatchObject({ cause: 'upstream-unreachable' });
      expect(JSON.parse(reply.body).error).toContain('ECONNREFUSED');
    } finally {
      await unreachable.close();
    }

    const p = await startProxy({ maxBodyBytes: 1024 });
    const reset = await call(`${p.url}/items/reset`);
    expect(reset.status).toBe(502);
    expect(JSON.parse(reset.body)).toMatchObject({ cause: 'upstream-reset' });
    const garbage = await call(`${p.url}/items/garbage`);
    expect(garbage.status).toBe(502);
    expect(JSON.parse(garbage.body)).toMatchObject({ cause: 'upstream-invalid-response' });
    const huge = await call(`${p.url}/items/huge`);
    expect(huge.status).toBe(502);
    expect(JSON.parse(huge.body)).toMatchObject({ cause: 'upstream-response-too-large', limit: 1024 });
    expect(p.records.map((r) => r.cause)).toEqual(['upstream-reset', 'upstream-invalid-response', 'upstream-response-too-large']);
    // The proxy still works after all that.
    expect((await call(`${p.url}/items/fast`)).status).toBe(200);
  });

  it('answers 413 to a declared Content-Length over the limit without reading the body or forwarding', async () => {
    const p = await startProxy({ maxBodyBytes: 1024 });
    const reply = await new Promise<Reply>((resolve, reject) => {
      const outgoing = request(`${p.url}/items/big`, { method: 'PUT', agent: false, headers: { 'content-type': 'application/json', 'content-length': '4096' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      });
      outgoing.on('error', reject);
      // Only the headers are sent: the answer must come without the body.
      outgoing.flushHeaders();
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body)).toMatchObject({ cause: 'request-body-too-large', limit: 1024 });
    expect(upstream.seen).toEqual([]);
    expect(p.records[0]).toMatchObject({ status: 413, verdict: 'no-response', cause: 'request-body-too-large' });
  });

  it('has 32 MiB as the default body limit', async () => {
    const p = await startProxy();
    const declared = (length: number) =>
      new Promise<Reply>((resolve, reject) => {
        const outgoing = request(`${p.url}/items/big`, { method: 'PUT', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(length) } }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
        });
        outgoing.on('error', reject);
        outgoing.flushHeaders();
      });
    const over = await declared(32 * 1024 * 1024 + 1);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ cause: 'request-body-too-large', limit: 32 * 1024 * 1024 });
  });

  it('answers 413 to an endless chunked body once it passes the limit, instead of reading on or resetting', async () => {
    const p = await startProxy({ maxBodyBytes: 64 * 1024 });
    const chunk = Buffer.alloc(4096, 0x61);
    const result = await new Promise<{ reply: Reply; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const outgoing = request(`${p.url}/items/big`, { method: 'PUT', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (piece: string) => (text += piece));
        response.on('end', () => resolve({ reply: { status: response.statusCode ?? 0, headers: response.headers, body: text }, sent }));
        response.on('error', reject);
      });
      outgoing.on('error', (error) => (answered ? undefined : reject(error)));
      // Bounded: at most 64 MiB whatever the proxy does.
      const pump = () => {
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', pump);
        }
        if (!answered) outgoing.end();
      };
      outgoing.write('{"blob":"');
      pump();
    });
    expect(result.reply.status).toBe(413);
    expect(JSON.parse(result.reply.body)).toMatchObject({ cause: 'request-body-too-large', limit: 64 * 1024 });
    expect(result.sent).toBeLessThan(64 * 1024 * 1024);
    expect(upstream.seen).toEqual([]);
  });
});
