/**
 * OpenAPI 3.1 / JSON Schema 2020-12 keywords, each in both directions: the same edit made to a request body
 * schema (`Req`) and to a response body schema (`Res`), with the rule id, level and location written by hand.
 * Changes inside sub-schemas are reported at the sub-schema, in the parent's direction (inside `not`: the
 * opposite one).
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';

/** A 3.1 spec using `schema` (a copy each) as the request body of POST /things and the response of GET /things. */
function spec(schema: JsonObject, extraSchemas: JsonObject = {}): JsonObject {
  const body = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
  return {
    openapi: '3.1.0',
    info: { title: 'json schema 2020-12', version: '1' },
    paths: {
      '/things': {
        post: { operationId: 'create', requestBody: { required: true, ...body('Req') }, responses: { '204': { description: 'ok' } } },
        get: { operationId: 'read', responses: { '200': { description: 'ok', ...body('Res') } } },
      },
    },
    components: { schemas: { Req: structuredClone(schema), Res: structuredClone(schema), ...extraSchemas } },
  };
}

const R = '#/components/schemas/Req';
const S = '#/components/schemas/Res';
type Row = [id: string, level: string, location: string];
const rows = (changes: readonly Change[]): Row[] => changes.map((c) => [c.id, c.level, c.location]);
const diff = (a: JsonObject, b: JsonObject): Row[] => rows(diffSpecs(spec(a), spec(b)).changes);

const str = { type: 'string' };
const int = { type: 'integer' };
const arr = (extra: JsonObject = {}): JsonObject => ({ type: 'array', items: str, ...extra });
const obj = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });

/** [what, old, new, expected (id, level, location), sorted as the report sorts them: request first]. */
const CASES: [string, JsonObject, JsonObject, Row[]][] = [
  // const, through 3.1 documents
  ['const set', str, { type: 'string', const: 'a' }, [['request-const-set', 'breaking', R], ['response-const-set', 'info', S]]],
  ['const changed', { type: 'string', const: 'a' }, { type: 'string', const: 'b' }, [['request-const-changed', 'breaking', R], ['response-const-changed', 'breaking', S]]],
  // type arrays
  ['[string, null] → string: nullable removed', { type: ['string', 'null'] }, str, [['request-nullable-removed', 'breaking', R], ['response-nullable-removed', 'info', S]]],
  ['string → [string, null]: nullable set', str, { type: ['string', 'null'] }, [['request-nullable-set', 'info', R], ['response-nullable-set', 'breaking', S]]],
  ['nullable: true (3.0) ≡ [string, null] (3.1)', { type: 'string', nullable: true }, { type: ['string', 'null'] }, []],
  ['string → [string, integer]: widened', str, { type: ['string', 'integer'] }, [['request-type-widened', 'info', R], ['response-type-widened', 'breaking', S]]],
  ['[string, integer] → [integer]: narrowed', { type: ['string', 'integer'] }, { type: ['integer'] }, [['request-type-narrowed', 'breaking', R], ['response-type-narrowed', 'info', S]]],
  ['[string, null] → [integer, null]: changed', { type: ['string', 'null'] }, { type: ['integer', 'null'] }, [['request-type-changed', 'breaking', R], ['response-type-changed', 'breaking', S]]],
  // contains / minContains / maxContains
  ['contains set', arr(), arr({ contains: { const: 'x' } }), [['request-contains-set', 'breaking', R], ['response-contains-set', 'info', S]]],
  ['contains removed', arr({ contains: { const: 'x' } }), arr(), [['request-contains-removed', 'info', R], ['response-contains-removed', 'warning', S]]],
  ['inside contains', arr({ contains: { type: 'string', enum: ['a', 'b'] } }), arr({ contains: { type: 'string', enum: ['a'] } }), [['request-enum-value-removed', 'breaking', `${R}/contains`], ['response-enum-value-removed', 'info', `${S}/contains`]]],
  ['minContains raised (absent = 1)', arr({ contains: str }), arr({ contains: str, minContains: 2 }), [['request-min-contains-increased', 'breaking', R], ['response-min-contains-increased', 'info', S]]],
  ['minContains: 1 written out is no change', arr({ contains: str }), arr({ contains: str, minContains: 1 }), []],
  ['minContains lowered', arr({ contains: str, minContains: 2 }), arr({ contains: str, minContains: 0 }), [['request-min-contains-decreased', 'info', R], ['response-min-contains-decreased', 'warning', S]]],
  ['maxContains set', arr({ contains: str }), arr({ contains: str, maxContains: 3 }), [['request-max-contains-set', 'breaking', R], ['response-max-contains-set', 'info', S]]],
  ['maxContains raised', arr({ contains: str, maxContains: 3 }), arr({ contains: str, maxContains: 4 }), [['request-max-contains-increased', 'info', R], ['response-max-contains-increased', 'warning', S]]],
  // prefixItems / items: false
  ['inside prefixItems[1]', { type: 'array', prefixItems: [str, int] }, { type: 'array', prefixItems: [str, { type: 'integer', maximum: 5 }] }, [['request-maximum-set', 'breaking', `${R}/prefixItems/1`], ['response-maximum-set', 'info', `${S}/prefixItems/1`]]],
  ['prefixItems[0] added to an open array: compared with what governed it (anything)', { type: 'array' }, { type: 'array', prefixItems: [str] }, [['request-type-narrowed', 'breaking', `${R}/prefixItems/0`], ['response-type-narrowed', 'info', `${S}/prefixItems/0`]]],
  ['prefixItems[0] equal to items: no change', arr(), arr({ prefixItems: [str] }), []],
  ['items: false set', { type: 'array', prefixItems: [str] }, { type: 'array', prefixItems: [str], items: false }, [['request-items-closed-set', 'breaking', R], ['response-items-closed-set', 'info', S]]],
  ['closed tuple got longer', { type: 'array', prefixItems: [str], items: false }, { type: 'array', prefixItems: [str, int], items: false }, [['request-prefix-items-added', 'info', R], ['response-prefix-items-added', 'warning', S]]],
  ['closed tuple got shorter', { type: 'array', prefixItems: [str, int], items: false }, { type: 'array', prefixItems: [str], items: false }, [['request-prefix-items-removed', 'breaking', R], ['response-prefix-items-removed', 'info', S]]],
  // dependentRequired / dependentSchemas
  ['dependentRequired added', obj({ a: str, b: str }), obj({ a: str, b: str }, { dependentRequired: { a: ['b'] } }), [['request-dependent-required-added', 'breaking', R], ['response-dependent-required-added', 'info', S]]],
  ['dependentRequired removed', obj({ a: str, b: str }, { dependentRequired: { a: ['b'] } }), obj({ a: str, b: str }), [['request-dependent-required-removed', 'info', R], ['response-dependent-required-removed', 'warning', S]]],
  ['dependentSchemas added', obj({ a: str }), obj({ a: str }, { dependentSchemas: { a: { required: ['b'] } } }), [['request-dependent-schema-added', 'breaking', R], ['response-dependent-schema-added', 'info', S]]],
  [
    'inside dependentSchemas[a]',
    obj({ a: str }, { dependentSchemas: { a: { properties: { b: str } } } }),
    obj({ a: str }, { dependentSchemas: { a: { properties: { b: { type: 'string', maxLength: 10 } } } } }),
    [['request-max-length-set', 'breaking', `${R}/dependentSchemas/a/properties/b`], ['response-max-length-set', 'info', `${S}/dependentSchemas/a/properties/b`]],
  ],
  // if / then / else
  ['if changed: cannot be judged', { if: { const: 1 }, then: { minimum: 0 } }, { if: { const: 2 }, then: { minimum: 0 } }, [['request-if-changed', 'warning', R], ['response-if-changed', 'warning', S]]],
  ['else added', { if: { const: 1 }, then: { minimum: 0 } }, { if: { const: 1 }, then: { minimum: 0 }, else: { maximum: 0 } }, [['request-conditional-branch-added', 'breaking', R], ['response-conditional-branch-added', 'info', S]]],
  ['inside then', { if: { const: 1 }, then: { minimum: 0 } }, { if: { const: 1 }, then: { minimum: 1 } }, [['request-minimum-increased', 'breaking', `${R}/then`], ['response-minimum-increased', 'info', `${S}/then`]]],
  ['inside else', { if: { const: 1 }, else: { maximum: 5 } }, { if: { const: 1 }, else: { maximum: 9 } }, [['request-maximum-increased', 'info', `${R}/else`], ['response-maximum-increased', 'warning', `${S}/else`]]],
  // patternProperties
  ['pattern added to an open object: constrains', obj({ id: str }), obj({ id: str }, { patternProperties: { '^x-': str } }), [['request-pattern-property-added', 'breaking', R], ['response-pattern-property-added', 'info', S]]],
  ['pattern added to a closed object: allows', obj({ id: str }, { additionalProperties: false }), obj({ id: str }, { additionalProperties: false, patternProperties: { '^x-': str } }), [['request-pattern-property-opened', 'info', R], ['response-pattern-property-opened', 'warning', S]]],
  ['inside patternProperties[^x-]', obj({}, { patternProperties: { '^x-': str } }), obj({}, { patternProperties: { '^x-': int } }), [['request-type-changed', 'breaking', `${R}/patternProperties/^x-`], ['response-type-changed', 'breaking', `${S}/patternProperties/^x-`]]],
  // propertyNames
  ['propertyNames set', obj({}), obj({}, { propertyNames: { maxLength: 8 } }), [['request-property-names-set', 'breaking', R], ['response-property-names-set', 'info', S]]],
  ['propertyNames narrowed', obj({}, { propertyNames: { maxLength: 8 } }), obj({}, { propertyNames: { maxLength: 4 } }), [['request-max-length-decreased', 'breaking', `${R}/propertyNames`], ['response-max-length-decreased', 'info', `${S}/propertyNames`]]],
  // unevaluatedProperties / unevaluatedItems
  ['unevaluatedProperties: false set', obj({ id: str }), obj({ id: str }, { unevaluatedProperties: false }), [['request-unevaluated-properties-closed-set', 'breaking', R], ['response-unevaluated-properties-closed-set', 'info', S]]],
  ['unevaluatedItems: false removed', { type: 'array', prefixItems: [str], unevaluatedItems: false }, { type: 'array', prefixItems: [str] }, [['request-unevaluated-items-closed-removed', 'info', R], ['response-unevaluated-items-closed-removed', 'warning', S]]],
  ['inside unevaluatedProperties', obj({ id: str }, { unevaluatedProperties: str }), obj({ id: str }, { unevaluatedProperties: int }), [['request-type-changed', 'breaking', `${R}/unevaluatedProperties`], ['response-type-changed', 'breaking', `${S}/unevaluatedProperties`]]],
  // contentEncoding / contentMediaType / contentSchema
  ['contentEncoding changed', { type: 'string', contentEncoding: 'base64' }, { type: 'string', contentEncoding: 'base16' }, [['request-content-encoding-changed', 'breaking', R], ['response-content-encoding-changed', 'breaking', S]]],
  ['contentMediaType set', str, { type: 'string', contentMediaType: 'application/json' }, [['request-content-media-type-set', 'info', R], ['response-content-media-type-set', 'info', S]]],
  [
    'inside contentSchema',
    { type: 'string', contentSchema: obj({ id: { type: 'string', maxLength: 10 } }) },
    { type: 'string', contentSchema: obj({ id: { type: 'string', maxLength: 5 } }) },
    [['request-max-length-decreased', 'breaking', `${R}/contentSchema/properties/id`], ['response-max-length-decreased', 'info', `${S}/contentSchema/properties/id`]],
  ],
  // not: set / removed, and inside it the opposite direction
  ['not set', str, { type: 'string', not: { const: '' } }, [['request-not-set', 'breaking', R], ['response-not-set', 'info', S]]],
  [
    'inside not: a value added to what is refused narrows a request (judged as the opposite direction)',
    { type: 'string', not: { enum: ['a'] } },
    { type: 'string', not: { enum: ['a', 'b'] } },
    [['response-enum-value-added', 'warning', `${R}/not`], ['request-enum-value-added', 'info', `${S}/not`]],
  ],
  // $defs
  ['$defs entry added', obj({ id: str }), obj({ id: str }, { $defs: { Code: str } }), [['request-definition-added', 'info', R], ['response-definition-added', 'info', S]]],
  ['inside $defs/Code', obj({}, { $defs: { Code: { type: 'string', maxLength: 5 } } }), obj({}, { $defs: { Code: { type: 'string', maxLength: 3 } } }), [['request-max-length-decreased', 'breaking', `${R}/$defs/Code`], ['response-max-length-decreased', 'info', `${S}/$defs/Code`]]],
  // examples
  ['examples changed', { type: 'string', examples: ['a'] }, { type: 'string', examples: ['a', 'b'] }, [['request-examples-changed', 'info', R], ['response-examples-changed', 'info', S]]],
];

describe('JSON Schema 2020-12 keywords, request and response', () => {
  it.each(CASES)('%s', (_what, a, b, expected) => {
    expect(diff(a, b)).toEqual(expected);
    // Nothing changed is nothing reported, in both documents.
    expect(diff(a, a)).toEqual([]);
    expect(diff(b, structuredClone(b))).toEqual([]);
  });

  describe('a component referenced from inside `not` / `if` (and nowhere else) that changed', () => {
    const codes = (values: string[]) => ({ Codes: { type: 'string', enum: values } });
    const run = (parent: (extra: JsonObject) => JsonObject) => {
      // Parents written identically (the fast path) and parents that also differ elsewhere (the slow path).
      const same = diffSpecs(spec(parent({}), codes(['a'])), spec(parent({}), codes(['a', 'b']))).changes;
      const differs = diffSpecs(spec(parent({ maxLength: 10 }), codes(['a'])), spec(parent({ maxLength: 5 }), codes(['a', 'b']))).changes;
      const sorted = (r: Row[]) => r.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x) as Row);
      return { same: sorted(rows(same)), differs: sorted(rows(differs)) };
    };

    it('inside `not`: compared in the opposite direction, on both paths', () => {
      const { same, differs } = run((extra) => ({ type: 'string', not: { $ref: '#/components/schemas/Codes' }, ...extra }));
      // Codes is reached inside `not` from a request (judged like a response) and from a response (judged like a
      // request): one finding naming both uses (item 11), led by the worse one.
      const flipped: Row[] = [['response-enum-value-added', 'warning', '#/components/schemas/Codes']];
      expect(same).toEqual(flipped);
      expect(differs).toEqual([['request-max-length-decreased', 'breaking', R], ['response-enum-value-added', 'warning', '#/components/schemas/Codes'], ['response-max-length-decreased', 'info', S]]);
      const both = diffSpecs(spec({ type: 'string', not: { $ref: '#/components/schemas/Codes' } }, codes(['a'])), spec({ type: 'string', not: { $ref: '#/components/schemas/Codes' } }, codes(['a', 'b'])));
      expect(both.changes.map((c) => c.alsoAs)).toEqual([[{ id: 'request-enum-value-added', level: 'info' }]]);
    });

    it('inside an unchanged `if`: compared without a direction (schema-…), on both paths', () => {
      const { same, differs } = run((extra) => ({ type: 'string', if: { $ref: '#/components/schemas/Codes' }, then: { minLength: 1 }, ...extra }));
      const undirected: Row[] = [['schema-enum-value-added', 'warning', '#/components/schemas/Codes']];
      expect(same).toEqual(undirected);
      expect(differs).toEqual([['request-max-length-decreased', 'breaking', R], ['response-max-length-decreased', 'info', S], ...undirected]);
    });
  });

  it('keywords next to a $ref apply (3.1), and a change there points at the sibling', () => {
    const base = { Base: { type: 'string' } };
    const report = diffSpecs(spec({ $ref: '#/components/schemas/Base', maxLength: 10 }, base), spec({ $ref: '#/components/schemas/Base', maxLength: 5 }, base));
    expect(report.changes.map((c) => [c.id, c.level, c.new?.pointer])).toEqual([
      ['request-max-length-decreased', 'breaking', '/components/schemas/Req/maxLength'],
      ['response-max-length-decreased', 'info', '/components/schemas/Res/maxLength'],
    ]);
  });
});
