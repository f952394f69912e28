// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectRefs, derefLocal, parseRef, pointerFromTokens, resolveLocalRef, resolvePointer, tokensFromPointer } from '../../src/openapi/refs.js';
import type { Json, JsonObject } from '../../src/openapi/types.js';

describe('JSON pointers', () => {
  it('round-trips any tokens, including ~ and /', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (tokens) => {
        expect(tokensFromPointer(pointerFromTokens(tokens))).toEqual(tokens);
      }),
    );
  });

  it('resolves every leaf of any JSON value by the pointer built from its path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const visit = (node: unknown, tokens: string[]): void => {
          expect(resolvePointer(value as Json, pointerFromTokens(tokens))).toEqual(node);
          if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...tokens, String(i)]));
          else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) visit(child, [...tokens, k]);
        };
        visit(value, []);
      }),
    );
  });

  it('rejects malformed pointers and missing members', () => {
    expect(tokensFromPointer('paths')).toBeUndefined();
    expect(tokensFromPointer('/a~2b')).toBeUndefined();
    expect(resolvePointer({ a: [1, 2] }, '/a/01')).toBeUndefined();
    expect(resolvePointer({ a: [1, 2] }, '/a/2')).toBeUndefined();
    expect(resolvePointer({ a: {} }, '/a/toString')).toBeUndefined();
    expect(resolvePointer({ '': { 'x/y': 3 } }, '//x~1y')).toBe(3);
  });
});

describe('$ref helpers', () => {
  const doc: JsonObject = {
    components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { type: 'string' }, Loop: { $ref: '#/components/schemas/Loop' }, 'with space': { type: 'integer' } } },
  };

  it('parses and resolves local refs, percent-encoded or not', () => {
    expect(parseRef('other.yaml#/components/schemas/A')).toEqual({ document: 'other.yaml', pointer: '/components/schemas/A' });
    expect(resolveLocalRef(doc, '#/components/schemas/with%20space')).toEqual({ type: 'integer' });
    expect(resolveLocalRef(doc, 'other.yaml#/components/schemas/B')).toBeUndefined();
  });

  it('follows ref chains and stops on loops', () => {
    expect(derefLocal(doc, { $ref: '#/components/schemas/A' }, '/x')).toEqual({ node: { type: 'string' }, pointer: '/components/schemas/B' });
    expect(derefLocal(doc, { $ref: '#/components/schemas/Loop' }, '/x')).toBeUndefined();
  });

  it('collects refs with pointers to the $ref member, skipping data and extensions', () => {
    const node: JsonObject = {
      properties: { $ref: { $ref: '#/a' }, enum: { $ref: '#/b' } },
      enum: [{ $ref: '#/no' }],
      'x-internal': { $ref: '#/no' },
      examples: { one: { value: { $ref: '#/no' } }, two: { $ref: '#/components/examples/two' } },
    };
    expect(collectRefs(node, '/s')).toEqual([
      { ref: '#/a', pointer: '/s/properties/$ref/$ref' },
      { ref: '#/b', pointer: '/s/properties/enum/$ref' },
      { ref: '#/components/examples/two', pointer: '/s/examples/two/$ref' },
    ]);
  });
});
