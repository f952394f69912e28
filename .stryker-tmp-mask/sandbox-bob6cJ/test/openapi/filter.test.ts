// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { excludeMarked } from '../../src/openapi/filter.js';
import { diffSpecs } from '../../src/diff/engine/index.js';
import type { JsonObject } from '../../src/openapi/types.js';

const base = (extra: JsonObject): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/jobs': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/job' } } },
          },
        },
      },
      ...extra,
    },
  },
  components: {
    schemas: {
      job: {
        type: 'object',
        required: ['id', 'debug'],
        properties: { id: { type: 'integer' }, debug: { type: 'string', 'x-internal': true } },
      },
    },
  },
});

describe('--exclude-extension', () => {
  it('drops marked operations and properties (and their required entries)', () => {
    const doc = excludeMarked(base({ post: { 'x-internal': true, responses: { '200': { description: 'ok' } } } }), ['x-internal']);
    expect(Object.keys((doc.paths as JsonObject)['/jobs'] as JsonObject)).toEqual(['get']);
    const job = ((doc.components as JsonObject).schemas as JsonObject).job as JsonObject;
    expect(Object.keys(job.properties as JsonObject)).toEqual(['id']);
    expect(job.required).toEqual(['id']);
  });

  it('hides changes to internal parts from the diff', () => {
    const oldDoc = base({ post: { 'x-internal': true, responses: { '200': { description: 'ok' } } } });
    const newDoc = base({});
    expect(diffSpecs(oldDoc, newDoc).changes.map((c) => c.id)).toContain('endpoint-removed');
    expect(diffSpecs(excludeMarked(oldDoc, ['x-internal']), excludeMarked(newDoc, ['x-internal'])).changes).toEqual([]);
  });
});
