// @ts-nocheck
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listVersions, sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { validateSpec, type ValidationFinding } from '../../src/openapi/validate/index.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const load = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

type Doc = Record<string, any>;
const summary = (findings: ValidationFinding[]) => findings.map((f) => `${f.ruleId} ${f.pointer}`);
const STYLE_SIMPLE_V37 = [
  '/paths/~1slurm~1v0.0.37~1jobs/get/parameters/0/style',
  '/paths/~1slurm~1v0.0.37~1nodes/get/parameters/0/style',
  '/paths/~1slurm~1v0.0.37~1partition~1{partition_name}/get/parameters/1/style',
  '/paths/~1slurm~1v0.0.37~1partitions/get/parameters/0/style',
  '/paths/~1slurm~1v0.0.37~1reservation~1{reservation_name}/get/parameters/1/style',
  '/paths/~1slurm~1v0.0.37~1reservations/get/parameters/0/style',
].map((p) => `parameter-style-invalid ${p}`);

describeWithRealSpec(['22.05/openapi.json', '22.05/openapi-db.json', '22.05/dbv0.0.38.json'], 'slice real slurmrestd 22.05 documents', ([openapi, openapiDb, db38]) => {
  it('openapi.json gives three specs; each validates except for v0.0.37’s own style defects', async () => {
    const doc = load(openapi);
    expect(listVersions(doc)).toEqual(['v0.0.36', 'v0.0.37', 'v0.0.38']);
    const expected: Record<string, string[]> = { 'v0.0.36': [], 'v0.0.37': STYLE_SIMPLE_V37, 'v0.0.38': [] };
    for (const version of listVersions(doc)) {
      const sliced = sliceByVersion(doc, version) as Doc;
      expect(Object.keys(sliced.paths).every((p) => p.startsWith(`/slurm/${version}/`)), version).toBe(true);
      expect(summary(await validateSpec(sliced)), version).toEqual(expected[version]);
    }
  });

  it('openapi-db.json: dbv0.0.38 takes v0.0.38_meta along (unlike the plugin loaded alone) and keeps its unknown path-item key', async () => {
    const doc = load(openapiDb);
    expect(listVersions(doc)).toEqual(['v0.0.36', 'v0.0.37', 'v0.0.38', 'dbv0.0.36', 'dbv0.0.37', 'dbv0.0.38']);
    const db38 = sliceByVersion(doc, 'dbv0.0.38') as Doc;
    expect(Object.keys(db38.paths).every((p) => p.startsWith('/slurmdb/v0.0.38/'))).toBe(true);
    expect(db38.components.schemas['v0.0.38_meta']).toBeDefined();
    expect(summary(await validateSpec(db38))).toEqual(['path-item-unknown-key /paths/~1slurmdb~1v0.0.38~1accounts/dbv0.0.38_tres_update']);
    for (const version of ['dbv0.0.36', 'dbv0.0.37', 'v0.0.36', 'v0.0.38']) {
      expect(await validateSpec(sliceByVersion(doc, version)), version).toEqual([]);
    }
  });

  it('the dbv0.0.38 slice matches slurmrestd’s dbv0.0.38-only document: same paths; v0.0.38_meta in, the unused dbv0.0.38_meta out', async () => {
    const combined = sliceByVersion(load(openapiDb), 'dbv0.0.38') as Doc;
    const alone = load(db38) as Doc;
    expect(Object.keys(combined.paths).sort()).toEqual(Object.keys(alone.paths).filter((p) => p.startsWith('/slurmdb/')).sort());
    const sliceSchemas = new Set(Object.keys(combined.components.schemas));
    const aloneSchemas = new Set(Object.keys(alone.components.schemas));
    expect([...sliceSchemas].filter((n) => !aloneSchemas.has(n))).toEqual(['v0.0.38_meta']);
    expect([...aloneSchemas].filter((n) => !sliceSchemas.has(n))).toEqual(['dbv0.0.38_meta']);
    expect(JSON.stringify(alone)).not.toContain('"#/components/schemas/dbv0.0.38_meta"');
  });
});

describeWithRealSpec(['24.11/combined.json', '24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json'], 'slice real slurmrestd 24.11 combined.json', ([combinedPath, ...alonePaths]) => {
  const alonePath = (version: string) => alonePaths[['v0.0.40', 'v0.0.41', 'v0.0.42'].indexOf(version)];
  it.each(['v0.0.40', 'v0.0.42'])('%s equals what slurmrestd generates for that version alone (bar the unused openapi tag)', (version) => {
    const sliced = sliceByVersion(load(combinedPath), version) as Doc;
    const alone = load(alonePath(version)) as Doc;
    expect({ ...sliced, tags: undefined }).toEqual({ ...alone, tags: undefined });
    expect(sliced.tags).toEqual(alone.tags.filter((t: Doc) => t.name !== 'openapi'));
  });

  it('v0.0.41 has the same paths as v0.0.41.json and each /slurmdb/ path stays with its version', () => {
    const combined = load(combinedPath);
    expect(listVersions(combined)).toEqual(['v0.0.40', 'v0.0.41', 'v0.0.42']);
    const sliced = sliceByVersion(combined, 'v0.0.41') as Doc;
    expect(Object.keys(sliced.paths).sort()).toEqual(Object.keys(load(alonePath('v0.0.41')).paths as Doc).sort());
    expect(Object.keys(sliced.paths).some((p) => p.startsWith('/slurmdb/v0.0.41/'))).toBe(true);
  });
});
