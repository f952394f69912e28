/**
 * Acceptance on real slurmrestd documents (built by scripts/slurm-specs.sh in the integration suite's global setup).
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { autoMaskPair, detectVersionTags, formatMaskReport, maskDocument, stripDocument } from '../../src/mask/index.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { thrown } from '../helpers/errors.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const load = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const escape = (s: string) => s.replaceAll('.', '\\.');
/** Every spelling of a version, as a plain text search over serialised JSON (independent of the scanner). */
function traces(version: string): RegExp {
  const [a, b, c] = version.split('.');
  return new RegExp(`${escape(version)}|${a}_${b}_${c}|${a}${b}${c.padStart(2, '0')}`, 'g');
}
const countIn = (doc: JsonObject, re: RegExp) => JSON.stringify(doc).match(re)?.length ?? 0;


describeWithRealSpec(['24.11/v0.0.41.json', '24.11/v0.0.40.json', '24.11/v0.0.41+prefer_refs.json'], 'masking real slurmrestd 24.11 specs', ([v41Path, v40Path, preferRefsPath]) => {
  it('masks v0.0.41 to v0.0.40 leaving no trace of 0.0.41, and reports the counts', () => {
    const original = load(v41Path);
    const expected = countIn(original, traces('0.0.41'));
    const { doc, report } = maskDocument(original, { from: 'v0.0.41', to: 'v0.0.40' });
    expect(JSON.stringify(doc)).not.toMatch(traces('0.0.41'));
    expect(report.total).toBe(expected);
    expect(countIn(doc, traces('0.0.40'))).toBe(expected);
    expect(report.places.paths).toBe(Object.keys(original.paths as JsonObject).length);
    expect(report.places.operationIds).toBeGreaterThan(50);
    expect(report.places.refs).toBeGreaterThan(0);
    expect(report.places.keys).toBeGreaterThan(0);
    expect(formatMaskReport(report)[0]).toBe(`masked ${expected} version tags: v0.0.41 → v0.0.40`);
    console.info(formatMaskReport(report).join('\n'));
  });

  it('round-trips v0.0.41 → v0.0.40 → v0.0.41', () => {
    const original = load(v41Path);
    const there = maskDocument(original, { from: '0.0.41', to: '0.0.40' }).doc;
    expect(maskDocument(there, { from: '0.0.40', to: '0.0.41' }).doc).toEqual(original);
  });

  it('masks the prefer_refs variant too', () => {
    const original = load(preferRefsPath);
    const { doc, report } = maskDocument(original, { from: 'v0.0.41', to: 'v0.0.40' });
    expect(JSON.stringify(doc)).not.toMatch(traces('0.0.41'));
    expect(report.total).toBe(countIn(original, traces('0.0.41')));
  });

  it('strips v0.0.40 and v0.0.41 into documents with the same paths', () => {
    const stripped41 = stripDocument(load(v41Path)).doc;
    const stripped40 = stripDocument(load(v40Path)).doc;
    expect(JSON.stringify(stripped41)).not.toMatch(traces('0.0.41'));
    const paths41 = Object.keys(stripped41.paths as JsonObject);
    expect(paths41.every((p) => p.includes('/vX/') || p.endsWith('/vX'))).toBe(true);
    // most operations exist in both plugin versions under the same stripped path
    const paths40 = new Set(Object.keys(stripped40.paths as JsonObject));
    expect(paths41.filter((p) => paths40.has(p)).length).toBeGreaterThan(paths41.length * 0.8);
  });

  it('detects one version per document and picks the mask for diff --mask auto', () => {
    expect(detectVersionTags(load(v41Path)).map((t) => t.version)).toEqual(['0.0.41']);
    expect(autoMaskPair(load(v40Path), load(v41Path))).toMatchObject({ kind: 'mask', from: '0.0.41', to: '0.0.40' });
    expect(autoMaskPair(load(v41Path), load(preferRefsPath))).toMatchObject({ kind: 'none' });
  });
});

describeWithRealSpec(['24.11/combined.json', '24.11/v0.0.40.json'], 'masking the real 24.11 combined spec', ([combinedPath, v40Path]) => {
  it('refuses to mask one version onto another that is present, naming both keys', () => {
    const e = thrown(() => maskDocument(load(combinedPath), { from: 'v0.0.41', to: 'v0.0.40' }));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toMatch(/^masking v0\.0\.41 → v0\.0\.40 would merge keys "[^"]*v0\.0\.40[^"]*" and "[^"]*v0\.0\.41[^"]*" into "[^"]*" at \/\S+$/);
  });

  it('masks each version to an absent one without touching the others', () => {
    const original = load(combinedPath);
    const { doc, report } = maskDocument(original, { from: 'v0.0.42', to: 'v0.0.43' });
    expect(JSON.stringify(doc)).not.toMatch(traces('0.0.42'));
    expect(report.total).toBe(countIn(original, traces('0.0.42')));
    expect(countIn(doc, traces('0.0.40'))).toBe(countIn(original, traces('0.0.40')));
  });

  it('reports the combined spec as ambiguous for --mask auto', () => {
    expect(autoMaskPair(load(v40Path), load(combinedPath))).toMatchObject({ kind: 'ambiguous', newVersions: ['0.0.40', '0.0.41', '0.0.42'] });
  });
});

describeWithRealSpec(['22.05/openapi.json', '22.05/openapi-db.json', '22.05/dbv0.0.38.json'], 'masking real slurmrestd 22.05 specs', ([ctldPath, dbPath, dbOnlyPath]) => {
  it.each(['0.0.36', '0.0.37', '0.0.38'])('masks v%s of the combined document leaving no trace of it', (version) => {
    for (const path of [ctldPath, dbPath]) {
      const original = load(path);
      const { doc, report } = maskDocument(original, { from: version, to: '0.0.35' });
      expect(JSON.stringify(doc)).not.toMatch(traces(version));
      expect(report.total).toBe(countIn(original, traces(version)));
    }
  });

  it('rewrites info.version and the v0_0_38 operationIds', () => {
    const { doc, report } = maskDocument(load(ctldPath), { from: 'v0.0.38', to: 'v0.0.39' });
    expect((doc.info as JsonObject).version).toBe('0.0.39');
    expect(report.places['info.version']).toBe(1);
    expect(report.forms.map((f) => f.spelling)).toContain('v0_0_38');
  });

  it('keeps dbv and v names distinct', () => {
    const original = load(dbPath);
    const schemas = Object.keys((original.components as JsonObject).schemas as JsonObject);
    expect(schemas.some((s) => s.startsWith('dbv0.0.38_')) && schemas.some((s) => s.startsWith('v0.0.38_'))).toBe(true);
    const masked = Object.keys(((maskDocument(original, { from: '0.0.38', to: '0.0.39' }).doc.components as JsonObject).schemas as JsonObject));
    expect(masked).toHaveLength(schemas.length);
    expect(masked.filter((s) => s.startsWith('dbv0.0.39_'))).toHaveLength(schemas.filter((s) => s.startsWith('dbv0.0.38_')).length);
    const strippedDbOnly = stripDocument(load(dbOnlyPath));
    expect((strippedDbOnly.doc.info as JsonObject).version).toBe('dbvX');
  });

  it('refuses to mask v0.0.38 onto v0.0.37 in the combined document', () => {
    const e = thrown(() => maskDocument(load(ctldPath), { from: '0.0.38', to: '0.0.37' }));
    expect(e.message).toContain('would merge keys "/slurm/v0.0.38/diag" and "/slurm/v0.0.37/diag" into "/slurm/v0.0.37/diag" at /paths');
  });

  it('detects the three versions and their prefixes', () => {
    expect(detectVersionTags(load(dbPath)).map((t) => [t.version, t.prefixes])).toEqual([
      ['0.0.36', ['dbv', 'v']],
      ['0.0.37', ['dbv', 'v']],
      ['0.0.38', ['dbv', 'v']],
    ]);
  });
});
