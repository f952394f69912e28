/**
 * issue 8 items 3, 5, 6 and 7: what an edit means to a client, on fixture pairs we wrote
 * (fixtures/semantic-levels/<case>/{old,new}.yaml). Every expected rule id, level and location is written here
 * by hand.
 */
// @ts-nocheck

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fixturePath, readSpec } from './helpers.js';

const pair = (name: string): [JsonObject, JsonObject] => {
  const dir = fixturePath('semantic-levels', name);
  return [readSpec(join(dir, 'old.yaml')), readSpec(join(dir, 'new.yaml'))];
};
/** `id level location detail-in-message`, sorted: the whole report, so that nothing extra slips in. */
const found = (r: DiffReport): string[] => r.changes.map((c) => `${c.id} ${c.level} ${c.location}`).sort();

describe('fixture pairs compared with themselves', () => {
  it.each(['visibility', 'response-presence', 'one-of-overlap', 'equivalences'])('%s: diff(a, a) and diff(b, b) are empty', (name) => {
    const [a, b] = pair(name);
    expect(diffSpecs(a, structuredClone(a)).changes).toEqual([]);
    expect(diffSpecs(b, structuredClone(b)).changes).toEqual([]);
  });
});

describe('item 3: readOnly / writeOnly at every property, judged by the object holding it', () => {
  const [a, b] = pair('visibility');
  const account = '#/components/schemas/Account';

  it('a required request property losing readOnly must now be sent (breaking); an optional one is info; a response property becoming writeOnly is gone (breaking)', () => {
    expect(found(diffSpecs(a, b))).toEqual([
      `request-property-shown info ${account}`, // note: optional
      `request-required-property-shown breaking ${account}`, // id
      `request-required-property-shown breaking ${account}`, // owner: through the $ref'd Owner
      `response-property-hidden breaking ${account}`, // password
      // In the other direction the flags hide nothing: reported where they are written, at their own levels.
      `request-write-only-set info ${account}/properties/password`,
      `response-read-only-removed info #/components/schemas/Owner`,
      `response-read-only-removed info ${account}/properties/id`,
      `response-read-only-removed info ${account}/properties/note`,
    ].sort());
    const r = diffSpecs(a, b);
    const id = r.changes.find((c) => c.id === 'request-required-property-shown' && c.message.includes("'id'"));
    expect(id?.old?.pointer).toBe('/components/schemas/Account/properties/id/readOnly');
    expect(id?.new?.pointer).toBe('/components/schemas/Account/properties/id');
    const owner = r.changes.find((c) => c.id === 'request-required-property-shown' && c.message.includes("'owner'"));
    expect(owner?.old?.pointer).toBe('/components/schemas/Owner/readOnly');
  });

  it('the reverse: a request property becoming readOnly warns, a response property losing writeOnly is info', () => {
    expect(found(diffSpecs(b, a))).toEqual([
      `request-property-hidden warning ${account}`, // note
      `request-property-hidden warning ${account}`, // id
      `request-property-hidden warning ${account}`, // owner
      `response-required-property-shown info ${account}`, // password (required: still info in a response)
      `request-write-only-removed info ${account}/properties/password`,
      `response-read-only-set info #/components/schemas/Owner`,
      `response-read-only-set info ${account}/properties/id`,
      `response-read-only-set info ${account}/properties/note`,
    ].sort());
    expect(diffSpecs(b, a).changes.find((c) => c.id === 'response-required-property-shown')?.message).toContain("required property 'password' is no longer writeOnly");
  });
});

describe('item 5: response presence', () => {
  it('a required response property or header that became optional is breaking; the reverse is info', () => {
    const [a, b] = pair('response-presence');
    expect(found(diffSpecs(a, b))).toEqual(['response-header-required-removed breaking GET /jobs/{job_id}', 'response-property-required-removed breaking #/components/schemas/Job']);
    expect(found(diffSpecs(b, a))).toEqual(['response-header-required-added info GET /jobs/{job_id}', 'response-property-required-added info #/components/schemas/Job']);
  });
});

describe('item 6: oneOf branches that overlap', () => {
  const [a, b] = pair('one-of-overlap');
  const req = '#/components/schemas/TaskRequest/properties';

  it('wrapping into oneOf with a branch that also accepts old values is breaking; distinguishable branches are not', () => {
    expect(found(diffSpecs(a, b))).toEqual([
      `request-one-of-branch-added info ${req}/kind`, // told apart by enum
      `request-one-of-branch-added-overlapping breaking ${req}/owner`, // a uuid is a string too
      `request-one-of-branch-added-overlapping breaking ${req}/target`, // open objects both accepting {host}
      'response-one-of-branch-added warning #/components/schemas/Task/properties/result', // told apart by required `error`
    ].sort());
    const owner = diffSpecs(a, b).changes.find((c) => c.location === `${req}/owner`);
    expect(owner?.new?.pointer).toBe('/components/schemas/TaskRequest/properties/owner/oneOf/1');
  });

  it('unwrapping again is a branch removed, as for any oneOf', () => {
    expect(found(diffSpecs(b, a))).toEqual([
      `request-one-of-branch-removed breaking ${req}/kind`,
      `request-one-of-branch-removed breaking ${req}/owner`,
      `request-one-of-branch-removed breaking ${req}/target`,
      'response-one-of-branch-removed info #/components/schemas/Task/properties/result',
    ].sort());
  });

  const api = (schema: JsonObject, where: 'request' | 'response'): JsonObject => ({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/x':
        where === 'request'
          ? { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '204': { description: 'ok' } } } }
          : { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } },
    },
  });
  const body = (where: string) => `#/paths/~1x/${where === 'request' ? 'post/requestBody' : 'get/responses/200'}/content/application~1json/schema`;

  it('a branch added to an existing oneOf that overlaps one of its branches: breaking both ways (clients decoding oneOf fail too)', () => {
    for (const where of ['request', 'response'] as const) {
      const old: JsonObject = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
      const neu: JsonObject = { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'integer', minimum: 0 }] };
      expect(found(diffSpecs(api(old, where), api(neu, where)))).toEqual([`${where}-one-of-branch-added-overlapping breaking ${body(where)}`]);
    }
  });

  it('disjoint ranges, a discriminator, or a closed object tell branches apart', () => {
    const cases: [JsonObject, JsonObject][] = [
      [{ oneOf: [{ type: 'integer', maximum: 0 }] }, { oneOf: [{ type: 'integer', maximum: 0 }, { type: 'integer', exclusiveMinimum: 0 }] }],
      [
        { oneOf: [{ type: 'object', properties: { kind: { type: 'string' } } }], discriminator: { propertyName: 'kind' } },
        { oneOf: [{ type: 'object', properties: { kind: { type: 'string' } } }, { type: 'object', properties: { kind: { type: 'string' }, x: { type: 'string' } } }], discriminator: { propertyName: 'kind' } },
      ],
      [
        { oneOf: [{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }] },
        { oneOf: [{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'], properties: { b: { type: 'string' } } }] },
      ],
    ];
    for (const [old, neu] of cases) expect(found(diffSpecs(api(old, 'request'), api(neu, 'request')))).toEqual([`request-one-of-branch-added info ${body('request')}`]);
  });
});

describe('item 7: equivalences are no change', () => {
  it('single-branch allOf, a discriminator mapping that follows a rename, fewer security schemes, the same text on the wire', () => {
    const [a, b] = pair('equivalences');
    // The rename itself is the one thing to say.
    expect(found(diffSpecs(a, b))).toEqual(['component-schema-renamed info #/components/schemas/Feline']);
  });

  it('the reverse needs more credentials: one breaking change per alternative, not "removed" + "added"', () => {
    const [a, b] = pair('equivalences');
    expect(found(diffSpecs(b, a))).toEqual([
      'api-security-requirement-scheme-added breaking security',
      'component-schema-renamed info #/components/schemas/Cat',
      'endpoint-security-requirement-scheme-added breaking POST /pets',
    ].sort());
    expect(diffSpecs(b, a).changes.find((c) => c.id === 'api-security-requirement-scheme-added')?.message).toBe("security alternative 'apiKey' now also requires 'bearer' ('apiKey + bearer')");
  });

  it('a discriminator mapping to a schema that is not alike is still a change', () => {
    const [a, b] = pair('equivalences');
    const changed = structuredClone(b) as any;
    changed.components.schemas.Feline.properties.lives = { type: 'integer' };
    const ids = found(diffSpecs(a, changed));
    // Pet is used by the request and the response: one finding, the request use leading on a tie (item 11).
    expect(ids).toContain('request-discriminator-mapping-changed breaking #/components/schemas/Pet');
  });

  describe('parameters and headers compared as text', () => {
    const withParam = (schema: JsonObject): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { parameters: [{ name: 'n', in: 'query', schema }], responses: { '200': { description: 'ok', headers: { 'X-N': { schema: structuredClone(schema) } } } } } } },
    });
    const param = 'request-parameter-type-%s %s #/paths/~1x/get/parameters/0/schema';
    const header = 'response-header-type-%s %s #/paths/~1x/get/responses/200/headers/X-N/schema';
    const line = (tpl: string, how: string, level: string) => tpl.replace('%s', how).replace('%s', level);
    const cases: [string, JsonObject, JsonObject, string[]][] = [
      ['integer → digits string', { type: 'integer' }, { type: 'string', pattern: '^-?\\d+$' }, []],
      ['boolean → string enum true/false', { type: 'boolean' }, { type: 'string', enum: ['false', 'true'] }, []],
      ['integer → any string: more text accepted', { type: 'integer' }, { type: 'string' }, [line(param, 'widened', 'info'), line(header, 'widened', 'breaking')]],
      ['integer → non-negative digits: less', { type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }, [line(param, 'narrowed', 'breaking'), line(header, 'narrowed', 'info')]],
      // int32 bounds the value; a digits pattern does not: not the same text, judged as JSON types.
      ['integer int32 → digits string', { type: 'integer', format: 'int32' }, { type: 'string', pattern: '^-?[0-9]+$' }, [line(param, 'changed', 'breaking'), line(header, 'changed', 'breaking')]],
    ];
    it.each(cases)('%s', (_, old, neu, expected) => {
      expect(found(diffSpecs(withParam(old), withParam(neu)))).toEqual(expected.sort());
    });

    it('a request body is JSON: integer → digits string is still a type change there', () => {
      const body = (schema: JsonObject): JsonObject => ({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        paths: { '/x': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '204': { description: 'ok' } } } } },
      });
      expect(found(diffSpecs(body({ type: 'integer' }), body({ type: 'string', pattern: '^-?\\d+$' })))).toEqual([
        'request-type-changed breaking #/paths/~1x/post/requestBody/content/application~1json/schema',
      ]);
    });
  });
});
