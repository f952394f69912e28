// @ts-nocheck
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { parseQuery, readQueryParameter, type ParameterSpec } from '../../../src/compat/exchange/params.js';
import { serializePathParameter, serializeQueryParameter } from '../../../src/compat/server/index.js';
import { resolvePointer } from '../../../src/openapi/refs.js';
import type { Json } from '../../../src/openapi/types.js';
import { miniSpec30 } from './mini-specs.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const param = (over: Partial<ParameterSpec>): ParameterSpec => ({
  name: 'p',
  in: 'query',
  required: false,
  style: 'form',
  explode: true,
  pointer: '/x',
  shape: 'array',
  properties: [],
  ...over,
});
/** Text with the characters that matter on the wire: delimiters, escapes, non-ASCII. */
const wireText = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ',', '&', '=', '%', '+', ' ', '[', ']', '/', '?', '#', 'é', '漢', '|'), minLength: 1, maxLength: 8 });

describe('query serialization round-trips through the reader', () => {
  it('form arrays, exploded or not', () => {
    fc.assert(
      fc.property(fc.array(wireText, { maxLength: 5 }), fc.boolean(), (items, explode) => {
        const spec = param({ explode });
        const read = readQueryParameter(spec, parseQuery(serializeQueryParameter(spec, items)));
        expect(read.problem).toBeUndefined();
        expect(read.value).toEqual(explode && items.length === 0 ? undefined : items);
      }),
    );
  });

  it('deepObject and form-exploded objects', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('state', 'min', 'user'), wireText), fc.boolean(), (value, deep) => {
        const spec = param({ name: 'filter', shape: 'object', style: deep ? 'deepObject' : 'form', explode: true, properties: ['state', 'min', 'user'] });
        const read = readQueryParameter(spec, parseQuery(serializeQueryParameter(spec, value)));
        expect(read.problem).toBeUndefined();
        expect(read.value).toEqual(Object.keys(value).length === 0 ? undefined : value);
      }),
    );
  });

  it('an exploded array sent joined is always one request-query-style violation', () => {
    const validator = createExchangeValidator(miniSpec30());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 5 }), (ids) => {
        const found = validator.validateRequest({ method: 'GET', url: `/api/items?limit=1&ids=${ids.join(',')}`, headers: {} });
        expect(found.map((v) => [v.rule, v.pointer])).toEqual([['request-query-style', '/query/ids']]);
        expect(validator.validateRequest({ method: 'GET', url: `/api/items?limit=1&${ids.map((i) => `ids=${i}`).join('&')}`, headers: {} })).toEqual([]);
      }),
    );
  });
});

describe('path parameters', () => {
  const validator = createExchangeValidator({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/nodes/{node_name}/state': { get: { parameters: [{ in: 'path', name: 'node_name', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
  });

  it('any name survives serialization and routing unchanged', () => {
    fc.assert(
      fc.property(wireText, (name) => {
        const spec = param({ name: 'node_name', in: 'path', style: 'simple', explode: false, shape: 'primitive' });
        const match = validator.matchOperation('GET', `/nodes/${serializePathParameter(spec, name)}/state`);
        expect(match?.pathParams).toEqual({ node_name: name });
      }),
    );
  });
});

describe('condensed body violations agree with plain ajv', () => {
  // The request-direction meaning of components.schemas.item, written by hand as JSON Schema.
  const measure = { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, unit: { enum: ['kB', 'MB'] } } };
  const expected = new Ajv({ strict: false }).compile({
    type: 'object',
    additionalProperties: false,
    required: ['node_name', 'hold', 'secret'],
    properties: {
      item_id: { type: 'integer' },
      node_name: { type: 'string', minLength: 1 },
      hold: { type: 'boolean' },
      secret: { type: 'string' },
      comment: { type: ['string', 'null'] },
      value: { oneOf: [{ type: 'string' }, measure] },
      score: { type: 'number', exclusiveMinimum: 0 },
    },
  });
  const validator = createExchangeValidator(miniSpec30());
  const anything = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  const item = fc.record(
    {
      item_id: fc.oneof(fc.integer(), anything),
      node_name: fc.oneof(fc.string(), anything),
      hold: fc.oneof(fc.boolean(), anything),
      secret: fc.oneof(fc.string(), anything),
      comment: fc.oneof(fc.constant(null), fc.string(), anything),
      value: fc.oneof(fc.string(), fc.record({ amount: fc.oneof(fc.integer(), anything), unit: fc.constantFrom('kB', 'MB', 'GB') }, { requiredKeys: [] }), anything),
      score: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anything),
      nodeName: fc.string(),
    },
    { requiredKeys: [] },
  );

  it('no violation exactly when the body is valid; every pointer lands in the body', () => {
    fc.assert(
      fc.property(item, (body) => {
        const found = validator.validateRequest({ method: 'POST', url: '/api/items', headers: JSON_HEADERS, body: JSON.stringify(body) });
        expect(found.length === 0).toBe(expected(body));
        for (const v of found) {
          expect(v.rule).toBe('request-body-schema');
          expect(v.message.split('\n')).toHaveLength(1);
          const parent = v.pointer.slice(0, v.pointer.lastIndexOf('/'));
          expect(resolvePointer(body as Json, v.pointer) !== undefined || resolvePointer(body as Json, parent) !== undefined).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
