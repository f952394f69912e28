/**
 * What the rule fixtures (rules.test.ts: id, level, location) do not look at, found by Stryker's survivors on
 * src/diff/rules (docs/testing.md, "Mutation score"): the message and both sides (pointer, value) of the bound
 * and keyword rules, the effective bound when a 3.1 schema has both forms, and which added oneOf branches
 * overlap an old one (overlap.ts). Every expectation is written by hand from the schemas in the test.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const THING = '/components/schemas/Thing';

/** A spec whose one request body is the component `Thing`. */
const spec = (thing: JsonObject, version = '3.0.3'): JsonObject => ({
  openapi: version,
  info: { title: 'edges', version: '1' },
  paths: {
    '/things': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#${THING}` } } } },
        responses: { '204': { description: 'created' } },
      },
    },
  },
  components: { schemas: { Thing: thing } },
});

/** id, message and both sides of every finding, request body `Thing` a → b. */
const findings = (a: JsonObject, b: JsonObject, version = '3.0.3') =>
  diffSpecs(spec(a, version), spec(b, version), { now: NOW }).changes.map((c) => ({ id: c.id, message: c.message, old: c.old, new: c.new }));

describe('bound rules: message and sides', () => {
  const str = (extra: JsonObject = {}): JsonObject => ({ type: 'string', ...extra });
  const int = (extra: JsonObject = {}): JsonObject => ({ type: 'integer', ...extra });

  it('maxLength set, removed, increased, decreased', () => {
    expect(findings(str(), str({ maxLength: 10 }))).toEqual([
      { id: 'request-max-length-set', message: 'maxLength set to 10', old: { pointer: THING, value: undefined }, new: { pointer: `${THING}/maxLength`, value: 10 } },
    ]);
    expect(findings(str({ maxLength: 10 }), str())).toEqual([
      { id: 'request-max-length-removed', message: 'maxLength 10 removed', old: { pointer: `${THING}/maxLength`, value: 10 }, new: { pointer: THING, value: undefined } },
    ]);
    expect(findings(str({ maxLength: 10 }), str({ maxLength: 20 }))).toEqual([
      { id: 'request-max-length-increased', message: 'maxLength increased from 10 to 20', old: { pointer: `${THING}/maxLength`, value: 10 }, new: { pointer: `${THING}/maxLength`, value: 20 } },
    ]);
    expect(findings(str({ maxLength: 20 }), str({ maxLength: 10 })).map((f) => [f.id, f.message])).toEqual([['request-max-length-decreased', 'maxLength decreased from 20 to 10']]);
  });

  it('a bound that is no number is no bound', () => {
    expect(findings(str({ maxLength: '10' }), str({ maxLength: 10 })).map((f) => [f.id, f.message])).toEqual([['request-max-length-set', 'maxLength set to 10']]);
    expect(findings(str({ minLength: 1 }), str({ minLength: '1' })).map((f) => [f.id, f.message])).toEqual([['request-min-length-removed', 'minLength 1 removed']]);
  });

  it('minimum and maximum: the effective bound, written as >=, >, <=, <', () => {
    expect(findings(int(), int({ minimum: 1 }))).toEqual([
      { id: 'request-minimum-set', message: 'minimum set: >= 1', old: { pointer: THING }, new: { pointer: `${THING}/minimum`, value: '>= 1' } },
    ]);
    expect(findings(int({ maximum: 10, exclusiveMaximum: true }), int())).toEqual([
      { id: 'request-maximum-removed', message: 'maximum < 10 removed', old: { pointer: `${THING}/maximum`, value: '< 10' }, new: { pointer: THING } },
    ]);
    expect(findings(int({ minimum: 1 }), int({ minimum: 2 })).map((f) => [f.id, f.message])).toEqual([['request-minimum-increased', 'minimum increased from >= 1 to >= 2']]);
    expect(findings(int({ maximum: 20 }), int({ maximum: 10 })).map((f) => [f.id, f.message])).toEqual([['request-maximum-decreased', 'maximum decreased from <= 20 to <= 10']]);
    expect(findings(int({ maximum: 10 }), int({ maximum: 10, exclusiveMaximum: true }))).toEqual([
      {
        id: 'request-exclusive-maximum-set',
        message: 'maximum became exclusive: <= 10 → < 10',
        old: { pointer: `${THING}/maximum`, value: '<= 10' },
        new: { pointer: `${THING}/exclusiveMaximum`, value: '< 10' },
      },
    ]);
    expect(findings(int({ minimum: 1, exclusiveMinimum: true }), int({ minimum: 1 })).map((f) => [f.id, f.message])).toEqual([
      ['request-exclusive-minimum-removed', 'minimum became inclusive: > 1 → >= 1'],
    ]);
  });

  it('3.1 with both minimum and exclusiveMinimum (or both maximums): the tighter one is the bound', () => {
    const same: [JsonObject, JsonObject][] = [
      // Equal values: the exclusive one is tighter.
      [int({ minimum: 5, exclusiveMinimum: 5 }), int({ exclusiveMinimum: 5 })],
      [int({ maximum: 5, exclusiveMaximum: 5 }), int({ exclusiveMaximum: 5 })],
      // Different values: the larger lower bound, the smaller upper bound.
      [int({ minimum: 4, exclusiveMinimum: 5 }), int({ exclusiveMinimum: 5 })],
      [int({ minimum: 6, exclusiveMinimum: 5 }), int({ minimum: 6 })],
      [int({ maximum: 6, exclusiveMaximum: 5 }), int({ exclusiveMaximum: 5 })],
      [int({ maximum: 4, exclusiveMaximum: 5 }), int({ maximum: 4 })],
    ];
    for (const [a, b] of same) expect(findings(a, b, '3.1.0'), JSON.stringify([a, b])).toEqual([]);
    expect(findings(int({ minimum: 6, exclusiveMinimum: 5 }), int({ exclusiveMinimum: 5 }), '3.1.0').map((f) => [f.id, f.message])).toEqual([
      ['request-minimum-decreased', 'minimum decreased from >= 6 to > 5'],
    ]);
  });
});

describe('keyword and flag rules: message and sides', () => {
  it('set, removed and changed name the keyword and show the values as JSON', () => {
    expect(findings({ type: 'string' }, { type: 'string', const: 'x' })).toEqual([
      { id: 'request-const-set', message: 'const set to "x"', old: { pointer: THING, value: undefined }, new: { pointer: `${THING}/const`, value: 'x' } },
    ]);
    expect(findings({ type: 'string', const: 'x' }, { type: 'string' }).map((f) => [f.id, f.message])).toEqual([['request-const-removed', 'const "x" removed']]);
    expect(findings({ type: 'string', const: 'x' }, { type: 'string', const: 'y' }).map((f) => [f.id, f.message])).toEqual([['request-const-changed', 'const changed from "x" to "y"']]);
  });

  it('a long value is cut to 77 characters and an ellipsis; 80 characters are shown whole', () => {
    const long = 'a'.repeat(100);
    const eighty = 'b'.repeat(78); // 80 characters with its quotes
    expect(findings({ type: 'string', default: 'x' }, { type: 'string', default: long }).map((f) => f.message)).toEqual([`default changed from "x" to "${'a'.repeat(76)}…`]);
    expect(findings({ type: 'string', default: 'x' }, { type: 'string', default: eighty }).map((f) => f.message)).toEqual([`default changed from "x" to "${eighty}"`]);
  });

  it('a flag: set and removed, true against anything else', () => {
    expect(findings({ type: 'string' }, { type: 'string', deprecated: true })).toEqual([
      { id: 'request-deprecated-set', message: 'deprecated set', old: { pointer: THING, value: false }, new: { pointer: `${THING}/deprecated`, value: true } },
    ]);
    expect(findings({ type: 'string', deprecated: true }, { type: 'string', deprecated: 'yes' }).map((f) => [f.id, f.message])).toEqual([['request-deprecated-removed', 'deprecated removed']]);
  });
});

describe('oneOf: which added branches overlap an old one (overlap.ts)', () => {
  const body = '#/components/schemas/Thing';
  /**
   * The oneOf rule reported when `added` joins a oneOf that held `old` alone (request body). A one-branch oneOf
   * is also read as its branch, so a new type may add a type change too: only the oneOf finding is looked at.
   */
  const verdict = (old: JsonObject, added: JsonObject, version = '3.0.3'): string[] =>
    diffSpecs(spec({ oneOf: [old] }, version), spec({ oneOf: [old, added] }, version), { now: NOW })
      .changes.filter((c) => c.id.includes('one-of-branch'))
      .map((c) => `${c.id} ${c.location}`);
  const OVERLAP = [`request-one-of-branch-added-overlapping ${body}`];
  const APART = [`request-one-of-branch-added ${body}`];
  const int = { type: 'integer' };
  const num = { type: 'number' };
  const str = { type: 'string' };

  const CASES: [string, JsonObject, JsonObject, string[]][] = [
    ['string / integer', str, int, APART],
    ['nullable string / nullable integer: both accept null', { ...str, nullable: true }, { ...int, nullable: true }, OVERLAP],
    ['nullable string / integer', { ...str, nullable: true }, int, APART],
    ['integer / number (an integer is a number)', int, num, OVERLAP],
    ['number / integer', num, int, OVERLAP],
    ['enums sharing a value', { enum: ['a', 'b'] }, { enum: ['b', 'c'] }, OVERLAP],
    ['enums sharing none', { enum: ['a', 'b'] }, { enum: ['c'] }, APART],
    ['const string / integer', { const: 'a' }, int, APART],
    ['const 3 / number', { const: 3 }, num, OVERLAP],
    ['enum [null] / nullable string', { enum: [null] }, { ...str, nullable: true }, OVERLAP],
    ['enum [null] / string', { enum: [null] }, str, APART],
    ['string / const "x"', str, { const: 'x' }, OVERLAP],
    ['integer / const "x"', int, { const: 'x' }, APART],
    ['uuid / date-time strings', { ...str, format: 'uuid' }, { ...str, format: 'date-time' }, APART],
    ['uuid string / any string', { ...str, format: 'uuid' }, str, OVERLAP],
    ['int32 / int64 formats name a size, never tell apart', { ...str, format: 'int32' }, { ...str, format: 'int64' }, OVERLAP],
    ['patterns ^a / ^b', { ...str, pattern: '^a' }, { ...str, pattern: '^b' }, APART],
    ['the same pattern', { ...str, pattern: '^a' }, { ...str, pattern: '^a' }, OVERLAP],
    ['one pattern only', { ...str, pattern: '^a' }, str, OVERLAP],
    ['maxLength 3 / minLength 4', { ...str, maxLength: 3 }, { ...str, minLength: 4 }, APART],
    ['maxLength 3 / minLength 3: length 3 fits both', { ...str, maxLength: 3 }, { ...str, minLength: 3 }, OVERLAP],
    ['minLength 4 / maxLength 3', { ...str, minLength: 4 }, { ...str, maxLength: 3 }, APART],
    ['maximum 0 / minimum 0: 0 fits both', { ...int, maximum: 0 }, { ...int, minimum: 0 }, OVERLAP],
    ['maximum 0 exclusive (3.0) / minimum 0', { ...int, maximum: 0, exclusiveMaximum: true }, { ...int, minimum: 0 }, APART],
    ['maximum 0 / minimum 0 exclusive (3.0)', { ...int, maximum: 0 }, { ...int, minimum: 0, exclusiveMinimum: true }, APART],
    ['minimum 10 / maximum 5', { ...int, minimum: 10 }, { ...int, maximum: 5 }, APART],
    ['maximum 5 / minimum 10', { ...int, maximum: 5 }, { ...int, minimum: 10 }, APART],
    ['minimum 1 / maximum 9', { ...int, minimum: 1 }, { ...int, maximum: 9 }, OVERLAP],
    ['no type: a range does not tell strings apart', { minimum: 5 }, { maximum: 1 }, OVERLAP],
    ['no type / string: any type includes strings', { minLength: 4 }, { maxLength: 3 }, OVERLAP],
  ];
  const CASES_31: [string, JsonObject, JsonObject, string[]][] = [
    ['exclusiveMaximum 5 below maximum 10 / minimum 5', { ...num, maximum: 10, exclusiveMaximum: 5 }, { ...num, minimum: 5 }, APART],
    ['exclusiveMaximum 10 above maximum 5 / minimum 5', { ...num, maximum: 5, exclusiveMaximum: 10 }, { ...num, minimum: 5 }, OVERLAP],
    ['exclusiveMinimum -5 below minimum 0 / maximum -2', { ...num, minimum: 0, exclusiveMinimum: -5 }, { ...num, maximum: -2 }, APART],
    ['exclusiveMinimum 0 / maximum 0', { ...num, exclusiveMinimum: 0 }, { ...num, maximum: 0 }, APART],
  ];

  it.each(CASES)('%s', (_what, old, added, expected) => {
    expect(verdict(old, added)).toEqual(expected);
  });

  it.each(CASES_31)('3.1: %s', (_what, old, added, expected) => {
    expect(verdict(old, added, '3.1.0')).toEqual(expected);
  });

  describe('objects', () => {
    const obj = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });
    const kind = (value: string) => obj({ kind: { const: value } }, { required: ['kind'] });

    it('open objects requiring nothing both match any object', () => {
      expect(verdict(obj({ a: str }), obj({ a: int }))).toEqual(OVERLAP);
    });

    it('a property the new branch requires and the old one does not declare: old values never carry it', () => {
      expect(verdict(obj({ a: str }), obj({ b: str }, { required: ['b'] }))).toEqual(APART);
      // …but the other way round, the old branch's own required property may be in a new value.
      expect(verdict(obj({ a: str }, { required: ['a'] }), obj({ b: str }))).toEqual(OVERLAP);
    });

    it('a closed object lacks what the other requires', () => {
      expect(verdict(obj({ b: str }, { required: ['b'] }), obj({ a: str }, { additionalProperties: false }))).toEqual(APART);
    });

    it('a required property whose schemas share no value tells them apart; one that shares does not', () => {
      expect(verdict(kind('x'), kind('y'))).toEqual(APART);
      expect(verdict(kind('x'), obj({ kind: str }, { required: ['kind'] }))).toEqual(OVERLAP);
    });

    it('looks three levels deep: a difference below that is not seen', () => {
      const chain = (names: string[], leaf: JsonObject): JsonObject =>
        names.reduceRight<JsonObject>((inner, name) => obj({ [name]: inner }, { required: [name] }), leaf);
      expect(verdict(chain(['a', 'b'], { const: 1 }), chain(['a', 'b'], { const: 2 }))).toEqual(APART);
      expect(verdict(chain(['a', 'b', 'c'], { const: 1 }), chain(['a', 'b', 'c'], { const: 2 }))).toEqual(OVERLAP);
    });
  });
});

describe('removing a deprecated property: why it is retired or early (deprecation.ts)', () => {
  /** The message of the removal of property `a` (optional, deprecated, with `extra`) from the request body. */
  const removal = (extra: JsonObject, opts: { now?: Date; deprecationDays?: number; deprecatedSince?: Date } = {}): string[] =>
    diffSpecs(
      spec({ type: 'object', properties: { a: { type: 'string', deprecated: true, ...extra }, b: { type: 'string' } } }),
      spec({ type: 'object', properties: { b: { type: 'string' } } }),
      { now: NOW, ...opts },
    ).changes.map((c) => c.message);

  it('an x-sunset passed or ahead, also written x-sunset-date', () => {
    expect(removal({ 'x-sunset': '2025-06-01' })).toEqual(["optional property 'a' removed (x-sunset 2025-06-01 has passed)"]);
    expect(removal({ 'x-sunset': '2026-06-01' })).toEqual(["optional property 'a' removed (before its x-sunset 2026-06-01)"]);
    expect(removal({ 'x-sunset-date': '2025-06-01' })).toEqual(["optional property 'a' removed (x-sunset 2025-06-01 has passed)"]);
    expect(removal({ 'x-sunset-date': '2026-06-01' })).toEqual(["optional property 'a' removed (before its x-sunset 2026-06-01)"]);
  });

  it('a leap second is the second before it, not the minute', () => {
    const sunset = { 'x-sunset': '2025-12-31T23:59:60Z' };
    expect(removal(sunset, { now: new Date('2025-12-31T23:59:30Z') })).toEqual(["optional property 'a' removed (before its x-sunset 2025-12-31T23:59:60Z)"]);
    expect(removal(sunset, { now: new Date('2025-12-31T23:59:59Z') })).toEqual(["optional property 'a' removed (x-sunset 2025-12-31T23:59:60Z has passed)"]);
  });

  it('--deprecation-days: without --deprecated-since, before and after the period; a malformed x-sunset is named', () => {
    expect(removal({}, { deprecationDays: 30 })).toEqual([
      "optional property 'a' removed (deprecated for an unknown time: --deprecation-days 30 needs --deprecated-since DATE)",
    ]);
    expect(removal({}, { deprecationDays: 30, deprecatedSince: new Date('2025-12-20T00:00:00Z') })).toEqual([
      "optional property 'a' removed (deprecated since 2025-12-20: 12 of --deprecation-days 30)",
    ]);
    expect(removal({ 'x-sunset': 'soon' }, { deprecationDays: 30, deprecatedSince: new Date('2025-11-01T00:00:00Z') })).toEqual([
      'optional property \'a\' removed (deprecated since 2025-11-01 or earlier, 61 days ≥ --deprecation-days 30; its x-sunset "soon" is not a date)',
      // …and the malformed x-sunset itself, as whenever one is set or changed.
      'property \'a\': x-sunset "soon" is not an RFC 3339 date (YYYY-MM-DD) or date-time',
    ]);
    expect(removal({}, { deprecationDays: 30, deprecatedSince: new Date('2026-02-01T00:00:00Z') })).toEqual([
      "optional property 'a' removed (deprecated since 2026-02-01: 0 of --deprecation-days 30)",
    ]);
  });
});

describe('a component no operation uses has no direction (define.ts directionOf)', () => {
  it('a writeOnly or readOnly property removed from it is reported: neither direction hides it', () => {
    const unused = (properties: JsonObject): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 'edges', version: '1' },
      paths: {},
      components: { schemas: { Thing: { type: 'object', properties } } },
    });
    const b = { type: 'string' };
    for (const flag of ['writeOnly', 'readOnly']) {
      const report = diffSpecs(unused({ a: { type: 'string', [flag]: true }, b }), unused({ b }), { now: NOW });
      expect(report.changes.map((c) => [c.id, c.level, c.location, c.message]), flag).toEqual([
        ['schema-property-removed', 'info', '#/components/schemas/Thing', "optional property 'a' removed (not used by any operation)"],
      ]);
    }
  });
});

describe('security schemes: message, sides and fingerprint detail', () => {
  const S = '/components/securitySchemes';
  const doc = (schemes: JsonObject): JsonObject => ({
    openapi: '3.0.3',
    info: { title: 'edges', version: '1' },
    paths: {},
    components: { securitySchemes: schemes },
  });
  const oauth = (flows: JsonObject): JsonObject => ({ type: 'oauth2', flows });
  const cc = (scopes: JsonObject, tokenUrl = 'https://a.example/token'): JsonObject => ({ tokenUrl, scopes });
  const found = (a: JsonObject, b: JsonObject) =>
    diffSpecs(doc(a), doc(b), { now: NOW }).changes.map((c) => ({ id: c.id, message: c.message, old: c.old, new: c.new }));

  it('flows and scopes added and removed, and a token URL changed, point into each side', () => {
    expect(found({ o: oauth({ clientCredentials: cc({ read: 'r' }) }) }, { o: oauth({ clientCredentials: cc({ read: 'r', write: 'w' }), password: cc({}) }) })).toEqual([
      { id: 'api-security-scheme-flow-added', message: "security scheme 'o' flow password added", old: { pointer: `${S}/o/flows` }, new: { pointer: `${S}/o/flows/password`, value: cc({}) } },
      { id: 'api-security-scheme-scope-added', message: "security scheme 'o' flow clientCredentials scope 'write' added", old: { pointer: `${S}/o/flows/clientCredentials/scopes` }, new: { pointer: `${S}/o/flows/clientCredentials/scopes`, value: 'write' } },
    ]);
    expect(found({ o: oauth({ clientCredentials: cc({ read: 'r', write: 'w' }), password: cc({}) }) }, { o: oauth({ clientCredentials: cc({ read: 'r' }, 'https://b.example/token') }) })).toEqual([
      { id: 'api-security-scheme-flow-removed', message: "security scheme 'o' flow password removed", old: { pointer: `${S}/o/flows/password`, value: cc({}) }, new: { pointer: `${S}/o/flows` } },
      { id: 'api-security-scheme-scope-removed', message: "security scheme 'o' flow clientCredentials scope 'write' removed", old: { pointer: `${S}/o/flows/clientCredentials/scopes`, value: 'write' }, new: { pointer: `${S}/o/flows/clientCredentials/scopes` } },
      {
        id: 'api-security-scheme-token-url-changed',
        message: 'security scheme \'o\' flow clientCredentials tokenUrl changed from "https://a.example/token" to "https://b.example/token"',
        old: { pointer: `${S}/o/flows/clientCredentials/tokenUrl`, value: 'https://a.example/token' },
        new: { pointer: `${S}/o/flows/clientCredentials/tokenUrl`, value: 'https://b.example/token' },
      },
    ]);
  });

  it('HTTP auth scheme names compare without case (RFC 7235); other fields with it', () => {
    expect(found({ h: { type: 'http', scheme: 'Bearer' } }, { h: { type: 'http', scheme: 'bearer' } })).toEqual([]);
    expect(found({ h: { type: 'http', scheme: 'bearer' } }, { h: { type: 'http', scheme: 'basic' } })).toEqual([
      { id: 'api-security-scheme-scheme-changed', message: 'security scheme \'h\' scheme changed from "bearer" to "basic"', old: { pointer: `${S}/h/scheme`, value: 'bearer' }, new: { pointer: `${S}/h/scheme`, value: 'basic' } },
    ]);
    expect(found({ k: { type: 'apiKey', in: 'header', name: 'X-Key' } }, { k: { type: 'apiKey', in: 'header', name: 'x-key' } }).map((f) => f.id)).toEqual(['api-security-scheme-name-changed']);
  });

  it('two scopes removed from one flow are two findings with two fingerprints', () => {
    const report = diffSpecs(doc({ o: oauth({ clientCredentials: cc({ a: '', b: '' }) }) }), doc({ o: oauth({ clientCredentials: cc({}) }) }), { now: NOW });
    expect(report.changes.map((c) => c.message)).toEqual(["security scheme 'o' flow clientCredentials scope 'a' removed", "security scheme 'o' flow clientCredentials scope 'b' removed"]);
    expect(new Set(report.changes.map((c) => c.fingerprint)).size).toBe(2);
  });
});

describe('operation and parameter rules: message and sides', () => {
  const OP = '/paths/~1items/get';
  const doc = (op: JsonObject): JsonObject => ({
    openapi: '3.0.3',
    info: { title: 'edges', version: '1' },
    paths: { '/items': { get: { responses: { '204': { description: 'ok' } }, ...op } } },
  });
  const found = (a: JsonObject, b: JsonObject) =>
    diffSpecs(doc(a), doc(b), { now: NOW })
      .changes.map((c) => ({ id: c.id, message: c.message, old: c.old, new: c.new }))
      .sort((x, y) => x.id.localeCompare(y.id));
  const at = (field: string, value?: unknown) => ({ pointer: `${OP}/${field}`, value });
  /** A side where the field is not written points at the operation (the nearest place that exists). */
  const bare = (value?: unknown) => ({ pointer: OP, value });

  it('deprecated, x-sunset and operationId on the operation', () => {
    expect(found({}, { deprecated: true, 'x-sunset': '2027-01-01' })).toEqual([
      { id: 'endpoint-deprecation-set', message: 'operation deprecated', old: bare(false), new: at('deprecated', true) },
      { id: 'endpoint-sunset-set', message: 'sunset date set to "2027-01-01"', old: bare(), new: at('x-sunset', '2027-01-01') },
    ]);
    expect(found({ deprecated: true, 'x-sunset': '2027-01-01' }, { 'x-sunset': 'later' })).toEqual([
      { id: 'endpoint-deprecation-removed', message: 'operation no longer deprecated', old: at('deprecated', true), new: bare(false) },
      { id: 'endpoint-sunset-changed', message: 'sunset date changed from "2027-01-01" to "later"', old: at('x-sunset', '2027-01-01'), new: at('x-sunset', 'later') },
      { id: 'endpoint-sunset-invalid', message: 'x-sunset "later" is not an RFC 3339 date (YYYY-MM-DD) or date-time', old: at('x-sunset', '2027-01-01'), new: at('x-sunset', 'later') },
    ]);
    expect(found({ 'x-sunset': 'later' }, {})).toEqual([
      { id: 'endpoint-sunset-invalid', message: 'the old x-sunset "later" was not an RFC 3339 date or date-time', old: at('x-sunset', 'later'), new: bare() },
      { id: 'endpoint-sunset-removed', message: 'sunset date "later" removed', old: at('x-sunset', 'later'), new: bare() },
    ]);
    expect(found({}, { operationId: 'list' })).toEqual([
      { id: 'endpoint-operation-id-added', message: 'operationId "list" added', old: bare(), new: at('operationId', 'list') },
    ]);
    expect(found({ operationId: 'list' }, { operationId: 'listItems' }).map((f) => f.message)).toEqual(['operationId changed from "list" to "listItems"']);
    expect(found({ operationId: 'list' }, {}).map((f) => [f.id, f.message])).toEqual([['endpoint-operation-id-removed', 'operationId "list" removed']]);
  });

  it('tags: strings only, each added or removed one pointing at the tags', () => {
    expect(found({ tags: ['a', 7] }, { tags: ['b', 'a'] })).toEqual([
      { id: 'endpoint-tag-added', message: "tag 'b' added", old: { pointer: `${OP}/tags` }, new: { pointer: `${OP}/tags`, value: 'b' } },
    ]);
    expect(found({ tags: 'a' }, { tags: ['a'] }).map((f) => f.message)).toEqual(["tag 'a' added"]);
    expect(found({ tags: ['a', 'b'] }, {}).map((f) => [f.id, f.message, f.old?.pointer, f.old?.value])).toEqual([
      ['endpoint-tag-removed', "tag 'a' removed", `${OP}/tags`, 'a'],
      ['endpoint-tag-removed', "tag 'b' removed", `${OP}/tags`, 'b'],
    ]);
  });

  it('a parameter: required, deprecated, allowEmptyValue, explode and style, at the parameter (itself where not written)', () => {
    const P = `${OP}/parameters/0`;
    const q = (extra: JsonObject = {}, where = 'query') => ({ parameters: [{ name: 'q', in: where, schema: { type: 'string' }, ...extra }] });
    expect(found(q(), q({ required: true, deprecated: true, allowEmptyValue: true }))).toEqual([
      { id: 'request-parameter-allow-empty-value-set', message: "query parameter 'q' now allows an empty value", old: { pointer: P, value: false }, new: { pointer: `${P}/allowEmptyValue`, value: true } },
      { id: 'request-parameter-deprecation-set', message: "query parameter 'q' deprecated", old: { pointer: P, value: false }, new: { pointer: `${P}/deprecated`, value: true } },
      { id: 'request-parameter-required-added', message: "query parameter 'q' became required", old: { pointer: P, value: false }, new: { pointer: `${P}/required`, value: true } },
    ]);
    expect(found(q({ required: true, deprecated: true, allowEmptyValue: true }), q()).map((f) => f.message)).toEqual([
      "query parameter 'q' no longer allows an empty value",
      "query parameter 'q' no longer deprecated",
      "query parameter 'q' became optional",
    ]);
    // Defaults written down are no change: style form (query, cookie) or simple (path, header); explode follows form.
    expect(found(q(), q({ style: 'form', explode: true }))).toEqual([]);
    expect(found(q({}, 'cookie'), q({ style: 'form' }, 'cookie'))).toEqual([]);
    expect(found(q({}, 'header'), q({ style: 'simple', explode: false }, 'header'))).toEqual([]);
    expect(found(q({}, 'header'), q({ style: 'form' }, 'header')).map((f) => [f.id, f.old, f.new])).toEqual([
      // explode is written on neither side: false with style simple, true with style form.
      ['request-parameter-explode-changed', { pointer: P, value: false }, { pointer: P, value: true }],
      ['request-parameter-style-changed', { pointer: P, value: 'simple' }, { pointer: `${P}/style`, value: 'form' }],
    ]);
  });
});
