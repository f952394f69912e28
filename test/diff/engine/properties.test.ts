/**
 * Invariants of the diff on generated schemas: diff(a, a) = ∅, diff(a, b) mirrors diff(b, a) (every change
 * has its counterpart with the opposite polarity at the same pair of places), and the report is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property-runs.js';
import { diffSchemas, diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { SCHEMA_RULES } from '../../../src/diff/rules/index.js';
import type { Json, JsonObject } from '../../../src/openapi/types.js';
import { resolvePointer } from '../../../src/openapi/refs.js';

/** Small pools, so that two generated schemas overlap a lot and differ in small ways. */
const NAMES = ['id', 'name', 'tags', 'size'];
// contentEncoding, examples, not and fooBar (a keyword nothing models: schema-keyword-changed) are 3.1 / fallback cases.
const stringKeywords = { format: fc.constantFrom('date-time', 'uuid'), enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }), maxLength: fc.integer({ min: 1, max: 3 }), pattern: fc.constantFrom('^a', '^b'), nullable: fc.constant(true), contentEncoding: fc.constantFrom('base64', 'base16'), examples: fc.constantFrom<Json>(['a'], ['b']), not: fc.constantFrom<Json>({ const: 'a' }, { enum: ['a', 'b'] }), fooBar: fc.integer({ min: 1, max: 2 }) };
// Both forms of exclusive bounds (3.0 flag, 3.1 number), compared as the effective bound.
const numberKeywords = { minimum: fc.integer({ min: 0, max: 2 }), maximum: fc.integer({ min: 5, max: 7 }), exclusiveMinimum: fc.oneof(fc.constant(true), fc.integer({ min: 0, max: 2 })), exclusiveMaximum: fc.oneof(fc.constant(true), fc.integer({ min: 5, max: 7 })), nullable: fc.constant(true), default: fc.integer({ min: 0, max: 1 }), multipleOf: fc.constantFrom(1, 2) };
const arrayKeywords = { minItems: fc.integer({ min: 0, max: 2 }), uniqueItems: fc.constant(true), contains: fc.constantFrom<Json>({ const: 'a' }, { type: 'string' }), minContains: fc.integer({ min: 0, max: 2 }), maxContains: fc.integer({ min: 1, max: 2 }) };
const flagKeywords = { deprecated: fc.constant(true), readOnly: fc.constant(true), writeOnly: fc.constant(true) };
const keywords = (k: Record<string, fc.Arbitrary<Json>>) => fc.record({ ...k, ...flagKeywords }, { requiredKeys: [] });

/** One side's leaf of a given type: the type, plus any of its keywords. */
const leafOf = (type: string): fc.Arbitrary<JsonObject> =>
  keywords(type === 'string' ? stringKeywords : type === 'boolean' ? {} : numberKeywords).map((k) => ({ type, ...k }));
const leaf: fc.Arbitrary<JsonObject> = fc.constantFrom('string', 'integer', 'number', 'boolean').chain(leafOf);

type Pair = [JsonObject, JsonObject];

/**
 * Old and new schema of the same shape: the same types and property names mostly, with keywords, properties,
 * required names and closedness chosen independently per side (and now and then a different type).
 */
const pair: fc.Arbitrary<Pair> = fc.letrec<{ pair: Pair; single: JsonObject }>((tie) => ({
  single: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(fc.constantFrom(...NAMES), tie('single'), { maxKeys: 3 }).map((properties) => ({ type: 'object', properties })),
    tie('single').map((items) => ({ type: 'array', items })),
  ),
  pair: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('string', 'integer', 'number', 'boolean').chain((type) => fc.tuple(leafOf(type), leafOf(type))),
    fc
      .record({
        props: fc.dictionary(fc.constantFrom(...NAMES), fc.oneof(tie('pair'), tie('single').map((s): [JsonObject | undefined, JsonObject | undefined] => [s, undefined]), tie('single').map((s): [JsonObject | undefined, JsonObject | undefined] => [undefined, s])), { maxKeys: 4 }),
        required: fc.tuple(fc.subarray(NAMES), fc.subarray(NAMES)),
        closed: fc.tuple(fc.boolean(), fc.boolean()),
      })
      .map(({ props, required, closed }): Pair => {
        const side = (i: 0 | 1): JsonObject => {
          const properties: JsonObject = {};
          for (const [name, p] of Object.entries(props)) if (p[i] !== undefined) properties[name] = p[i] as JsonObject;
          const s: JsonObject = { type: 'object', properties };
          const req = required[i].filter((r) => r in properties);
          if (req.length > 0) s.required = req;
          if (closed[i]) s.additionalProperties = false;
          return s;
        };
        return [side(0), side(1)];
      }),
    fc
      .tuple(tie('pair'), keywords(arrayKeywords), keywords(arrayKeywords))
      .map(([[a, b], ka, kb]): Pair => [{ type: 'array', items: a, ...ka }, { type: 'array', items: b, ...kb }]),
    fc.tuple(tie('single'), tie('single')),
  ),
})).pair;

const schema: fc.Arbitrary<JsonObject> = pair.map(([a]) => a);

const FAMILY = new Map<string, { family: string; polarity: string }>();
for (const r of SCHEMA_RULES) for (const def of Object.values(r.byCtx)) FAMILY.set(def.id, { family: r.family, polarity: r.polarity });
const FLIP: Record<string, string> = { '+': '-', '-': '+', '~': '~' };

/** A change as its mirror must look: same family and places (old ↔ new swapped), opposite polarity. */
const mirrorKey = (c: Change, flip: boolean): string => {
  const f = FAMILY.get(c.id);
  expect(f, `${c.id} is a schema rule`).toBeDefined();
  const polarity = flip ? FLIP[f!.polarity] : f!.polarity;
  const [a, b] = flip ? [c.new?.pointer, c.old?.pointer] : [c.old?.pointer, c.new?.pointer];
  return `${f!.family} ${polarity} ${a} ${b}`;
};

const wrap = (s: JsonObject): JsonObject => ({ openapi: '3.0.3', info: { title: 'g', version: '1' }, paths: {}, components: { schemas: { S: s } } });
const select = (a: JsonObject, b: JsonObject): DiffReport =>
  diffSchemas(a, b, { oldRoot: wrap(a), newRoot: wrap(b), oldPointer: '/components/schemas/S', newPointer: '/components/schemas/S' });

/** A spec using the schema as request body, response body and (wrapped) response of a second operation. */
const specUsing = (s: JsonObject): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 'g', version: '1' },
  paths: {
    '/s': {
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } } } },
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/S' } } } } } } },
    },
  },
  components: { schemas: { S: s, Copy: structuredClone(s) as Json } },
});

/** A 3.1 spec whose webhook sends S as its payload and receives S as the subscribers' answer. */
const hookUsing = (s: JsonObject): JsonObject => ({
  openapi: '3.1.0',
  info: { title: 'g', version: '1' },
  webhooks: {
    e: {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } } },
      },
    },
  },
  components: { schemas: { S: s } },
});

describe('generated schemas', () => {
  it('diff(a, a) is empty (also for a deep copy, and inside a full spec)', () => {
    fc.assert(
      fc.property(schema, (a) => {
        expect(select(a, a).changes).toEqual([]);
        expect(select(a, structuredClone(a)).changes).toEqual([]);
        expect(diffSpecs(specUsing(a), specUsing(structuredClone(a))).changes).toEqual([]);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('diff(a, b) mirrors diff(b, a): added ↔ removed, increased ↔ decreased, same places', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const changes = select(a, b).changes;
        for (const c of changes) seen.add(c.id);
        const forward = changes.map((c) => mirrorKey(c, false)).sort();
        const backward = select(b, a).changes.map((c) => mirrorKey(c, true)).sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: propertyRuns(500) },
    );
    // The generator exercises many rules, not just type changes.
    expect(seen.size).toBeGreaterThan(25);
  });

  // issue 8 item 3: with a direction, readOnly / writeOnly hide properties; the mirror must still hold.
  it('diff(a, b) mirrors diff(b, a) with a direction too (request and response)', () => {
    const directed = (a: JsonObject, b: JsonObject): DiffReport =>
      diffSchemas(a, b, { oldRoot: wrap(a), newRoot: wrap(b), oldPointer: '/components/schemas/S', newPointer: '/components/schemas/S', direction: 'both' });
    const seen = new Set<string>();
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const changes = directed(a, b).changes;
        for (const c of changes) seen.add(c.id);
        // One finding may stand for both uses (item 11: the worse leads, the other in alsoAs): compare every use.
        const uses = (c: DiffReport['changes'][number], mirrored: boolean) => [c.id, ...(c.alsoAs ?? []).map((u) => u.id)].map((id) => `${id.split('-')[0]} ${mirrorKey(c, mirrored)}`);
        const forward = changes.flatMap((c) => uses(c, false)).sort();
        const backward = directed(b, a).changes.flatMap((c) => uses(c, true)).sort();
        expect(backward).toEqual(forward);
      }),
      { numRuns: propertyRuns(500) },
    );
    // Properties coming into and going out of a direction are among them.
    expect([...seen].filter((id) => /property-(shown|hidden)$/.test(id)).length).toBeGreaterThan(2);
  });

  // issue 8 item 2: the same invariant with the schema as a webhook's payload and as the subscribers' answer.
  it('diff(a, b) mirrors diff(b, a) inside a webhook (flipped contexts)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const changes = diffSpecs(hookUsing(a), hookUsing(b)).changes;
        for (const c of changes) seen.add(c.id);
        const forward = changes.map((c) => mirrorKey(c, false)).sort();
        const backward = diffSpecs(hookUsing(b), hookUsing(a)).changes.map((c) => mirrorKey(c, true)).sort();
        expect(backward).toEqual(forward);
        expect(diffSpecs(hookUsing(a), hookUsing(structuredClone(a))).changes).toEqual([]);
      }),
      { numRuns: propertyRuns(200) },
    );
    // `schema-keyword-changed` is one id in every direction (it means "not modelled"); every other id says webhook.
    expect([...seen].filter((id) => id !== 'schema-keyword-changed').every((id) => id.startsWith('webhook-request-') || id.startsWith('webhook-response-'))).toBe(true);
    expect(seen.size).toBeGreaterThan(15);
  });

  it('is deterministic and gives every change its own fingerprint', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const r1 = diffSpecs(specUsing(a), specUsing(b));
        const r2 = diffSpecs(specUsing(structuredClone(a)), specUsing(structuredClone(b)));
        expect(r2).toEqual(r1);
        const fps = r1.changes.map((c) => c.fingerprint);
        expect(new Set(fps).size).toBe(fps.length);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
  // The keyword checks build their pointers only for a change they report (issue 12): each reported side of a
  // scalar keyword still points at that keyword where it is written, with the value written there, and
  // keywords nothing models are reported in key order at each place.
  it('keyword changes point at the keyword and its value; unmodelled keywords in key order', () => {
    const scalar = /-(max-length|min-length|min-items|max-items|multiple-of|pattern|format|content-encoding|keyword-changed)-/;
    // Keywords nothing models, written on the compared schemas themselves (beside fooBar deeper down).
    const unknownKeywords = fc.record({ zetaKeyword: fc.integer({ min: 1, max: 2 }), alphaKeyword: fc.constantFrom('a', 'b'), midKeyword: fc.boolean() }, { requiredKeys: [] });
    let checked = 0;
    let ordered = 0;
    fc.assert(
      fc.property(pair, unknownKeywords, unknownKeywords, ([a0, b0], ka, kb) => {
        const [a, b] = [{ ...a0, ...ka }, { ...b0, ...kb }];
        const report = select(a, b);
        for (const c of report.changes) {
          if (!scalar.test(`${c.id}-`)) continue;
          for (const [side, root] of [[c.old, wrap(a)], [c.new, wrap(b)]] as const) {
            const value = side?.value;
            if (value === undefined || (typeof value === 'object' && value !== null)) continue;
            expect(side?.pointer, c.id).toMatch(/\/(maxLength|minLength|minItems|maxItems|multipleOf|pattern|format|contentEncoding|fooBar|zetaKeyword|alphaKeyword|midKeyword)$/);
            expect(resolvePointer(root, (side?.pointer as string).replace(/^#/, '')), `${c.id} ${side?.pointer}`).toEqual(value);
            checked++;
          }
        }
        const byPlace = new Map<string, string[]>();
        for (const c of report.changes.filter((x) => x.id.endsWith('keyword-changed'))) byPlace.set(c.location, [...(byPlace.get(c.location) ?? []), c.message.split(' ')[0]]);
        for (const details of byPlace.values()) {
          expect(details).toEqual([...details].sort());
          if (details.length > 1) ordered++;
        }
      }),
      { numRuns: propertyRuns(300) },
    );
    expect(checked).toBeGreaterThan(20);
    expect(ordered).toBeGreaterThan(20);
  });
});
