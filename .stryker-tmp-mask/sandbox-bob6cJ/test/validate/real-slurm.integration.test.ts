// @ts-nocheck
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { resolvePointer } from '../../src/openapi/refs.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { validateSpec, type ValidationFinding } from '../../src/openapi/validate/index.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const load = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

const countByRule = (findings: ValidationFinding[]) => {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
};
const pointersOf = (findings: ValidationFinding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.pointer);
const expectPointersResolve = (doc: JsonObject, findings: ValidationFinding[]) => {
  for (const f of findings) expect(resolvePointer(doc, f.pointer), `${f.ruleId} ${f.pointer}`).not.toBeUndefined();
};

describeWithRealSpec(['22.05/openapi.json', '22.05/openapi-db.json', '22.05/dbv0.0.38.json'], 'validate real slurmrestd 22.05 documents', ([openapi, openapiDb, db38]) => {
  it('openapi.json (v0.0.36–v0.0.38): 11 duplicate operationIds and style: simple on v0.0.37 query parameters', async () => {
    const doc = load(openapi);
    const findings = await validateSpec(doc);
    expect(countByRule(findings)).toEqual({ 'operation-id-duplicate': 11, 'parameter-style-invalid': 6 });
    for (const p of pointersOf(findings, 'operation-id-duplicate')) expect(p).toMatch(/^\/paths\/~1slurm~1v0\.0\.36~1.*\/operationId$/);
    expect(pointersOf(findings, 'operation-id-duplicate')).toContain('/paths/~1slurm~1v0.0.36~1jobs/get/operationId');
    expect(pointersOf(findings, 'parameter-style-invalid')).toContain('/paths/~1slurm~1v0.0.37~1jobs/get/parameters/0/style');
    for (const p of pointersOf(findings, 'parameter-style-invalid')) expect(p).toMatch(/^\/paths\/~1slurm~1v0\.0\.37~1.*\/style$/);
    expectPointersResolve(doc, findings);
  });

  it('openapi-db.json: also the schema sitting under /slurmdb/v0.0.38/accounts', async () => {
    const doc = load(openapiDb);
    const findings = await validateSpec(doc);
    expect(pointersOf(findings, 'path-item-unknown-key')).toEqual(['/paths/~1slurmdb~1v0.0.38~1accounts/dbv0.0.38_tres_update']);
    expect(countByRule(findings)).toEqual({ 'operation-id-duplicate': 40, 'parameter-style-invalid': 6, 'path-item-unknown-key': 1 });
    expectPointersResolve(doc, findings);
  });

  it('dbv0.0.38.json alone: every meta ref dangles (v0.0.38_meta belongs to the v0.0.38 plugin)', async () => {
    const doc = load(db38);
    const findings = await validateSpec(doc);
    expect(countByRule(findings)).toEqual({ 'ref-dangling': 23, 'path-item-unknown-key': 1 });
    for (const f of findings.filter((x) => x.ruleId === 'ref-dangling')) {
      expect(f.pointer).toMatch(/^\/components\/schemas\/dbv0\.0\.38_[a-z_]+\/properties\/meta\/\$ref$/);
      expect(f.message).toBe("'#/components/schemas/v0.0.38_meta' points to nothing in this document");
    }
    expectPointersResolve(doc, findings);
  });
});

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json'], 'validate real slurmrestd 24.11 documents', ([v40, v41, v42]) => {
  it('v0.0.42.json: `required: []` and `required: ["nodes/count"]`', async () => {
    const doc = load(v42);
    const findings = await validateSpec(doc);
    expect(Object.keys(countByRule(findings)).sort()).toEqual(['oas-schema', 'schema-required-unknown-property']);
    expect(pointersOf(findings, 'schema-required-unknown-property')).toContain('/components/schemas/v0.0.42_job_res/required/1');
    expect(findings.find((f) => f.pointer === '/components/schemas/v0.0.42_job_res/required/1')?.message).toMatch(/^'nodes\/count' is required/);
    const emptyRequired = findings.filter((f) => f.ruleId === 'oas-schema');
    for (const f of emptyRequired) {
      expect(f.pointer).toMatch(/\/required$/);
      expect(resolvePointer(doc, f.pointer)).toEqual([]);
    }
    expectPointersResolve(doc, findings);
  });

  // Speed is measured by `npm run bench`, never asserted here.
  it('v0.0.41.json (1.2 MB, inlined schemas): finds the required entries that name no property', async () => {
    const doc = load(v41);
    const findings = await validateSpec(doc);
    expect(pointersOf(findings, 'schema-required-unknown-property')).toContain(
      '/components/schemas/v0.0.41_openapi_job_info_resp/properties/jobs/items/properties/job_resources/required/1',
    );
    expectPointersResolve(doc, findings);
  });
});
