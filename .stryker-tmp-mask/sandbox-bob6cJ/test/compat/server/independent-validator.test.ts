/** The second-opinion validator used by server.test.ts bites: it rejects what the spec forbids, and reads 3.0's nullable and writeOnly. */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { miniSpec30 } from '../exchange/mini-specs.js';
import { independentResponseValidator } from './independent-validator.js';

describe('independent response validator (jsonschema)', () => {
  const check = independentResponseValidator(miniSpec30()).check;
  const item = (extra: object) => JSON.stringify({ item_id: 1, node_name: 'n', hold: true, ...extra });

  it('accepts a valid answer: writeOnly `secret` absent, nullable `comment` null, oneOf branch by $ref', () => {
    expect(check('/items/{item_id}', 'get', 200, item({ comment: null, value: { amount: 3, unit: 'kB' } }))).toEqual([]);
    expect(check('/items/{item_id}', 'delete', 204, '')).toEqual([]);
  });

  it('rejects wrong types, missing required properties, unknown properties, bad enum values and undocumented statuses', () => {
    expect(check('/items/{item_id}', 'get', 200, item({ hold: 'yes' }))).toEqual(['get /items/{item_id} 200: instance.hold is not of a type(s) boolean']);
    expect(check('/items/{item_id}', 'get', 200, JSON.stringify({ item_id: 1, hold: true }))).toEqual(['get /items/{item_id} 200: instance requires property "node_name"']);
    expect(check('/items/{item_id}', 'get', 200, item({ nodeName: 'n' }))).not.toEqual([]);
    expect(check('/items/{item_id}', 'get', 200, item({ value: { amount: 3, unit: 'GB' } }))).not.toEqual([]);
    expect(check('/items', 'get', 200, JSON.stringify({ items: [JSON.parse(item({ score: 0 }))] }))).not.toEqual([]);
    expect(check('/items/{item_id}', 'get', 201, item({}))).toEqual(['get /items/{item_id}: status 201 is not documented']);
    expect(check('/items/{item_id}', 'delete', 204, '{}')).toEqual(['delete /items/{item_id} 204: a body where the spec documents none']);
  });
});
