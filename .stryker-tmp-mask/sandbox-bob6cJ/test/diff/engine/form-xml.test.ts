/**
 * Form and XML bodies (issue 8 item 7, docs/diff.md "Form and XML bodies"): what each edit does on the wire
 * of its media type. Expected ids, levels and places are written by hand.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const XML = 'application/xml';
const JSON_MEDIA = 'application/json';

const int = { type: 'integer' };
const str = { type: 'string' };
const digits = { type: 'string', pattern: '^-?[0-9]+$' };
const obj = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });

interface Body {
  media: string;
  schema: JsonObject;
  encoding?: JsonObject;
}

/**
 * POST /pets takes `request` (when given); GET /pets answers `response` (when given). The result is a copy: a
 * parsed document shares no objects between places (the tests reuse `int`, `str`, … freely).
 */
function api(request: Body | undefined, response: Body | undefined, version = '3.0.3'): JsonObject {
  return JSON.parse(JSON.stringify(build(request, response, version))) as JsonObject;
}

function build(request: Body | undefined, response: Body | undefined, version: string): JsonObject {
  const pets: JsonObject = {};
  if (request) {
    const media: JsonObject = { schema: request.schema };
    if (request.encoding) media.encoding = request.encoding;
    pets.post = { requestBody: { required: true, content: { [request.media]: media } }, responses: { '204': { description: 'ok' } } };
  }
  if (response) pets.get = { responses: { '200': { description: 'ok', content: { [response.media]: { schema: response.schema } } } } };
  return { openapi: version, info: { title: 'pets', version: '1' }, paths: { '/pets': pets } };
}

const rows = (r: DiffReport) => r.changes.map((c) => `${c.level} ${c.id} ${c.location}`);
const reqAt = (media: string, tail: string) => `#/paths/~1pets/post/requestBody/content/${media.replace('/', '~1')}/schema${tail}`;
const resAt = (media: string, tail: string) => `#/paths/~1pets/get/responses/200/content/${media.replace('/', '~1')}/schema${tail}`;

describe('scalars are text in form, multipart and XML bodies', () => {
  const pet = (id: JsonObject, tags: JsonObject = str) => obj({ id, tags: { type: 'array', items: tags } });

  it.each([FORM, MULTIPART, XML])('%s request: integer → any string is a widening (info), array items too', (media) => {
    const r = diffSpecs(api({ media, schema: pet(int, int) }, undefined), api({ media, schema: pet(str, str) }, undefined));
    expect(rows(r)).toEqual([`info request-type-widened ${reqAt(media, '/properties/id')}`, `info request-type-widened ${reqAt(media, '/properties/tags/items')}`]);
    expect(r.changes[0].message).toBe('type widened from integer to string (as text on the wire)');
  });

  it.each([FORM, MULTIPART, XML])('%s: integer → digits-only string is no change; string → integer a narrowing', (media) => {
    expect(diffSpecs(api({ media, schema: pet(int) }, undefined), api({ media, schema: pet(digits) }, undefined)).changes).toEqual([]);
    expect(rows(diffSpecs(api({ media, schema: pet(str) }, undefined), api({ media, schema: pet(int) }, undefined)))).toEqual([
      `breaking request-type-narrowed ${reqAt(media, '/properties/id')}`,
    ]);
  });

  it('the same edit in a JSON body changes the type of the value', () => {
    const r = diffSpecs(api({ media: JSON_MEDIA, schema: pet(int) }, undefined), api({ media: JSON_MEDIA, schema: pet(str) }, undefined));
    expect(rows(r)).toEqual([`breaking request-type-changed ${reqAt(JSON_MEDIA, '/properties/id')}`]);
  });

  it('an XML response: a widening follows the response policy (breaking: readers get values they did not expect)', () => {
    const r = diffSpecs(api(undefined, { media: XML, schema: pet(int) }), api(undefined, { media: XML, schema: pet(str) }));
    expect(rows(r)).toEqual([`breaking response-type-widened ${resAt(XML, '/properties/id')}`]);
  });

  it('a multipart object part is JSON inside; so is a part whose encoding says application/json', () => {
    const withMeta = (id: JsonObject) => obj({ meta: obj({ id }), count: id });
    const old = api({ media: MULTIPART, schema: withMeta(int), encoding: { count: { contentType: 'application/json' } } }, undefined);
    const neu = api({ media: MULTIPART, schema: withMeta(str), encoding: { count: { contentType: 'application/json' } } }, undefined);
    expect(rows(diffSpecs(old, neu))).toEqual([
      `breaking request-type-changed ${reqAt(MULTIPART, '/properties/count')}`,
      `breaking request-type-changed ${reqAt(MULTIPART, '/properties/meta/properties/id')}`,
    ]);
  });

  it('a form-urlencoded body is text all the way down (deepObject and exploded objects are key=value pairs)', () => {
    const nested = (id: JsonObject) => obj({ filter: obj({ id }) });
    expect(rows(diffSpecs(api({ media: FORM, schema: nested(int) }, undefined), api({ media: FORM, schema: nested(str) }, undefined)))).toEqual([
      `info request-type-widened ${reqAt(FORM, '/properties/filter/properties/id')}`,
    ]);
  });

  it('one component used by a JSON and a form body: each use judged on its own wire', () => {
    const ref = { $ref: '#/components/schemas/Pet' };
    const spec = (id: JsonObject): JsonObject => {
      const doc = api({ media: FORM, schema: ref }, { media: JSON_MEDIA, schema: ref });
      return { ...doc, components: { schemas: { Pet: obj({ id: { ...id } }) } } };
    };
    const r = diffSpecs(spec(int), spec(str));
    expect(r.changes.map((c) => `${c.level} ${c.id} ${c.location} ${c.operations.map((o) => o.method).join(',')}`)).toEqual([
      'info request-type-widened #/components/schemas/Pet/properties/id POST',
      'breaking response-type-changed #/components/schemas/Pet/properties/id GET',
    ]);
  });
});

describe('the xml keyword', () => {
  const pet = (id: JsonObject, extra: JsonObject = {}) => obj({ id, tags: { type: 'array', items: str } }, extra);
  /** The request body only (the response is tested once, for its level). */
  const xmlPair = (a: JsonObject, b: JsonObject, media = XML) => diffSpecs(api({ media, schema: a }, undefined), api({ media, schema: b }, undefined));

  it('a renamed element breaks both directions', () => {
    const [a, b] = [pet({ type: 'integer', xml: { name: 'ID' } }), pet({ type: 'integer', xml: { name: 'Id' } })];
    const r = diffSpecs(api({ media: XML, schema: a }, { media: XML, schema: a }), api({ media: XML, schema: b }, { media: XML, schema: b }));
    expect(rows(r)).toEqual([`breaking response-xml-name-changed ${resAt(XML, '/properties/id')}`, `breaking request-xml-name-changed ${reqAt(XML, '/properties/id')}`]);
    expect(r.changes[1].message).toBe('XML name changed from "ID" to "Id"');
    expect(r.changes[1].new?.pointer).toBe('/paths/~1pets/post/requestBody/content/application~1xml/schema/properties/id/xml/name');
  });

  it('writing down the default name (the property name) is no change; any other name is', () => {
    expect(xmlPair(pet(int), pet({ type: 'integer', xml: { name: 'id' } })).changes).toEqual([]);
    expect(rows(xmlPair(pet(int), pet({ type: 'integer', xml: { name: 'petId' } })))).toEqual([`breaking request-xml-name-changed ${reqAt(XML, '/properties/id')}`]);
  });

  it('attribute ↔ element, wrapped arrays, namespace: breaking; the prefix alone: warning', () => {
    const old = pet(int, { xml: { namespace: 'https://example.com/pets/1', prefix: 'p' } });
    const neu = obj(
      { id: { type: 'integer', xml: { attribute: true } }, tags: { type: 'array', items: str, xml: { wrapped: true } } },
      { xml: { namespace: 'https://example.com/pets/2', prefix: 'pet' } },
    );
    expect(rows(xmlPair(old, neu))).toEqual([
      `breaking request-xml-namespace-changed ${reqAt(XML, '')}`,
      `warning request-xml-prefix-changed ${reqAt(XML, '')}`,
      `breaking request-xml-attribute-changed ${reqAt(XML, '/properties/id')}`,
      `breaking request-xml-wrapped-changed ${reqAt(XML, '/properties/tags')}`,
    ]);
    // The mirror image: the same rules at the same places.
    expect(rows(xmlPair(neu, old))).toEqual(rows(xmlPair(old, neu)));
  });

  it.each([JSON_MEDIA, FORM])('changes nothing in a %s body (not reported)', (media) => {
    expect(xmlPair(pet(int), pet({ type: 'integer', xml: { name: 'ID', attribute: true } }), media).changes).toEqual([]);
  });
});

describe('the Encoding Object of a form request body', () => {
  const pet = obj({ id: int, name: str, photo: { type: 'string', format: 'binary' }, tags: { type: 'array', items: str } });
  const pair = (media: string, a: JsonObject | undefined, b: JsonObject | undefined, version = '3.0.3') =>
    diffSpecs(api({ media, schema: pet, encoding: a }, undefined, version), api({ media, schema: pet, encoding: b }, undefined, version));
  const ENC = (media: string, name: string) => `/paths/~1pets/post/requestBody/content/${media.replace('/', '~1')}/encoding/${name}`;

  it('writing the defaults down is no change (text/plain scalars, octet-stream binaries, style form, explode true)', () => {
    const defaults = {
      id: { contentType: 'text/plain', style: 'form', explode: true, allowReserved: false },
      photo: { contentType: 'application/octet-stream' },
      tags: { contentType: 'text/plain' },
    };
    expect(pair(FORM, undefined, defaults).changes).toEqual([]);
    expect(pair(MULTIPART, undefined, defaults).changes).toEqual([]);
  });

  it('a part sent in another content type breaks; a list written in another order does not', () => {
    const r = pair(MULTIPART, { photo: { contentType: 'image/png, image/jpeg' } }, { photo: { contentType: 'image/webp' } });
    expect(r.changes.map((c) => `${c.level} ${c.id} ${c.location} ${c.new?.pointer}`)).toEqual([
      `breaking request-body-encoding-content-type-changed POST /pets ${ENC(MULTIPART, 'photo')}/contentType`,
    ]);
    expect(r.changes[0].message).toBe("request body multipart/form-data property 'photo' contentType changed from image/jpeg, image/png to image/webp");
    expect(pair(MULTIPART, { photo: { contentType: 'image/png, image/jpeg' } }, { photo: { contentType: 'image/jpeg,image/png' } }).changes).toEqual([]);
  });

  it('style, explode and allowReserved in a form-urlencoded body', () => {
    const r = pair(FORM, { tags: { style: 'form', explode: true, allowReserved: true } }, { tags: { style: 'pipeDelimited', explode: true } });
    expect(r.changes.map((c) => `${c.level} ${c.id}`)).toEqual(['warning request-body-encoding-allow-reserved-removed', 'breaking request-body-encoding-style-changed']);
    expect(rows(pair(FORM, undefined, { tags: { explode: false } }))).toEqual(['breaking request-body-encoding-explode-changed POST /pets']);
    expect(rows(pair(FORM, undefined, { name: { allowReserved: true } }))).toEqual(['info request-body-encoding-allow-reserved-set POST /pets']);
  });

  it('style and explode in multipart: ignored by OpenAPI 3.0, compared from 3.1', () => {
    expect(pair(MULTIPART, undefined, { tags: { explode: false } }).changes).toEqual([]);
    expect(rows(pair(MULTIPART, undefined, { tags: { explode: false } }, '3.1.0'))).toEqual(['breaking request-body-encoding-explode-changed POST /pets']);
  });

  it('part headers (multipart only): a required one added breaks, an optional one is info, a removed one is info', () => {
    const header = (required: boolean) => ({ photo: { headers: { 'X-Checksum': { required, schema: str } } } });
    expect(rows(pair(MULTIPART, undefined, header(true)))).toEqual(['breaking request-body-encoding-required-header-added POST /pets']);
    expect(rows(pair(MULTIPART, undefined, header(false)))).toEqual(['info request-body-encoding-header-added POST /pets']);
    expect(rows(pair(MULTIPART, header(true), undefined))).toEqual(['info request-body-encoding-header-removed POST /pets']);
    expect(pair(FORM, undefined, header(true)).changes).toEqual([]);
  });
});
