/**
 * Edges of masking, stripping and detection that the Stryker run on src/mask (docs/testing.md) showed no test
 * looked at: each expectation below is written by hand from the documented behaviour.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import {
  autoMaskPair,
  compareVersions,
  detectVersionTags,
  dominantVersion,
  findTags,
  formatDetectedTags,
  formatMaskReport,
  maskDocument,
  parseVersionTag,
  stripDocument,
} from '../../src/mask/index.js';
import { compactBody } from '../../src/mask/version.js';
import { placeOfKey, placeOfValue } from '../../src/mask/walk.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { thrown } from '../helpers/errors.js';

/** A document whose only tags are component names: `counts` gives how many schemas each version names. */
const schemaNames = (counts: Record<string, number>): JsonObject => ({
  components: {
    schemas: Object.fromEntries(Object.entries(counts).flatMap(([version, n]) => Array.from({ length: n }, (_, i) => [`v${version}_s${i}`, {}]))),
  },
});

describe('places', () => {
  it('a key is a path only directly under paths', () => {
    expect(placeOfKey(['paths', '/slurm/v0.0.41/jobs'])).toBe('paths');
    expect(placeOfKey(['paths', '/x', 'get'])).toBe('keys');
    expect(placeOfKey(['components', '/x'])).toBe('keys');
    expect(placeOfKey(['paths'])).toBe('keys');
  });

  it('values: format version, info.version, refs, discriminator mappings, operationIds, tags, strings', () => {
    const cases: [(string | number)[], string | undefined][] = [
      [['openapi'], undefined],
      [['swagger'], undefined],
      [['info', 'version'], 'info.version'],
      [['x', 'version'], 'strings'],
      [['info', 'title'], 'strings'],
      [['x', 'info', 'version'], 'strings'],
      [['paths', '/a', 'get', 'responses', '200', '$ref'], 'refs'],
      [['components', 'schemas', 'Pet', 'discriminator', 'mapping', 'dog'], 'refs'],
      [['discriminator', 'mapping', 'dog'], 'refs'],
      [['components', 'schemas', 'Pet', 'properties', 'mapping', 'dog'], 'strings'],
      [['components', 'discriminator', 'x', 'dog'], 'strings'],
      [['paths', '/a', 'get', 'operationId'], 'operationIds'],
      [['paths', '/a', 'get', 'tags', 0], 'tags'],
      [['paths', '/a', 'get', 'x', 0], 'strings'],
      [['tags', 0, 'name'], 'tags'],
      [['tags', 0, 'description'], 'strings'],
      [['x', 0, 'name'], 'strings'],
      [['tags', 0, 'x', 'name'], 'strings'],
    ];
    for (const [trail, place] of cases) expect(placeOfValue(trail), trail.join('/')).toBe(place);
  });
});

describe('detection', () => {
  it('cuts long example values to 30 characters around the tag, with an ellipsis on each cut side', () => {
    const example = (s: string) => detectVersionTags({ info: { description: s } })[0].forms[0].examples[0];
    const long = `${'A'.repeat(99)} v0.0.41 ${'B'.repeat(99)}`;
    expect(example(long)).toEqual({ pointer: '/info/description', place: 'strings', value: `…${'A'.repeat(29)} v0.0.41 ${'B'.repeat(29)}…` });
    // 67 characters = the tag and 30 on each side: kept whole
    const fits = `${'A'.repeat(29)} v0.0.41 ${'B'.repeat(29)}`;
    expect(example(fits).value).toBe(fits);
    // one more: cut on the left only (the right end is the string's end)
    expect(example(`A${fits}`).value).toBe(`…${fits}`);
    // a tag at the start: cut on the right only
    expect(example(`v0.0.41 ${'B'.repeat(99)}`).value).toBe(`v0.0.41 ${'B'.repeat(29)}…`);
  });

  it('prefixes come from tagged spellings, never from bare versions', () => {
    const tags = detectVersionTags({ a: 'dbv0.0.41', b: 'see 0.0.41' });
    expect(tags.map((t) => [t.version, t.prefixes, t.count])).toEqual([['0.0.41', ['dbv'], 2]]);
  });

  it('tags made only of 0s or 9s are found', () => {
    expect(findTags('v0.0.0').map((t) => t.version)).toEqual(['0.0.0']);
    expect(findTags('v9.9.9').map((t) => t.version)).toEqual(['9.9.9']);
  });

  it('formats detected tags as plain lines', () => {
    expect(formatDetectedTags([])).toEqual(['no version tags found']);
    const doc = { info: { version: 'v0.0.41' }, paths: { '/slurm/v0.0.41/jobs': {} } };
    expect(formatDetectedTags(detectVersionTags(doc))).toEqual([
      'v0.0.41: 2 occurrences, prefixes v',
      '  v0.0.41 (dotted) 2  e.g. /info/version: "v0.0.41"',
      '  places: paths 1, info.version 1',
    ]);
    expect(formatDetectedTags(detectVersionTags({ a: 'v0.0.41' }))[0]).toBe('v0.0.41: 1 occurrence, prefixes v');
  });
});

describe('dominant version', () => {
  it('needs at least 90 % of the structural occurrences', () => {
    expect(dominantVersion(detectVersionTags(schemaNames({ '0.0.40': 1, '0.0.41': 9 })))).toBe('0.0.41');
    expect(dominantVersion(detectVersionTags(schemaNames({ '0.0.40': 9, '0.0.41': 1 })))).toBe('0.0.40');
    expect(dominantVersion(detectVersionTags(schemaNames({ '0.0.40': 1, '0.0.41': 8 })))).toBeUndefined();
  });

  it('counts names, never prose', () => {
    const doc = { ...schemaNames({ '0.0.40': 1 }), info: { description: 'v0.0.41 v0.0.41 v0.0.41 v0.0.41 v0.0.41' } };
    expect(dominantVersion(detectVersionTags(doc))).toBe('0.0.40');
    expect(dominantVersion(detectVersionTags({ info: { description: 'v0.0.41' } }))).toBeUndefined();
  });

  it('autoMaskPair reads operationIds, component names and Swagger 2 definitions', () => {
    const byOperation = (v: string) => ({ paths: { '/jobs': { get: { operationId: `get_v${v}_jobs` } } } });
    expect(autoMaskPair(byOperation('0.0.40'), byOperation('0.0.41'))).toMatchObject({ kind: 'mask', from: '0.0.41', to: '0.0.40' });
    expect(autoMaskPair(schemaNames({ '0.0.40': 1 }), schemaNames({ '0.0.41': 1 }))).toMatchObject({ kind: 'mask', from: '0.0.41', to: '0.0.40' });
    const definitions = (v: string) => ({ swagger: '2.0', definitions: { [`v${v}_job`]: {} } });
    expect(autoMaskPair(definitions('0.0.40'), definitions('0.0.41'))).toMatchObject({ kind: 'mask', from: '0.0.41', to: '0.0.40' });
  });

  it('names the side that has no dominant version', () => {
    const mixed = schemaNames({ '0.0.40': 1, '0.0.41': 1 });
    expect(autoMaskPair(schemaNames({ '0.0.40': 3 }), mixed)).toEqual({
      kind: 'ambiguous',
      reason: 'new spec carries v0.0.40, v0.0.41 with none dominant; pass --mask FROM:TO',
      oldVersions: ['0.0.40'],
      newVersions: ['0.0.40', '0.0.41'],
    });
    expect(autoMaskPair(mixed, schemaNames({ '0.0.41': 3 })).reason).toBe('old spec carries v0.0.40, v0.0.41 with none dominant; pass --mask FROM:TO');
  });
});

describe('masking edges', () => {
  it('reports spellings most frequent first, ties by spelling', () => {
    const { report } = maskDocument({ a: 'v0.0.41', b: 'v0.0.41', c: 'v0_0_41', d: 'dbv0.0.41' }, { from: 'v0.0.41', to: 'v0.0.40' });
    expect(report.forms.map((f) => [f.spelling, f.count, f.replacement])).toEqual([
      ['v0.0.41', 2, 'v0.0.40'],
      ['dbv0.0.41', 1, 'dbv0.0.40'],
      ['v0_0_41', 1, 'v0_0_40'],
    ]);
  });

  it('masking a version onto itself copies the document and counts nothing', () => {
    const doc = { a: 'v0.0.41', s: { 'v0.0.41_x': 1 } };
    const result = maskDocument(doc, { from: 'v0.0.41', to: '0.0.41' });
    expect(result.doc).toEqual(doc);
    expect(result.doc).not.toBe(doc);
    expect(result.report.total).toBe(0);
    expect(formatMaskReport(result.report)).toEqual(['masked 0 version tags: v0.0.41 → v0.0.41']);
  });

  it('formats what it did', () => {
    expect(formatMaskReport(maskDocument({ a: 'x' }, { from: 'v0.0.41', to: 'v0.0.40' }).report)).toEqual([
      'masked 0 version tags: v0.0.41 → v0.0.40',
      '  the document contains no v0.0.41 tag',
    ]);
    expect(formatMaskReport(maskDocument({ a: 'v0.0.41' }, { from: 'v0.0.41', to: 'v0.0.40' }).report)).toEqual([
      'masked 1 version tag: v0.0.41 → v0.0.40',
      '  v0.0.41 → v0.0.40  1',
      '  places: strings 1',
    ]);
    expect(formatMaskReport(stripDocument({ a: 'x' }).report)).toEqual(['stripped 0 version tags: none found (placeholder vX)']);
    expect(formatMaskReport(stripDocument({ a: 'v0.0.41_x' }, { versions: ['0.0.41'] }).report)).toEqual([
      'stripped 1 version tag: v0.0.41 (placeholder vX)',
      '  v0.0.41  1',
      '  places: strings 1',
    ]);
  });

  it('refuses a target without a compact form, naming the tag, the place and what to do', () => {
    const doc = { paths: { '/x': { get: { operationId: 'slurm_v0041_get' } } } };
    const e = thrown(() => maskDocument(doc, { from: 'v0.0.41', to: 'v0.10.0' }));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toBe('cannot mask v0041 at /paths/~1x/get/operationId: v0.10.0 has no 4-digit compact form');
    expect(e.hint).toBe('compact tags (v0041) need a one-digit major and minor and a patch below 100; use --strip instead');
  });

  it('refuses to merge a masked name into one the document already has', () => {
    const e = thrown(() => maskDocument({ components: { schemas: { 'v0.0.41_a': {}, 'v0.0.40_a': {} } } }, { from: 'v0.0.41', to: 'v0.0.40' }));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toBe('masking v0.0.41 → v0.0.40 would merge keys "v0.0.41_a" and "v0.0.40_a" into "v0.0.40_a" at /components/schemas');
    expect(e.hint).toBe('the document already has v0.0.40 names: slice it to one version first, or mask to a version it does not contain');
  });
});

describe('stripping edges', () => {
  const strip = (s: string) => stripDocument({ x: s }, { versions: ['0.0.41'] }).doc.x;

  it('a right joiner before a digit stays, so numbers never glue into a new tag; before a letter it goes', () => {
    expect(strip('x_v0.0.41-0')).toBe('x-0');
    expect(strip('x_v0.0.41-9')).toBe('x-9');
    expect(strip('x_v0.0.41-a')).toBe('x_a');
  });

  it('a tag after an escaped slash (~1, %2F, %2f) is a path segment, not part of a name', () => {
    expect(strip('#/paths/~1slurm~1v0.0.41~1jobs')).toBe('#/paths/~1slurm~1vX~1jobs');
    expect(strip('a%2Fv0.0.41%2Fb')).toBe('a%2FvX%2Fb');
    expect(strip('a%2fv0.0.41%2fb')).toBe('a%2fvX%2fb');
  });

  it('a joiner not followed by a name does not attach the tag', () => {
    expect(strip('a/v0.0.41_/b')).toBe('a/vX_/b');
  });

  it('a bare version becomes the placeholder', () => {
    expect(strip('release 0.0.41')).toBe('release vX');
  });

  it('names the flag and what to do when a version or placeholder is wrong', () => {
    expect(thrown(() => stripDocument({}, { versions: ['nope'] })).message).toBe('--strip: "nope" is not a version tag');
    expect(thrown(() => stripDocument({}, { placeholder: 'v/X' })).hint).toBe('use a non-empty text without "/", "~", "%", spaces or digits, e.g. vX');
    expect(thrown(() => parseVersionTag('junk')).message).toBe('version: "junk" is not a version tag');
  });

  it('says why two names would merge: a name already unversioned, or several versions at once', () => {
    const one = thrown(() => stripDocument({ s: { 'v0.0.41_diag': 1, diag: 2 } }, { versions: ['0.0.41'] }));
    expect(one.message).toBe('stripping v0.0.41 would merge keys "v0.0.41_diag" and "diag" into "diag" at /s');
    expect(one.hint).toBe('the document already has that name without a version tag: mask to another version instead of stripping');
    const several = thrown(() => stripDocument({ s: { 'v0.0.40_diag': 1, 'v0.0.41_diag': 2 } }, { versions: ['0.0.40', '0.0.41'] }));
    expect(several.message).toBe('stripping v0.0.40, v0.0.41 would merge keys "v0.0.40_diag" and "v0.0.41_diag" into "diag" at /s');
    expect(several.hint).toBe('the document holds several versions: slice it to one version first, or strip only one of them');
  });
});

describe('versions', () => {
  it('orders versions numerically, field by field', () => {
    expect(['0.1.0', '0.0.41', '1.0.0', '0.0.5', '0.0.40', '1.0.1'].sort(compareVersions)).toEqual(['0.0.5', '0.0.40', '0.0.41', '0.1.0', '1.0.0', '1.0.1']);
  });

  it('a compact form exists up to 9.9.99', () => {
    expect(['9.9.99', '9.0.0', '0.9.0', '0.0.99', '0.0.5'].map(compactBody)).toEqual(['9999', '9000', '0900', '0099', '0005']);
    expect(['10.0.0', '0.10.0', '0.0.100'].map(compactBody)).toEqual([undefined, undefined, undefined]);
  });

  it('reads a compact argument digit by digit', () => {
    expect(parseVersionTag('v0141')).toBe('0.1.41');
    expect(parseVersionTag('dbv0041')).toBe('0.0.41');
  });
});
