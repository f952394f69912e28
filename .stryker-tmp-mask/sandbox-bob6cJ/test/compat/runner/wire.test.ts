/**
 * The fake client's own serialiser (wire.ts) against the OpenAPI 3 style/explode table, written out by hand
 * here; and the fake client (helpers.ts) uses it, not the reference server's serialisers or operation listing.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { miniSpec30 } from '../exchange/mini-specs.js';
import { pathPart, queryPart, wireOperations, wireUrl, type WireParameter } from './wire.js';

const param = (name: string, where: WireParameter['in'], style: string, explode: boolean): WireParameter => ({ name, in: where, style, explode, content: false });
const list = ['blue', 'black', 'brown'];
const rgb = { R: 100, G: 200, B: 150 };

describe('query parameters', () => {
  it.each([
    ['form', true, 5, 'color=5'],
    ['form', true, list, 'color=blue&color=black&color=brown'],
    ['form', false, list, 'color=blue,black,brown'],
    ['form', true, rgb, 'R=100&G=200&B=150'],
    ['form', false, rgb, 'color=R,100,G,200,B,150'],
    ['spaceDelimited', false, list, 'color=blue%20black%20brown'],
    ['pipeDelimited', false, list, 'color=blue|black|brown'],
    ['deepObject', true, rgb, 'color[R]=100&color[G]=200&color[B]=150'],
  ] as const)('%s, explode %s: %j → %s', (style, explode, value, wire) => {
    expect(queryPart(param('color', 'query', style, explode), value as never)).toBe(wire);
  });

  it('percent-encodes values and sends a content parameter as JSON text', () => {
    expect(queryPart(param('q', 'query', 'form', true), 'a b&c')).toBe('q=a%20b%26c');
    expect(queryPart({ ...param('q', 'query', 'form', true), content: true }, { a: 1 })).toBe('q=%7B%22a%22%3A1%7D');
  });
});

describe('path parameters', () => {
  it.each([
    ['simple', false, 5, '5'],
    ['simple', false, list, 'blue,black,brown'],
    ['simple', false, rgb, 'R,100,G,200,B,150'],
    ['simple', true, rgb, 'R=100,G=200,B=150'],
    ['label', false, list, '.blue,black,brown'],
    ['label', true, list, '.blue.black.brown'],
    ['matrix', false, list, ';color=blue,black,brown'],
    ['matrix', true, list, ';color=blue;color=black;color=brown'],
  ] as const)('%s, explode %s: %j → %s', (style, explode, value, wire) => {
    expect(pathPart(param('color', 'path', style, explode), value as never)).toBe(wire);
  });
});

describe('operations and URLs', () => {
  it('lists operations with path-level parameters and default styles', () => {
    const ops = wireOperations(miniSpec30());
    expect(ops.map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual([
      'get /items list_items',
      'post /items create_item',
      'get /items/{item_id} get_item',
      'delete /items/{item_id} delete_item',
      'get /items/special get_special',
    ]);
    expect(ops[2].parameters).toEqual([{ name: 'item_id', in: 'path', style: 'simple', explode: false, content: false }]);
    expect(ops[0].parameters.find((p) => p.name === 'ids')).toMatchObject({ style: 'form', explode: true });
  });

  it('builds the URL of a call', () => {
    const [list_items, , get_item] = wireOperations(miniSpec30());
    expect(wireUrl('http://127.0.0.1:1/api/', list_items, {}, { tags: ['a', 'b'], ids: [1, 2], filter: { state: 'up' }, limit: 5 })).toBe(
      'http://127.0.0.1:1/api/items?tags=a,b&ids=1&ids=2&filter[state]=up&limit=5',
    );
    expect(wireUrl('http://127.0.0.1:1/api', get_item, { item_id: 7 }, {})).toBe('http://127.0.0.1:1/api/items/7');
  });

  it('the fake client does not borrow the reference server’s serialisers or operation listing', () => {
    const helpers = readFileSync(new URL('./helpers.ts', import.meta.url), 'utf8');
    expect(helpers).not.toMatch(/src\/compat\/(server|exchange)/);
    expect(helpers).toMatch(/from '\.\/wire\.js'/);
  });
});
