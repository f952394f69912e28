// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { formatMaskReport, stripDocument } from '../../src/mask/index.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { thrown } from '../helpers/errors.js';
import { slurmLikeSpec } from './slurm-like.js';

const one = (value: string, opts: { placeholder?: string } = {}) =>
  stripDocument({ x: value }, { versions: ['0.0.40'], ...opts }).doc.x as string;


describe('stripDocument per form', () => {
  it.each([
    // names lose the tag and one joining separator
    ['v0.0.40_job', 'job'],
    ['#/components/schemas/v0.0.40_job', '#/components/schemas/job'],
    ['slurm_v0040_get_jobs', 'slurm_get_jobs'],
    ['slurmdb_v0040_get_jobs', 'slurmdb_get_jobs'],
    ['slurm_v0_0_40_diag', 'slurm_diag'],
    ['V0040Job', 'Job'],
    ['slurmV0040GetJobs', 'slurmGetJobs'],
    ['slurm_v0040', 'slurm'],
    ['slurm-v0.0.40', 'slurm'],
    ['v0.0.40_v0040_x', 'x'],
    ['slurm-v0040-2x', 'slurm-2x'],
    ['1.2.v0.0.40-3', '1.2.-3'],
    // db tags keep their db so slurmdbd names stay distinct
    ['dbv0.0.40_diag', 'db_diag'],
    ['#/components/schemas/dbv0.0.40_job', '#/components/schemas/db_job'],
    // standalone tags become the placeholder
    ['/slurm/v0.0.40/jobs', '/slurm/vX/jobs'],
    ['/slurm/v0.0.40/', '/slurm/vX/'],
    ['/slurm/v0.0.40', '/slurm/vX'],
    ['#/paths/~1slurm~1v0.0.40~1jobs/get', '#/paths/~1slurm~1vX~1jobs/get'],
    ['http://h/%2Fslurm%2Fv0.0.40%2Fjobs', 'http://h/%2Fslurm%2FvX%2Fjobs'],
    ['v0.0.40', 'vX'],
    ['dbv0.0.40', 'dbvX'],
    ['data_parser/v0.0.40', 'data_parser/vX'],
    ['openapi/v0.0.40.json', 'openapi/vX.json'],
    ['Slurm v0.0.40 jobs', 'Slurm vX jobs'],
    ['0.0.40', 'vX'],
    // other versions and look-alikes are kept
    ['v0.0.41_job v0.0.4 v0.0.400 10.0.0.40 xv0.0.40', 'v0.0.41_job v0.0.4 v0.0.400 10.0.0.40 xv0.0.40'],
    ['v0.0.40_0.0.5 slurm_v0040_2x v0040.1', 'v0.0.40_0.0.5 slurm_v0040_2x v0040.1'],
  ])('%s → %s', (input, expected) => {
    expect(one(input)).toBe(expected);
  });

  it('uses the configured placeholder', () => {
    expect(one('/slurm/v0.0.40/jobs', { placeholder: '{v}' })).toBe('/slurm/{v}/jobs');
    expect(one('/slurm/v0.0.40/jobs', { placeholder: '_' })).toBe('/slurm/_/jobs');
  });

  it.each(['', 'a/b', 'v~1', '%2F', 'v X', 'v0.0.1', 'V0041', '1.2.3', 'v1'])('rejects placeholder %j', (placeholder) => {
    const e = thrown(() => stripDocument({}, { placeholder }));
    expect(e.exitCode).toBe(ExitCode.usage);
    expect(e.message).toContain('--placeholder');
  });
});

describe('stripDocument on a Slurm-shaped spec', () => {
  // set up inside each test, not in the describe body: code run at collection time counts as "static" for Stryker,
  // which then runs every test against each such mutant (npm run mutation)
  const setup = () => {
    const original = slurmLikeSpec('0.0.41');
    const snapshot = structuredClone(original);
    const { doc, report } = stripDocument(original, { versions: ['v0.0.41'] });
    return { original, snapshot, doc, report };
  };

  it('does not mutate its input', () => {
    const { original, snapshot } = setup();
    expect(original).toEqual(snapshot);
  });

  it('gives the same document whatever the version', () => {
    const { doc } = setup();
    const other = slurmLikeSpec('0.0.5');
    // the look-alikes are fixed v0.0.41 look-alikes, the same text in both
    expect(stripDocument(other, { versions: ['0.0.5'] }).doc).toEqual(doc);
  });

  it('strips names and paths like a generator would', () => {
    const { doc } = setup();
    expect(Object.keys(doc.paths as JsonObject)).toEqual(['/slurm/vX/jobs', '/slurm/vX/job/{job_id}', '/slurmdb/vX/diag', '/slurm/vX/diag']);
    const schemas = Object.keys((doc.components as JsonObject).schemas as JsonObject);
    expect(schemas).toEqual(['openapi_job_info_resp', 'job_info_msg', 'job_info', 'openapi_meta', 'openapi_errors', 'openapi_resp', 'diag', 'db_diag', 'db_diag_rpc']);
    const jobs = (doc.paths as JsonObject)['/slurm/vX/jobs'] as JsonObject;
    expect((jobs.get as JsonObject).operationId).toBe('slurm_get_jobs');
    expect((jobs.get as JsonObject)['x-codegen-name']).toBe('slurmGetJobs');
    expect((doc.info as JsonObject).version).toBe('vX');
  });

  it('reports what it stripped', () => {
    const { report } = setup();
    expect(report).toMatchObject({ operation: 'strip', versions: ['0.0.41'], placeholder: 'vX', total: 43 });
    expect(formatMaskReport(report)[0]).toBe('stripped 43 version tags: v0.0.41 (placeholder vX)');
  });

  it('is idempotent', () => {
    const { doc, report } = setup();
    const again = stripDocument(doc, { versions: ['v0.0.41'] });
    expect(again.doc).toEqual(doc);
    expect(again.report.total).toBe(0);
  });
});

describe('stripDocument collisions and defaults', () => {
  it('keeps v and dbv names apart', () => {
    const { doc } = stripDocument({ s: { 'dbv0.0.39_diag': 1, 'v0.0.39_diag': 2 } });
    expect(doc).toEqual({ s: { db_diag: 1, diag: 2 } });
  });

  it('refuses to merge two versions of a name', () => {
    const e = thrown(() => stripDocument({ components: { schemas: { 'v0.0.40_job': {}, 'v0.0.41_job': {} } } }));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toBe('stripping v0.0.40, v0.0.41 would merge keys "v0.0.40_job" and "v0.0.41_job" into "job" at /components/schemas');
    expect(e.hint).toContain('several versions');
  });

  it('strips only the versions asked for', () => {
    const { doc, report } = stripDocument({ s: { 'v0.0.40_job': 1, 'v0.0.41_job': 2 } }, { versions: ['v0.0.41'] });
    expect(doc).toEqual({ s: { 'v0.0.40_job': 1, job: 2 } });
    expect(report.versions).toEqual(['0.0.41']);
  });

  it('by default strips detected versions only: a bare or compact look-alike alone is not stripped', () => {
    const { doc, report } = stripDocument({ a: 'v0.0.41_x', b: 'requires 1.2.3', c: 'V2024 and 0.0.41' });
    expect(doc).toEqual({ a: 'x', b: 'requires 1.2.3', c: 'V2024 and vX' });
    expect(report.versions).toEqual(['0.0.41']);
  });

  it('does nothing (but copies) when the document has no tag', () => {
    const input: JsonObject = { a: ['b'] };
    const { doc, report } = stripDocument(input);
    expect(doc).toEqual(input);
    expect(doc.a).not.toBe(input.a);
    expect(formatMaskReport(report)).toEqual(['stripped 0 version tags: none found (placeholder vX)']);
  });
});
