// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExchangeValidator, type Violation } from '../../../src/compat/exchange/index.js';
import { sampleMedia } from '../../../src/compat/server/index.js';
import { SpecdriftError } from '../../../src/errors.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { miniSpec30, miniSpec31 } from './mini-specs.js';

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const fixture = readJson(new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url).pathname);
const JSON_HEADERS = { 'content-type': 'application/json' };

const rules = (violations: Violation[]) => violations.map((v) => v.rule);

describe('matchOperation', () => {
  const validator = createExchangeValidator(fixture);

  it('routes every operation of the fixture, literal segments before templated ones', () => {
    expect(validator.operations).toHaveLength(12);
    expect(validator.matchOperation('POST', '/slurm/v0.0.41/job/submit')?.operationId).toBe('slurm_v0041_post_job_submit');
    // no GET on the literal path: the templated path takes it, with the segment as the parameter
    expect(validator.matchOperation('GET', '/slurm/v0.0.41/job/submit')).toMatchObject({
      operationId: 'slurm_v0041_get_job',
      path: '/slurm/v0.0.41/job/{job_id}',
      pointer: '/paths/~1slurm~1v0.0.41~1job~1{job_id}/get',
      pathParams: { job_id: 'submit' },
    });
    expect(validator.matchOperation('GET', '/slurm/v0.0.41/job/12%2F3?flags=ALL')?.pathParams).toEqual({ job_id: '12/3' });
    expect(validator.matchOperation('GET', 'http://127.0.0.1:6820/slurm/v0.0.41/jobs')?.operationId).toBe('slurm_v0041_get_jobs');
    expect(validator.matchOperation('PUT', '/slurm/v0.0.41/jobs')).toBeUndefined();
    expect(validator.matchOperation('GET', '/slurm/v0.0.40/jobs')).toBeUndefined();
  });

  it('honours the server base path of servers[0].url', () => {
    const mini = createExchangeValidator(miniSpec30());
    expect(mini.basePath).toBe('/api');
    expect(mini.matchOperation('GET', '/api/items/special')?.operationId).toBe('get_special');
    expect(mini.matchOperation('GET', '/api/items/7')?.pathParams).toEqual({ item_id: '7' });
    expect(mini.matchOperation('GET', '/items/7')).toBeUndefined();
    expect(mini.matchOperation('GET', '/apix/items/7')).toBeUndefined();
  });

  it('tells unknown paths and methods apart', () => {
    expect(validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/nope', headers: {} })).toEqual([
      { where: 'request', rule: 'request-path-unknown', pointer: '', schemaPointer: '/paths', message: 'GET /slurm/v0.0.41/nope: no path of the spec matches' },
    ]);
    expect(validator.validateRequest({ method: 'PATCH', url: '/slurm/v0.0.41/job/5', headers: {} })).toEqual([
      {
        where: 'request',
        rule: 'request-method-not-allowed',
        pointer: '',
        schemaPointer: '/paths/~1slurm~1v0.0.41~1job~1{job_id}',
        message: 'PATCH /slurm/v0.0.41/job/5: the path (#/paths/~1slurm~1v0.0.41~1job~1{job_id}) documents GET, DELETE, not PATCH',
      },
    ]);
  });

  it('rejects documents that are not OpenAPI 3', () => {
    expect(() => createExchangeValidator({ swagger: '2.0', paths: {} })).toThrow(SpecdriftError);
  });
});

describe('validateRequest on the Slurm-like fixture', () => {
  const validator = createExchangeValidator(fixture);
  const submit = (body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    validator.validateRequest({ method: 'POST', url: '/slurm/v0.0.41/job/submit', headers, body: JSON.stringify(body) });

  it('accepts a well-formed submit and exploded array query parameters', () => {
    expect(submit({ job: { current_working_directory: '/tmp', script: '#!/bin/sh\ntrue', tasks: 2 } })).toEqual([]);
    expect(validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs?update_time=17&flags=ALL&flags=DETAIL', headers: {} })).toEqual([]);
  });

  it('reports a JSON body sent as text/plain as one request-content-type violation', () => {
    expect(submit({ job: { current_working_directory: '/tmp' } }, { 'content-type': 'text/plain' })).toEqual([
      {
        where: 'request',
        rule: 'request-content-type',
        pointer: '',
        schemaPointer: '/paths/~1slurm~1v0.0.41~1job~1submit/post/requestBody/content',
        message:
          'POST /slurm/v0.0.41/job/submit: Content-Type text/plain is not documented; the spec (#/paths/~1slurm~1v0.0.41~1job~1submit/post/requestBody/content) documents application/json',
      },
    ]);
    expect(rules(submit({}, {}))).toEqual(['request-content-type']);
    expect(submit({}, { 'content-type': 'application/json; charset=utf-8' })).toEqual([]);
  });

  it('reports an exploded array sent joined with commas', () => {
    const found = validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs?flags=ALL,DETAIL', headers: {} });
    expect(found).toEqual([
      {
        where: 'request',
        rule: 'request-query-style',
        pointer: '/query/flags',
        schemaPointer: '/paths/~1slurm~1v0.0.41~1jobs/get/parameters/1',
        message: '/query/flags: sent joined with commas (flags=ALL,DETAIL) where the spec says style form, explode true — send flags=ALL&flags=DETAIL',
      },
    ]);
    // an encoded comma is data, not a delimiter: then the value is checked against the enum instead
    expect(rules(validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs?flags=ALL%2CDETAIL', headers: {} }))).toEqual(['request-query-schema']);
  });

  it('coerces query strings to the schema type before validating', () => {
    expect(validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs?update_time=1700000000', headers: {} })).toEqual([]);
    const found = validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs?update_time=yesterday', headers: {} });
    expect(found).toEqual([
      {
        where: 'request',
        rule: 'request-query-schema',
        pointer: '/query/update_time',
        schemaPointer: '/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema/type',
        message: '/query/update_time: string "yesterday" where the schema (#/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema) expects integer',
      },
    ]);
  });

  it('points at a missing required body field', () => {
    expect(submit({ job: { script: 'true' } })).toEqual([
      {
        where: 'request',
        rule: 'request-body-schema',
        pointer: '/job/current_working_directory',
        schemaPointer: '/components/schemas/v0.0.41_job_desc_msg/required',
        message: "/job/current_working_directory: required property 'current_working_directory' is missing (schema #/components/schemas/v0.0.41_job_desc_msg)",
      },
    ]);
  });

  it('names the camelCased key that stands where a required snake_case key is missing', () => {
    const found = submit({ jobs: [{ currentWorkingDirectory: '/tmp' }] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'request-body-schema', pointer: '/jobs/0/current_working_directory' });
    expect(found[0].message).toBe(
      "/jobs/0/current_working_directory: required property 'current_working_directory' is missing (schema #/components/schemas/v0.0.41_job_desc_msg); the object has 'currentWorkingDirectory' instead",
    );
  });

  it('reports a body that is not JSON, a missing required body and a body where none is documented', () => {
    expect(rules(validator.validateRequest({ method: 'POST', url: '/slurm/v0.0.41/job/submit', headers: JSON_HEADERS, body: '{job:' }))).toEqual(['request-body-parse']);
    expect(rules(validator.validateRequest({ method: 'POST', url: '/slurm/v0.0.41/job/submit', headers: JSON_HEADERS }))).toEqual(['request-body-required']);
    expect(rules(validator.validateRequest({ method: 'GET', url: '/slurm/v0.0.41/jobs', headers: JSON_HEADERS, body: '{}' }))).toEqual(['request-body-undocumented']);
  });
});

describe('validateRequest serialization rules (mini spec)', () => {
  const validator = createExchangeValidator(miniSpec30());
  const get = (query: string, headers: Record<string, string> = {}) => validator.validateRequest({ method: 'GET', url: `/api/items?${query}`, headers });
  const post = (body: unknown) => validator.validateRequest({ method: 'POST', url: '/api/items', headers: JSON_HEADERS, body: JSON.stringify(body) });

  it('accepts each style in its own form', () => {
    expect(get('limit=5&tags=a,b&ids=1&ids=2&filter[state]=up&filter[min]=3&verbose=false', { 'x-trace': '1,2' })).toEqual([]);
    expect(get('limit=5&tags=a%2Cb')).toEqual([]); // one tag containing a comma
  });

  it('reports repeated keys where explode is false', () => {
    expect(get('limit=5&tags=a&tags=b')).toEqual([
      {
        where: 'request',
        rule: 'request-query-style',
        pointer: '/query/tags',
        schemaPointer: '/paths/~1items/get/parameters/0',
        message: '/query/tags: sent as repeated keys (tags=a&tags=b) where the spec says style form, explode false — send tags=a,b',
      },
    ]);
  });

  it('reports a deepObject sent flat, a missing required parameter and values outside the schema', () => {
    expect(rules(get('limit=5&filter=up'))).toEqual(['request-query-style']);
    expect(get('tags=a')).toEqual([
      {
        where: 'request',
        rule: 'request-query-required',
        pointer: '/query/limit',
        schemaPointer: '/paths/~1items/get/parameters/3',
        message: "/query/limit: required query parameter 'limit' is missing (#/paths/~1items/get/parameters/3)",
      },
    ]);
    const found = get('limit=100&filter[min]=x&verbose=maybe', { 'X-Trace': '1,two' });
    expect(found.map((v) => [v.rule, v.pointer])).toEqual([
      ['request-query-schema', '/query/filter/min'],
      ['request-query-schema', '/query/limit'],
      ['request-header-schema', '/header/X-Trace/1'],
      ['request-query-schema', '/query/verbose'],
    ]);
    expect(found[1].message).toBe('/query/limit: number 100 must be < 100 (schema #/paths/~1items/get/parameters/3/schema)');
  });

  it('validates path parameters with their schema (int32 range included)', () => {
    expect(validator.validateRequest({ method: 'GET', url: '/api/items/12', headers: {} })).toEqual([]);
    const found = validator.validateRequest({ method: 'GET', url: '/api/items/4294967296', headers: {} });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'request-path-schema', pointer: '/path/item_id', schemaPointer: '/paths/~1items~1{item_id}/parameters/0/schema/format' });
  });

  it('reports a camelCased key where additionalProperties is false as one problem', () => {
    const found = post({ nodeName: 'n1', hold: true, secret: 's' });
    expect(found).toEqual([
      {
        where: 'request',
        rule: 'request-body-schema',
        pointer: '/nodeName',
        schemaPointer: '/components/schemas/item/additionalProperties',
        message: "/nodeName: property 'nodeName' is not in the schema (#/components/schemas/item), which requires 'node_name' — same name, different spelling",
      },
    ]);
  });

  it('reports a required false boolean that a client dropped', () => {
    expect(post({ node_name: 'n1', hold: false, secret: 's' })).toEqual([]);
    expect(post({ node_name: 'n1', secret: 's' })).toEqual([
      {
        where: 'request',
        rule: 'request-body-schema',
        pointer: '/hold',
        schemaPointer: '/components/schemas/item/required',
        message: "/hold: required property 'hold' is missing (schema #/components/schemas/item)",
      },
    ]);
  });

  it('reads OpenAPI 3.0 keywords: readOnly not required in requests, nullable, boolean exclusiveMinimum', () => {
    expect(post({ node_name: 'n1', hold: true, secret: 's', comment: null, score: 0.5 })).toEqual([]);
    const found = post({ node_name: 'n1', hold: true, secret: 's', score: 0 });
    expect(found.map((v) => [v.pointer, v.schemaPointer])).toEqual([['/score', '/components/schemas/item/properties/score/exclusiveMinimum']]);
  });

  it('condenses oneOf failures to the branch that fits the value', () => {
    const ok = { node_name: 'n1', hold: true, secret: 's' };
    expect(post({ ...ok, value: '3 MB' })).toEqual([]);
    expect(post({ ...ok, value: { amount: 3, unit: 'GB' } })).toEqual([
      {
        where: 'request',
        rule: 'request-body-schema',
        pointer: '/value/unit',
        schemaPointer: '/components/schemas/measure/properties/unit/enum',
        message: '/value/unit: string "GB" is not one of the values the schema (#/components/schemas/measure/properties/unit) allows: "kB", "MB"',
      },
    ]);
    expect(post({ ...ok, value: [1] })).toEqual([
      {
        where: 'request',
        rule: 'request-body-schema',
        pointer: '/value',
        schemaPointer: '/components/schemas/item/properties/value/oneOf',
        message: '/value: array where the schema (#/components/schemas/item/properties/value) expects string or object',
      },
    ]);
  });
});

describe('OpenAPI 3.1 documents', () => {
  const validator = createExchangeValidator(miniSpec31());
  const post = (body: unknown) => validator.validateRequest({ method: 'POST', url: '/things', headers: JSON_HEADERS, body: JSON.stringify(body) });

  it('validates with JSON Schema 2020-12 semantics', () => {
    expect(post({ name: null, weight: 1, pair: ['a', 1] })).toEqual([]);
    expect(post({ name: 'x', weight: 0 }).map((v) => v.schemaPointer)).toEqual([
      '/paths/~1things/post/requestBody/content/application~1json/schema/properties/weight/exclusiveMinimum',
    ]);
    expect(post({ name: 'x', pair: ['a', 1, 2] }).map((v) => v.pointer)).toEqual(['/pair']);
  });
});

describe('validateResponse', () => {
  const validator = createExchangeValidator(miniSpec30());
  const getItem = validator.matchOperation('GET', '/api/items/1')!;
  const deleteItem = validator.matchOperation('DELETE', '/api/items/1')!;
  const respond = (status: number, body?: unknown, headers: Record<string, string> = JSON_HEADERS) =>
    validator.validateResponse(getItem, { status, headers, body: body === undefined ? undefined : JSON.stringify(body) });

  it('accepts a documented response; writeOnly properties are not required in responses', () => {
    expect(respond(200, { item_id: 1, node_name: 'n1', hold: false })).toEqual([]);
    expect(validator.validateResponse(deleteItem, { status: 204, headers: {} })).toEqual([]);
  });

  it('reports an undocumented status as one violation', () => {
    expect(respond(500, { error: 'boom' })).toEqual([
      {
        where: 'response',
        rule: 'response-status-undocumented',
        pointer: '',
        schemaPointer: '/paths/~1items~1{item_id}/get/responses',
        message: 'status 500 is not documented for get_item (#/paths/~1items~1{item_id}/get/responses has 200)',
      },
    ]);
  });

  it('reports content type and body problems', () => {
    expect(rules(respond(200, { item_id: 1, node_name: 'n1', hold: false }, { 'content-type': 'text/html' }))).toEqual(['response-content-type']);
    expect(rules(validator.validateResponse(getItem, { status: 200, headers: JSON_HEADERS, body: '<html>' }))).toEqual(['response-body-parse']);
    expect(rules(validator.validateResponse(deleteItem, { status: 204, headers: {}, body: 'x' }))).toEqual(['response-body-undocumented']);
  });
});

describe('path, header and cookie styles', () => {
  const validator = createExchangeValidator({
    openapi: '3.0.3',
    info: { title: 'styles', version: '1' },
    paths: {
      '/label/{ids}/matrix/{coords}': {
        get: {
          parameters: [
            { in: 'path', name: 'ids', required: true, style: 'label', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
            { in: 'path', name: 'coords', required: true, style: 'matrix', schema: { type: 'object', properties: { x: { type: 'integer' }, y: { type: 'integer' } } } },
            { in: 'header', name: 'X-Required', required: true, schema: { type: 'string' } },
            { in: 'cookie', name: 'session', required: true, schema: { type: 'string', minLength: 4 } },
            // siblings of $ref are ignored in 3.0: the maximum below does not apply
            { in: 'query', name: 'n', schema: { $ref: '#/components/schemas/count', maximum: 1 } },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas: { count: { type: 'integer' } } },
  });
  const get = (path: string, headers: Record<string, string>) => validator.validateRequest({ method: 'GET', url: path, headers });
  const good = { 'x-required': 'yes', cookie: 'theme=dark; session=abcd' };

  it('reads label and matrix path parameters, headers and cookies', () => {
    expect(get('/label/.1,2/matrix/;coords=x,1,y,2?n=5', good)).toEqual([]);
  });

  it('reports each broken one under its own rule', () => {
    const found = get('/label/1,2/matrix/;coords=x,a,y,2', { cookie: 'session=ab' });
    expect(found.map((v) => [v.rule, v.pointer])).toEqual([
      ['request-path-style', '/path/ids'],
      ['request-path-schema', '/path/coords/x'],
      ['request-header-required', '/header/X-Required'],
      ['request-cookie-schema', '/cookie/session'],
    ]);
  });
});
