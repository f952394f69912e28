/**
 * SpecDoc.keyword reads a schema's keyword without building its view when no allOf can bring it (issue 12): it must
 * read exactly what the view reads, through `$ref`s, `$ref` siblings and merged allOf branches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property-runs.js';
import { SpecDoc } from '../../../src/diff/engine/doc.js';
import type { Json, JsonObject } from '../../../src/openapi/types.js';

const KEYS = ['readOnly', 'writeOnly', 'deprecated', 'x-sunset', 'x-sunset-date', 'type'];
const flags: fc.Arbitrary<JsonObject> = fc.record(
  { readOnly: fc.boolean(), writeOnly: fc.constant(true), deprecated: fc.boolean(), 'x-sunset': fc.constantFrom<Json>('2020-01-01', 'soon', 3), 'x-sunset-date': fc.constant('2031-02-03'), type: fc.constantFrom('string', 'object') },
  { requiredKeys: [] },
);
const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
/** A property schema: flags inline, a `$ref` (with or without siblings), or an allOf of refs and inline flags. */
const property: fc.Arbitrary<JsonObject> = fc.oneof(
  flags,
  fc.constantFrom('A', 'B', 'Missing').map(ref),
  fc.tuple(fc.constantFrom('A', 'B'), flags).map(([name, f]) => ({ ...ref(name), ...f })),
  fc.array(fc.oneof(flags.map((f) => ({ type: 'object', ...f })), fc.constantFrom('A', 'B', 'C').map(ref)), { minLength: 1, maxLength: 3 }).chain((allOf) => flags.map((f) => ({ allOf, ...f }))),
);

describe('SpecDoc.keyword', () => {
  it('reads what the view reads', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('p', 'q', 'r', 's'), property, { minKeys: 1 }), flags, flags, (props, a, b) => {
        const root: JsonObject = {
          openapi: '3.1.0',
          components: { schemas: { S: { type: 'object', properties: props }, A: { type: 'object', ...a }, B: b, C: { allOf: [ref('A'), { type: 'object', readOnly: true }] } } },
        };
        const doc = new SpecDoc(root);
        for (const name of Object.keys(props)) {
          const at = { node: props[name] as JsonObject, ptr: `/components/schemas/S/properties/${name}` };
          for (const key of KEYS) expect(doc.keyword(at, key), `${name} ${key}`).toEqual(doc.view(at).kw(key));
        }
      }),
      { numRuns: propertyRuns(400) },
    );
  });
});
