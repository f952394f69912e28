/**
 * The source of fixtures/rules/<rule-id>/{old,new}.yaml: for every rule id, the smallest pair of specs that
 * makes the diff report it, and the findings (id, level, location) the pair must report, written by hand (levels
 * from policy.ts, never from src/). `npx tsx test/diff/rules/write-fixtures.ts` writes the files; rules.test.ts
 * checks that the committed files equal what this module builds, then diffs each pair against its expectations.
 *
 * Schema rules get one pair per context from a single old/new schema snippet: the snippet becomes the
 * component `Thing`, used only as a request body, only as a response body, only as a query parameter's
 * schema, only as a response header's schema, or by no operation at all (the `schema-…` ids).
 */
// @ts-nocheck

import type { JsonObject } from '../../../src/openapi/types.js';
import { CTX_PREFIX, SCHEMA_CTXS, type SchemaCtx } from '../../../src/diff/rules/define.js';
import { pathsIdOfWebhookRule } from '../../../src/diff/rules/webhook.js';
import { expectedLevels, type Level } from './policy.js';

export interface RuleFixture {
  old: JsonObject;
  new: JsonObject;
}

type Snippet = [JsonObject, JsonObject];

const str = { type: 'string' };
const int = { type: 'integer' };
const obj = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });
const arr = (extra: JsonObject = {}): JsonObject => ({ type: 'array', items: { type: 'string' }, ...extra });

/** Old and new `Thing` for every schema rule, by the id without its context prefix. */
const SCHEMA_SNIPPETS: Record<string, Snippet> = {
  // integer and boolean share no text either (parameters and headers are compared as text).
  'type-changed': [int, { type: 'boolean' }],
  'type-widened': [int, { type: 'number' }],
  'type-narrowed': [{ type: 'number' }, int],
  'nullable-set': [str, { type: 'string', nullable: true }],
  'nullable-removed': [{ type: 'string', nullable: true }, str],
  'format-set': [str, { type: 'string', format: 'date-time' }],
  'format-removed': [{ type: 'string', format: 'date-time' }, str],
  'format-changed': [{ type: 'integer', format: 'int32' }, { type: 'integer', format: 'int64' }],
  'enum-value-added': [{ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a', 'b', 'c'] }],
  'enum-value-removed': [{ type: 'string', enum: ['a', 'b', 'c'] }, { type: 'string', enum: ['a', 'b'] }],
  'enum-set': [str, { type: 'string', enum: ['a', 'b'] }],
  'enum-removed': [{ type: 'string', enum: ['a', 'b'] }, str],
  'property-added': [obj({ id: str }), obj({ id: str, name: str })],
  'required-property-added': [obj({ id: str }), obj({ id: str, name: str }, { required: ['name'] })],
  'property-removed': [obj({ id: str, name: str }), obj({ id: str })],
  'property-required-added': [obj({ id: str, name: str }), obj({ id: str, name: str }, { required: ['name'] })],
  'property-required-removed': [obj({ id: str, name: str }, { required: ['name'] }), obj({ id: str, name: str })],
  'read-only-set': [str, { type: 'string', readOnly: true }],
  'read-only-removed': [{ type: 'string', readOnly: true }, str],
  'write-only-set': [str, { type: 'string', writeOnly: true }],
  'write-only-removed': [{ type: 'string', writeOnly: true }, str],
  'deprecated-set': [str, { type: 'string', deprecated: true }],
  'deprecated-removed': [{ type: 'string', deprecated: true }, str],
  'exclusive-maximum-set': [{ type: 'integer', maximum: 10 }, { type: 'integer', maximum: 10, exclusiveMaximum: true }],
  'exclusive-maximum-removed': [{ type: 'integer', maximum: 10, exclusiveMaximum: true }, { type: 'integer', maximum: 10 }],
  'exclusive-minimum-set': [{ type: 'integer', minimum: 1 }, { type: 'integer', minimum: 1, exclusiveMinimum: true }],
  'exclusive-minimum-removed': [{ type: 'integer', minimum: 1, exclusiveMinimum: true }, { type: 'integer', minimum: 1 }],
  'multiple-of-set': [int, { type: 'integer', multipleOf: 5 }],
  'multiple-of-removed': [{ type: 'integer', multipleOf: 5 }, int],
  'multiple-of-changed': [{ type: 'integer', multipleOf: 5 }, { type: 'integer', multipleOf: 10 }],
  'pattern-set': [str, { type: 'string', pattern: '^[a-z]+$' }],
  'pattern-removed': [{ type: 'string', pattern: '^[a-z]+$' }, str],
  'pattern-changed': [{ type: 'string', pattern: '^[a-z]+$' }, { type: 'string', pattern: '^[a-z0-9]+$' }],
  'default-set': [str, { type: 'string', default: 'x' }],
  'default-removed': [{ type: 'string', default: 'x' }, str],
  'default-changed': [{ type: 'string', default: 'x' }, { type: 'string', default: 'y' }],
  'const-set': [str, { type: 'string', const: 'x' }],
  'const-removed': [{ type: 'string', const: 'x' }, str],
  'const-changed': [{ type: 'string', const: 'x' }, { type: 'string', const: 'y' }],
  'unique-items-set': [arr(), arr({ uniqueItems: true })],
  'unique-items-removed': [arr({ uniqueItems: true }), arr()],
  'additional-properties-closed-set': [obj({ id: str }), obj({ id: str }, { additionalProperties: false })],
  'additional-properties-closed-removed': [obj({ id: str }, { additionalProperties: false }), obj({ id: str })],
  'one-of-branch-added': [{ oneOf: [str, int] }, { oneOf: [str, int, { type: 'boolean' }] }],
  'one-of-branch-removed': [{ oneOf: [str, int, { type: 'boolean' }] }, { oneOf: [str, int] }],
  'any-of-branch-added': [{ anyOf: [str, int] }, { anyOf: [str, int, { type: 'boolean' }] }],
  'any-of-branch-removed': [{ anyOf: [str, int, { type: 'boolean' }] }, { anyOf: [str, int] }],
  'all-of-branch-added': [
    { allOf: [{ type: 'string', minLength: 1 }] },
    { allOf: [{ type: 'string', minLength: 1 }, { type: 'string', maxLength: 5 }] },
  ],
  'all-of-branch-removed': [
    { allOf: [{ type: 'string', minLength: 1 }, { type: 'string', maxLength: 5 }] },
    { allOf: [{ type: 'string', minLength: 1 }] },
  ],
  'discriminator-set': [obj({ kind: str }), obj({ kind: str }, { discriminator: { propertyName: 'kind' } })],
  'discriminator-removed': [obj({ kind: str }, { discriminator: { propertyName: 'kind' } }), obj({ kind: str })],
  'discriminator-property-changed': [
    obj({ kind: str, type: str }, { discriminator: { propertyName: 'kind' } }),
    obj({ kind: str, type: str }, { discriminator: { propertyName: 'type' } }),
  ],
  'discriminator-mapping-added': [
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } } }),
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A', b: '#/components/schemas/B' } } }),
  ],
  'discriminator-mapping-removed': [
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A', b: '#/components/schemas/B' } } }),
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } } }),
  ],
  // issue 8 item 8 (deprecation policy)
  'property-removed-deprecated': [obj({ id: str, name: { type: 'string', deprecated: true } }), obj({ id: str })],
  'property-removed-before-sunset': [obj({ id: str, name: { type: 'string', deprecated: true, 'x-sunset': '2999-01-01' } }), obj({ id: str })],
  'property-sunset-invalid': [
    obj({ id: str, name: { type: 'string', deprecated: true } }),
    obj({ id: str, name: { type: 'string', deprecated: true, 'x-sunset': 'next spring' } }),
  ],
  // A and B are alike (a mapping to a look-alike is no change): the value now selects the base schema itself.
  'discriminator-mapping-changed': [
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/A' } } }),
    obj({ kind: str }, { discriminator: { propertyName: 'kind', mapping: { a: '#/components/schemas/Thing' } } }),
  ],
};

// --- JSON Schema 2020-12 / OpenAPI 3.1 keywords (issue 8 item 1): these snippets go into 3.1.0 documents. ---
const contains = { contains: { const: 'admin' } };
const tuple = (extra: JsonObject = {}): JsonObject => ({ type: 'array', prefixItems: [str, int], ...extra });
const conditional = (kind: string, extra: JsonObject = {}): JsonObject =>
  obj({ kind: str, size: int }, { if: { properties: { kind: { const: kind } } }, then: { required: ['size'] }, ...extra });
const SCHEMA_SNIPPETS_31: Record<string, Snippet> = {
  'keyword-changed': [{ type: 'string', fooBar: 1 }, { type: 'string', fooBar: 2 }],
  'contains-set': [arr(), arr(contains)],
  'contains-removed': [arr(contains), arr()],
  'min-contains-increased': [arr(contains), arr({ ...contains, minContains: 2 })],
  'min-contains-decreased': [arr({ ...contains, minContains: 2 }), arr(contains)],
  'max-contains-increased': [arr({ ...contains, maxContains: 2 }), arr({ ...contains, maxContains: 3 })],
  'max-contains-decreased': [arr({ ...contains, maxContains: 3 }), arr({ ...contains, maxContains: 2 })],
  'max-contains-set': [arr(contains), arr({ ...contains, maxContains: 2 })],
  'max-contains-removed': [arr({ ...contains, maxContains: 2 }), arr(contains)],
  'items-closed-set': [tuple(), tuple({ items: false })],
  'items-closed-removed': [tuple({ items: false }), tuple()],
  'prefix-items-added': [{ type: 'array', prefixItems: [str], items: false }, tuple({ items: false })],
  'prefix-items-removed': [tuple({ items: false }), { type: 'array', prefixItems: [str], items: false }],
  'dependent-required-added': [obj({ card: str, billing: str }), obj({ card: str, billing: str }, { dependentRequired: { card: ['billing'] } })],
  'dependent-required-removed': [obj({ card: str, billing: str }, { dependentRequired: { card: ['billing'] } }), obj({ card: str, billing: str })],
  'dependent-schema-added': [obj({ card: str, billing: str }), obj({ card: str, billing: str }, { dependentSchemas: { card: { required: ['billing'] } } })],
  'dependent-schema-removed': [obj({ card: str, billing: str }, { dependentSchemas: { card: { required: ['billing'] } } }), obj({ card: str, billing: str })],
  'if-changed': [conditional('big'), conditional('huge')],
  'conditional-branch-added': [conditional('big'), conditional('big', { else: { required: ['kind'] } })],
  'conditional-branch-removed': [conditional('big', { else: { required: ['kind'] } }), conditional('big')],
  'pattern-property-added': [obj({ id: str }), obj({ id: str }, { patternProperties: { '^x-': str } })],
  'pattern-property-removed': [obj({ id: str }, { patternProperties: { '^x-': str } }), obj({ id: str })],
  'pattern-property-opened': [obj({ id: str }, { additionalProperties: false }), obj({ id: str }, { additionalProperties: false, patternProperties: { '^x-': str } })],
  'pattern-property-closed': [obj({ id: str }, { additionalProperties: false, patternProperties: { '^x-': str } }), obj({ id: str }, { additionalProperties: false })],
  'property-names-set': [obj({ id: str }), obj({ id: str }, { propertyNames: { pattern: '^[a-z_]+$' } })],
  'property-names-removed': [obj({ id: str }, { propertyNames: { pattern: '^[a-z_]+$' } }), obj({ id: str })],
  'unevaluated-properties-closed-set': [obj({ id: str }), obj({ id: str }, { unevaluatedProperties: false })],
  'unevaluated-properties-closed-removed': [obj({ id: str }, { unevaluatedProperties: false }), obj({ id: str })],
  'unevaluated-items-closed-set': [tuple(), tuple({ unevaluatedItems: false })],
  'unevaluated-items-closed-removed': [tuple({ unevaluatedItems: false }), tuple()],
  'content-encoding-set': [str, { type: 'string', contentEncoding: 'base64' }],
  'content-encoding-removed': [{ type: 'string', contentEncoding: 'base64' }, str],
  'content-encoding-changed': [{ type: 'string', contentEncoding: 'base64' }, { type: 'string', contentEncoding: 'base16' }],
  'content-media-type-set': [str, { type: 'string', contentMediaType: 'application/json' }],
  'content-media-type-removed': [{ type: 'string', contentMediaType: 'application/json' }, str],
  'content-media-type-changed': [{ type: 'string', contentMediaType: 'application/json' }, { type: 'string', contentMediaType: 'text/csv' }],
  'content-schema-set': [{ type: 'string', contentMediaType: 'application/json' }, { type: 'string', contentMediaType: 'application/json', contentSchema: obj({ id: str }) }],
  'content-schema-removed': [{ type: 'string', contentMediaType: 'application/json', contentSchema: obj({ id: str }) }, { type: 'string', contentMediaType: 'application/json' }],
  'not-set': [str, { type: 'string', not: { const: '' } }],
  'not-removed': [{ type: 'string', not: { const: '' } }, str],
  'definition-added': [obj({ id: str }), obj({ id: str }, { $defs: { Id: str } })],
  'definition-removed': [obj({ id: str }, { $defs: { Id: str } }), obj({ id: str })],
  'examples-changed': [{ type: 'string', examples: ['a'] }, { type: 'string', examples: ['b'] }],
};
Object.assign(SCHEMA_SNIPPETS, SCHEMA_SNIPPETS_31);

/** Bound keywords: the schema each one applies to, and two values (low < high). */
const LIMITS: Record<string, { keyword: string; base: JsonObject; low: number; high: number }> = {
  maximum: { keyword: 'maximum', base: int, low: 10, high: 20 },
  minimum: { keyword: 'minimum', base: int, low: 1, high: 2 },
  'max-length': { keyword: 'maxLength', base: str, low: 10, high: 20 },
  'min-length': { keyword: 'minLength', base: str, low: 1, high: 2 },
  'max-items': { keyword: 'maxItems', base: arr(), low: 10, high: 20 },
  'min-items': { keyword: 'minItems', base: arr(), low: 1, high: 2 },
  'max-properties': { keyword: 'maxProperties', base: obj({ id: str }), low: 10, high: 20 },
  'min-properties': { keyword: 'minProperties', base: obj({ id: str }), low: 1, high: 2 },
};
for (const [what, { keyword, base, low, high }] of Object.entries(LIMITS)) {
  const at = (v: number): JsonObject => ({ ...base, [keyword]: v });
  SCHEMA_SNIPPETS[`${what}-increased`] = [at(low), at(high)];
  SCHEMA_SNIPPETS[`${what}-decreased`] = [at(high), at(low)];
  SCHEMA_SNIPPETS[`${what}-set`] = [base, at(low)];
  SCHEMA_SNIPPETS[`${what}-removed`] = [at(low), base];
}

// issue 8 semantic levels (items 3, 6, 7): snippets that depend on the direction.
/** The flag that hides a property in a context: readOnly in requests, writeOnly in responses. */
const hiding = (ctx: SchemaCtx): string => (ctx === 'request' || ctx === 'parameter' ? 'readOnly' : 'writeOnly');
const CTX_SNIPPETS: Record<string, (ctx: SchemaCtx) => Snippet> = {
  'property-shown': (ctx) => [obj({ id: str, note: { type: 'string', [hiding(ctx)]: true } }), obj({ id: str, note: str })],
  'required-property-shown': (ctx) => [
    obj({ id: str, note: { type: 'string', [hiding(ctx)]: true } }, { required: ['note'] }),
    obj({ id: str, note: str }, { required: ['note'] }),
  ],
  'one-of-branch-added-overlapping': () => [{ oneOf: [str, int] }, { oneOf: [str, int, { type: 'string', format: 'uuid' }] }],
  'property-hidden': (ctx) => [obj({ id: str, note: str }), obj({ id: str, note: { type: 'string', [hiding(ctx)]: true } })],
};
// end issue 8 semantic levels

// issue 8 item 7 (form and XML bodies): the `xml` keyword, reported where XML is on the wire. These snippets
// are used in an `application/xml` body (schemaSpec).
const ns = (v: string) => `https://example.com/things/${v}`;
const XML_SNIPPETS: Record<string, Snippet> = {
  'xml-name-changed': [{ type: 'string', xml: { name: 'thing' } }, { type: 'string', xml: { name: 'item' } }],
  'xml-namespace-changed': [obj({ id: str }, { xml: { namespace: ns('v1') } }), obj({ id: str }, { xml: { namespace: ns('v2') } })],
  'xml-prefix-changed': [obj({ id: str }, { xml: { namespace: ns('v1'), prefix: 't' } }), obj({ id: str }, { xml: { namespace: ns('v1'), prefix: 'th' } })],
  'xml-attribute-changed': [obj({ id: str }), obj({ id: { type: 'string', xml: { attribute: true } } })],
  'xml-wrapped-changed': [arr(), arr({ xml: { wrapped: true } })],
};
Object.assign(SCHEMA_SNIPPETS, XML_SNIPPETS);

export const schemaSnippetFor = (what: string): Snippet | undefined => SCHEMA_SNIPPETS[what];

const thingRef = { $ref: '#/components/schemas/Thing' };
const info = { title: 'rule fixture', version: '1.0.0' };
const json = (schema: JsonObject, media = 'application/json') => ({ [media]: { schema } });

/** A spec using `thing` in one context (bodies in `media`). */
function schemaSpec(ctx: SchemaCtx, thing: JsonObject, media = 'application/json'): JsonObject {
  const components = { schemas: { Thing: thing, A: obj({ kind: str }), B: obj({ kind: str }) } };
  const ok = (extra: JsonObject = {}) => ({ '200': { description: 'ok', ...extra } });
  let op: JsonObject;
  switch (ctx) {
    case 'request':
      op = { post: { operationId: 'createThing', requestBody: { required: true, content: json(thingRef, media) }, responses: { '204': { description: 'created' } } } };
      break;
    case 'response':
      op = { get: { operationId: 'getThing', responses: ok({ content: json(thingRef, media) }) } };
      break;
    case 'parameter':
      op = { get: { operationId: 'findThings', parameters: [{ name: 'thing', in: 'query', schema: thingRef }], responses: ok() } };
      break;
    case 'header':
      op = { get: { operationId: 'headThing', responses: ok({ headers: { 'X-Thing': { schema: thingRef } } }) } };
      break;
    case 'schema':
      op = { get: { operationId: 'ping', responses: ok() } };
      break;
    // issue 8 item 2 (webhooks): `Thing` as the payload the API sends, or as the subscribers' answer.
    case 'webhook-request':
      return { openapi: '3.1.0', info, webhooks: { thingEvent: { post: { operationId: 'thingEvent', requestBody: { required: true, content: json(thingRef, media) }, responses: ok() } } }, components };
    case 'webhook-response':
      return { openapi: '3.1.0', info, webhooks: { thingEvent: { post: { operationId: 'thingEvent', responses: ok({ content: json(thingRef, media) }) } } }, components };
  }
  return { openapi: '3.0.3', info, paths: { '/things': op }, components };
}

/** A small API the operation-level fixtures edit. */
function baseSpec(): JsonObject {
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: 'https://api.example.com/{stage}', variables: { stage: { default: 'v1', enum: ['v1', 'beta'] } } }],
    security: [{ apiKey: [] }],
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          tags: ['items'],
          parameters: [
            { name: 'limit', in: 'query', schema: int },
            { name: 'X-Trace', in: 'header', required: true, schema: str },
          ],
          responses: {
            '200': {
              description: 'the items',
              headers: { 'X-Rate-Limit': { schema: int }, 'X-Request-Id': { required: true, schema: str } },
              content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } }, 'application/yaml': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
            },
            '404': { description: 'not found' },
          },
        },
        post: {
          operationId: 'createItem',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } }, 'application/yaml': { schema: { $ref: '#/components/schemas/Item' } } } },
          responses: { '201': { description: 'created' } },
        },
      },
      '/items/{item_id}': {
        get: {
          operationId: 'getItem',
          parameters: [{ name: 'item_id', in: 'path', required: true, schema: str }],
          responses: { '200': { description: 'the item', content: json({ $ref: '#/components/schemas/Item' }) } },
        },
        delete: {
          operationId: 'deleteItem',
          parameters: [{ name: 'item_id', in: 'path', required: true, schema: str }],
          responses: { '204': { description: 'deleted' } },
        },
      },
    },
    components: {
      schemas: { Item: obj({ id: str, name: str }, { required: ['id'] }), Spare: obj({ note: str }) },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        oauth: {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: 'https://auth.example.com/token', refreshUrl: 'https://auth.example.com/refresh', scopes: { 'items:read': 'read', 'items:write': 'write' } },
            authorizationCode: {
              authorizationUrl: 'https://auth.example.com/authorize',
              tokenUrl: 'https://auth.example.com/token',
              scopes: { 'items:read': 'read' },
            },
          },
        },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration' },
      },
    },
  };
}

/** Fixtures edit plain parsed specs: typed loosely on purpose, the diff is what is under test. */
type Spec = any;
type Edit = (spec: Spec) => void;

const listItems = (s: Spec) => s.paths['/items'].get;
const createItem = (s: Spec) => s.paths['/items'].post;
const limitParam = (s: Spec) => listItems(s).parameters[0];
const ok200 = (s: Spec) => listItems(s).responses['200'];
const scheme = (s: Spec, name: string) => s.components.securitySchemes[name];
/** createItem also takes a form body (issue 8 item 7): `Item` as form-urlencoded or multipart, with an Encoding Object. */
const formBody = (media: string, encoding: JsonObject) => (s: Spec) => {
  createItem(s).requestBody.content[media] = { schema: { $ref: '#/components/schemas/Item' }, encoding };
};
const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const noteHeader = (required: boolean) => ({ name: { headers: { 'X-Note': { required, schema: str } } } });

/** Where a fixture's finding is reported (Change.location), written by hand: one location, or one per operation. */
type Where = string | string[];

/** Operation-level and document-level fixtures: [edit of the old base, edit of the new base, where reported]. */
const EDITS: Record<string, [Edit, Edit, Where]> = {
  'endpoint-added': [(s) => delete s.paths['/items'].post, () => {}, 'POST /items'],
  'endpoint-removed': [() => {}, (s) => delete s.paths['/items'].post, 'POST /items'],
  'endpoint-removed-deprecated': [(s) => (createItem(s).deprecated = true), (s) => delete s.paths['/items'].post, 'POST /items'],
  'endpoint-removed-before-sunset': [
    (s) => Object.assign(createItem(s), { deprecated: true, 'x-sunset': '2999-01-01' }),
    (s) => delete s.paths['/items'].post,
    'POST /items',
  ],
  // issue 8 item 8 (deprecation policy)
  'endpoint-sunset-invalid': [(s) => (listItems(s).deprecated = true), (s) => Object.assign(listItems(s), { deprecated: true, 'x-sunset': 'next spring' }), 'GET /items'],
  'request-parameter-removed-deprecated': [(s) => (limitParam(s).deprecated = true), (s) => listItems(s).parameters.shift(), 'GET /items'],
  'request-parameter-removed-before-sunset': [
    (s) => Object.assign(limitParam(s), { deprecated: true, 'x-sunset': '2999-01-01' }),
    (s) => listItems(s).parameters.shift(),
    'GET /items',
  ],
  'request-parameter-sunset-invalid': [(s) => (limitParam(s).deprecated = true), (s) => Object.assign(limitParam(s), { deprecated: true, 'x-sunset': '31/12/2030' }), 'GET /items'],
  'endpoint-deprecation-set': [() => {}, (s) => (listItems(s).deprecated = true), 'GET /items'],
  'endpoint-deprecation-removed': [(s) => (listItems(s).deprecated = true), () => {}, 'GET /items'],
  'endpoint-sunset-set': [(s) => (listItems(s).deprecated = true), (s) => Object.assign(listItems(s), { deprecated: true, 'x-sunset': '2030-01-01' }), 'GET /items'],
  'endpoint-sunset-removed': [(s) => Object.assign(listItems(s), { deprecated: true, 'x-sunset': '2030-01-01' }), (s) => (listItems(s).deprecated = true), 'GET /items'],
  'endpoint-sunset-changed': [
    (s) => Object.assign(listItems(s), { deprecated: true, 'x-sunset': '2030-01-01' }),
    (s) => Object.assign(listItems(s), { deprecated: true, 'x-sunset': '2031-01-01' }),
    'GET /items',
  ],
  'endpoint-operation-id-added': [(s) => delete listItems(s).operationId, () => {}, 'GET /items'],
  'endpoint-operation-id-removed': [() => {}, (s) => delete listItems(s).operationId, 'GET /items'],
  'endpoint-operation-id-changed': [() => {}, (s) => (listItems(s).operationId = 'getItems'), 'GET /items'],
  'endpoint-tag-added': [() => {}, (s) => listItems(s).tags.push('catalog'), 'GET /items'],
  'endpoint-tag-removed': [(s) => listItems(s).tags.push('catalog'), () => {}, 'GET /items'],
  'request-path-parameter-renamed': [
    () => {},
    (s) => {
      const item = s.paths['/items/{item_id}'];
      delete s.paths['/items/{item_id}'];
      for (const op of [item.get, item.delete]) op.parameters[0].name = 'id';
      s.paths['/items/{id}'] = item;
    },
    ['DELETE /items/{id}', 'GET /items/{id}'],
  ],
  'request-parameter-added': [() => {}, (s) => listItems(s).parameters.push({ name: 'offset', in: 'query', schema: int }), 'GET /items'],
  'request-required-parameter-added': [() => {}, (s) => listItems(s).parameters.push({ name: 'tenant', in: 'query', required: true, schema: str }), 'GET /items'],
  'request-parameter-removed': [() => {}, (s) => listItems(s).parameters.shift(), 'GET /items'],
  'request-parameter-required-added': [() => {}, (s) => (limitParam(s).required = true), 'GET /items'],
  'request-parameter-required-removed': [(s) => (limitParam(s).required = true), () => {}, 'GET /items'],
  'request-parameter-style-changed': [() => {}, (s) => (limitParam(s).style = 'spaceDelimited'), 'GET /items'],
  'request-parameter-explode-changed': [() => {}, (s) => (limitParam(s).explode = false), 'GET /items'],
  'request-parameter-deprecation-set': [() => {}, (s) => (limitParam(s).deprecated = true), 'GET /items'],
  'request-parameter-deprecation-removed': [(s) => (limitParam(s).deprecated = true), () => {}, 'GET /items'],
  'request-parameter-allow-empty-value-set': [() => {}, (s) => (limitParam(s).allowEmptyValue = true), 'GET /items'],
  'request-parameter-allow-empty-value-removed': [(s) => (limitParam(s).allowEmptyValue = true), () => {}, 'GET /items'],
  'request-body-added': [(s) => delete createItem(s).requestBody, (s) => (createItem(s).requestBody.required = false), 'POST /items'],
  'request-required-body-added': [(s) => delete createItem(s).requestBody, () => {}, 'POST /items'],
  'request-body-removed': [() => {}, (s) => delete createItem(s).requestBody, 'POST /items'],
  'request-body-required-added': [(s) => (createItem(s).requestBody.required = false), () => {}, 'POST /items'],
  'request-body-required-removed': [() => {}, (s) => (createItem(s).requestBody.required = false), 'POST /items'],
  'request-body-media-type-added': [(s) => delete createItem(s).requestBody.content['application/yaml'], () => {}, 'POST /items'],
  'request-body-media-type-removed': [() => {}, (s) => delete createItem(s).requestBody.content['application/yaml'], 'POST /items'],
  // issue 8 item 7 (form and XML bodies): the Encoding Object of a form request body.
  'request-body-encoding-content-type-changed': [formBody(MULTIPART, {}), formBody(MULTIPART, { name: { contentType: 'application/json' } }), 'POST /items'],
  'request-body-encoding-style-changed': [formBody(FORM, { name: { style: 'form', explode: false } }), formBody(FORM, { name: { style: 'spaceDelimited', explode: false } }), 'POST /items'],
  'request-body-encoding-explode-changed': [formBody(FORM, {}), formBody(FORM, { name: { explode: false } }), 'POST /items'],
  'request-body-encoding-allow-reserved-set': [formBody(FORM, {}), formBody(FORM, { name: { allowReserved: true } }), 'POST /items'],
  'request-body-encoding-allow-reserved-removed': [formBody(FORM, { name: { allowReserved: true } }), formBody(FORM, {}), 'POST /items'],
  'request-body-encoding-header-added': [formBody(MULTIPART, {}), formBody(MULTIPART, noteHeader(false)), 'POST /items'],
  'request-body-encoding-required-header-added': [formBody(MULTIPART, {}), formBody(MULTIPART, noteHeader(true)), 'POST /items'],
  'request-body-encoding-header-removed': [formBody(MULTIPART, noteHeader(false)), formBody(MULTIPART, {}), 'POST /items'],
  'response-success-status-added': [() => {}, (s) => (listItems(s).responses['206'] = { description: 'partial' }), 'GET /items'],
  'response-success-status-removed': [(s) => (listItems(s).responses['206'] = { description: 'partial' }), () => {}, 'GET /items'],
  'response-non-success-status-added': [() => {}, (s) => (listItems(s).responses['429'] = { description: 'slow down' }), 'GET /items'],
  'response-non-success-status-removed': [() => {}, (s) => delete listItems(s).responses['404'], 'GET /items'],
  'response-media-type-added': [(s) => delete ok200(s).content['application/yaml'], () => {}, 'GET /items'],
  'response-media-type-removed': [() => {}, (s) => delete ok200(s).content['application/yaml'], 'GET /items'],
  'response-header-added': [() => {}, (s) => (ok200(s).headers['X-Total'] = { schema: int }), 'GET /items'],
  'response-header-removed': [() => {}, (s) => delete ok200(s).headers['X-Rate-Limit'], 'GET /items'],
  'response-required-header-removed': [() => {}, (s) => delete ok200(s).headers['X-Request-Id'], 'GET /items'],
  'response-header-required-added': [() => {}, (s) => (ok200(s).headers['X-Rate-Limit'].required = true), 'GET /items'],
  'response-header-required-removed': [() => {}, (s) => (ok200(s).headers['X-Request-Id'].required = false), 'GET /items'],
  'endpoint-security-set': [(s) => (listItems(s).security = []), () => {}, 'GET /items'],
  'endpoint-security-removed': [() => {}, (s) => (listItems(s).security = []), 'GET /items'],
  'endpoint-security-requirement-added': [() => {}, (s) => (listItems(s).security = [{ apiKey: [] }, { bearer: [] }]), 'GET /items'],
  'endpoint-security-requirement-removed': [(s) => (listItems(s).security = [{ apiKey: [] }, { bearer: [] }]), () => {}, 'GET /items'],
  'endpoint-security-scope-added': [(s) => (listItems(s).security = [{ oauth: ['items:read'] }]), (s) => (listItems(s).security = [{ oauth: ['items:read', 'items:write'] }]), 'GET /items'],
  'endpoint-security-scope-removed': [(s) => (listItems(s).security = [{ oauth: ['items:read', 'items:write'] }]), (s) => (listItems(s).security = [{ oauth: ['items:read'] }]), 'GET /items'],
  // issue 8 semantic levels (item 7): an alternative that needs one more scheme.
  'endpoint-security-requirement-scheme-added': [(s) => (listItems(s).security = [{ apiKey: [] }]), (s) => (listItems(s).security = [{ apiKey: [], bearer: [] }]), 'GET /items'],
  'api-security-requirement-scheme-added': [() => {}, (s) => (s.security = [{ apiKey: [], bearer: [] }]), 'security'],
  'api-security-set': [(s) => delete s.security, () => {}, 'security'],
  'api-security-removed': [() => {}, (s) => delete s.security, 'security'],
  'api-security-requirement-added': [() => {}, (s) => s.security.push({ bearer: [] }), 'security'],
  'api-security-requirement-removed': [(s) => s.security.push({ bearer: [] }), () => {}, 'security'],
  'api-security-scope-added': [(s) => (s.security = [{ oauth: ['items:read'] }]), (s) => (s.security = [{ oauth: ['items:read', 'items:write'] }]), 'security'],
  'api-security-scope-removed': [(s) => (s.security = [{ oauth: ['items:read', 'items:write'] }]), (s) => (s.security = [{ oauth: ['items:read'] }]), 'security'],
  'api-security-scheme-added': [(s) => delete s.components.securitySchemes.oidc, () => {}, '#/components/securitySchemes/oidc'],
  'api-security-scheme-removed': [() => {}, (s) => delete s.components.securitySchemes.oidc, '#/components/securitySchemes/oidc'],
  'api-security-scheme-type-changed': [() => {}, (s) => (s.components.securitySchemes.bearer = { type: 'apiKey', in: 'header', name: 'Authorization' }), '#/components/securitySchemes/bearer'],
  'api-security-scheme-in-changed': [() => {}, (s) => (scheme(s, 'apiKey').in = 'query'), '#/components/securitySchemes/apiKey'],
  'api-security-scheme-name-changed': [() => {}, (s) => (scheme(s, 'apiKey').name = 'X-Key'), '#/components/securitySchemes/apiKey'],
  'api-security-scheme-scheme-changed': [() => {}, (s) => (scheme(s, 'bearer').scheme = 'basic'), '#/components/securitySchemes/bearer'],
  'api-security-scheme-bearer-format-changed': [() => {}, (s) => (scheme(s, 'bearer').bearerFormat = 'opaque'), '#/components/securitySchemes/bearer'],
  'api-security-scheme-open-id-connect-url-changed': [() => {}, (s) => (scheme(s, 'oidc').openIdConnectUrl = 'https://login.example.com/.well-known/openid-configuration'), '#/components/securitySchemes/oidc'],
  'api-security-scheme-flow-added': [(s) => delete scheme(s, 'oauth').flows.authorizationCode, () => {}, '#/components/securitySchemes/oauth'],
  'api-security-scheme-flow-removed': [() => {}, (s) => delete scheme(s, 'oauth').flows.authorizationCode, '#/components/securitySchemes/oauth'],
  'api-security-scheme-token-url-changed': [() => {}, (s) => (scheme(s, 'oauth').flows.clientCredentials.tokenUrl = 'https://auth.example.com/v2/token'), '#/components/securitySchemes/oauth'],
  'api-security-scheme-authorization-url-changed': [() => {}, (s) => (scheme(s, 'oauth').flows.authorizationCode.authorizationUrl = 'https://auth.example.com/v2/authorize'), '#/components/securitySchemes/oauth'],
  'api-security-scheme-refresh-url-changed': [() => {}, (s) => (scheme(s, 'oauth').flows.clientCredentials.refreshUrl = 'https://auth.example.com/v2/refresh'), '#/components/securitySchemes/oauth'],
  'api-security-scheme-scope-added': [() => {}, (s) => (scheme(s, 'oauth').flows.authorizationCode.scopes['items:write'] = 'write'), '#/components/securitySchemes/oauth'],
  'api-security-scheme-scope-removed': [() => {}, (s) => delete scheme(s, 'oauth').flows.clientCredentials.scopes['items:write'], '#/components/securitySchemes/oauth'],
  'api-server-added': [() => {}, (s) => s.servers.push({ url: 'https://eu.api.example.com/v1' }), 'servers https://eu.api.example.com/v1'],
  'api-server-removed': [(s) => s.servers.push({ url: 'https://eu.api.example.com/v1' }), () => {}, 'servers https://eu.api.example.com/v1'],
  'api-server-variable-default-changed': [() => {}, (s) => (s.servers[0].variables.stage.default = 'beta'), 'servers https://api.example.com/{stage}'],
  'api-server-variable-enum-value-added': [() => {}, (s) => s.servers[0].variables.stage.enum.push('v2'), 'servers https://api.example.com/{stage}'],
  'api-server-variable-enum-value-removed': [() => {}, (s) => s.servers[0].variables.stage.enum.pop(), 'servers https://api.example.com/{stage}'],
  'component-schema-added': [(s) => delete s.components.schemas.Spare, () => {}, '#/components/schemas/Spare'],
  'component-schema-removed': [() => {}, (s) => delete s.components.schemas.Spare, '#/components/schemas/Spare'],
  'component-schema-renamed': [
    () => {},
    (s) => {
      s.components.schemas.Extra = s.components.schemas.Spare;
      delete s.components.schemas.Spare;
    },
    '#/components/schemas/Extra',
  ],
  // issue 8 item 13 (place): `required` naming no declared property (slurmrestd's `nodes/count`)
  'schema-required-undeclared': [() => {}, (s) => s.components.schemas.Item.required.push('nodes/count'), '#/components/schemas/Item'],
};

/**
 * Findings a fixture pair reports besides its own rule's, at the same location, by rule id (or, for schema
 * snippets, by the id without its context prefix). Written by hand: each is a consequence of the edit.
 */
/** Schema snippets whose edit sits inside a property of `Thing` (so the finding is filed there), by hand. */
const SNIPPET_LOCATION: Record<string, string> = {
  'xml-attribute-changed': '#/components/schemas/Thing/properties/id',
};

const ALSO: Record<string, string[]> = {
  // spaceDelimited's default explode is false, form's is true.
  'request-parameter-style-changed': ['request-parameter-explode-changed'],
  // an invalid x-sunset is still an x-sunset that appeared.
  'endpoint-sunset-invalid': ['endpoint-sunset-set'],
  // a new or dropped branch of another type widens or narrows the union's types.
  'one-of-branch-added': ['type-widened'],
  'one-of-branch-removed': ['type-narrowed'],
  'any-of-branch-added': ['type-widened'],
  'any-of-branch-removed': ['type-narrowed'],
};

/** issue 8 item 2: a webhook rule's fixture is its paths rule's fixture with the paths moved under `webhooks` (3.1). */
const asWebhooks = (spec: JsonObject): JsonObject => {
  const { paths, ...rest } = spec;
  return { ...rest, openapi: '3.1.0', webhooks: paths };
};

/** The schema context, its id prefix and the snippet name of a schema rule id, when a snippet exists for it. */
function schemaFixtureOf(id: string): { ctx: SchemaCtx; prefix: string; what: string; snippet: Snippet } | undefined {
  for (const ctx of SCHEMA_CTXS) {
    const prefix = CTX_PREFIX[ctx];
    if (!id.startsWith(`${prefix}-`)) continue;
    const what = id.slice(prefix.length + 1);
    const snippet = SCHEMA_SNIPPETS[what] ?? CTX_SNIPPETS[what]?.(ctx);
    // `request-parameter-x` also starts with `request-`, but no snippet is called `parameter-x`.
    if (snippet) return { ctx, prefix, what, snippet };
  }
  return undefined;
}

/** The fixture pair of a rule id, or undefined when this module has none. */
export function fixtureFor(id: string): RuleFixture | undefined {
  const pathsId = pathsIdOfWebhookRule(id);
  if (pathsId !== undefined) {
    const f = fixtureFor(pathsId);
    return f && { old: asWebhooks(f.old), new: asWebhooks(f.new) };
  }
  const edit = EDITS[id];
  if (edit) {
    const [o, n] = [baseSpec(), baseSpec()];
    edit[0](o);
    edit[1](n);
    return { old: o, new: n };
  }
  const schema = schemaFixtureOf(id);
  if (schema) {
    const { ctx, what, snippet } = schema;
    const version = what in SCHEMA_SNIPPETS_31 ? '3.1.0' : '3.0.3';
    const media = what in XML_SNIPPETS ? 'application/xml' : 'application/json';
    return { old: { ...schemaSpec(ctx, snippet[0], media), openapi: version }, new: { ...schemaSpec(ctx, snippet[1], media), openapi: version } };
  }
  return undefined;
}

export interface ExpectedFinding {
  id: string;
  level: Level;
  location: string;
}

const POLICY = expectedLevels();
const levelOf = (id: string): Level => {
  const level = POLICY.get(id);
  if (!level) throw new Error(`policy.ts has no level for ${id}`);
  return level;
};

/** The paths id → webhook id mapping, as documented for webhook rules: `endpoint-x` → `webhook-x`, else a `webhook-` prefix. */
const asWebhookId = (pathsId: string): string => (pathsId.startsWith('endpoint-') ? `webhook-${pathsId.slice('endpoint-'.length)}` : `webhook-${pathsId}`);
/** `GET /items` → `WEBHOOK /items GET`: how a webhook operation is written in a location. */
const asWebhookLocation = (location: string): string => location.replace(/^([A-Z]+) (.*)$/, 'WEBHOOK $2 $1');

/**
 * Every finding the fixture pair of `id` reports, exactly: its own rule's (at the policy level, at the location
 * written in EDITS, or `#/components/schemas/Thing` for schema snippets) and the ALSO ones. A `schema-…`
 * snippet fixture changes a component no operation uses: info whatever the rule's level (issue 8 item 10).
 */
export function expectedFindings(id: string): ExpectedFinding[] | undefined {
  const pathsId = pathsIdOfWebhookRule(id);
  if (pathsId !== undefined) {
    return expectedFindings(pathsId)?.map((f) => {
      const webhookId = asWebhookId(f.id);
      return { id: webhookId, level: levelOf(webhookId), location: asWebhookLocation(f.location) };
    });
  }
  const edit = EDITS[id];
  if (edit) {
    const ids = [id, ...(ALSO[id] ?? [])];
    const where = typeof edit[2] === 'string' ? [edit[2]] : edit[2];
    return ids.flatMap((i) => where.map((location) => ({ id: i, level: levelOf(i), location })));
  }
  const schema = schemaFixtureOf(id);
  if (schema) {
    const ids = [id, ...(ALSO[schema.what] ?? []).map((w) => `${schema.prefix}-${w}`)];
    const location = SNIPPET_LOCATION[schema.what] ?? '#/components/schemas/Thing';
    return ids.map((i) => ({ id: i, level: schema.ctx === 'schema' ? 'info' : levelOf(i), location }));
  }
  return undefined;
}
