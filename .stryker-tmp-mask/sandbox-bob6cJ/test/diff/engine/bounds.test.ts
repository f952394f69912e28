/**
 * minimum / maximum with exclusiveMinimum / exclusiveMaximum in both forms (OpenAPI 3.0: a flag beside the
 * bound; 3.1: the bound itself), compared as the effective bound. Expected rule ids and levels per direction
 * are written by hand: narrowing breaks request writers (info for readers), widening warns response readers
 * (info for writers).
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

/** A spec using `schema` as a request body (POST), a response body (GET), a query parameter and a response header. */
function spec(schema: JsonObject): JsonObject {
  const s = () => structuredClone(schema);
  return {
    openapi: '3.1.0',
    info: { title: 'bounds', version: '1' },
    paths: {
      '/n': {
        post: { operationId: 'send', requestBody: { required: true, content: { 'application/json': { schema: s() } } }, responses: { '204': { description: 'ok' } } },
        get: {
          operationId: 'read',
          parameters: [{ name: 'n', in: 'query', schema: s() }],
          responses: { '200': { description: 'ok', headers: { 'X-N': { schema: s() } }, content: { 'application/json': { schema: s() } } } },
        },
      },
    },
  };
}

type Levels = [request: string, response: string];
const num = (extra: JsonObject): JsonObject => ({ type: 'number', ...extra });

/** [what, old, new, rule id without its prefix (undefined: no change), levels for request body and response body]. */
const CASES: [string, JsonObject, JsonObject, string | undefined, Levels | undefined][] = [
  // lower bounds
  ['3.0 minimum + exclusiveMinimum: true ≡ 3.1 exclusiveMinimum', num({ minimum: 1, exclusiveMinimum: true }), num({ exclusiveMinimum: 1 }), undefined, undefined],
  ['3.1 minimum beside a looser exclusiveMinimum: the tighter one counts', num({ minimum: 5, exclusiveMinimum: 1 }), num({ minimum: 5 }), undefined, undefined],
  ['3.1 minimum and exclusiveMinimum at one value ≡ exclusiveMinimum', num({ minimum: 1, exclusiveMinimum: 1 }), num({ exclusiveMinimum: 1 }), undefined, undefined],
  ['3.0 exclusiveMinimum: true without minimum means nothing', num({ exclusiveMinimum: true }), num({}), undefined, undefined],
  ['minimum: 1 → exclusiveMinimum: 1 (3.1) narrows', num({ minimum: 1 }), num({ exclusiveMinimum: 1 }), 'exclusive-minimum-set', ['breaking', 'info']],
  ['minimum: 1 → exclusiveMinimum: true beside it (3.0) narrows', num({ minimum: 1 }), num({ minimum: 1, exclusiveMinimum: true }), 'exclusive-minimum-set', ['breaking', 'info']],
  ['exclusiveMinimum: 1 → minimum: 1 widens', num({ exclusiveMinimum: 1 }), num({ minimum: 1 }), 'exclusive-minimum-removed', ['info', 'warning']],
  ['a larger exclusive lower bound narrows', num({ exclusiveMinimum: 1 }), num({ exclusiveMinimum: 2 }), 'minimum-increased', ['breaking', 'info']],
  ['a smaller exclusive lower bound widens', num({ exclusiveMinimum: 2 }), num({ exclusiveMinimum: 1 }), 'minimum-decreased', ['info', 'warning']],
  ['3.0 exclusive 1 → 3.1 inclusive 2 narrows', num({ minimum: 1, exclusiveMinimum: true }), num({ minimum: 2 }), 'minimum-increased', ['breaking', 'info']],
  ['inclusive 2 → exclusive 1 widens', num({ minimum: 2 }), num({ exclusiveMinimum: 1 }), 'minimum-decreased', ['info', 'warning']],
  ['an exclusive lower bound added narrows', num({}), num({ exclusiveMinimum: 0 }), 'minimum-set', ['breaking', 'info']],
  ['an exclusive lower bound removed widens', num({ minimum: 0, exclusiveMinimum: true }), num({}), 'minimum-removed', ['info', 'warning']],
  // upper bounds
  ['3.0 maximum + exclusiveMaximum: true ≡ 3.1 exclusiveMaximum', num({ maximum: 10, exclusiveMaximum: true }), num({ exclusiveMaximum: 10 }), undefined, undefined],
  ['maximum: 10 → exclusiveMaximum: 10 narrows', num({ maximum: 10 }), num({ exclusiveMaximum: 10 }), 'exclusive-maximum-set', ['breaking', 'info']],
  ['exclusiveMaximum: true removed (3.0) widens', num({ maximum: 10, exclusiveMaximum: true }), num({ maximum: 10 }), 'exclusive-maximum-removed', ['info', 'warning']],
  ['a larger exclusive upper bound widens', num({ exclusiveMaximum: 10 }), num({ exclusiveMaximum: 20 }), 'maximum-increased', ['info', 'warning']],
  ['a smaller exclusive upper bound narrows', num({ exclusiveMaximum: 20 }), num({ exclusiveMaximum: 10 }), 'maximum-decreased', ['breaking', 'info']],
  ['inclusive 10 → exclusive 11 widens', num({ maximum: 10 }), num({ exclusiveMaximum: 11 }), 'maximum-increased', ['info', 'warning']],
  ['an exclusive upper bound added narrows', num({}), num({ exclusiveMaximum: 5 }), 'maximum-set', ['breaking', 'info']],
];

describe('effective numeric bounds (exclusiveMinimum / exclusiveMaximum, both forms)', () => {
  it.each(CASES)('%s', (_what, a, b, what, levels) => {
    const changes = diffSpecs(spec(a), spec(b)).changes;
    if (what === undefined) {
      expect(changes).toEqual([]);
      return;
    }
    const [request, response] = levels as Levels;
    // Request body and query parameter: request levels; response body and header: response levels.
    expect(changes.map((c) => [c.id, c.level]).sort()).toEqual(
      [
        [`request-${what}`, request],
        [`request-parameter-${what}`, request],
        [`response-${what}`, response],
        [`response-header-${what}`, response],
      ].sort(),
    );
    // The mirror edit is reported too (no change goes unseen in either direction).
    expect(diffSpecs(spec(b), spec(a)).changes).toHaveLength(4);
  });

  it('points at the keyword that sets the bound on each side', () => {
    const [c] = diffSpecs(spec(num({ minimum: 1 })), spec(num({ exclusiveMinimum: 1 }))).changes.filter((x) => x.id === 'request-exclusive-minimum-set');
    expect(c.old?.pointer).toBe('/paths/~1n/post/requestBody/content/application~1json/schema/minimum');
    expect(c.new?.pointer).toBe('/paths/~1n/post/requestBody/content/application~1json/schema/exclusiveMinimum');
    expect([c.old?.value, c.new?.value]).toEqual(['>= 1', '> 1']);
    const [d] = diffSpecs(spec(num({ maximum: 10, exclusiveMaximum: true })), spec(num({ maximum: 20, exclusiveMaximum: true }))).changes.filter((x) => x.id === 'response-maximum-increased');
    expect(d.new?.pointer).toBe('/paths/~1n/get/responses/200/content/application~1json/schema/maximum');
    expect(d.message).toBe('maximum increased from < 10 to < 20');
  });
});
