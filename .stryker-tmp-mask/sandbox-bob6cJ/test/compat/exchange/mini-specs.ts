/** Small hand-written specs for rules the Slurm documents do not exercise (written for these tests). */
// @ts-nocheck

import type { JsonObject } from '../../../src/openapi/types.js';

const json = (schema: JsonObject) => ({ 'application/json': { schema } });
const ok = (schema: JsonObject) => ({ '200': { description: 'ok', content: json(schema) } });

/** OpenAPI 3.0: explode variants, deepObject, strict bodies, nullable, oneOf, readOnly/writeOnly, a 200-only operation. */
export const miniSpec30 = (): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 'mini', version: '1' },
  servers: [{ url: 'https://cluster.example.com/api' }],
  paths: {
    '/items': {
      get: {
        operationId: 'list_items',
        parameters: [
          { in: 'query', name: 'tags', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string' } } },
          { in: 'query', name: 'ids', schema: { type: 'array', items: { type: 'integer' } } },
          { in: 'query', name: 'filter', style: 'deepObject', explode: true, schema: { type: 'object', properties: { state: { type: 'string' }, min: { type: 'integer' } } } },
          { in: 'query', name: 'limit', required: true, schema: { type: 'integer', minimum: 1, maximum: 100, exclusiveMaximum: true } },
          { in: 'header', name: 'X-Trace', schema: { type: 'array', items: { type: 'integer' } } },
          { in: 'query', name: 'verbose', schema: { type: 'boolean' } },
        ],
        responses: ok({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/item' } } } }),
      },
      post: {
        operationId: 'create_item',
        requestBody: { required: true, content: json({ $ref: '#/components/schemas/item' }) },
        responses: ok({ $ref: '#/components/schemas/item' }),
      },
    },
    '/items/{item_id}': {
      parameters: [{ in: 'path', name: 'item_id', required: true, schema: { type: 'integer', format: 'int32' } }],
      get: { operationId: 'get_item', responses: ok({ $ref: '#/components/schemas/item' }) },
      delete: { operationId: 'delete_item', responses: { '204': { description: 'gone' } } },
    },
    '/items/special': {
      get: { operationId: 'get_special', responses: ok({ type: 'object' }) },
    },
  },
  components: {
    schemas: {
      item: {
        type: 'object',
        additionalProperties: false,
        required: ['item_id', 'node_name', 'hold', 'secret'],
        properties: {
          item_id: { type: 'integer', readOnly: true },
          node_name: { type: 'string', minLength: 1 },
          hold: { type: 'boolean' },
          secret: { type: 'string', writeOnly: true },
          comment: { type: 'string', nullable: true },
          value: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/measure' }] },
          score: { type: 'number', minimum: 0, exclusiveMinimum: true },
        },
      },
      measure: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, unit: { type: 'string', enum: ['kB', 'MB'] } } },
    },
  },
});

/** OpenAPI 3.1: JSON Schema 2020-12 schemas (type arrays, numeric exclusiveMinimum, prefixItems). */
export const miniSpec31 = (): JsonObject => ({
  openapi: '3.1.0',
  info: { title: 'mini31', version: '1' },
  paths: {
    '/things': {
      post: {
        operationId: 'post_thing',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: ['string', 'null'] },
              weight: { type: 'number', exclusiveMinimum: 0 },
              pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
            },
          }),
        },
        responses: ok({ type: 'object' }),
      },
    },
  },
});
