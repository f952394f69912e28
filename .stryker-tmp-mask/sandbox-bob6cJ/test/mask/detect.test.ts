// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { autoMaskPair, detectVersionTags, dominantVersion, formatDetectedTags } from '../../src/mask/index.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { slurmLikeSpec } from './slurm-like.js';

describe('detectVersionTags', () => {
  // set up inside each test, not in the describe body: code run at collection time counts as "static" for Stryker,
  // which then runs every test against each such mutant (npm run mutation)
  const setup = () => ({ tags: detectVersionTags(slurmLikeSpec('0.0.41')) });

  it('lists each version, oldest first, with its prefixes', () => {
    const { tags } = setup();
    // v0.0.4 and v0.0.410 come from the look-alike description: they are well-formed tags of other versions
    expect(tags.map((t) => [t.version, t.prefixes, t.count])).toEqual([
      ['0.0.4', ['v'], 1],
      ['0.0.41', ['dbv', 'v'], 43],
      ['0.0.410', ['v'], 1],
    ]);
  });

  it('counts each spelling and gives examples with pointers', () => {
    const { tags } = setup();
    const v41 = tags.find((t) => t.version === '0.0.41')!;
    expect(v41.forms.map((f) => [f.spelling, f.form, f.count])).toEqual([
      ['v0.0.41', 'dotted', 27],
      ['dbv0.0.41', 'dotted', 6],
      ['v0041', 'compact', 5],
      ['V0041', 'compact', 3],
      ['0.0.41', 'bare', 1],
      ['v0_0_41', 'underscore', 1],
    ]);
    const compact = v41.forms.find((f) => f.spelling === 'v0041')!;
    expect(compact.examples).toHaveLength(3);
    expect(compact.examples[0]).toEqual({ pointer: '/paths/~1slurm~1v0.0.41~1jobs/get/operationId', place: 'operationIds', value: 'slurm_v0041_get_jobs' });
    const bare = v41.forms.find((f) => f.form === 'bare')!;
    expect(bare.examples).toEqual([{ pointer: '/info/version', place: 'info.version', value: '0.0.41' }]);
    expect(v41.places).toEqual({ keys: 9, paths: 4, refs: 13, operationIds: 5, tags: 0, strings: 11, 'info.version': 1 });
  });

  it('shortens long example values around the tag', () => {
    const long = `${'a'.repeat(100)} v0.0.41 ${'b'.repeat(100)}`;
    const [tag] = detectVersionTags({ description: long });
    expect(tag.forms[0].examples[0].value).toBe(`…${'a'.repeat(29)} v0.0.41 ${'b'.repeat(29)}…`);
  });

  it('needs a dotted or underscore tag before counting compact and bare look-alikes', () => {
    expect(detectVersionTags({ a: 'V2024 release', b: 'requires 1.2.3', openapi: '3.0.3' })).toEqual([]);
    expect(detectVersionTags({ a: 'v1_2_3', b: 'requires 1.2.3' }).map((t) => [t.version, t.count])).toEqual([['1.2.3', 2]]);
  });

  it('does not count the root openapi version', () => {
    expect(detectVersionTags({ openapi: '3.0.3', info: { description: 'v3.0.3' } })[0].count).toBe(1);
  });

  it('formats one block per version', () => {
    const { tags } = setup();
    const lines = formatDetectedTags(detectVersionTags({ paths: { '/slurm/v0.0.41/jobs': { get: { operationId: 'slurm_v0041_get_jobs' } } } }));
    expect(lines).toEqual([
      'v0.0.41: 2 occurrences, prefixes v',
      '  v0.0.41 (dotted) 1  e.g. /paths/~1slurm~1v0.0.41~1jobs: "/slurm/v0.0.41/jobs"',
      '  v0041 (compact) 1  e.g. /paths/~1slurm~1v0.0.41~1jobs/get/operationId: "slurm_v0041_get_jobs"',
      '  places: paths 1, operationIds 1',
    ]);
    expect(formatDetectedTags([])).toEqual(['no version tags found']);
  });
});

describe('autoMaskPair', () => {
  const spec = (v: string) => slurmLikeSpec(v);
  const combined = (...versions: string[]): JsonObject => ({
    paths: Object.fromEntries(versions.flatMap((v) => Object.entries(spec(v).paths as JsonObject))),
  });

  it('masks the new spec into the old one when each has one dominant version', () => {
    expect(autoMaskPair(spec('0.0.40'), spec('0.0.41'))).toEqual({
      kind: 'mask',
      from: '0.0.41',
      to: '0.0.40',
      reason: 'new spec carries v0.0.41, old spec v0.0.40',
    });
  });

  it('ignores a few mentions of other versions', () => {
    // each slurm-like spec mentions v0.0.4 and v0.0.410 once among 45 tags
    expect(dominantVersion(detectVersionTags(spec('0.0.41')))).toBe('0.0.41');
  });

  it('does nothing when both carry the same version or one carries none', () => {
    expect(autoMaskPair(spec('0.0.41'), spec('0.0.41'))).toEqual({ kind: 'none', reason: 'both specs carry v0.0.41' });
    expect(autoMaskPair({ paths: {} }, spec('0.0.41'))).toEqual({ kind: 'none', reason: 'the old spec carries no version tag' });
    expect(autoMaskPair(spec('0.0.41'), {})).toEqual({ kind: 'none', reason: 'the new spec carries no version tag' });
    expect(autoMaskPair({}, {})).toEqual({ kind: 'none', reason: 'neither spec carries a version tag' });
  });

  it('asks the user when a spec carries several versions', () => {
    const decision = autoMaskPair(combined('0.0.38', '0.0.37', '0.0.36'), spec('0.0.39'));
    expect(decision).toEqual({
      kind: 'ambiguous',
      reason: 'old spec carries v0.0.36, v0.0.37, v0.0.38 with none dominant; pass --mask FROM:TO',
      oldVersions: ['0.0.36', '0.0.37', '0.0.38'],
      newVersions: ['0.0.39'], // tags only in prose (v0.0.4, v0.0.410 in descriptions) do not count
    });
  });
});
