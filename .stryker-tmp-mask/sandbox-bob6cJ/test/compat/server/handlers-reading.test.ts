/**
 * A handled request is routed, read and parsed once: the exchange validator's `readRequest` hands what it read to
 * the handler layer, which must not route, parse the query or parse the body again (it used to do all three).
 * The router and the query parser are wrapped to count their calls; the body's JSON.parse calls are counted by text.
 */
// @ts-nocheck

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { startReferenceServer, type Handler, type HandlerRequest } from '../../../src/compat/server/index.js';
import { farmDoc } from './farm.js';
import { call } from './helpers.js';

const counts = vi.hoisted(() => ({ route: 0, parseQuery: 0 }));

vi.mock('../../../src/compat/exchange/router.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/compat/exchange/router.js')>();
  return {
    ...original,
    createRouter: (...args: Parameters<typeof original.createRouter>) => {
      const router = original.createRouter(...args);
      return {
        ...router,
        operations: router.operations,
        basePath: router.basePath,
        route: (...routeArgs: Parameters<typeof router.route>) => {
          counts.route++;
          return router.route(...routeArgs);
        },
      };
    },
  };
});
vi.mock('../../../src/compat/exchange/params.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/compat/exchange/params.js')>();
  return {
    ...original,
    parseQuery: (query: string) => {
      counts.parseQuery++;
      return original.parseQuery(query);
    },
  };
});

const API = '/api/v1';
const JOB = '7a2d5c0e-3b1f-4c8e-9d6a-1f2e3d4c5b6a';

describe('a handled request is read once', () => {
  beforeEach(() => {
    counts.route = 0;
    counts.parseQuery = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  it('the validator hands back the route, the parameters as read and the parsed body', () => {
    const validator = createExchangeValidator(farmDoc());
    const body = JSON.stringify({ status: 'canceled', reason: 'no longer needed' });
    const reading = validator.readRequest({ method: 'POST', url: `${API}/jobs/${JOB}/setstatus`, headers: { 'content-type': 'application/json' }, body });
    expect(reading.violations).toEqual([]);
    expect(reading.operation).toMatchObject({ operationId: 'setJobStatus', method: 'post', path: '/jobs/{job_id}/setstatus', pathParams: { job_id: JOB } });
    expect(reading.parameters.map((p) => [p.spec.in, p.spec.name, p.value])).toEqual([['path', 'job_id', JOB]]);
    expect(reading.body).toEqual({ mediaKey: 'application/json', value: { status: 'canceled', reason: 'no longer needed' } });
    // a query parameter comes back as read, as text (the handler layer converts it to its schema type)
    const listed = validator.readRequest({ method: 'GET', url: `${API}/jobs?status=failed`, headers: {} });
    expect(listed.parameters.map((p) => [p.spec.in, p.spec.name, p.value])).toEqual([['query', 'status', 'failed']]);
    expect(listed.body).toBeUndefined();
    expect(validator.readRequest({ method: 'GET', url: `${API}/nowhere`, headers: {} })).toEqual({
      violations: [expect.objectContaining({ rule: 'request-path-unknown' })],
      parameters: [],
    });
  });

  it('serve --handlers: one route, one query parse and one JSON.parse of the body per request', async () => {
    const seen: HandlerRequest[] = [];
    const handlers: Record<string, Handler> = {
      setJobStatus: (req) => {
        seen.push(req);
        return { status: 204 };
      },
      listJobs: (req) => {
        seen.push(req);
        return { status: 200, body: { jobs: [] } };
      },
    };
    const server = await startReferenceServer(farmDoc(), { handlers: { file: '/virtual/impl.ts', handlers: new Map(Object.entries(handlers)) } });
    try {
      const body = JSON.stringify({ status: 'canceled', reason: 'parsed once' });
      const parse = vi.spyOn(JSON, 'parse');
      counts.route = 0;
      const changed = await call(server, 'POST', `${API}/jobs/${JOB}/setstatus`, body, { 'content-type': 'application/json' });
      expect(changed.status).toBe(204);
      expect(counts.route).toBe(1);
      expect(parse.mock.calls.filter(([text]) => text === body)).toHaveLength(1);
      expect(seen[0].body).toEqual({ status: 'canceled', reason: 'parsed once' });
      expect(seen[0].params.path).toEqual({ job_id: JOB });

      counts.route = 0;
      counts.parseQuery = 0;
      const listed = await call(server, 'GET', `${API}/jobs?status=failed`);
      expect(listed.status).toBe(200);
      expect(counts.route).toBe(1);
      expect(counts.parseQuery).toBe(1);
      expect(seen[1].params.query).toEqual({ status: 'failed' });
    } finally {
      await server.close();
    }
  });
});
