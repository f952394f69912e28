/**
 * The safety net: every schema keyword specdrift models has a check that reports it, and any other keyword
 * that changes (not a pure annotation) is `schema-keyword-changed`, so "no changes" always means no changes.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change } from '../../../src/diff/model.js';
import { MODELLED_KEYWORDS } from '../../../src/diff/rules/index-schema.js';
import type { JsonObject } from '../../../src/openapi/types.js';

/** A 3.1 spec using `req` as a request body and `res` as a response body (and `Spare` unused). */
function spec(req: JsonObject, res: JsonObject = req, spare: JsonObject = { type: 'string' }): JsonObject {
  const body = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
  return {
    openapi: '3.1.0',
    info: { title: 'k', version: '1' },
    paths: {
      '/things': {
        post: { operationId: 'create', requestBody: { required: true, ...body('Req') }, responses: { '204': { description: 'ok' } } },
        get: { operationId: 'read', responses: { '200': { description: 'ok', ...body('Res') } } },
      },
    },
    components: { schemas: { Req: req, Res: res, Spare: spare } },
  };
}

const brief = (c: Change) => [c.id, c.level, c.location];

describe('schema-keyword-changed (a keyword specdrift does not model)', () => {
  it('a made-up keyword that changes is one warning per use, with one id in every direction, naming the keyword', () => {
    const a = { type: 'string', fooBar: 1 };
    const b = { type: 'string', fooBar: 2 };
    const three = (s: JsonObject) => spec(structuredClone(s), structuredClone(s), structuredClone(s));
    const changes = diffSpecs(three(a), three(b)).changes;
    expect(changes.map(brief)).toEqual([
      ['schema-keyword-changed', 'warning', '#/components/schemas/Req'],
      ['schema-keyword-changed', 'warning', '#/components/schemas/Res'],
      // Spare, unused and an exact copy of what the operations compared, is not reported again (item 11).
    ]);
    for (const c of changes) {
      expect(c.message).toContain('fooBar');
      expect(c.old?.value).toBe(1);
      expect(c.new?.value).toBe(2);
      expect(c.old?.pointer).toMatch(/\/fooBar$/);
    }
  });

  it('set and removed count as changed; two keywords are two findings; equal values are no change', () => {
    const changes = diffSpecs(spec({ type: 'string', $anchor: 'a' }), spec({ type: 'string', additionalItems: false, $id: 'urn:x' })).changes;
    expect(changes.filter((c) => c.location === '#/components/schemas/Req').map((c) => c.message.split(' ')[0])).toEqual(['$anchor', '$id', 'additionalItems']);
    expect(diffSpecs(spec({ type: 'string', fooBar: { a: [1] } }), spec({ type: 'string', fooBar: { a: [1] } })).changes).toEqual([]);
  });

  it('is found deep inside a schema, at its own place', () => {
    const at = (v: number) => ({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string', fooBar: v } } } });
    expect(diffSpecs(spec(at(1), { type: 'string' }), spec(at(2), { type: 'string' })).changes.map(brief)).toEqual([
      ['schema-keyword-changed', 'warning', '#/components/schemas/Req/properties/tags/items'],
    ]);
  });

  it('pure annotations (description, title, $comment, externalDocs, x-…) are never reported', () => {
    const worded = { type: 'string', description: 'd', title: 't', $comment: 'c', externalDocs: { url: 'https://example.com' }, 'x-thing': 1 };
    expect(diffSpecs(spec({ type: 'string' }), spec(worded)).changes).toEqual([]);
  });
});

/**
 * For every modelled keyword, a pair differing in that keyword only (written by hand). The test proves each
 * keyword has a check that reports it (some change, never the fallback), and that this table lists exactly
 * the modelled keywords: a keyword added to the list needs an example here.
 */
const str = { type: 'string' };
const EXAMPLES: Record<string, [JsonObject, JsonObject]> = {
  $defs: [{ type: 'object', $defs: { A: str } }, { type: 'object', $defs: { A: { type: 'integer' } } }],
  $ref: [{ $ref: '#/components/schemas/Other' }, { $ref: '#/components/schemas/Req' }],
  additionalProperties: [{ type: 'object' }, { type: 'object', additionalProperties: false }],
  allOf: [{ allOf: [{ type: 'string', minLength: 1 }] }, { allOf: [{ type: 'string', minLength: 1 }, { type: 'string', maxLength: 5 }] }],
  anyOf: [{ anyOf: [str, { type: 'integer' }] }, { anyOf: [str] }],
  const: [{ type: 'string', const: 'a' }, { type: 'string', const: 'b' }],
  contains: [{ type: 'array' }, { type: 'array', contains: { const: 1 } }],
  contentEncoding: [str, { type: 'string', contentEncoding: 'base64' }],
  contentMediaType: [str, { type: 'string', contentMediaType: 'text/csv' }],
  contentSchema: [str, { type: 'string', contentSchema: { type: 'object' } }],
  default: [str, { type: 'string', default: 'a' }],
  dependentRequired: [{ type: 'object' }, { type: 'object', dependentRequired: { a: ['b'] } }],
  dependentSchemas: [{ type: 'object' }, { type: 'object', dependentSchemas: { a: { required: ['b'] } } }],
  deprecated: [str, { type: 'string', deprecated: true }],
  discriminator: [{ type: 'object' }, { type: 'object', discriminator: { propertyName: 'kind' } }],
  else: [{ if: { const: 1 } }, { if: { const: 1 }, else: { const: 2 } }],
  enum: [{ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }],
  example: [str, { type: 'string', example: 'a' }],
  examples: [str, { type: 'string', examples: ['a'] }],
  exclusiveMaximum: [{ type: 'number' }, { type: 'number', exclusiveMaximum: 5 }],
  exclusiveMinimum: [{ type: 'number' }, { type: 'number', exclusiveMinimum: 5 }],
  format: [str, { type: 'string', format: 'uuid' }],
  if: [{ then: { const: 1 } }, { if: { const: 1 }, then: { const: 1 } }],
  items: [{ type: 'array', prefixItems: [str] }, { type: 'array', prefixItems: [str], items: false }],
  maxContains: [{ type: 'array', contains: str }, { type: 'array', contains: str, maxContains: 2 }],
  maxItems: [{ type: 'array' }, { type: 'array', maxItems: 2 }],
  maxLength: [str, { type: 'string', maxLength: 2 }],
  maxProperties: [{ type: 'object' }, { type: 'object', maxProperties: 2 }],
  maximum: [{ type: 'number' }, { type: 'number', maximum: 2 }],
  minContains: [{ type: 'array', contains: str }, { type: 'array', contains: str, minContains: 2 }],
  minItems: [{ type: 'array' }, { type: 'array', minItems: 2 }],
  minLength: [str, { type: 'string', minLength: 2 }],
  minProperties: [{ type: 'object' }, { type: 'object', minProperties: 2 }],
  minimum: [{ type: 'number' }, { type: 'number', minimum: 2 }],
  multipleOf: [{ type: 'number' }, { type: 'number', multipleOf: 2 }],
  not: [str, { type: 'string', not: { const: '' } }],
  nullable: [str, { type: 'string', nullable: true }],
  oneOf: [{ oneOf: [str, { type: 'integer' }] }, { oneOf: [str] }],
  pattern: [str, { type: 'string', pattern: '^a' }],
  patternProperties: [{ type: 'object' }, { type: 'object', patternProperties: { '^a': str } }],
  prefixItems: [{ type: 'array', prefixItems: [str], items: false }, { type: 'array', prefixItems: [str, str], items: false }],
  properties: [{ type: 'object', properties: { a: str } }, { type: 'object', properties: { a: str, b: str } }],
  propertyNames: [{ type: 'object' }, { type: 'object', propertyNames: { maxLength: 3 } }],
  readOnly: [str, { type: 'string', readOnly: true }],
  required: [{ type: 'object', properties: { a: str } }, { type: 'object', properties: { a: str }, required: ['a'] }],
  then: [{ if: { const: 1 } }, { if: { const: 1 }, then: { const: 2 } }],
  type: [str, { type: 'integer' }],
  unevaluatedItems: [{ type: 'array' }, { type: 'array', unevaluatedItems: false }],
  unevaluatedProperties: [{ type: 'object' }, { type: 'object', unevaluatedProperties: false }],
  uniqueItems: [{ type: 'array' }, { type: 'array', uniqueItems: true }],
  writeOnly: [str, { type: 'string', writeOnly: true }],
  // issue 8 item 7: compared where XML may be on the wire (here: a component no operation uses).
  xml: [str, { type: 'string', xml: { name: 'thing' } }],
};

describe('modelled keywords', () => {
  it('the table above lists exactly the modelled keywords', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...MODELLED_KEYWORDS].sort());
  });

  it.each(Object.entries(EXAMPLES))('%s has a check that reports it (never the fallback)', (_keyword, [a, b]) => {
    // Used by no operation (direction unknown): readOnly / writeOnly are then not hidden.
    const other = { type: 'boolean' };
    const wrap = (s: JsonObject): JsonObject => ({ ...spec(str, str, s), components: { schemas: { Req: str, Res: str, Spare: s, Other: other } } });
    const changes = diffSpecs(wrap(a), wrap(b)).changes;
    expect(changes.length, 'some change is reported').toBeGreaterThan(0);
    expect(changes.map((c) => c.id)).not.toContain('schema-keyword-changed');
  });
});
