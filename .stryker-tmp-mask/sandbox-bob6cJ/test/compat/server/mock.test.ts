/** What users of mock servers expect from `serve`: security, content negotiation, CORS, Prefer, seeded dynamic data, self-check header. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { basic, farmDoc } from './farm.js';
import { call } from './helpers.js';

const API = '/api/v1';
const JOB = '7a2d5c0e-3b1f-4c8e-9d6a-1f2e3d4c5b6a';
const slurmDoc = (): JsonObject => JSON.parse(readFileSync(new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url), 'utf8')) as JsonObject;

const servers: ReferenceServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const start = async (doc: JsonObject, opts: ReferenceServerOptions = {}) => {
  const server = await startReferenceServer(doc, opts);
  servers.push(server);
  return server;
};

describe('security (auth)', () => {
  it('401 without the apiKey headers a Slurm-like spec asks for; 200 with them; off by default in the library', async () => {
    const server = await start(slurmDoc(), { auth: true });
    const none = await call(server, 'GET', '/slurm/v0.0.41/ping');
    expect(none.status).toBe(401);
    expect(none.json.rule).toBe('request-security');
    expect(none.json.violations[0]).toMatchObject({ where: 'request', rule: 'request-security', schemaPointer: '/security' });
    expect(none.json.violations[0].message).toBe('GET /slurm/v0.0.41/ping: missing credentials: send header X-SLURM-USER-NAME and header X-SLURM-USER-TOKEN (#/security); --no-auth turns the check off');
    const onlyName = await call(server, 'GET', '/slurm/v0.0.41/ping', undefined, { 'x-slurm-user-name': 'alice' });
    expect(onlyName.status).toBe(401);
    const both = await call(server, 'GET', '/slurm/v0.0.41/ping', undefined, { 'x-slurm-user-name': 'alice', 'x-slurm-user-token': 't0k3n' });
    expect(both.status).toBe(200);
    const open = await start(slurmDoc());
    expect((await call(open, 'GET', '/slurm/v0.0.41/ping')).status).toBe(200);
  });

  it('http basic: 401 with a WWW-Authenticate challenge, operations without security stay open', async () => {
    const server = await start(farmDoc(), { auth: true });
    const none = await call(server, 'POST', `${API}/worker/task`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="specdrift"');
    expect(none.json.violations[0].schemaPointer).toBe('/paths/~1worker~1task/post/security');
    const bearer = await call(server, 'POST', `${API}/worker/task`, undefined, { authorization: 'Bearer abc' });
    expect(bearer.status).toBe(401);
    expect((await call(server, 'POST', `${API}/worker/task`, undefined, { authorization: basic('w', 's') })).status).toBe(200);
    expect((await call(server, 'GET', `${API}/jobs`)).status).toBe(200);
  });

  it('an operation whose requirements include {} is open; a 404 path is still 404, not 401', async () => {
    const doc = slurmDoc();
    (doc.paths as any)['/slurm/v0.0.41/ping'].get.security = [{ token: [] }, {}];
    const server = await start(doc, { auth: true });
    expect((await call(server, 'GET', '/slurm/v0.0.41/ping')).status).toBe(200);
    expect((await call(server, 'GET', '/slurm/v0.0.41/nothing')).status).toBe(404);
  });
});

describe('content negotiation', () => {
  it('406 naming request-accept when no documented media type is acceptable', async () => {
    const server = await start(farmDoc());
    const html = await call(server, 'GET', `${API}/jobs`, undefined, { accept: 'text/html' });
    expect(html.status).toBe(406);
    expect(html.json.rule).toBe('request-accept');
    expect(html.json.violations[0].message).toBe('/header/accept: Accept text/html matches none of the documented media types (#/paths/~1jobs/get/responses/200): application/json, application/yaml');
    // the task log is documented as text/plain only
    expect((await call(server, 'GET', `${API}/tasks/${JOB}/log`, undefined, { accept: 'application/json' })).status).toBe(406);
  });

  it('renders a documented YAML media type when Accept prefers it; JSON for */* and on a tie', async () => {
    const server = await start(farmDoc());
    const yaml = await call(server, 'GET', `${API}/jobs`, undefined, { accept: 'application/yaml' });
    expect(yaml.status).toBe(200);
    expect(yaml.contentType).toBe('application/yaml');
    const asJson = await call(server, 'GET', `${API}/jobs`, undefined, { accept: '*/*' });
    expect(asJson.contentType).toBe('application/json');
    expect(parseYaml(yaml.text)).toEqual(asJson.json);
    expect(server.exchanges.at(-2)?.violations).toEqual([]);
    const preferYaml = await call(server, 'GET', `${API}/jobs`, undefined, { accept: 'application/json;q=0.5, application/yaml' });
    expect(preferYaml.contentType).toBe('application/yaml');
    const tie = await call(server, 'GET', `${API}/jobs`, undefined, { accept: 'application/yaml, application/json' });
    expect(tie.contentType).toBe('application/json');
    const log = await call(server, 'GET', `${API}/tasks/${JOB}/log`, undefined, { accept: 'text/*' });
    expect(log.status).toBe(200);
    expect(log.contentType).toBe('text/plain');
  });
});

describe('CORS', () => {
  it('answers a preflight with the path methods and the requested headers, and marks every answer', async () => {
    const server = await start(farmDoc(), { cors: true });
    const response = await fetch(`${server.origin}${API}/jobs`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    const get = await call(server, 'GET', `${API}/jobs`, undefined, { origin: 'http://app.example' });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://app.example');
    const without = await start(farmDoc());
    const plain = await fetch(`${without.origin}${API}/jobs`, { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' } });
    expect(plain.status).toBe(405);
  });
});

describe('Prefer', () => {
  it('code=N answers that documented response; an undocumented code is a 400', async () => {
    const server = await start(farmDoc());
    const notFound = await call(server, 'GET', `${API}/jobs/${JOB}`, undefined, { prefer: 'code=404' });
    expect(notFound.status).toBe(404);
    expect(Object.keys(notFound.json).sort()).toEqual(['code', 'message']);
    expect(server.exchanges.at(-1)?.violations).toEqual([]);
    const teapot = await call(server, 'GET', `${API}/jobs/${JOB}`, undefined, { prefer: 'code=418' });
    expect(teapot.status).toBe(400);
    expect(teapot.json.error).toBe('Prefer: code=418 is not documented for fetchJob; documented: 200, 404');
  });

  it('example=NAME answers the named example; an unknown name lists the documented ones', async () => {
    const server = await start(farmDoc());
    const completed = await call(server, 'GET', `${API}/jobs/${JOB}`, undefined, { prefer: 'example=completed' });
    expect(completed.json).toMatchObject({ status: 'completed', updated: '2026-11-30T09:42:00Z' });
    const queued = await call(server, 'GET', `${API}/jobs/${JOB}`);
    expect(queued.json.status).toBe('queued');
    const unknown = await call(server, 'GET', `${API}/jobs/${JOB}`, undefined, { prefer: 'example=rendering' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('Prefer: example=rendering is not an example of 200 application/json for fetchJob; documented: queued, completed');
  });

  it('dynamic=true answers generated data that validates', async () => {
    const server = await start(farmDoc());
    const fixed = await call(server, 'GET', `${API}/jobs`);
    const generated = await call(server, 'GET', `${API}/jobs`, undefined, { prefer: 'dynamic=true' });
    expect(generated.status).toBe(200);
    expect(generated.text).not.toBe(fixed.text);
    expect(server.exchanges.at(-1)?.violations).toEqual([]);
  });
});

describe('dynamic data (--dynamic --seed N)', () => {
  const sequence = async (seed: number) => {
    const server = await start(farmDoc(), { dynamic: true, seed });
    const bodies: string[] = [];
    for (const path of ['/jobs', `/jobs/${JOB}/tasks`, '/jobs', `/jobs/${JOB}`]) bodies.push((await call(server, 'GET', API + path)).text);
    const validator = createExchangeValidator(farmDoc());
    const violations = server.exchanges.flatMap((e) => validator.validateResponse(validator.matchOperation(e.request.method, e.request.url)!, e.response));
    return { bodies, violations, recorded: server.exchanges.flatMap((e) => e.violations) };
  };

  it('is the same for the same seed, different for another, varies between calls, and always validates', async () => {
    const a = await sequence(7);
    const b = await sequence(7);
    const c = await sequence(8);
    expect(a.bodies).toEqual(b.bodies);
    expect(c.bodies).not.toEqual(a.bodies);
    expect(a.bodies[0]).not.toBe(a.bodies[2]);
    expect([...a.violations, ...c.violations, ...a.recorded, ...c.recorded]).toEqual([]);
    const job = JSON.parse(a.bodies[3]);
    expect(['queued', 'active', 'completed', 'failed', 'canceled']).toContain(job.status);
    expect(job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('covers the Slurm-like fixture: every operation answers data that validates', async () => {
    const doc = slurmDoc();
    const server = await start(doc, { dynamic: true, seed: 3 });
    const { callEveryOperation, expectAllAnswered } = await import('./helpers.js');
    expectAllAnswered(await callEveryOperation(doc, server, createExchangeValidator(doc)));
  });
});

describe('x-specdrift-violations', () => {
  it('names what the sampler could not make valid, in the header and the record', async () => {
    const doc: JsonObject = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/code': {
          get: {
            responses: {
              '200': {
                description: 'a code no string can be',
                content: { 'application/json': { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 3, maxLength: 2 } } } } },
              },
            },
          },
        },
      },
    };
    const server = await start(doc);
    const reply = await call(server, 'GET', '/code');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-specdrift-violations')).toMatch(/^1; response-body-schema \/code$/);
    expect(server.exchanges.at(-1)?.violations.map((v) => `${v.rule} ${v.pointer}`)).toEqual(['response-body-schema /code']);
    const clean = await start(farmDoc());
    expect((await call(clean, 'GET', `${API}/jobs`)).headers.get('x-specdrift-violations')).toBeNull();
  });
});
