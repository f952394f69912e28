/**
 * What the engine tests did not pin down in the comparer, found by Stryker's survivors on src/diff/engine/compare.ts
 * and identical.ts (docs/testing.md, "Mutation score"): the identical-schema fast path saying "identical" where a
 * rule would fire (a sub-schema, a branch, `not`, its cache, the deep equality of keyword values), which `$ref`s it
 * hands on (below `not`: the opposite direction; a hidden property: not at all), `{$ref, keyword}` places, the
 * plain schema ↔ oneOf/anyOf pairing, allOf bases compared on their own, `items` / `additionalProperties` on one
 * side only or `false`, qualifiers, the wire of a selected schema; and, from the survivors on operations.ts and
 * components.ts, which rename candidate pairs first, what a removed or added operation carries, and how request body
 * media types pair (parameters ignored; Swagger 2's default). Every expectation is written by hand from the documents
 * in the test; each test builds its documents itself (nothing runs while vitest collects the file).
 */
import { describe, expect, it } from 'vitest';
import { diffSchemas, diffSpecs } from '../../../src/diff/engine/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const THING = '/components/schemas/Thing';
const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** A spec whose one operation, POST /things, takes the component `Thing` (beside `others`) as its JSON body. */
const spec = (thing: JsonObject, others: JsonObject = {}, version = '3.0.3'): JsonObject => ({
  openapi: version,
  info: { title: 'edges', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: ref('Thing') } } },
        responses: { '204': { description: 'done' } },
      },
    },
  },
  components: { schemas: { Thing: thing, ...others } },
});

/** Id, level, location, message and both sides of every finding, request body `Thing` a → b. */
const findings = (a: JsonObject, b: JsonObject, version = '3.0.3', aOthers: JsonObject = {}, bOthers: JsonObject = aOthers) =>
  diffSpecs(spec(a, aOthers, version), spec(b, bOthers, version), { now: NOW }).changes.map((c) => ({
    id: c.id,
    level: c.level,
    location: c.location,
    message: c.message,
    old: c.old,
    new: c.new,
  }));

describe('the identical-schema fast path says "identical" only where no rule can fire', () => {
  it('additionalProperties true → false (a boolean sub-schema)', () => {
    expect(findings({ type: 'object', additionalProperties: true }, { type: 'object', additionalProperties: false }, '3.1.0')).toEqual([
      {
        id: 'request-additional-properties-closed-set',
        level: 'breaking',
        location: `#${THING}`,
        message: 'additionalProperties set to false',
        old: { pointer: `${THING}/additionalProperties`, value: true },
        new: { pointer: `${THING}/additionalProperties`, value: false },
      },
    ]);
  });

  it('a branch of a oneOf of the same length', () => {
    const thing = (max: number): JsonObject => ({ oneOf: [{ type: 'string', maxLength: max }, { type: 'integer' }] });
    expect(findings(thing(5), thing(3))).toEqual([
      {
        id: 'request-max-length-decreased',
        level: 'breaking',
        location: `#${THING}/oneOf/0`,
        message: 'maxLength decreased from 5 to 3',
        old: { pointer: `${THING}/oneOf/0/maxLength`, value: 5 },
        new: { pointer: `${THING}/oneOf/0/maxLength`, value: 3 },
      },
    ]);
  });

  it('array items', () => {
    expect(findings({ type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'integer' } })).toEqual([
      {
        id: 'request-type-changed',
        level: 'breaking',
        location: `#${THING}/items`,
        message: 'type changed from string to integer',
        old: { pointer: `${THING}/items/type`, value: 'string' },
        new: { pointer: `${THING}/items/type`, value: 'integer' },
      },
    ]);
  });

  it('inside `not`, compared in the opposite direction (a value added to what a request refuses: a response rule)', () => {
    const thing = (refused: string[]) => ({ type: 'string', not: { enum: refused } });
    expect(findings(thing(['a']), thing(['a', 'b']), '3.1.0')).toEqual([
      {
        id: 'response-enum-value-added',
        level: 'warning',
        location: `#${THING}/not`,
        message: 'enum value "b" added',
        old: { pointer: `${THING}/not/enum` },
        new: { pointer: `${THING}/not/enum`, value: 'b' },
      },
    ]);
  });

  it('a `$ref` below `not` is handed on flipped: the referenced schema is compared as a response', () => {
    const thing = { type: 'string', not: ref('Banned') };
    const banned = (values: string[]) => ({ Banned: { type: 'string', enum: values } });
    // Written identically at Thing: only Banned changed, and what `not` names is refused by the request.
    expect(findings(thing, thing, '3.1.0', banned(['a', 'b']), banned(['a']))).toEqual([
      {
        id: 'response-enum-value-removed',
        level: 'info',
        location: '#/components/schemas/Banned',
        message: 'enum value "b" removed',
        old: { pointer: '/components/schemas/Banned/enum', value: 'b' },
        new: { pointer: '/components/schemas/Banned/enum' },
      },
    ]);
  });

  it('a property written with allOf is left to the slow path (allOf may bring a hiding flag)', () => {
    const thing = (max: number): JsonObject => ({ type: 'object', properties: { p: { allOf: [{ type: 'string', maxLength: max }] } } });
    expect(findings(thing(5), thing(3))).toEqual([
      {
        id: 'request-max-length-decreased',
        level: 'breaking',
        location: `#${THING}/properties/p/allOf/0`,
        message: 'maxLength decreased from 5 to 3',
        old: { pointer: `${THING}/properties/p/allOf/0/maxLength`, value: 5 },
        new: { pointer: `${THING}/properties/p/allOf/0/maxLength`, value: 3 },
      },
    ]);
  });

  it('the cache of identical pairs is keyed by both sides (one old schema against two new ones)', () => {
    const item = (type: string) => ({ type: 'object', properties: { x: { type } } });
    const a = { type: 'object', properties: { a: ref('Item'), b: ref('Item') } };
    const b = { type: 'object', properties: { a: ref('Item'), b: ref('Item2') } };
    // (Item, Item) is identical and cached; (Item, Item2) is not: Item2's x is an integer.
    expect(findings(a, b, '3.0.3', { Item: item('string') }, { Item: item('string'), Item2: item('integer') })).toEqual([
      {
        id: 'request-type-changed',
        level: 'breaking',
        location: '#/components/schemas/Item2/properties/x',
        message: 'type changed from string to integer',
        old: { pointer: '/components/schemas/Item/properties/x/type', value: 'string' },
        new: { pointer: '/components/schemas/Item2/properties/x/type', value: 'integer' },
      },
    ]);
  });
});

describe('deep equality of keyword values (jsonEqual), seen through `default`', () => {
  /** The one finding of a `default` change on an object body, a → b. */
  const defaultChange = (a: unknown, b: unknown, text: string) => [
    {
      id: 'request-default-changed',
      level: 'warning',
      location: `#${THING}`,
      message: `default changed from ${text}`,
      old: { pointer: `${THING}/default`, value: a },
      new: { pointer: `${THING}/default`, value: b },
    },
  ];
  const withDefault = (value: unknown): JsonObject => ({ type: 'object', default: value as JsonObject });

  it('an object that gained a key', () => {
    expect(findings(withDefault({ a: 1 }), withDefault({ a: 1, b: 2 }))).toEqual(defaultChange({ a: 1 }, { a: 1, b: 2 }, '{"a":1} to {"a":1,"b":2}'));
  });

  it('null, a number and an array are not the empty object, either way round', () => {
    expect(findings(withDefault(null), withDefault({}))).toEqual(defaultChange(null, {}, 'null to {}'));
    expect(findings(withDefault({}), withDefault(null))).toEqual(defaultChange({}, null, '{} to null'));
    expect(findings(withDefault(5), withDefault({}))).toEqual(defaultChange(5, {}, '5 to {}'));
    expect(findings(withDefault({}), withDefault(5))).toEqual(defaultChange({}, 5, '{} to 5'));
    expect(findings(withDefault({}), withDefault([]))).toEqual(defaultChange({}, [], '{} to []'));
  });

  it('a value is data: keys named like annotations (title) count', () => {
    expect(findings(withDefault({ title: 'a' }), withDefault({ title: 'b' }))).toEqual(defaultChange({ title: 'a' }, { title: 'b' }, '{"title":"a"} to {"title":"b"}'));
  });
});

describe('properties written as the same $ref on both sides', () => {
  const thing = { type: 'object', properties: { meta: ref('Meta'), name: { type: 'string' } } };
  const meta = (x: string, readOnly: boolean) => ({ Meta: { type: 'object', ...(readOnly ? { readOnly: true } : {}), properties: { x: { type: x } } } });

  it('a referenced schema that became readOnly hides the property from requests (judged by the parent)', () => {
    expect(findings(thing, thing, '3.0.3', meta('string', false), meta('string', true))).toEqual([
      {
        id: 'request-property-hidden',
        level: 'warning',
        location: `#${THING}`,
        message: "optional property 'meta' became readOnly: clients may no longer send it",
        old: { pointer: '/components/schemas/Meta', value: false },
        new: { pointer: '/components/schemas/Meta/readOnly', value: true },
      },
    ]);
    expect(findings(thing, thing, '3.0.3', meta('string', true), meta('string', false))).toEqual([
      {
        id: 'request-property-shown',
        level: 'info',
        location: `#${THING}`,
        message: "optional property 'meta' is no longer readOnly",
        old: { pointer: '/components/schemas/Meta/readOnly', value: true },
        new: { pointer: '/components/schemas/Meta', value: false },
      },
    ]);
  });

  it('a change inside a property readOnly on both sides is invisible to the request that is the only use', () => {
    expect(findings(thing, thing, '3.0.3', meta('string', true), meta('integer', true))).toEqual([]);
  });
});

describe('a keyword written beside a $ref', () => {
  /** GET /things with its query parameter `code` at the path (pathLevel) or at the operation. */
  const api = (schema: JsonObject, pathLevel: boolean): JsonObject => {
    const parameters = [{ name: 'code', in: 'query', schema }];
    return {
      openapi: '3.1.0',
      info: { title: 'edges', version: '1' },
      paths: { '/things': { ...(pathLevel ? { parameters } : {}), get: { ...(pathLevel ? {} : { parameters }), responses: { '204': { description: 'done' } } } } },
      components: { schemas: { Code: { type: 'string' } } },
    };
  };

  it('the side without the keyword points at its own place as written, even when the parameter moved', () => {
    const r = diffSpecs(api(ref('Code'), true), api({ ...ref('Code'), maxLength: 5 }, false), { now: NOW });
    expect(r.changes.map((c) => [c.id, c.level, c.location, c.message, c.old, c.new])).toEqual([
      [
        'request-parameter-max-length-set',
        'breaking',
        '#/paths/~1things/get/parameters/0/schema',
        'maxLength set to 5',
        { pointer: '/paths/~1things/parameters/0/schema' },
        { pointer: '/paths/~1things/get/parameters/0/schema/maxLength', value: 5 },
      ],
    ]);
    const back = diffSpecs(api({ ...ref('Code'), maxLength: 5 }, false), api(ref('Code'), true), { now: NOW });
    expect(back.changes.map((c) => [c.id, c.level, c.location, c.message, c.old, c.new])).toEqual([
      [
        'request-parameter-max-length-removed',
        'info',
        '#/paths/~1things/parameters/0/schema',
        'maxLength 5 removed',
        { pointer: '/paths/~1things/get/parameters/0/schema/maxLength', value: 5 },
        { pointer: '/paths/~1things/parameters/0/schema' },
      ],
    ]);
  });
  it('at a later hop of a ref chain: the other side is the same $ref object in its document', () => {
    // p is written `{$ref: Mid, deprecated: true}` on both sides; Mid is `{$ref: Leaf}`, then gets maxLength beside it.
    const thing = (extra: JsonObject) => ({ type: 'object', properties: { p: { ...ref('Mid'), deprecated: true }, ...extra } });
    const a = spec(thing({}), { Mid: ref('Leaf'), Leaf: { type: 'string' } }, '3.1.0');
    const b = spec(thing({ q: { type: 'string' } }), { Mid: { ...ref('Leaf'), maxLength: 5 }, Leaf: { type: 'string' } }, '3.1.0');
    expect(diffSpecs(a, b, { now: NOW }).changes.map((c) => [c.id, c.level, c.location, c.message, c.old, c.new])).toEqual([
      ['request-max-length-set', 'breaking', '#/components/schemas/Mid', 'maxLength set to 5', { pointer: '/components/schemas/Mid' }, { pointer: '/components/schemas/Mid/maxLength', value: 5 }],
      ['request-property-added', 'info', `#${THING}`, "optional property 'q' added", { pointer: THING }, { pointer: `${THING}/properties/q`, value: { type: 'string' } }],
    ]);
  });
});

describe('a single-branch allOf', () => {
  it('naming the schema it sits in unwraps to itself and stops (no constraint: any value)', () => {
    expect(findings({ allOf: [ref('Thing')] }, { type: 'string' }, '3.1.0').map((f) => [f.id, f.level, f.location, f.message])).toEqual([
      ['request-all-of-branch-removed', 'info', `#${THING}`, 'allOf branch Thing removed'],
      ['request-type-narrowed', 'breaking', `#${THING}`, 'type narrowed from any to string'],
    ]);
  });
});

describe('a plain schema and a oneOf / anyOf of alternatives', () => {
  it('anyOf: the plain schema is compared with the alternative it matches', () => {
    expect(findings({ type: 'string', maxLength: 5 }, { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }] })).toEqual([
      {
        id: 'request-any-of-branch-added',
        level: 'info',
        location: `#${THING}`,
        message: 'anyOf branch integer added',
        old: { pointer: THING },
        new: { pointer: `${THING}/anyOf/1`, value: { type: 'integer' } },
      },
      {
        id: 'request-type-widened',
        level: 'info',
        location: `#${THING}`,
        message: 'type widened from string to integer|string',
        old: { pointer: `${THING}/type`, value: 'string' },
        new: { pointer: THING, value: 'integer|string' },
      },
      {
        id: 'request-max-length-decreased',
        level: 'breaking',
        location: `#${THING}/anyOf/0`,
        message: 'maxLength decreased from 5 to 3',
        old: { pointer: `${THING}/maxLength`, value: 5 },
        new: { pointer: `${THING}/anyOf/0/maxLength`, value: 3 },
      },
    ]);
  });

  it('with no structural match (titles differ), the first alternative of the same type', () => {
    const got = findings({ type: 'string', title: 'A', format: 'date' }, { oneOf: [{ type: 'string', title: 'B', format: 'date-time' }, { type: 'integer' }] });
    expect(got.map((f) => [f.id, f.level, f.location])).toEqual([
      ['request-one-of-branch-added', 'info', `#${THING}`],
      ['request-type-widened', 'info', `#${THING}`],
      ['request-format-changed', 'warning', `#${THING}/oneOf/0`],
    ]);
    expect(got[2]).toEqual({
      id: 'request-format-changed',
      level: 'warning',
      location: `#${THING}/oneOf/0`,
      message: 'format changed from "date" to "date-time"',
      old: { pointer: `${THING}/format`, value: 'date' },
      new: { pointer: `${THING}/oneOf/0/format`, value: 'date-time' },
    });
  });

  it('a keyword nothing models is still compared at the wrapper', () => {
    const got = findings({ type: 'string', fooBar: 1 }, { oneOf: [{ type: 'string' }, { type: 'integer' }], fooBar: 2 });
    expect(got).toContainEqual({
      id: 'schema-keyword-changed',
      level: 'warning',
      location: `#${THING}`,
      message: 'fooBar changed from 1 to 2 (a keyword specdrift does not model)',
      old: { pointer: `${THING}/fooBar`, value: 1 },
      new: { pointer: `${THING}/fooBar`, value: 2 },
    });
  });
});

describe('allOf bases referenced on both sides are compared on their own', () => {
  it('a base whose property became required: reported at the base, not at the schema extending it', () => {
    // Thing changes too (its own part), so that it is compared keyword by keyword rather than found identical.
    const thing = (max: number) => ({ allOf: [ref('Base'), { type: 'object', properties: { name: { type: 'string', maxLength: max } } }] });
    const base = (required: string[]) => ({ Base: { type: 'object', required, properties: { id: { type: 'string' } } } });
    expect(findings(thing(5), thing(10), '3.0.3', base([]), base(['id']))).toEqual([
      {
        id: 'request-property-required-added',
        level: 'breaking',
        location: '#/components/schemas/Base',
        message: "property 'id' became required",
        old: { pointer: '/components/schemas/Base/required', value: false },
        new: { pointer: '/components/schemas/Base/required', value: true },
      },
      {
        id: 'request-max-length-increased',
        level: 'info',
        location: `#${THING}/allOf/1/properties/name`,
        message: 'maxLength increased from 5 to 10',
        old: { pointer: `${THING}/allOf/1/properties/name/maxLength`, value: 5 },
        new: { pointer: `${THING}/allOf/1/properties/name/maxLength`, value: 10 },
      },
    ]);
  });
});

describe('items and additionalProperties present on one side, or false', () => {
  it('additionalProperties: a schema that changed, appeared, or became / stopped being false', () => {
    const obj = (extra: JsonObject = {}): JsonObject => ({ type: 'object', ...extra });
    expect(findings(obj({ additionalProperties: { type: 'string' } }), obj({ additionalProperties: { type: 'integer' } })).map((f) => [f.id, f.location, f.message])).toEqual([
      ['request-type-changed', `#${THING}/additionalProperties`, 'type changed from string to integer'],
    ]);
    // Absent: any value allowed, compared as `{}` located where the keyword would be.
    expect(findings(obj(), obj({ additionalProperties: { type: 'integer' } }))).toEqual([
      {
        id: 'request-type-narrowed',
        level: 'breaking',
        location: `#${THING}/additionalProperties`,
        message: 'type narrowed from any to integer',
        old: { pointer: THING, value: 'any' },
        new: { pointer: `${THING}/additionalProperties/type`, value: 'integer' },
      },
    ]);
    // `false` on either side is the closed-set rule alone: no schema comparison beside it.
    expect(findings(obj({ additionalProperties: false }), obj({ additionalProperties: { type: 'integer' } })).map((f) => [f.id, f.level, f.location])).toEqual([
      ['request-additional-properties-closed-removed', 'info', `#${THING}`],
    ]);
    expect(findings(obj({ additionalProperties: { type: 'integer' } }), obj({ additionalProperties: false })).map((f) => [f.id, f.level, f.location])).toEqual([
      ['request-additional-properties-closed-set', 'breaking', `#${THING}`],
    ]);
  });

  it('items: appeared, disappeared, or became / stopped being false past a tuple', () => {
    expect(findings({ type: 'array' }, { type: 'array', items: { type: 'string' } })).toEqual([
      {
        id: 'request-type-narrowed',
        level: 'breaking',
        location: `#${THING}/items`,
        message: 'type narrowed from any to string',
        old: { pointer: THING, value: 'any' },
        new: { pointer: `${THING}/items/type`, value: 'string' },
      },
    ]);
    expect(findings({ type: 'array', items: { type: 'string' } }, { type: 'array' })).toEqual([
      {
        id: 'request-type-widened',
        level: 'info',
        location: `#${THING}/items`,
        message: 'type widened from string to any',
        old: { pointer: `${THING}/items/type`, value: 'string' },
        new: { pointer: THING, value: 'any' },
      },
    ]);
    const tuple = (items: JsonObject | false): JsonObject => ({ type: 'array', prefixItems: [{ type: 'string' }], items });
    expect(findings(tuple(false), tuple({ type: 'integer' }), '3.1.0').map((f) => [f.id, f.level, f.location])).toEqual([['request-items-closed-removed', 'info', `#${THING}`]]);
    expect(findings(tuple({ type: 'integer' }), tuple(false), '3.1.0').map((f) => [f.id, f.level, f.location])).toEqual([['request-items-closed-set', 'breaking', `#${THING}`]]);
  });
});

describe('what a finding carries', () => {
  it('qualifiers: a removed property that was required says so; an optional one carries none', () => {
    const thing = (required: string[]) => ({ type: 'object', required, properties: { a: { type: 'string' } } });
    const gone = { type: 'object', properties: {} };
    const required = diffSpecs(spec(thing(['a'])), spec(gone), { now: NOW }).changes;
    expect(required.map((c) => [c.id, c.level, c.message, c.qualifiers])).toEqual([['request-property-removed', 'warning', "required property 'a' removed", ['required']]]);
    const optional = diffSpecs(spec(thing([])), spec(gone), { now: NOW }).changes;
    expect(optional.map((c) => [c.id, c.message, c.qualifiers])).toEqual([['request-property-removed', "optional property 'a' removed", undefined]]);
  });
});

describe('a selected schema (diffSchemas): the wire follows the direction', () => {
  it('with a direction the body is JSON, where the xml keyword means nothing; without one it is compared', () => {
    const thing = (name: string): JsonObject => ({ type: 'object', xml: { name }, properties: { id: { type: 'integer' } } });
    const root = (schema: JsonObject): JsonObject => ({ openapi: '3.0.3', info: { title: 'edges', version: '1' }, paths: {}, components: { schemas: { Thing: schema } } });
    const run = (direction: 'request' | 'response' | undefined) => {
      const [a, b] = [thing('a'), thing('b')];
      return diffSchemas(a, b, { oldRoot: root(a), newRoot: root(b), oldPointer: THING, newPointer: THING, direction, now: NOW }).changes;
    };
    expect(run('request')).toEqual([]);
    expect(run('response')).toEqual([]);
    expect(run(undefined).map((c) => [c.id, c.level, c.location, c.message, c.old, c.new])).toEqual([
      ['schema-xml-name-changed', 'breaking', `#${THING}`, 'XML name changed from "a" to "b"', { pointer: `${THING}/xml/name`, value: 'a' }, { pointer: `${THING}/xml/name`, value: 'b' }],
    ]);
  });
});

describe('renamed components (components.ts): among equally shaped candidates the likest names pair first', () => {
  const comps = (schemas: JsonObject): JsonObject => ({ openapi: '3.0.3', info: { title: 'edges', version: '1' }, paths: {}, components: { schemas } });
  const shape = (): JsonObject => ({ type: 'object', properties: { set: { type: 'boolean' }, number: { type: 'integer' } } });
  const rows = (a: string[], b: string[]) => {
    const side = (names: string[]) => comps(Object.fromEntries(names.map((n) => [n, shape()])));
    return diffSpecs(side(a), side(b), { now: NOW }).changes.map((c) => [c.id, c.level, c.location, c.message]);
  };

  it('uint16_no_val → uint16_no_val_struct, not the equally shaped int64_no_val_struct (first in name order)', () => {
    expect(rows(['uint16_no_val'], ['int64_no_val_struct', 'uint16_no_val_struct'])).toEqual([
      ['component-schema-added', 'info', '#/components/schemas/int64_no_val_struct', "unused component schema 'int64_no_val_struct' added"],
      ['component-schema-renamed', 'info', '#/components/schemas/uint16_no_val_struct', "component schema 'uint16_no_val' renamed to 'uint16_no_val_struct'"],
    ]);
  });

  it('two of each: each old name pairs with the new name most like it, not the first in name order', () => {
    expect(rows(['job_info', 'zone_info'], ['a_zone_info', 'v2_job_info'])).toEqual([
      ['component-schema-renamed', 'info', '#/components/schemas/a_zone_info', "component schema 'zone_info' renamed to 'a_zone_info'"],
      ['component-schema-renamed', 'info', '#/components/schemas/v2_job_info', "component schema 'job_info' renamed to 'v2_job_info'"],
    ]);
  });
});

describe('operations that come or go (operations.ts): the removed side\'s value, a malformed sunset\'s place', () => {
  /** GET /jobs, plus the given operations on the same path. */
  const api = (ops: JsonObject): JsonObject => ({
    openapi: '3.0.3',
    info: { title: 'edges', version: '1' },
    paths: { '/jobs': { get: { responses: { '200': { description: 'ok' } } }, ...ops } },
  });
  const rows = (a: JsonObject, b: JsonObject) => diffSpecs(api(a), api(b), { now: NOW }).changes.map((c) => [c.id, c.level, c.location, c.message, c.old, c.new]);

  it('a removed operation carries whether it was deprecated and its x-sunset', () => {
    const deprecated = { delete: { deprecated: true, 'x-sunset': '2025-06-01', responses: { '204': { description: 'gone' } } } };
    // 2025-06-01 is before NOW (2026-01-01): the sunset has passed, so the removal is expected.
    expect(rows(deprecated, {})).toEqual([
      ['endpoint-removed-deprecated', 'info', 'DELETE /jobs', 'DELETE /jobs removed (x-sunset 2025-06-01 has passed)', { pointer: '/paths/~1jobs/delete', value: { deprecated: true, sunset: '2025-06-01' } }, { pointer: '/paths' }],
    ]);
    // x-sunset-date (the older spelling) is the sunset too: the message and the value agree (a bug: the value was null).
    const dated = { delete: { deprecated: true, 'x-sunset-date': '2025-06-01', responses: { '204': { description: 'gone' } } } };
    expect(rows(dated, {})).toEqual([
      ['endpoint-removed-deprecated', 'info', 'DELETE /jobs', 'DELETE /jobs removed (x-sunset 2025-06-01 has passed)', { pointer: '/paths/~1jobs/delete', value: { deprecated: true, sunset: '2025-06-01' } }, { pointer: '/paths' }],
    ]);
    const plain = { delete: { responses: { '204': { description: 'gone' } } } };
    expect(rows(plain, {})).toEqual([
      ['endpoint-removed', 'breaking', 'DELETE /jobs', 'DELETE /jobs removed', { pointer: '/paths/~1jobs/delete', value: { deprecated: false, sunset: null } }, { pointer: '/paths' }],
    ]);
  });

  it('a malformed x-sunset-date on an added operation is pointed at where it is written', () => {
    const bad = { delete: { 'x-sunset-date': 'soon', responses: { '204': { description: 'gone' } } } };
    expect(rows({}, bad)).toEqual([
      ['endpoint-added', 'info', 'DELETE /jobs', 'DELETE /jobs added', { pointer: '/paths' }, { pointer: '/paths/~1jobs/delete', value: { summary: null } }],
      [
        'endpoint-sunset-invalid',
        'warning',
        'DELETE /jobs',
        'DELETE /jobs (added): x-sunset "soon" is not an RFC 3339 date (YYYY-MM-DD) or date-time',
        { pointer: '/paths' },
        { pointer: '/paths/~1jobs/delete/x-sunset-date', value: 'soon' },
      ],
    ]);
  });
});

describe('request body media types (operations.ts): pairing and Swagger 2 defaults', () => {
  it('media types that differ only in parameters are the same body: their schemas are compared', () => {
    const api = (content: JsonObject): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 'edges', version: '1' },
      paths: { '/jobs': { post: { requestBody: { content }, responses: { '204': { description: 'ok' } } } } },
    });
    const body = (type: string) => ({ schema: { type: 'object', properties: { a: { type } } } });
    const r = diffSpecs(api({ 'application/json; charset=utf-8': body('string') }), api({ 'application/json': body('integer'), 'application/xml': body('integer') }), { now: NOW });
    expect(r.changes.map((c) => [c.id, c.level, c.location, c.message, c.old, c.new])).toEqual([
      [
        'request-type-changed',
        'breaking',
        '#/paths/~1jobs/post/requestBody/content/application~1json/schema/properties/a',
        'type changed from string to integer',
        { pointer: '/paths/~1jobs/post/requestBody/content/application~1json; charset=utf-8/schema/properties/a/type', value: 'string' },
        { pointer: '/paths/~1jobs/post/requestBody/content/application~1json/schema/properties/a/type', value: 'integer' },
      ],
      [
        'request-body-media-type-added',
        'info',
        'POST /jobs',
        'request body media type application/xml added',
        { pointer: '/paths/~1jobs/post/requestBody/content' },
        { pointer: '/paths/~1jobs/post/requestBody/content/application~1xml' },
      ],
    ]);
  });

  it('Swagger 2: no (or an empty) consumes means application/json', () => {
    const api = (consumes: JsonObject): JsonObject => ({
      swagger: '2.0',
      info: { title: 'edges', version: '1' },
      ...consumes,
      paths: { '/jobs': { post: { parameters: [{ name: 'b', in: 'body', schema: { type: 'object' } }], responses: { '204': { description: 'ok' } } } } },
    });
    const rows = (a: JsonObject, b: JsonObject) => diffSpecs(api(a), api(b), { now: NOW }).changes.map((c) => [c.id, c.level, c.message]);
    expect(rows({ consumes: [] }, {})).toEqual([]);
    expect(rows({ consumes: ['application/xml'] }, {})).toEqual([
      ['request-body-media-type-added', 'info', 'request body media type application/json added'],
      ['request-body-media-type-removed', 'breaking', 'request body media type application/xml removed'],
    ]);
  });
});
