// @ts-nocheck
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import {
  describeProxyRecord,
  startValidatingProxy,
  summarizeProxyRecords,
  verdictOf,
  type ProxyRecord,
  type ValidatingProxy,
} from '../../../src/compat/proxy/index.js';
import { sampleRequest, startReferenceServer, type ReferenceServer } from '../../../src/compat/server/index.js';
import { SpecdriftError } from '../../../src/errors.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const fixturePath = new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url).pathname;
const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

const listen = async <T extends Server | TcpServer>(server: T): Promise<{ server: T; url: string; port: number }> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, url: `http://127.0.0.1:${port}`, port };
};
const closeServer = (server: Server | TcpServer) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });

/** Raw request through node:http without keep-alive, so a test sees exactly the bytes and headers the proxy sent. */
function rawCall(url: string, method: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; statusMessage: string; headers: IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }>((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, statusMessage: response.statusMessage ?? '', headers: response.headers, rawHeaders: response.rawHeaders, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A small spec written for these tests: one item resource whose `name` is a string. */
const itemSpec = (): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 'items', version: '1' },
  servers: [{ url: '/' }],
  paths: {
    '/items/{item_id}': {
      parameters: [{ in: 'path', name: 'item_id', required: true, schema: { type: 'integer' } }],
      get: {
        operationId: 'get_item',
        parameters: [{ in: 'query', name: 'verbose', schema: { type: 'boolean' } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/item' } } } },
          default: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } },
        },
      },
      put: {
        operationId: 'put_item',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/item' } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/item' } } } } },
      },
    },
  },
  components: {
    schemas: {
      item: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { $ref: '#/components/schemas/tag' } } },
      },
      tag: { type: 'object', properties: { label: { type: 'string' } } },
      error: { type: 'object', properties: { error: { type: 'string' } } },
    },
  },
});

interface StubCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A deliberately wrong server for itemSpec: `name` comes back as a number; PUT echoes the body. */
function wrongItemServer(calls: StubCall[]) {
  return createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      calls.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      if (request.url === '/items/404') {
        response.writeHead(404, 'Nope', { 'Content-Type': 'application/json' });
        response.end('{"error":"no item 404","error_code":2017}');
        return;
      }
      if (request.method === 'PUT') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(body);
        return;
      }
      // Bytes as a C server writes them: escaped slashes, odd spacing. The proxy must pass them on as they are.
      response.writeHead(200, 'Fine', { 'Content-Type': 'application/json', 'X-Served-By': 'stub', 'Set-Cookie': ['a=1', 'b=2'] });
      response.end('{"id": 7, "name": 42, "path": "a\\/b", "tags": [{"label": "x"}, {"label": "y", "colour": "red"}]}');
    });
  });
}

describe('validating proxy in front of the built-in reference server', () => {
  const doc = readJson(fixturePath);
  let reference: ReferenceServer;
  let proxy: ValidatingProxy;
  const logged: ProxyRecord[] = [];
  beforeAll(async () => {
    reference = await startReferenceServer(doc);
    proxy = await startValidatingProxy(doc, { target: reference.url, log: (record) => logged.push(record) });
  });
  afterAll(async () => {
    await proxy.close();
    await reference.close();
  });

  it('listens on 127.0.0.1 and mirrors the target URL', () => {
    expect(proxy.origin).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(proxy.url).toBe(proxy.origin);
  });

  it('forwards a valid request for every operation: conforms, with the bytes the server sent', async () => {
    const validator = createExchangeValidator(doc);
    const before = proxy.records.length; // other tests of this block may have run first
    for (const operation of validator.operations) {
      const request = sampleRequest(doc, operation);
      const reply = await rawCall(proxy.url + request.url, request.method, request.headers, request.body === undefined ? undefined : JSON.stringify(request.body));
      const exchange = reference.exchanges.at(-1);
      expect(reply.status).toBe(exchange?.response.status);
      expect(reply.body.toString('utf8')).toBe(exchange?.response.body);
      const record = proxy.records.at(-1);
      expect(record).toMatchObject({
        method: request.method,
        url: request.url,
        status: reply.status,
        verdict: 'conforms',
        clientViolations: [],
        serverViolations: [],
        operation: { path: operation.path, method: operation.method, operationId: operation.operationId },
        responseBytes: reply.body.length,
      });
    }
    expect(proxy.records).toHaveLength(before + validator.operations.length);
    expect(logged).toEqual(proxy.records);
  });

  it('blames the client for a request that breaks the spec, with the pointer', async () => {
    const reply = await rawCall(`${proxy.url}/slurm/v0.0.41/jobs?flags=ALL,DETAIL`, 'GET');
    expect(reply.status).toBe(400); // the reference server refuses it
    const record = proxy.records.at(-1) as ProxyRecord;
    expect(record.clientViolations).toEqual([expect.objectContaining({ where: 'request', rule: 'request-query-style', pointer: '/query/flags' })]);
    // The reference server's own 400 body is not the spec's error schema.
    expect(record.verdict).toBe(record.serverViolations.length > 0 ? 'both-broke-spec' : 'client-broke-spec');
  });

  it('reports a path the spec does not have as the client\'s, and still forwards it', async () => {
    const reply = await rawCall(`${proxy.url}/slurm/v0.0.41/jobz`, 'GET');
    expect(reply.status).toBe(404);
    expect(proxy.records.at(-1)).toMatchObject({ verdict: 'client-broke-spec', serverViolations: [], clientViolations: [{ rule: 'request-path-unknown' }] });
    expect(proxy.records.at(-1)?.operation).toBeUndefined();
  });
});

describe('validating proxy in front of a deliberately wrong server', () => {
  const doc = itemSpec();
  const calls: StubCall[] = [];
  let stub: Awaited<ReturnType<typeof listen<Server>>>;
  let proxy: ValidatingProxy;
  beforeAll(async () => {
    stub = await listen(wrongItemServer(calls));
    proxy = await startValidatingProxy(doc, { target: stub.url, headers: { 'X-Token': 'injected' } });
  });
  afterAll(async () => {
    await proxy.close();
    await closeServer(stub.server);
  });

  it('blames the server for a number where the spec says string, and passes the response on unchanged', async () => {
    const reply = await rawCall(`${proxy.url}/items/7?verbose=true`, 'GET');
    expect(reply.status).toBe(200);
    expect(reply.statusMessage).toBe('Fine');
    expect(reply.body.toString('utf8')).toBe('{"id": 7, "name": 42, "path": "a\\/b", "tags": [{"label": "x"}, {"label": "y", "colour": "red"}]}');
    expect(reply.headers['x-served-by']).toBe('stub');
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    const record = proxy.records.at(-1) as ProxyRecord;
    expect(record.verdict).toBe('server-broke-spec');
    expect(record.clientViolations).toEqual([]);
    expect(record.serverViolations).toEqual([
      expect.objectContaining({ where: 'response', rule: 'response-body-schema', pointer: '/name', schemaPointer: '/components/schemas/item/properties/name/type' }),
      expect.objectContaining({ rule: 'response-body-undocumented-property', pointer: '/path', schemaPointer: '/components/schemas/item' }),
      expect.objectContaining({ rule: 'response-body-undocumented-property', pointer: '/tags/1/colour', schemaPointer: '/components/schemas/tag' }),
    ]);
    expect(record.serverViolations[0].message).toBe('/name: number 42 where the schema (#/components/schemas/item/properties/name) expects string');
  });

  it('puts the configured headers over the client\'s and drops hop-by-hop ones', async () => {
    await rawCall(`${proxy.url}/items/7`, 'GET', { 'X-Token': 'from-client', 'X-Other': 'kept', Connection: 'close, X-Drop-Me', 'X-Drop-Me': '1' });
    const seen = calls.at(-1) as StubCall;
    expect(seen.headers['x-token']).toBe('injected');
    expect(seen.headers['x-other']).toBe('kept');
    expect(seen.headers['x-drop-me']).toBeUndefined();
    expect(seen.headers.connection).toBe('keep-alive');
  });

  it('blames both sides when both break the spec', async () => {
    const reply = await rawCall(`${proxy.url}/items/7`, 'PUT', { 'content-type': 'application/json' }, JSON.stringify({ id: 'seven', name: 'x', shade: 1 }));
    expect(reply.status).toBe(200);
    expect(calls.at(-1)?.body).toBe('{"id":"seven","name":"x","shade":1}');
    const record = proxy.records.at(-1) as ProxyRecord;
    expect(record.verdict).toBe('both-broke-spec');
    expect(record.clientViolations.map((v) => [v.rule, v.pointer])).toEqual([
      ['request-body-schema', '/id'],
      ['request-body-undocumented-property', '/shade'],
    ]);
    expect(record.serverViolations.map((v) => [v.rule, v.pointer])).toEqual([
      ['response-body-schema', '/id'],
      ['response-body-undocumented-property', '/shade'],
    ]);
  });

  it('blames the client alone when only the request is wrong', async () => {
    const reply = await rawCall(`${proxy.url}/items/7`, 'PUT', { 'content-type': 'text/plain' }, JSON.stringify({ id: 7, name: 'x' }));
    expect(reply.status).toBe(200);
    expect(proxy.records.at(-1)).toMatchObject({
      verdict: 'client-broke-spec',
      serverViolations: [],
      clientViolations: [{ rule: 'request-content-type', pointer: '' }],
    });
  });

  it('checks error responses against the documented default', async () => {
    const reply = await rawCall(`${proxy.url}/items/404`, 'GET');
    expect(reply.status).toBe(404);
    expect(reply.statusMessage).toBe('Nope');
    expect(proxy.records.at(-1)?.serverViolations).toEqual([
      expect.objectContaining({ rule: 'response-body-undocumented-property', pointer: '/error_code', schemaPointer: '/components/schemas/error' }),
    ]);
  });

  it('can leave undocumented properties out', async () => {
    const quiet = await startValidatingProxy(doc, { target: stub.url, undocumentedProperties: false });
    try {
      await rawCall(`${quiet.url}/items/404`, 'GET');
      expect(quiet.records[0]).toMatchObject({ verdict: 'conforms', serverViolations: [] });
    } finally {
      await quiet.close();
    }
  });

  it('summarizes per operation with the pointers, generalizing array indexes', async () => {
    // A proxy of its own: the summary covers exactly these four exchanges, whatever the other tests sent.
    const own = await startValidatingProxy(doc, { target: stub.url });
    try {
      await rawCall(`${own.url}/items/7?verbose=true`, 'GET');
      await rawCall(`${own.url}/items/7`, 'GET');
      await rawCall(`${own.url}/items/404`, 'GET');
      await rawCall(`${own.url}/items/7`, 'PUT', { 'content-type': 'application/json' }, JSON.stringify({ id: 'seven', name: 'x', shade: 1 }));
      const lines = summarizeProxyRecords(own.records);
      expect(lines[0]).toBe('get_item (GET /items/{item_id}): 3 calls, status 200 ×2, 404; 3 server-broke-spec');
      expect(lines).toContain('  server response-body-schema /name (×2): /name: number 42 where the schema (#/components/schemas/item/properties/name) expects string');
      expect(lines.some((line) => line.startsWith('  server response-body-undocumented-property /tags/*/colour (×2): '))).toBe(true);
      expect(lines.some((line) => line.startsWith('  client request-body-schema /id: /id: string "seven"'))).toBe(true);
      expect(lines.at(-1)).toBe('4 exchanges, 2 operations: 3 server-broke-spec, 1 both-broke-spec');
      expect(describeProxyRecord(own.records[0])).toMatch(/^200 GET \/items\/7\?verbose=true get_item server-broke-spec \(3 server\) \[response-body-schema\] \/name: number 42/);
    } finally {
      await own.close();
    }
  });
});

describe('validating proxy and slurmrestd 22.05\'s Connection: close quirk', () => {
  // slurmrestd 22.05 answers a `Connection: close` request with that header *after* the body
  // (bytes as measured on the real server); node:http without keep-alive then fails to parse.
  const body = '{\n  "errors": [\n  ],\n  "licenses": [\n  ]\n}';
  let quirky: Awaited<ReturnType<typeof listen<TcpServer>>>;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    quirky = await listen(
      createTcpServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        let seen = '';
        socket.on('data', (chunk: Buffer) => {
          seen += chunk.toString('latin1');
          while (seen.includes('\r\n\r\n')) {
            const head = seen.slice(0, seen.indexOf('\r\n\r\n'));
            seen = seen.slice(seen.indexOf('\r\n\r\n') + 4);
            const close = /\r\nconnection:\s*close/i.test(head);
            // One write: the stray header arrives in the same chunk as the body, as from slurmrestd.
            socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\n\r\n${body}${close ? 'Connection: Close\r\n' : ''}`);
            if (close) socket.end();
          }
        });
      }),
    );
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await closeServer(quirky.server);
  });

  const spec: JsonObject = {
    openapi: '3.0.2',
    info: { title: 'q', version: '1' },
    paths: {
      '/slurm/v0.0.38/licenses': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object', properties: { errors: { type: 'array' }, licenses: { type: 'array' } } } } },
            },
          },
        },
      },
    },
  };

  it('breaks a plain node:http client talking to the server directly', async () => {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const request = httpRequest(`${quirky.url}/slurm/v0.0.38/licenses`, { agent: false, headers: { Connection: 'close' } }, (response) => {
        response.resume();
        response.socket.on('error', (e: NodeJS.ErrnoException) => resolve(e));
      });
      request.on('error', (e: NodeJS.ErrnoException) => resolve(e));
      request.end();
      setTimeout(() => resolve(undefined), 1000);
    });
    expect(error?.code).toBe('HPE_INVALID_CONSTANT');
  });

  it('gives the same client a clean answer through the proxy, many times over one kept-alive connection', async () => {
    const proxy = await startValidatingProxy(spec, { target: quirky.url });
    try {
      for (let i = 0; i < 5; i++) {
        const reply = await rawCall(`${proxy.url}/slurm/v0.0.38/licenses`, 'GET', { Connection: 'close' });
        expect(reply.status).toBe(200);
        expect(reply.body.toString('utf8')).toBe(body);
      }
      expect(proxy.records.map((r) => r.verdict)).toEqual(Array(5).fill('conforms'));
    } finally {
      await proxy.close();
    }
  });
});

describe('validating proxy without a server behind it', () => {
  it('answers 502, records no-response and why', async () => {
    const free = await listen(createHttpServer());
    await closeServer(free.server); // a port nobody listens on any more
    const proxy = await startValidatingProxy(itemSpec(), { target: free.url });
    try {
      const reply = await rawCall(`${proxy.url}/items/1?verbose=maybe`, 'GET');
      expect(reply.status).toBe(502);
      expect(JSON.parse(reply.body.toString('utf8')).error).toContain('ECONNREFUSED');
      const record = proxy.records[0];
      expect(record).toMatchObject({ status: 502, verdict: 'no-response', serverViolations: [], durations: { upstreamMs: 0 } });
      expect(record.upstreamError).toContain('ECONNREFUSED');
      expect(record.clientViolations).toEqual([expect.objectContaining({ rule: 'request-query-schema', pointer: '/query/verbose' })]);
      expect(summarizeProxyRecords(proxy.records)).toContain(`  no response: ${record.upstreamError}`);
    } finally {
      await proxy.close();
    }
  });

  it('answers 504 when the server does not answer in time', async () => {
    const silent = await listen(createHttpServer(() => undefined));
    const proxy = await startValidatingProxy(itemSpec(), { target: silent.url, timeoutMs: 200 });
    try {
      const reply = await rawCall(`${proxy.url}/items/1`, 'GET');
      expect(reply.status).toBe(504);
      expect(proxy.records[0]).toMatchObject({ verdict: 'no-response', upstreamError: 'no complete answer within 200 ms', cause: 'upstream-timeout' });
    } finally {
      await proxy.close();
      await closeServer(silent.server);
    }
  });

  it('refuses targets that are not http(s) URLs and ports in use, with one-line errors', async () => {
    await expect(startValidatingProxy(itemSpec(), { target: 'localhost:6820' })).rejects.toThrow(SpecdriftError);
    await expect(startValidatingProxy(itemSpec(), { target: 'ftp://127.0.0.1/' })).rejects.toThrow(/is ftp, not http or https/);
    const busy = await listen(createHttpServer());
    try {
      await expect(startValidatingProxy(itemSpec(), { target: 'http://127.0.0.1:1', port: busy.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await closeServer(busy.server);
    }
  });
});

describe('verdicts and transparency (properties)', () => {
  it('verdictOf: no-response wins, then who has violations', () => {
    const v = [{ where: 'request' as const, rule: 'request-body-schema' as const, pointer: '', schemaPointer: '', message: '' }];
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (client, server, answered) => {
        const verdict = verdictOf(client ? v : [], server ? v : [], answered);
        const expected = !answered ? 'no-response' : client && server ? 'both-broke-spec' : client ? 'client-broke-spec' : server ? 'server-broke-spec' : 'conforms';
        expect(verdict).toBe(expected);
      }),
    );
  });

  it('hands the client exactly the status, headers and bytes the server sent', async () => {
    let next: { status: number; body: Buffer; header: string } = { status: 200, body: Buffer.alloc(0), header: '' };
    const server = await listen(
      createHttpServer((request, response) => {
        request.resume();
        request.on('end', () => {
          response.writeHead(next.status, { 'Content-Type': 'application/json', 'X-Echo': next.header });
          response.end(next.body);
        });
      }),
    );
    const proxy = await startValidatingProxy(itemSpec(), { target: server.url });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(200, 201, 400, 404, 500, 503),
          fc.oneof(fc.json().map((text) => Buffer.from(text)), fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes))),
          fc.stringMatching(/^[\x21-\x7e]{0,20}$/),
          async (status, body, header) => {
            next = { status, body, header };
            const reply = await rawCall(`${proxy.url}/items/1`, 'GET');
            expect(reply.status).toBe(status);
            expect(reply.body.equals(body)).toBe(true);
            expect(reply.headers['x-echo']).toBe(header);
            const record = proxy.records.at(-1) as ProxyRecord;
            expect(record.status).toBe(status);
            expect(record.responseBytes).toBe(body.length);
            expect(record.verdict).not.toBe('no-response');
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await proxy.close();
      await closeServer(server.server);
    }
  });
});
