/** `--mode structural`: plain JSON diff as RFC 6902 JSON Patch plus a report of info changes. */
import fc from 'fast-check';
import { patch as applyPatch } from 'jsondiffpatch/formatters/jsonpatch';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property-runs.js';
import { structuralDiff } from '../../../src/diff/engine/structural.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fixturePath, maskTag, readSpec } from './helpers.js';

describe('structuralDiff', () => {
  it('is empty for identical documents', () => {
    const a = readSpec(fixturePath('slurm-like', 'v0.0.40.json'));
    const { patch, report } = structuralDiff(a, structuredClone(a));
    expect(patch).toEqual([]);
    expect(report.changes).toEqual([]);
    expect(report.summary.total).toBe(0);
  });

  it('reports layout differences the semantic diff ignores (inlining), one info change per patch operation', () => {
    const v40 = readSpec(fixturePath('slurm-like', 'v0.0.40.json'));
    const v41 = maskTag(readSpec(fixturePath('slurm-like', 'v0.0.41.json')), 'v0.0.41', 'v0.0.40');
    const { patch, report } = structuralDiff(v40, v41, { oldSource: 'a', newSource: 'b' });
    expect(patch.length).toBeGreaterThan(20);
    expect(report.changes).toHaveLength(patch.length);
    expect(report.changes.every((c) => c.level === 'info' && c.id.startsWith('structural-value-'))).toBe(true);
    expect(report.changes.some((c) => c.section === 'components')).toBe(true);
    expect(report.old.source).toBe('a');
    const target = structuredClone(v40);
    applyPatch(target, patch);
    expect(target).toEqual(v41);
  });

  it('produces a patch that turns any old document into the new one', () => {
    const json = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'name', 'in'), tie('v'), { maxKeys: 4 })),
    })).v;
    const doc = fc.dictionary(fc.constantFrom('paths', 'components', 'info', 'x'), json, { maxKeys: 4 }) as fc.Arbitrary<JsonObject>;
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const { patch } = structuralDiff(a, b);
        const target = structuredClone(a);
        applyPatch(target, patch);
        expect(target).toEqual(b);
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
