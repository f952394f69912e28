// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectRefs, resolveLocalRef } from '../../src/openapi/refs.js';
import { listVersions, sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject } from '../../src/openapi/types.js';

type Doc = Record<string, any>;
const VERSIONS = ['v0.0.40', 'v0.0.41', 'v0.0.42'];

/**
 * Random multi-version documents: each path belongs to a version and refers to some schemas or
 * parameters; schemas refer to other schemas (cycles included) through properties, items, allOf.
 */
const arbDoc = fc
  .record({
    schemaCount: fc.integer({ min: 1, max: 12 }),
    paths: fc.array(fc.record({ version: fc.constantFrom(...VERSIONS), resource: fc.constantFrom('jobs', 'nodes', 'qos', 'users'), refs: fc.array(fc.nat(), { maxLength: 3 }), param: fc.option(fc.nat()) }), { minLength: 1, maxLength: 10 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('properties', 'items', 'allOf')), { maxLength: 20 }),
  })
  .map(({ schemaCount, paths, edges }) => {
    const name = (i: number) => `s${i % schemaCount}`;
    const ref = (i: number) => ({ $ref: `#/components/schemas/${name(i)}` });
    const schemas: Doc = {};
    for (let i = 0; i < schemaCount; i++) schemas[name(i)] = { type: 'object', properties: {} };
    for (const [from, to, how] of edges) {
      const s = schemas[name(from)];
      if (how === 'properties') s.properties[`p${to}`] = ref(to);
      else if (how === 'items') s.properties.list = { type: 'array', items: ref(to) };
      else s.allOf = [...(s.allOf ?? []), ref(to)];
    }
    const parameters: Doc = { p0: { name: 'a', in: 'query', schema: ref(0) }, p1: { name: 'b', in: 'query', schema: { type: 'string' } } };
    const docPaths: Doc = {};
    for (const p of paths) {
      const op: Doc = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { oneOf: p.refs.map(ref) } } } } } };
      if (p.param !== null) op.parameters = [{ $ref: `#/components/parameters/p${p.param % 2}` }];
      docPaths[`/slurm/${p.version}/${p.resource}`] = { get: op };
    }
    return { openapi: '3.0.3', info: { title: 'random', version: '1' }, paths: docPaths, components: { schemas, parameters } } as JsonObject;
  });

/** Independent of slice.ts: grow the set of schema names by searching JSON text for their refs. */
function mentionedSchemas(doc: Doc, paths: Doc): Set<string> {
  const found = new Set<string>();
  let text = JSON.stringify(paths);
  for (const m of text.matchAll(/#\/components\/parameters\/(p\d)"/g)) text += JSON.stringify(doc.components.parameters[m[1]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const name of Object.keys(doc.components.schemas)) {
      if (!found.has(name) && text.includes(`"#/components/schemas/${name}"`)) {
        found.add(name);
        text += JSON.stringify(doc.components.schemas[name]);
        grew = true;
      }
    }
  }
  return found;
}

describe('sliceByVersion properties', () => {
  it('keeps exactly the version’s paths and the schemas they reach, leaves no dangling ref, copies components unchanged, is idempotent', () => {
    fc.assert(
      fc.property(arbDoc, (doc) => {
        for (const version of listVersions(doc)) {
          const sliced = sliceByVersion(doc, version) as Doc;
          expect(Object.keys(sliced.paths)).toEqual(Object.keys(doc.paths as Doc).filter((p) => p.split('/')[2] === version));
          for (const { ref, pointer } of collectRefs(sliced as JsonObject)) expect(resolveLocalRef(sliced as JsonObject, ref), pointer).not.toBeUndefined();
          for (const [kind, map] of Object.entries(sliced.components ?? {})) {
            for (const [name, value] of Object.entries(map as Doc)) expect(value).toEqual((doc as Doc).components[kind][name]);
          }
          expect(sliceByVersion(sliced as JsonObject, version)).toEqual(sliced);
          // nothing more than needed: the kept schemas are exactly those mentioned, transitively, from the kept paths
          expect(new Set(Object.keys(sliced.components?.schemas ?? {}))).toEqual(mentionedSchemas(doc as Doc, sliced.paths));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('slices of all versions together cover every component some versioned path reaches', () => {
    fc.assert(
      fc.property(arbDoc, (doc) => {
        const kept = new Set(listVersions(doc).flatMap((v) => Object.keys(((sliceByVersion(doc, v) as Doc).components ?? {}).schemas ?? {})));
        // a schema the paths refer to directly must be kept by some slice
        for (const { ref } of collectRefs((doc as Doc).paths)) {
          const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
          if (m) expect(kept).toContain(m[1]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
