/**
 * Property tests over generated documents that carry version tags in every form and place,
 * mixed with separators, escapes and look-alike numbers.
 */
// @ts-nocheck

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExitCode, SpecdriftError } from '../../src/errors.js';
import { findTags, maskDocument, stripDocument } from '../../src/mask/index.js';
import type { Json, JsonObject } from '../../src/openapi/types.js';

const NUM_RUNS = Number(process.env.MASK_PROPERTY_RUNS ?? 300);

// A small pool so that versions clash with each other's prefixes and digits (0.0.4 / 0.0.41 / 0.0.410).
const version = fc.constantFrom('0.0.4', '0.0.40', '0.0.41', '0.0.410', '0.0.5', '1.2.3', '0.1.0', '0.0.38');
const compactable = fc.constantFrom('0.0.4', '0.0.40', '0.0.41', '0.0.5', '1.2.3', '0.1.0', '0.0.38');

function spell(v: string, form: 'dotted' | 'underscore' | 'compact' | 'bare', prefix: string): string {
  const [a, b, c] = v.split('.');
  if (form === 'bare') return v;
  const body = form === 'dotted' ? v : form === 'underscore' ? `${a}_${b}_${c}` : `${a}${b}${c.padStart(2, '0')}`;
  return prefix + body;
}
const formArb = fc.constantFrom('dotted', 'underscore', 'compact', 'bare') as fc.Arbitrary<'dotted' | 'underscore' | 'compact' | 'bare'>;
const prefixArb = fc.constantFrom('v', 'V', 'dbv');
/** A tag of `v` (compact forms only where the version has one). */
const tagOf = (v: fc.Arbitrary<string>) =>
  fc.tuple(v, formArb, prefixArb).map(([ver, form, prefix]) => (form === 'compact' && ver === '0.0.410' ? spell(ver, 'dotted', prefix) : spell(ver, form, prefix)));

const fragment = fc.oneof(
  { weight: 4, arbitrary: tagOf(version) },
  { weight: 3, arbitrary: fc.constantFrom('slurm', 'jobs', 'get', 'job', 'db', 'x', 'openapi', 'slurmV0041Get', 'Job') },
  { weight: 3, arbitrary: fc.constantFrom('/', '_', '-', '.', ' ', '~1', '%2F', '#/components/schemas/', '{job_id}') },
  { weight: 1, arbitrary: fc.constantFrom('10.0.0.41', 'v00410', '0', '1', '41', '.1', 'xv0.0.41', '~0') },
);
const text = fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join(''));
const key = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom('$ref', 'operationId', 'tags', 'description', 'enum') });

const { tree } = fc.letrec<{ tree: Json; node: Json; array: Json[]; object: JsonObject }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')),
  node: fc.oneof(text, fc.integer(), fc.constant(null), fc.boolean(), tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
}));
const objectTree = fc.dictionary(key, tree, { maxKeys: 4 });

/** A document with the OpenAPI places filled with generated content. */
const documentArb: fc.Arbitrary<JsonObject> = fc
  .record({
    openapi: text,
    info: fc.record({ version: text, title: text }),
    tags: fc.array(fc.record({ name: text }), { maxLength: 2 }),
    paths: fc.dictionary(text, fc.record({ get: fc.record({ operationId: text, tags: fc.array(text, { maxLength: 2 }), responses: objectTree }) }), { maxKeys: 3 }),
    components: fc.record({ schemas: fc.dictionary(text, fc.record({ $ref: text, properties: objectTree }), { maxKeys: 3 }) }),
    extra: objectTree,
  })
  .map((d) => d as unknown as JsonObject);

/** Every string of the document (keys included) that masking may rewrite. */
function strings(doc: Json, out: string[] = [], top = true): string[] {
  if (typeof doc === 'string') out.push(doc);
  else if (Array.isArray(doc)) doc.forEach((x) => strings(x, out, false));
  else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      out.push(k);
      if (!(top && (k === 'openapi' || k === 'swagger'))) strings(v, out, false);
    }
  }
  return out;
}
const carries = (doc: Json, v: string) => strings(doc).some((s) => findTags(s).some((t) => t.version === v));

/** Runs `f`; a refusal because keys would collide is an accepted outcome (returns undefined). */
function unlessConflict<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof SpecdriftError && e.exitCode === ExitCode.conflict) return undefined;
    throw e;
  }
}

describe('mask properties', () => {
  it('never mutates its input, and leaves no tag of the source version', () => {
    fc.assert(
      fc.property(documentArb, version, compactable, (doc, from, to) => {
        const before = structuredClone(doc);
        const result = unlessConflict(() => maskDocument(doc, { from, to }));
        expect(doc).toEqual(before);
        if (result === undefined || from === to) return;
        expect(carries(result.doc, from)).toBe(false);
        expect(result.report.total).toBe(Object.values(result.report.places).reduce((a, b) => a + b, 0));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(documentArb, version, compactable, (doc, from, to) => {
        const once = unlessConflict(() => maskDocument(doc, { from, to }));
        if (once === undefined) return;
        expect(maskDocument(once.doc, { from, to }).doc).toEqual(once.doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('round-trips A → B → A on a document without B', () => {
    fc.assert(
      fc.property(documentArb, version, compactable, (doc, a, b) => {
        fc.pre(a !== b && !carries(doc, b));
        const there = maskDocument(doc, { from: a, to: b }).doc; // cannot collide: no B in the document
        expect(maskDocument(there, { from: b, to: a }).doc).toEqual(doc);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps db and non-db names distinct', () => {
    fc.assert(
      fc.property(version, compactable, fc.constantFrom('_diag', '_job', '-x', ''), (a, b, suffix) => {
        fc.pre(a !== b);
        const doc = { s: { [`dbv${a}${suffix}`]: 1, [`v${a}${suffix}`]: 2 } };
        const masked = maskDocument(doc, { from: a, to: b }).doc.s as JsonObject;
        expect(Object.keys(masked)).toEqual([`dbv${b}${suffix}`, `v${b}${suffix}`]);
        const stripped = stripDocument(doc).doc.s as JsonObject;
        expect(Object.keys(stripped)).toHaveLength(2);
      }),
    );
  });
});

describe('strip properties', () => {
  it('is idempotent and leaves no tag of the stripped versions', () => {
    fc.assert(
      fc.property(documentArb, fc.constantFrom('vX', '{v}', '_'), (doc, placeholder) => {
        const once = unlessConflict(() => stripDocument(doc, { placeholder }));
        if (once === undefined) return;
        for (const v of once.report.versions) expect(carries(once.doc, v)).toBe(false);
        const twice = stripDocument(once.doc, { placeholder });
        expect(twice.doc).toEqual(once.doc);
        expect(twice.report.total).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('scanner properties', () => {
  it('finds exactly the tags written between separators', () => {
    const separator = fc.constantFrom('/', '-', ' ', '~1', '%2F', ':', ',', '"');
    const filler = fc.constantFrom('slurm', 'jobs', 'a', 'schemas', '10.0.0.41', 'xv0.0.41', 'v00410', '0.0.41.1');
    const piece = fc.oneof(tagOf(version).map((tag) => ({ tag })), filler.map((word) => ({ word })));
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 8 }), (pieces) => {
        const s = pieces.map(([p, sep]) => ('tag' in p ? p.tag : p.word) + sep).join('');
        const expected = pieces.filter(([p]) => 'tag' in p).map(([p]) => ('tag' in p ? p.tag : ''));
        expect(findTags(s).map((t) => t.text)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
