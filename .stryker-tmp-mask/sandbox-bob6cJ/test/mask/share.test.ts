/** maskDocument with shareUnchanged (the diff pipeline's copy-on-write masking, issue 12): same result, fewer copies. */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { maskDocument } from '../../src/mask/index.js';
import type { JsonObject } from '../../src/openapi/types.js';

const input = (): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 't', version: 'v0.0.41' },
  paths: { '/slurm/v0.0.41/jobs': { get: { operationId: 'slurm_v0041_get_jobs', responses: { 200: { description: 'ok' } } } }, '/ping': { get: { responses: { 200: { description: 'pong' } } } } },
  components: { schemas: { plain: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, 'v0.0.41_job': { enum: ['x', 'v0.0.41'] } } },
});

describe('maskDocument shareUnchanged', () => {
  it('gives the same document as the deep copy, shares untouched parts, copies changed ones and leaves the input alone', () => {
    const original = input();
    const shared = maskDocument(original, { from: 'v0.0.41', to: 'v0.0.40', shareUnchanged: true });
    const copied = maskDocument(input(), { from: 'v0.0.41', to: 'v0.0.40' });
    expect(shared.doc).toEqual(copied.doc);
    expect(shared.report).toEqual(copied.report);
    expect(Object.keys(shared.doc.paths as JsonObject)).toEqual(['/slurm/v0.0.40/jobs', '/ping']);
    expect(original).toEqual(input());
    const paths = (d: JsonObject) => d.paths as Record<string, JsonObject>;
    const schemas = (d: JsonObject) => (d.components as { schemas: Record<string, JsonObject> }).schemas;
    expect(paths(shared.doc)['/ping']).toBe(paths(original)['/ping']);
    expect(schemas(shared.doc).plain).toBe(schemas(original).plain);
    expect(shared.doc).not.toBe(original);
    expect(shared.doc.info).not.toBe(original.info);
    expect(schemas(shared.doc)['v0.0.40_job'].enum).toEqual(['x', 'v0.0.40']);
  });

  it('returns the input itself when nothing carries the tag, and still refuses a key clash', () => {
    const plain: JsonObject = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    expect(maskDocument(plain, { from: 'v0.0.41', to: 'v0.0.40', shareUnchanged: true }).doc).toBe(plain);
    const clash: JsonObject = { components: { schemas: { 'v0.0.40_a': {}, 'v0.0.41_a': {} } } };
    expect(() => maskDocument(clash, { from: 'v0.0.41', to: 'v0.0.40', shareUnchanged: true })).toThrow(/would merge keys "v0.0.40_a" and "v0.0.41_a"/);
  });
});
