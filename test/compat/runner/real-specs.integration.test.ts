/**
 * Real slurmrestd 24.11 v0.0.42 (built by scripts/slurm-specs.sh), every generator, built-in reference server, all
 * patches applied so that what is left is about the spec: the full matrix with the known failures as findings.
 * One run through the shared test cache: about 45 s on two cores when cold, under 10 s when warm.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { ALL_GENERATORS } from '../../../src/compat/generators/index.js';
import { runCompat } from '../../../src/compat/runner/index.js';
import type { CompatReport } from '../../../src/compat/runner/types.js';
import { validateSpec } from '../../../src/openapi/validate/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { TEST_CLIENT_CACHE } from './helpers.js';

describeWithRealSpec(['24.11/v0.0.42.json'], 'compat on real slurmrestd 24.11 v0.0.42, every generator', ([specPath]) => {
  let report: CompatReport;
  beforeAll(async () => {
    const doc = JSON.parse(await readFile(specPath, 'utf8')) as JsonObject;
    report = await runCompat({
      doc,
      specPath,
      source: '24.11/v0.0.42.json',
      generators: ALL_GENERATORS,
      patches: ['all'],
      cacheDir: TEST_CLIENT_CACHE,
      concurrency: 2,
      validation: await validateSpec(doc),
    });
  }, 400_000);

  const cell = (generator: string, operationId: string) => report.cells.find((c) => c.generator === generator && c.operationId === operationId)!;

  it('has the full matrix: 59 operations × every generator, at least 8 of them run', () => {
    expect(report.operations).toHaveLength(59);
    expect(report.cells).toHaveLength(59 * ALL_GENERATORS.length);
    const ran = report.generators.filter((g) => g.status !== 'unavailable').map((g) => g.id);
    expect(ran.length).toBeGreaterThanOrEqual(8);
    expect(ran).toEqual(expect.arrayContaining(['openapi-generator-4.3.1:typescript-fetch', 'swagger-codegen-3.0.34:python', 'openapi-generator-4.3.1:python']));
    for (const c of report.cells) if (c.status !== 'pass') expect(c.reason, `${c.generator} × ${c.operationId}`).toBeTruthy();
  });

  it('generators that follow the spec pass every operation', () => {
    for (const id of ['openapi-typescript', 'hey-api', 'orval', 'oazapfts', 'openapi-typescript-codegen', 'swagger-typescript-api']) {
      expect(report.generators.find((g) => g.id === id)!.totals.pass, id).toBe(59);
    }
  });

  it('OpenAPI Generator 4.3.1 typescript-fetch: the untyped array items become AnyType, which is never generated (a spec problem at the schema)', () => {
    const tsFetch = report.generators.find((g) => g.id === 'openapi-generator-4.3.1:typescript-fetch')!;
    expect(tsFetch.status).toBe('not-compiled');
    expect(tsFetch.compile!.errors.some((e) => /TS2305: .*'AnyType'/.test(e))).toBe(true);
    const problem = report.specProblems.find((p) => p.kind === 'schema-not-compiled' && p.generators.includes(tsFetch.id))!;
    expect(problem.pointer).toMatch(/^\/components\/schemas\/v0\.0\.42_job_(desc_msg|info)\/properties\/.*\/items$/);
    // The calls that touch those models fail at run time too, before sending or while decoding.
    expect(cell(tsFetch.id, 'slurm_v0042_post_job_submit').runtime).toMatch(/client error: TypeError/);
    expect(report.specProblems.some((p) => p.kind === 'request-not-sent' && p.generators.includes(tsFetch.id))).toBe(true);
  });

  it('Kubb: every JSON request body is sent as text/plain', () => {
    const problem = report.specProblems.find((p) => p.rule === 'request-content-type')!;
    expect(problem.generators).toEqual(['kubb']);
    expect(problem.operations.length).toBeGreaterThanOrEqual(15);
    expect(cell('kubb', 'slurm_v0042_post_job_submit')).toMatchObject({ status: 'fail', verdict: 'client-broke-spec' });
  });

  it('Python clients drop keys the schema requires but never declares (error/string …): the decoded body differs', () => {
    const python = cell('openapi-generator-4.3.1:python', 'slurm_v0042_delete_job');
    expect(python).toMatchObject({ status: 'fail', verdict: 'conforms' });
    expect(python.reason).toMatch(/^decoded body differs from the server's: \/status\/0\/error~1string: .* dropped/);
  });

  it('Swagger Codegen python sends a body on every DELETE', () => {
    const problem = report.specProblems.find((p) => p.rule === 'request-body-undocumented')!;
    expect(problem.generators).toEqual(['swagger-codegen-3.0.34:python']);
    expect(problem.operations.every((o) => /_delete_/.test(o))).toBe(true);
  });
});
