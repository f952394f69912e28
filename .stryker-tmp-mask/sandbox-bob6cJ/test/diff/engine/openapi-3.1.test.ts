/**
 * Our own OpenAPI 3.1 fixture pair (fixtures/openapi-3.1/events-api): every difference between the two
 * releases is listed here by hand with its rule id, level and location, and nothing else is reported.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import { fixturePath, readSpec } from './helpers.js';

const dir = fixturePath('openapi-3.1', 'events-api');
const oldSpec = readSpec(`${dir}/old.yaml`);
const newSpec = readSpec(`${dir}/new.yaml`);

const EVENT = '#/components/schemas/Event';
const NEW_EVENT = '#/components/schemas/NewEvent';

/** [rule id, level, location, operationIds]: one line per edit made to old.yaml. */
const EXPECTED: [string, string, string, string[]][] = [
  // Batch: `maxContains: 5` → 3 beside `contains` (request: fewer matching items allowed).
  ['request-max-contains-decreased', 'breaking', '#/components/schemas/Batch', ['createBatch']],
  // Event (a response): examples added, unevaluatedProperties: false removed. Its `xml` was added too, but Event is only
  // sent as application/json, where `xml` changes nothing on the wire: not reported (docs/diff.md, form and XML bodies).
  ['response-examples-changed', 'info', EVENT, ['createEvent', 'getEvent', 'listEvents']],
  ['response-unevaluated-properties-closed-removed', 'warning', EVENT, ['createEvent', 'getEvent', 'listEvents']],
  // coords: a closed tuple (items: false) got a third position.
  ['response-prefix-items-added', 'warning', `${EVENT}/properties/coords`, ['createEvent', 'getEvent', 'listEvents']],
  // meta: the schema for names matching ^x- went from string to integer.
  ['response-type-changed', 'breaking', `${EVENT}/properties/meta/patternProperties/^x-`, ['createEvent', 'getEvent', 'listEvents']],
  // payload: contentMediaType application/json → application/cbor.
  ['response-content-media-type-changed', 'warning', `${EVENT}/properties/payload`, ['createEvent', 'getEvent', 'listEvents']],
  // tags: the `contains` schema's enum gained a value.
  ['response-enum-value-added', 'warning', `${EVENT}/properties/tags/contains`, ['createEvent', 'getEvent', 'listEvents']],
  // NewEvent (a request, also through Batch's items): dependentRequired dropped, `if` condition changed.
  ['request-dependent-required-removed', 'info', NEW_EVENT, ['createBatch', 'createEvent']],
  ['request-if-changed', 'warning', NEW_EVENT, ['createBatch', 'createEvent']],
  // $defs/Code maxLength 8 → 6 (nothing references it: still compared).
  ['request-max-length-decreased', 'breaking', `${NEW_EVENT}/$defs/Code`, ['createBatch', 'createEvent']],
  // labels: propertyNames maxLength 20 → 10.
  ['request-max-length-decreased', 'breaking', `${NEW_EVENT}/properties/labels/propertyNames`, ['createBatch', 'createEvent']],
  // note: type [string, "null"] → string.
  ['request-nullable-removed', 'breaking', `${NEW_EVENT}/properties/note`, ['createBatch', 'createEvent']],
  // priority: exclusiveMaximum: 10 → maximum: 10 (widens), minimum: 0 → exclusiveMinimum: 0 (narrows).
  ['request-exclusive-maximum-removed', 'info', `${NEW_EVENT}/properties/priority`, ['createBatch', 'createEvent']],
  ['request-exclusive-minimum-set', 'breaking', `${NEW_EVENT}/properties/priority`, ['createBatch', 'createEvent']],
  // then: note minLength 1 → 3.
  ['request-min-length-increased', 'breaking', `${NEW_EVENT}/then/properties/note`, ['createBatch', 'createEvent']],
  // GET /events?kind: type [string, "null"] → string.
  ['request-parameter-nullable-removed', 'breaking', '#/paths/~1events/get/parameters/0/schema', ['listEvents']],
];

describe('OpenAPI 3.1 fixture pair (events-api)', () => {
  it('reports exactly the hand-listed changes, each once, at its own place and level', () => {
    const got = diffSpecs(oldSpec, newSpec).changes.map((c) => [c.id, c.level, c.location, c.operations.map((o) => o.operationId ?? '').sort()]);
    const key = (r: unknown[]) => JSON.stringify(r);
    expect(got.map(key).sort()).toEqual(EXPECTED.map(key).sort());
  });

  it('each release compared with itself is no change', () => {
    expect(diffSpecs(oldSpec, structuredClone(oldSpec)).changes).toEqual([]);
    expect(diffSpecs(newSpec, structuredClone(newSpec)).changes).toEqual([]);
  });

  it('the reverse diff reports as many changes (every edit is seen both ways)', () => {
    expect(diffSpecs(newSpec, oldSpec).changes).toHaveLength(EXPECTED.length);
  });
});
