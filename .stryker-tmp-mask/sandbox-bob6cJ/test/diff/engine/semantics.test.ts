/** The semantic model on small specs written for each behaviour: what counts as the same API, and where a change is reported. */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSchemas, diffSpecs } from '../../../src/diff/engine/index.js';
import { fingerprintOf } from '../../../src/diff/engine/report.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });
const str = { type: 'string' };

/** A spec with GET /<name> answering each given schema, plus components. */
function api(responses: Record<string, JsonObject>, schemas: Record<string, JsonObject> = {}, extra: JsonObject = {}): JsonObject {
  const paths: JsonObject = {};
  for (const [path, schema] of Object.entries(responses)) paths[path] = { get: { operationId: `get${path.replace(/\W/g, '_')}`, responses: { '200': { description: 'ok', ...json(schema) } } } };
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas }, ...extra };
}

const ids = (r: DiffReport) => r.changes.map((c) => c.id);

describe('recursion and sharing', () => {
  const tree = (extra: JsonObject = {}) => ({
    type: 'object',
    properties: { value: str, children: { type: 'array', items: ref('Node') }, parent: ref('Node'), ...extra },
  });

  it('a recursive schema terminates, and a new property in it is reported once with every operation', () => {
    const paths = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/tree${i}`, ref('Node')]));
    const report = diffSpecs(api(paths, { Node: tree() }), api(paths, { Node: tree({ label: str }) }));
    expect(ids(report)).toEqual(['response-property-added']);
    expect(report.changes[0].location).toBe('#/components/schemas/Node');
    expect(report.changes[0].operations).toHaveLength(40);
  });

  it('mutually recursive schemas (A → B → A) compare without looping', () => {
    const a = (extra: JsonObject = {}) => ({ type: 'object', properties: { b: ref('B'), ...extra } });
    const b = { type: 'object', properties: { a: ref('A'), list: { type: 'array', items: ref('A') } } };
    const report = diffSpecs(api({ '/a': ref('A') }, { A: a(), B: b }), api({ '/a': ref('A') }, { A: a({ n: { type: 'integer' } }), B: b }));
    expect(ids(report)).toEqual(['response-property-added']);
  });

  it('a change deep in a schema shared by many schemas is reported at that schema only', () => {
    const schemas = (tagExtra: JsonObject = {}) => ({
      Tag: { type: 'object', properties: { name: str, ...tagExtra } },
      Pet: { type: 'object', properties: { tags: { type: 'array', items: ref('Tag') } } },
      Owner: { type: 'object', properties: { pets: { type: 'array', items: ref('Pet') }, tags: { type: 'array', items: ref('Tag') } } },
    });
    const paths = { '/pets': ref('Pet'), '/owners': ref('Owner') };
    const report = diffSpecs(api(paths, schemas()), api(paths, schemas({ color: str })));
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0].location).toBe('#/components/schemas/Tag');
    expect(report.changes[0].operations.map((o) => o.path)).toEqual(['/owners', '/pets']);
  });
});

describe('layout does not matter', () => {
  const pet = { type: 'object', required: ['id'], properties: { id: { type: 'integer', format: 'int64' }, name: str } };

  it('an inlined schema equals a $ref to the same schema, both ways', () => {
    const named = api({ '/pet': ref('Pet') }, { Pet: pet });
    const inlined = api({ '/pet': pet });
    expect(diffSpecs(named, inlined).changes).toEqual([]);
    expect(diffSpecs(inlined, named).changes).toEqual([]);
  });

  it('a renamed, structurally identical component is one info rename', () => {
    const report = diffSpecs(api({ '/pet': ref('Pet') }, { Pet: pet }), api({ '/pet': ref('Animal') }, { Animal: pet }));
    expect(ids(report)).toEqual(['component-schema-renamed']);
    expect(report.changes[0].level).toBe('info');
  });

  it('descriptions, titles, $comment and x- extensions are not changes', () => {
    const worded = { ...pet, description: 'a pet', title: 'Pet', $comment: 'internal', 'x-go-name': 'Pet', properties: { ...pet.properties, name: { ...str, description: 'its name' } } };
    expect(diffSpecs(api({ '/pet': pet }), api({ '/pet': worded })).changes).toEqual([]);
  });

  it('examples are compared (info); example and examples holding the same values are no change', () => {
    const sample = { ...pet, example: { id: 1 } };
    expect(ids(diffSpecs(api({ '/pet': pet }), api({ '/pet': sample })))).toEqual(['response-examples-changed']);
    expect(diffSpecs(api({ '/pet': sample }), api({ '/pet': { ...pet, examples: [{ id: 1 }] } })).changes).toEqual([]);
  });

  it('keywords next to a $ref (slurmrestd style) equal an inlined copy carrying them', () => {
    const flags = { type: 'array', items: { type: 'string', enum: ['a', 'b'] } };
    const named = api({ '/x': { type: 'object', properties: { f: { ...ref('Flags'), deprecated: true } } } }, { Flags: flags });
    const inlined = api({ '/x': { type: 'object', properties: { f: { ...flags, deprecated: true } } } });
    expect(diffSpecs(named, inlined).changes).toEqual([]);
  });

  it('a property moved into an allOf branch is no change', () => {
    const flat = { type: 'object', properties: { id: str, name: str }, required: ['id'] };
    const composed: JsonObject = { allOf: [{ type: 'object', properties: { id: str }, required: ['id'] }, { properties: { name: str } }] };
    expect(diffSpecs(api({ '/x': flat }), api({ '/x': composed })).changes).toEqual([]);
  });

  it('a change in an allOf base is reported once at the base, not again in every schema extending it', () => {
    const schemas = (baseExtra: JsonObject = {}) => ({
      Pet: { type: 'object', properties: { name: str, ...baseExtra } },
      Cat: { allOf: [ref('Pet'), { type: 'object', properties: { purrs: { type: 'boolean' } } }] },
      Dog: { allOf: [ref('Pet'), { type: 'object', properties: { barks: { type: 'boolean' } } }] },
    });
    const paths = { '/cat': ref('Cat'), '/dog': ref('Dog') };
    const report = diffSpecs(api(paths, schemas()), api(paths, schemas({ age: { type: 'integer' } })));
    expect(report.changes.map((c) => [c.id, c.location])).toEqual([['response-property-added', '#/components/schemas/Pet']]);
    expect(report.changes[0].operations.map((o) => o.path)).toEqual(['/cat', '/dog']);
  });

  it('oneOf branches are matched by structure: reordering and inlining are no change', () => {
    const cat = { type: 'object', properties: { purrs: { type: 'boolean' } } };
    const dog = { type: 'object', properties: { barks: { type: 'boolean' } } };
    const old = api({ '/pet': { oneOf: [ref('Cat'), ref('Dog')] } }, { Cat: cat, Dog: dog });
    const neu = api({ '/pet': { oneOf: [dog, ref('Cat')] } }, { Cat: cat });
    expect(diffSpecs(old, neu).changes).toEqual([]);
  });

  it('a changed oneOf branch is compared inside, not reported as removed + added', () => {
    const cat = (extra: JsonObject = {}) => ({ type: 'object', properties: { purrs: { type: 'boolean' }, name: str, ...extra } });
    const dog = { type: 'object', properties: { barks: { type: 'boolean' } } };
    const report = diffSpecs(api({ '/pet': { oneOf: [cat(), dog] } }), api({ '/pet': { oneOf: [dog, cat({ lives: { type: 'integer' } })] } }));
    expect(ids(report)).toEqual(['response-property-added']);
  });

  it('a plain schema that became one of several alternatives is one new alternative, not a rewrite', () => {
    // `required` tells the two apart (a User has no slug); see the next test for branches that overlap.
    const user = { type: 'object', required: ['login'], properties: { login: str, id: { type: 'integer' } } };
    const org = { type: 'object', required: ['slug'], properties: { slug: str, seats: { type: 'integer' } } };
    const schemas = { User: user, Org: org };
    const plain = api({ '/repo': { type: 'object', properties: { owner: ref('User') } } }, schemas);
    const either = api({ '/repo': { type: 'object', properties: { owner: { oneOf: [ref('User'), ref('Org')] } } } }, schemas);
    const widened = diffSpecs(plain, either);
    expect(widened.changes.map((c) => [c.id, c.level, c.message])).toEqual([['response-one-of-branch-added', 'warning', 'oneOf branch Org added']]);
    expect(diffSpecs(either, plain).changes.map((c) => c.id)).toEqual(['response-one-of-branch-removed']);
  });

  it('issue 8 item 6: open object alternatives with nothing required both match a User: oneOf rejects it (breaking)', () => {
    const schemas = { User: { type: 'object', properties: { login: str, id: { type: 'integer' } } }, Org: { type: 'object', properties: { slug: str, seats: { type: 'integer' } } } };
    const plain = api({ '/repo': { type: 'object', properties: { owner: ref('User') } } }, schemas);
    const either = api({ '/repo': { type: 'object', properties: { owner: { oneOf: [ref('User'), ref('Org')] } } } }, schemas);
    expect(diffSpecs(plain, either).changes.map((c) => [c.id, c.level])).toEqual([['response-one-of-branch-added-overlapping', 'breaking']]);
  });

  it('operations match by path template whatever the parameter names; a different name is a rename', () => {
    const op = (name: string) => ({
      get: { parameters: [{ name, in: 'path', required: true, schema: str }], responses: { '200': { description: 'ok' } } },
    });
    const report = diffSpecs(
      { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/job/{job_id}': op('job_id') } },
      { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/job/{id}': op('id') } },
    );
    expect(ids(report)).toEqual(['request-path-parameter-renamed']);
    expect(report.changes[0].message).toBe("path parameter 'job_id' renamed to 'id'");
  });
});

describe('direction', () => {
  const both = (item: JsonObject) => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/items': { post: { requestBody: { required: true, ...json(ref('Item')) }, responses: { '200': { description: 'ok', ...json(ref('Item')) } } } } },
    components: { schemas: { Item: item } },
  });

  it('a schema used in request and response yields both rule ids, each at its own level', () => {
    const report = diffSpecs(both({ type: 'object', properties: { a: str, b: str } }), both({ type: 'object', properties: { a: str } }));
    // One finding naming both uses (issue 8 item 11): the more severe use leads, the other is in alsoAs.
    expect(report.changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([['response-property-removed', 'breaking', [{ id: 'request-property-removed', level: 'warning' }]]]);
  });

  it('narrowing a request is breaking, the same edit on a response is not', () => {
    const old = both({ type: 'string', enum: ['a', 'b'] });
    const neu = both({ type: 'string', enum: ['a'] });
    // One finding per edit, naming both uses (issue 8 item 11).
    expect(diffSpecs(old, neu).changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([['request-enum-value-removed', 'breaking', [{ id: 'response-enum-value-removed', level: 'info' }]]]);
    expect(diffSpecs(neu, old).changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([
      ['response-enum-value-added', 'warning', [{ id: 'request-enum-value-added', level: 'info' }]],
    ]);
  });

  it('read-only properties are not part of a request, write-only ones not part of a response', () => {
    const old = both({ type: 'object', properties: { a: str } });
    const neu = both({ type: 'object', required: ['id', 'secret'], properties: { a: str, id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } });
    expect(diffSpecs(old, neu).changes.map((c) => `${c.id} ${c.message}`)).toEqual([
      "request-required-property-added required property 'secret' added",
      "response-required-property-added required property 'id' added",
    ]);
  });
});

describe('components no operation uses', () => {
  it('are compared without a direction (schema-… ids, components section, no operations)', () => {
    const old = api({}, { Spare: { type: 'object', properties: { a: str, b: str } } });
    const neu = api({}, { Spare: { type: 'object', properties: { a: str } } });
    const report = diffSpecs(old, neu);
    // Info, not the rule's breaking: a component no operation uses breaks no client (issue 8 item 10).
    expect(report.changes.map((c) => [c.id, c.level, c.section, c.operations.length, c.message])).toEqual([
      ['schema-property-removed', 'info', 'components', 0, "optional property 'b' removed (not used by any operation)"],
    ]);
  });

  it('coming and going are reported; used components that are inlined or extracted are not', () => {
    const pet = { type: 'object', properties: { name: str } };
    const old = api({ '/pet': ref('Pet') }, { Pet: pet, Gone: { type: 'integer' } });
    const neu = api({ '/pet': pet }, { New: { type: 'boolean' } });
    expect(diffSpecs(old, neu).changes.map((c) => `${c.id} ${c.location}`)).toEqual([
      'component-schema-removed #/components/schemas/Gone',
      'component-schema-added #/components/schemas/New',
    ]);
  });
});

describe('endpoints', () => {
  const spec = (op: JsonObject | undefined): JsonObject => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: op ? { '/old': { get: op } } : {} });
  const now = new Date('2026-06-01T00:00:00Z');

  it('removing a deprecated operation is a warning, before its x-sunset date breaking', () => {
    const base = { responses: { '200': { description: 'ok' } } };
    expect(ids(diffSpecs(spec(base), spec(undefined), { now }))).toEqual(['endpoint-removed']);
    expect(ids(diffSpecs(spec({ ...base, deprecated: true }), spec(undefined), { now }))).toEqual(['endpoint-removed-deprecated']);
    expect(ids(diffSpecs(spec({ ...base, deprecated: true, 'x-sunset': '2026-01-01' }), spec(undefined), { now }))).toEqual(['endpoint-removed-deprecated']);
    expect(ids(diffSpecs(spec({ ...base, deprecated: true, 'x-sunset': '2027-01-01' }), spec(undefined), { now }))).toEqual(['endpoint-removed-before-sunset']);
  });

  it('a document-wide security change is reported once, not once per operation', () => {
    const paths = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`/p${i}`, { get: { responses: { '200': { description: 'ok' } } } }]));
    const doc = (security: JsonObject[]) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, security, components: { securitySchemes: { k: { type: 'apiKey', in: 'header', name: 'K' }, b: { type: 'http', scheme: 'bearer' } } } });
    const report = diffSpecs(doc([{ k: [] }, { b: [] }]), doc([{ k: [] }]));
    expect(report.changes.map((c) => [c.id, c.section])).toEqual([['api-security-requirement-removed', 'security']]);
  });
});

describe('report', () => {
  const old = api({ '/b': ref('Item'), '/a': ref('Item') }, { Item: { type: 'object', properties: { x: str, y: str, z: { type: 'integer' } } } });
  const neu = api({ '/a': ref('Item'), '/c': ref('Item') }, { Item: { type: 'object', properties: { x: { type: 'integer' }, z: { type: 'integer', maximum: 5 } } } });

  it('is sorted by section, location and rule id, whatever the order in the documents', () => {
    const report = diffSpecs(old, neu);
    const reordered = diffSpecs(
      api({ '/a': ref('Item'), '/b': ref('Item') }, { Item: { type: 'object', properties: { z: { type: 'integer' }, y: str, x: str } } }),
      api({ '/c': ref('Item'), '/a': ref('Item') }, { Item: { type: 'object', properties: { z: { type: 'integer', maximum: 5 }, x: { type: 'integer' } } } }),
    );
    expect(reordered).toEqual(report);
    const keys = report.changes.map((c) => `${c.section} ${c.location} ${c.id}`);
    expect([...keys].sort()).toEqual(keys);
    expect(report.changes.map((c) => c.id)).toEqual([
      'response-property-removed', // #/components/schemas/Item
      'response-type-changed', // …/properties/x
      'response-maximum-set', // …/properties/z
      'endpoint-removed', // GET /b
      'endpoint-added', // GET /c
    ]);
    expect(report.summary).toEqual({ breaking: 3, warning: 0, info: 2, accepted: 0, total: 5 });
  });

  it('fingerprints hash rule id + location + detail: stable, unique, independent of wording', () => {
    const report = diffSpecs(old, neu);
    const fps = report.changes.map((c) => c.fingerprint);
    expect(new Set(fps).size).toBe(fps.length);
    const removed = report.changes.find((c) => c.id === 'response-property-removed');
    expect(removed?.fingerprint).toBe(fingerprintOf('response-property-removed', '#/components/schemas/Item', 'y'));
    expect(removed?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps huge values small (a summary instead of the whole schema)', () => {
    const big = { type: 'object', properties: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${i}`, { type: 'string', description: 'x'.repeat(100) }])) };
    const report = diffSpecs(api({ '/x': { type: 'object', properties: {} } }), api({ '/x': { type: 'object', properties: { big } } }));
    expect(report.changes).toHaveLength(1);
    expect(JSON.stringify(report.changes[0]).length).toBeLessThan(1500);
    expect(report.changes[0].new?.value).toMatchObject({ type: 'object', properties: '{300 keys}' });
  });
});

describe('diffSchemas (--select)', () => {
  const wrapper = { type: 'object', properties: { item: ref('Item') } };
  const root = (item: JsonObject) => api({}, { Item: item, Wrapper: wrapper });
  const o = root({ type: 'object', properties: { a: str, b: str } });
  const n = root({ type: 'object', properties: { a: str } });
  const select = (direction?: 'request' | 'response' | 'both') =>
    diffSchemas(wrapper, wrapper, {
      oldRoot: o,
      newRoot: n,
      oldPointer: '/components/schemas/Wrapper',
      newPointer: '/components/schemas/Wrapper',
      direction,
    });

  it('resolves $refs in each document; without a direction reports schema-… ids at the more severe level', () => {
    expect(select().changes.map((c) => [c.id, c.level, c.location])).toEqual([['schema-property-removed', 'breaking', '#/components/schemas/Item']]);
  });

  it('with a direction reports that direction; with both, both', () => {
    expect(ids(select('request'))).toEqual(['request-property-removed']);
    // Both directions: one finding naming both uses (issue 8 item 11).
    expect(select('both').changes.map((c) => [c.id, c.alsoAs])).toEqual([['response-property-removed', [{ id: 'request-property-removed', level: 'warning' }]]]);
    expect(select().select).toEqual({ old: '/components/schemas/Wrapper', new: '/components/schemas/Wrapper' });
  });
});

describe('Swagger 2.0', () => {
  const swagger = (item: JsonObject, limit: JsonObject, spare = true): JsonObject => ({
    swagger: '2.0',
    info: { title: 't', version: '1' },
    produces: ['application/json'],
    paths: {
      '/items': {
        post: {
          parameters: [
            { name: 'limit', in: 'query', ...limit },
            { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Item' } },
          ],
          responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Item' }, headers: { 'X-Count': { type: 'integer' } } } },
        },
      },
    },
    definitions: { Item: item, ...(spare ? { Spare: { type: 'string' } } : {}) },
  });

  it('compares body parameters as request bodies, response schemas, parameter types and definitions', () => {
    const old = swagger({ type: 'object', properties: { a: str, b: { type: 'string', enum: ['x'] } } }, { type: 'integer' });
    const neu = swagger({ type: 'object', properties: { a: str, b: { type: 'string', enum: ['x', 'y'] } } }, { type: 'string' }, false);
    expect(diffSpecs(old, neu).changes.map((c) => `${c.id} ${c.location}`)).toEqual([
      // request and response uses of one change are one finding (issue 8 item 11)
      'response-enum-value-added #/definitions/Item/properties/b',
      // integer → string: a parameter is text on the wire, and any string covers the integers (issue 8 item 7).
      'request-parameter-type-widened #/paths/~1items/post/parameters/0',
      'component-schema-removed #/definitions/Spare',
    ]);
    expect(diffSpecs(old, old).changes).toEqual([]);
  });
});

describe('robustness', () => {
  it('survives dangling refs, non-object junk and empty documents', () => {
    const broken = api({ '/x': ref('Missing'), '/y': { type: 'object', properties: { a: ref('Also/missing') } } });
    expect(diffSpecs(broken, broken).changes).toEqual([]);
    expect(() => diffSpecs({}, broken)).not.toThrow();
    expect(() => diffSpecs({ paths: 'junk' } as JsonObject, { paths: { '/a': { get: 'junk' } } } as JsonObject)).not.toThrow();
  });
});
