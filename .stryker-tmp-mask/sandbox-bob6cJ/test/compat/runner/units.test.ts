/**
 * The runner's pure parts on real data: decode comparison, exchange correlation, operation filters, spec ids,
 * scenarios, patches, cell evaluation, and tracing failures back to the spec. No generators run here.
 */
// @ts-nocheck

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase } from '../../../src/compat/generators/naming.js';
import { ALL_GENERATORS } from '../../../src/compat/generators/index.js';
import { compareDecoded, correlate, filterOperations, parseScenario, planCall, resolvePatches, specIdentity, specOperations } from '../../../src/compat/runner/index.js';
import { evaluateCall, verdictOf } from '../../../src/compat/runner/evaluate.js';
import { capture, MissingCapture, substitute } from '../../../src/compat/runner/scenario.js';
import { attributeCompileErrors, collectSpecProblems, constructsUnder, responseSchemaPointer } from '../../../src/compat/runner/spec-problems.js';
import type { TargetExchange } from '../../../src/compat/runner/target.js';
import type { Json, JsonObject } from '../../../src/openapi/types.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url));
const fixtureText = await readFile(FIXTURE, 'utf8');
const fixture = JSON.parse(fixtureText) as JsonObject;
const strict = { nullMayBeAbsent: false };
const python = { nullMayBeAbsent: true };

describe('compareDecoded', () => {
  const sent = { meta: { plugin: { data_parser: 'data_parser/v0.0.41' } }, jobs: [{ job_id: 7, requeue: false, comment: null, submit_time: '2024-01-01T00:00:00Z' }] };

  it('passes an identical body', () => {
    expect(compareDecoded(sent, structuredClone(sent), strict)).toEqual([]);
  });

  it('names a camelCased key exactly', () => {
    const got = { meta: { plugin: { dataParser: 'data_parser/v0.0.41' } }, jobs: [{ jobId: 7, requeue: false, comment: null, submit_time: '2024-01-01T00:00:00Z' }] };
    expect(compareDecoded(sent, got, strict).map((m) => m.message)).toEqual(['/meta/plugin/data_parser: key data_parser renamed to dataParser', '/jobs/0/job_id: key job_id renamed to jobId']);
  });

  it('names a dropped false', () => {
    const got = structuredClone(sent) as { jobs: Record<string, unknown>[] };
    delete got.jobs[0].requeue;
    expect(compareDecoded(sent, got, strict)).toEqual([{ pointer: '/jobs/0/requeue', kind: 'missing', message: '/jobs/0/requeue: false dropped (the client returned no requeue)' }]);
  });

  it('lets Python clients leave out nulls, nobody else', () => {
    const got = structuredClone(sent) as { jobs: Record<string, unknown>[] };
    delete got.jobs[0].comment;
    expect(compareDecoded(sent, got, python)).toEqual([]);
    expect(compareDecoded(sent, got, strict)[0].kind).toBe('missing');
  });

  it('compares date-times as instants, other strings exactly', () => {
    const got = structuredClone(sent) as { jobs: Record<string, unknown>[] };
    got.jobs[0].submit_time = '2024-01-01T00:00:00.000+00:00';
    expect(compareDecoded(sent, got, strict)).toEqual([]);
    got.jobs[0].submit_time = '2024-01-01T00:00:01Z';
    expect(compareDecoded(sent, got, strict)[0].message).toBe('/jobs/0/submit_time: server sent "2024-01-01T00:00:00Z", client returned "2024-01-01T00:00:01Z"');
  });

  it('reports type changes, extra keys, shorter arrays', () => {
    expect(compareDecoded({ n: 5 }, { n: '5' }, strict)[0].message).toBe('/n: server sent number 5, client returned string "5"');
    expect(compareDecoded({}, { added: 1 }, strict)[0].message).toBe('/added: client returned 1, the server sent no added');
    expect(compareDecoded({ a: [1, 2] }, { a: [1] }, strict)[0].message).toBe('/a: server sent 2 items, client returned 1');
    expect(compareDecoded({ a: 1 }, undefined, strict)[0].message).toBe('(body): server sent {"a":1}, the client returned nothing');
  });

  it('property: any JSON equals its copy; renaming a snake_case key to camelCase is reported as that rename', () => {
    const key = fc.stringMatching(/^[a-z]{1,6}(_[a-z]{1,6}){1,2}$/);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(compareDecoded(value, structuredClone(value), strict)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue(), { minKeys: 1, maxKeys: 6 }), (object) => {
        const [first] = Object.keys(object);
        const renamed = Object.fromEntries(Object.entries(object).map(([k, v]) => [k === first ? camelCase(k) : k, v]));
        const found = compareDecoded(object, renamed, strict);
        expect(found[0]).toEqual({ pointer: `/${first}`, kind: 'renamed', message: `/${first}: key ${first} renamed to ${camelCase(first)}` });
      }),
    );
  });

  it('property: dropping a false anywhere in an object is reported at its pointer', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.oneof(fc.integer(), fc.string()), { maxKeys: 5 }), fc.stringMatching(/^flag_[a-z]{1,5}$/), (object, flag) => {
        const sentBody = { ...object, [flag]: false };
        const found = compareDecoded(sentBody, object, strict);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ pointer: `/${flag}`, kind: 'missing' });
      }),
    );
  });
});

describe('correlate', () => {
  const ex = (operationId: string | undefined, seq: number) => ({ operationId, seq });

  it('gives each routed exchange to its operation and an unrouted one to the call between its neighbours', () => {
    const calls = [
      { operationId: 'a', reached: true },
      { operationId: 'b', reached: true },
      { operationId: 'c', reached: false },
      { operationId: 'd', reached: true },
    ];
    const { byCall, stray } = correlate(calls, [ex('a', 1), ex(undefined, 2), ex('d', 3)]);
    expect(byCall.map((list) => list.map((e) => e.seq))).toEqual([[1], [2], [], [3]]);
    expect(stray).toEqual([]);
  });

  it('keeps exchanges it cannot place as stray', () => {
    const { stray } = correlate([{ operationId: 'a', reached: true }], [ex('a', 1), ex(undefined, 2)]);
    expect(stray.map((e) => e.seq)).toEqual([2]);
  });

  it('property: sequential calls with 0–2 routed exchanges each are recovered exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 20 }), (counts) => {
        const calls = counts.map((n, i) => ({ operationId: `op${i}`, reached: n > 0 }));
        const exchanges = counts.flatMap((n, i) => Array.from({ length: n }, (_, k) => ({ operationId: `op${i}`, seq: i * 10 + k })));
        const { byCall, stray } = correlate(calls, exchanges);
        expect(stray).toEqual([]);
        byCall.forEach((list, i) => expect(list.map((e) => e.seq)).toEqual(Array.from({ length: counts[i] }, (_, k) => i * 10 + k)));
      }),
    );
  });
});

describe('operations and requests', () => {
  const ops = specOperations(fixture);

  it('lists every operation of the fixture with its operationId', () => {
    expect(ops).toHaveLength(12);
    expect(ops.every((op) => typeof op.operationId === 'string')).toBe(true);
  });

  it('filters by operationId globs and by METHOD /path globs', () => {
    expect(filterOperations(ops, ['slurm_*_get_job*']).map((o) => o.operationId)).toEqual(['slurm_v0041_get_jobs', 'slurm_v0041_get_job']);
    expect(filterOperations(ops, ['DELETE /**']).map((o) => o.operationId)).toEqual(['slurm_v0041_delete_job', 'slurmdb_v0041_delete_account']);
    expect(filterOperations(ops, ['get /slurm/*/jobs']).map((o) => o.operationId)).toEqual(['slurm_v0041_get_jobs']);
    expect(filterOperations(ops, [], ['slurmdb_*', '*_post_*'])).toHaveLength(7);
    expect(() => filterOperations(ops, ['nothing_*'])).toThrow(/matches no operation/);
  });

  it('plans a valid call for every operation: spec parameter names, sampled body', () => {
    const submit = planCall(fixture, ops.find((o) => o.operationId === 'slurm_v0041_post_job_submit')!);
    expect(submit.body).toBeTypeOf('object');
    const jobs = planCall(fixture, ops.find((o) => o.operationId === 'slurm_v0041_get_jobs')!);
    expect(Object.keys(jobs.query).sort()).toEqual(['flags', 'update_time']);
    expect(Array.isArray(jobs.query.flags)).toBe(true);
  });

  it('names the spec directory after title, version tag and content hash', () => {
    const id = specIdentity(fixture, fixtureText);
    expect(id.id).toMatch(/^slurm-rest-api-v0\.0\.41-[0-9a-f]{8}$/);
    expect(id.versionTag).toBe('v0.0.41');
    expect(specIdentity(fixture, `${fixtureText} `).id).not.toBe(id.id);
    expect(specIdentity({ openapi: '3.0.3', info: { title: '', version: '1' }, paths: {} }, '{}').id).toMatch(/^spec-[0-9a-f]{8}$/);
  });
});

describe('scenario files', () => {
  const text = `steps:
  - operation: slurm_v0041_post_job_submit
    body: { script: "#!/bin/sh" }
    capture: { job_id: /job_id }
  - operation: GET /slurm/v0.0.41/job/{job_id}
    pathParams: { job_id: "\${job_id}" }
    expect: { status: [200, 404] }
`;

  it('parses YAML steps and rejects unknown keys with the failing place', () => {
    expect(parseScenario(text, 's.yaml').steps).toHaveLength(2);
    expect(() => parseScenario('steps:\n  - operation: x\n    bogus: 1\n', 'bad.yaml')).toThrow(/bad\.yaml: invalid scenario at \/steps\/0/);
    expect(() => parseScenario('steps: []\n', 'empty.yaml')).toThrow(/invalid scenario/);
  });

  it('substitutes captured values, keeping the type of a whole-string reference', () => {
    const vars = new Map<string, Json>([['job_id', 1001]]);
    expect(substitute({ job_id: '${job_id}', name: 'job-${job_id}' }, vars)).toEqual({ job_id: 1001, name: 'job-1001' });
    expect(() => substitute('${other}', vars)).toThrow(MissingCapture);
  });

  it('captures by JSON pointer and names what is missing', () => {
    const step = { operation: 'x', capture: { job_id: '/job_id', step: '/result/step_id' } };
    expect(capture(step, { job_id: 5 })).toEqual({ values: { job_id: 5 }, missing: ['step (/result/step_id)'] });
  });
});

describe('patches', () => {
  const ids = ['openapi-generator-4.3.1:typescript-fetch', 'swagger-codegen-3.0.34:typescript-fetch', 'hey-api'];
  const chosen = ALL_GENERATORS.filter((g) => ids.includes(g.id));

  it('applies a name to every generator offering it, GENERATOR=NAME to one, all to all', () => {
    expect(resolvePatches(chosen, ['global-fetch-type']).get('openapi-generator-4.3.1:typescript-fetch')).toEqual(['global-fetch-type']);
    expect(resolvePatches(chosen, ['swagger-codegen-3.0.34:typescript-fetch=definite-assignment']).get('swagger-codegen-3.0.34:typescript-fetch')).toEqual(['definite-assignment']);
    const all = resolvePatches(chosen, ['all']);
    expect(all.get('hey-api')).toEqual([]);
    expect(all.get('swagger-codegen-3.0.34:typescript-fetch')).toEqual(['definite-assignment']);
  });

  it('refuses a patch no selected generator offers', () => {
    expect(() => resolvePatches(chosen, ['delete-operand'])).toThrow(/no selected generator offers that patch/);
  });
});

describe('evaluateCall', () => {
  const exchange = (over: Partial<TargetExchange> = {}): TargetExchange => ({ seq: 1, method: 'GET', url: '/x', operationId: 'op', status: 200, violations: [], responseBody: '{"ok":true}', ...over });
  const requestViolation = { where: 'request' as const, rule: 'request-content-type', pointer: '', schemaPointer: '/paths/~1x/post/requestBody/content', message: 'POST /x: Content-Type text/plain is not documented' };

  it('passes a conforming call whose decoded body equals the server body', () => {
    expect(evaluateCall({ operationId: 'op', outcome: 'ok', status: 200, decoded: { ok: true } }, [exchange()], { norm: strict })).toEqual({ status: 'pass', verdict: 'conforms' });
  });

  it('fails with the violated rule when the client broke the spec, even if the server answered 2xx', () => {
    const result = evaluateCall({ operationId: 'op', outcome: 'ok', status: 200, decoded: { ok: true } }, [exchange({ violations: [requestViolation] })], { norm: strict });
    expect(result).toMatchObject({ status: 'fail', verdict: 'client-broke-spec', reason: 'request broke the spec: [request-content-type] POST /x: Content-Type text/plain is not documented' });
  });

  it('accepts an expected error status (scenario) and rejects an unexpected one', () => {
    const gone = exchange({ status: 404, responseBody: '{}' });
    expect(evaluateCall({ operationId: 'op', outcome: 'http-error', status: 404 }, [gone], { norm: strict, expect: [404] }).status).toBe('pass');
    expect(evaluateCall({ operationId: 'op', outcome: 'http-error', status: 404, error: 'HTTP 404' }, [gone], { norm: strict }).reason).toBe('HTTP 404 (expected 2xx)');
  });

  it('has four verdicts plus no-request', () => {
    const response = { ...requestViolation, where: 'response' as const };
    expect(verdictOf([])).toBe('no-request');
    expect(verdictOf([exchange({ violations: [response] })])).toBe('server-broke-spec');
    expect(verdictOf([exchange({ violations: [requestViolation, response] })])).toBe('both-broke-spec');
  });
});

describe('tracing failures to the spec', () => {
  const doc: JsonObject = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/jobs': {
        get: {
          operationId: 'get_jobs',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/v0.0.42_job_info' } } } } },
        },
      },
    },
    components: {
      schemas: {
        'v0.0.42_job_info': {
          type: 'object',
          properties: { power: { type: 'object', properties: { flags: { type: 'array', items: {} } } }, state: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
        },
      },
    },
  };

  it('finds untyped schemas and oneOf under a response', () => {
    const pointer = responseSchemaPointer(doc, '/paths/~1jobs/get');
    expect(pointer).toBe('/paths/~1jobs/get/responses/200/content/application~1json/schema');
    expect(constructsUnder(doc, pointer!)).toEqual([
      { pointer: '/components/schemas/v0.0.42_job_info/properties/power/properties/flags/items', what: 'untyped schema' },
      { pointer: '/components/schemas/v0.0.42_job_info/properties/state/oneOf', what: 'oneOf' },
    ]);
  });

  it('attributes a compile error to the schema whose generated code holds it, and AnyType to the untyped part', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-attr-'));
    try {
      await writeFile(join(dir, 'api.ts'), ['export class BaseAPI {', '  x: GlobalFetch;', '}', 'export interface V0042JobInfoPower {', '    flags?: Array<AnyType>;', '}', ''].join('\n'));
      const found = await attributeCompileErrors(doc, 'g', dir, [
        "api.ts(2,6): TS2304: Cannot find name 'GlobalFetch'.",
        "api.ts(5,19): TS2304: Cannot find name 'AnyType'.",
      ]);
      expect(found).toEqual([
        {
          generator: 'g',
          pointer: '/components/schemas/v0.0.42_job_info/properties/power/properties/flags/items',
          declaration: 'V0042JobInfoPower',
          code: 'TS2304',
          error: "api.ts(5,19): TS2304: Cannot find name 'AnyType'.",
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('groups the same rejection by the same generators at several places into one problem', () => {
    const cell = (operationId: string, schemaPointer: string) => ({
      generator: 'kubb',
      operationId,
      status: 'fail' as const,
      call: { outcome: 'http-error' as const, status: 415 },
      exchanges: [{ seq: 1, method: 'POST', url: '/', operationId, status: 415, violations: [{ where: 'request' as const, rule: 'request-content-type', pointer: '', schemaPointer, message: 'text/plain' }] }],
    });
    const problems = collectSpecProblems({
      doc,
      operations: [
        { operationId: 'a', method: 'POST', path: '/a', pointer: '/paths/~1a/post' },
        { operationId: 'b', method: 'POST', path: '/b', pointer: '/paths/~1b/post' },
      ],
      cells: [cell('a', '/paths/~1a/post/requestBody/content'), cell('b', '/paths/~1b/post/requestBody/content')],
      generatorFailures: [],
      compileAttributions: [],
      validation: [],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'request-rejected', rule: 'request-content-type', generators: ['kubb'], operations: ['a', 'b'], pointers: ['/paths/~1a/post/requestBody/content', '/paths/~1b/post/requestBody/content'] });
  });
});
