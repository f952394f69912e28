// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySchemaPointer, findUndocumentedProperties, generalizePointer } from '../../../src/compat/proxy/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

/** Schemas written for these tests, shaped like Slurm's (refs, allOf, maps keyed by ids, free-form objects). */
const spec = (): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/partitions': {
      get: {
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/partitions_response' } }, 'text/plain': { schema: { type: 'string' } } } },
          default: { $ref: '#/components/responses/error' },
        },
      },
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/partition' } } } }, responses: { '204': { description: 'ok' } } },
    },
  },
  components: {
    responses: { error: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/errors' } } } } },
    schemas: {
      partitions_response: {
        type: 'object',
        properties: { partitions: { type: 'array', items: { $ref: '#/components/schemas/partition' } }, errors: { $ref: '#/components/schemas/errors' } },
      },
      partition: {
        allOf: [
          { $ref: '#/components/schemas/named' },
          {
            type: 'object',
            properties: {
              min_nodes_per_job: { type: 'integer' },
              tres: { type: 'object', additionalProperties: { $ref: '#/components/schemas/tres' } },
              flags: { type: 'object' },
              extra: { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: true },
            },
          },
        ],
      },
      named: { type: 'object', properties: { name: { type: 'string' } } },
      tres: { type: 'object', properties: { count: { type: 'integer' } } },
      errors: { type: 'array', items: { type: 'object', properties: { error: { type: 'string' }, error_number: { type: 'integer' } } } },
    },
  },
});

const responseSchema = '/paths/~1partitions/get/responses/200/content/application~1json/schema';

describe('findUndocumentedProperties', () => {
  it('finds keys the schema does not list, once per generalized pointer, with look-alikes', () => {
    const body = {
      partitions: [
        { name: 'a', 'min nodes per job': 0, flags: { anything: true }, extra: { a: 1, b: 2 }, tres: { cpu: { count: 1, unit: 'x' } } },
        { name: 'b', 'min nodes per job': 1 },
      ],
      errors: [{ error: 'e', error_code: 9001 }],
      meta: {},
    };
    const found = findUndocumentedProperties(spec(), responseSchema, body);
    expect(found.map((f) => [f.pointer, f.schemaPointer, f.lookalike])).toEqual([
      ['/partitions/0/min nodes per job', '/components/schemas/partition', 'min_nodes_per_job'],
      ['/partitions/0/tres/cpu/unit', '/components/schemas/tres', undefined],
      ['/errors/0/error_code', '/components/schemas/errors/items', undefined],
      ['/meta', '/components/schemas/partitions_response', undefined],
    ]);
    expect(found[0].message).toBe(
      "/partitions/0/min nodes per job: property 'min nodes per job' is not in the schema (#/components/schemas/partition); the schema has 'min_nodes_per_job'",
    );
  });

  it('treats free-form objects and additionalProperties: true as open, and walks additionalProperties schemas', () => {
    const found = findUndocumentedProperties(spec(), '/components/schemas/partition', { flags: { x: 1 }, extra: { zz: 1 }, tres: { mem: { count: 2 } } });
    expect(found).toEqual([]);
  });

  it('says nothing for values whose shape differs from the schema (the validator reports those)', () => {
    expect(findUndocumentedProperties(spec(), responseSchema, { partitions: { not: 'an array' }, errors: 'x' })).toEqual([]);
    expect(findUndocumentedProperties(spec(), '/components/schemas/nope', { a: 1 })).toEqual([]);
  });

  it('property: documented keys never count, and each added unknown key is found exactly once', () => {
    const documented = ['name', 'min_nodes_per_job', 'flags'];
    fc.assert(
      fc.property(
        fc.subarray(documented),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !documented.includes(k) && k !== '__proto__'), { maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (keys, unknown, copies) => {
          const partition: Record<string, unknown> = {};
          for (const key of keys) partition[key] = key === 'flags' ? {} : key === 'name' ? 'n' : 1;
          for (const key of unknown) partition[key] = null;
          const body = { partitions: Array.from({ length: copies }, () => ({ ...partition })) };
          const found = findUndocumentedProperties(spec(), responseSchema, body);
          expect(found.map((f) => f.name).sort()).toEqual([...unknown].sort());
          expect(found.every((f) => f.pointer.startsWith('/partitions/0/'))).toBe(true);
        },
      ),
      // Found once by fast-check: numeric keys must not collapse like array indexes.
      { examples: [[[], ['0', '1'], 1]] },
    );
  });
});

describe('bodySchemaPointer', () => {
  const op = '/paths/~1partitions/get';
  it('picks the documented JSON media type for the status, following response $refs', () => {
    expect(bodySchemaPointer(spec(), op, 'application/json; charset=utf-8', 200)).toBe(responseSchema);
    expect(bodySchemaPointer(spec(), op, 'application/json', 500)).toBe('/components/responses/error/content/application~1json/schema');
    expect(bodySchemaPointer(spec(), op, 'text/plain', 200)).toBeUndefined();
    expect(bodySchemaPointer(spec(), op, undefined, 200)).toBeUndefined();
  });
  it('finds request body schemas when no status is given', () => {
    expect(bodySchemaPointer(spec(), '/paths/~1partitions/post', 'application/json')).toBe('/paths/~1partitions/post/requestBody/content/application~1json/schema');
  });
});

describe('generalizePointer', () => {
  it('turns array indexes into * and leaves names alone', () => {
    expect(generalizePointer('/jobs/12/job_resources/allocated_nodes/0/sockets/1')).toBe('/jobs/*/job_resources/allocated_nodes/*/sockets/*');
    expect(generalizePointer('/nodes/0/name2')).toBe('/nodes/*/name2');
    expect(generalizePointer('')).toBe('');
  });
});
