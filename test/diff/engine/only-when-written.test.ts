/**
 * The engine runs a check of ONLY_WHEN_WRITTEN only on pairs that write one of its keywords (issue 12). That is no
 * behaviour change only if such a check reports nothing when none of its keywords is written on either side,
 * whatever else the two schemas write: each pair below differs in many other keywords, and no check may emit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property-runs.js';
import { matchBranches } from '../../../src/diff/engine/branches.js';
import { SpecDoc } from '../../../src/diff/engine/doc.js';
import type { SchemaCheckInput } from '../../../src/diff/engine/types.js';
import { SCHEMA_CTXS } from '../../../src/diff/rules/define.js';
import { ONLY_WHEN_WRITTEN } from '../../../src/diff/rules/index-schema.js';
import { schemaKeys } from '../../../src/diff/rules/schema-keyword-changed.js';
import type { Json, JsonObject } from '../../../src/openapi/types.js';

/** Keyword values a schema may carry (every check's keywords among them), to be left out per check. */
const VALUES: Record<string, fc.Arbitrary<Json>> = {
  type: fc.constantFrom('string', 'integer', 'object', 'array'),
  format: fc.constantFrom('int32', 'int64', 'date'),
  enum: fc.constantFrom<Json>(['a', 'b'], [1, 2, 3]),
  minimum: fc.integer({ min: 0, max: 3 }),
  maximum: fc.integer({ min: 5, max: 9 }),
  exclusiveMinimum: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 3 })),
  exclusiveMaximum: fc.oneof(fc.boolean(), fc.integer({ min: 5, max: 9 })),
  multipleOf: fc.constantFrom(2, 5),
  maxLength: fc.integer({ min: 5, max: 9 }),
  minLength: fc.integer({ min: 0, max: 3 }),
  pattern: fc.constantFrom('^a', '^b'),
  maxItems: fc.integer({ min: 5, max: 9 }),
  minItems: fc.integer({ min: 0, max: 3 }),
  uniqueItems: fc.boolean(),
  maxProperties: fc.integer({ min: 5, max: 9 }),
  minProperties: fc.integer({ min: 0, max: 3 }),
  readOnly: fc.boolean(),
  writeOnly: fc.boolean(),
  deprecated: fc.boolean(),
  default: fc.constantFrom<Json>('x', 3, null),
  const: fc.constantFrom<Json>('x', 3),
  nullable: fc.boolean(),
  required: fc.constantFrom<Json>(['p'], ['p', 'q']),
  properties: fc.constantFrom<Json>({ p: { type: 'string' } }, { p: { type: 'integer' }, q: { $ref: '#/components/schemas/A' } }),
  additionalProperties: fc.oneof(fc.boolean(), fc.constant<Json>({ type: 'string' })),
  items: fc.constantFrom<Json>({ type: 'string' }, { $ref: '#/components/schemas/A' }),
  discriminator: fc.constantFrom<Json>({ propertyName: 'kind' }, { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } }),
  oneOf: fc.constantFrom<Json>([{ type: 'string' }, { $ref: '#/components/schemas/A' }], [{ type: 'integer' }]),
  anyOf: fc.constantFrom<Json>([{ type: 'string' }], [{ $ref: '#/components/schemas/A' }, { type: 'boolean' }]),
  allOf: fc.constantFrom<Json>([{ $ref: '#/components/schemas/A' }], [{ type: 'object', properties: { r: { type: 'string' } } }, { not: { type: 'string' } }]),
  xml: fc.constantFrom<Json>({ name: 'x' }, { attribute: true }),
  examples: fc.constantFrom<Json>(['a'], [1]),
  example: fc.constantFrom<Json>('a', 1),
  'x-sunset': fc.constantFrom('2020-01-01', 'soon'),
};
const schema: fc.Arbitrary<JsonObject> = fc.record(VALUES, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>;

/**
 * Runs `check` on the views of `a` and `b`, counting what it emits; `gate`: undefined (run) when one of these
 * keywords is written where the engine looks (schemaKeys: the schemas and their merged allOf branches).
 */
function emitted(check: (input: SchemaCheckInput) => void, a: JsonObject, b: JsonObject, ctx: (typeof SCHEMA_CTXS)[number], gate: readonly string[] = []): number | undefined {
  const doc = (s: JsonObject) => new SpecDoc({ openapi: '3.1.0', components: { schemas: { S: s, A: { type: 'object', readOnly: true, allOf: [{ format: 'int32' }] } } } });
  const [od, nd] = [doc(a), doc(b)];
  const at = (d: SpecDoc) => ({ node: (d.root.components as { schemas: { S: JsonObject } }).schemas.S, ptr: '/components/schemas/S' });
  const [ov, nv] = [od.view(at(od)), nd.view(at(nd))];
  const keys = schemaKeys(ov, nv);
  if (gate.some((k) => keys.has(k))) return undefined;
  let count = 0;
  check({
    ctx,
    wire: ctx === 'schema' ? 'any' : 'json',
    old: ov,
    new: nv,
    oldView: (x) => od.view(x),
    newView: (x) => nd.view(x),
    oldKeyword: (x, key) => od.keyword(x, key),
    newKeyword: (x, key) => nd.keyword(x, key),
    emit: () => count++,
    unmatchedBranches: (key) => matchBranches(od, nd, ov[key] ?? [], nv[key] ?? []),
    deprecation: { now: new Date('2026-01-01') },
  });
  return count;
}

describe('ONLY_WHEN_WRITTEN checks', () => {
  for (const check of ONLY_WHEN_WRITTEN) {
    const keywords = check.keywords ?? [check.name];
    it(`${check.name}: nothing without ${keywords.join(' / ')} on either side`, () => {
      const without = (s: JsonObject): JsonObject => Object.fromEntries(Object.entries(s).filter(([k]) => !keywords.includes(k)));
      fc.assert(
        fc.property(schema, schema, fc.constantFrom(...SCHEMA_CTXS), (a, b, ctx) => {
          // Pairs the engine would run the check on (a merged allOf branch writes the keyword) are not this test's.
          expect(emitted((input) => check.check(input), without(a), without(b), ctx, keywords) ?? 0).toBe(0);
        }),
        { numRuns: propertyRuns(100) },
      );
    });
  }

  it('the same checks do report when their keyword changes (the test above is not vacuous)', () => {
    const reporting = [...ONLY_WHEN_WRITTEN].filter((check) => {
      const key = (check.keywords ?? [check.name])[0];
      const value = fc.sample(VALUES[key] ?? fc.constant<Json>({}), { numRuns: 1, seed: 1 })[0];
      return (emitted((input) => check.check(input), { type: 'object' }, { type: 'object', [key]: value }, 'response') ?? 0) > 0;
    });
    // Every one-keyword check and branch check this change gated reports its keyword appearing.
    for (const name of ['format', 'enum', 'minimum', 'maximum', 'maxLength', 'pattern', 'default', 'const', 'discriminator', 'oneOf', 'anyOf']) {
      expect(reporting.map((c) => c.name)).toContain(name);
    }
  });
});
