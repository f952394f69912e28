// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { findTags, formatMaskReport, maskDocument } from '../../src/mask/index.js';
import type { Json, JsonObject } from '../../src/openapi/types.js';
import { thrown } from '../helpers/errors.js';
import { slurmLikeSpec } from './slurm-like.js';

const mask = (doc: JsonObject, from = 'v0.0.41', to = 'v0.0.40') => maskDocument(doc, { from, to });


describe('maskDocument on a Slurm-shaped spec', () => {
  // set up inside each test, not in the describe body: code run at collection time counts as "static" for Stryker,
  // which then runs every test against each such mutant (npm run mutation)
  const setup = () => {
    const original = slurmLikeSpec('0.0.41');
    const snapshot = structuredClone(original);
    const { doc, report } = mask(original);
    return { original, snapshot, doc, report, text: JSON.stringify(doc) };
  };

  it('does not mutate its input', () => {
    const { original, snapshot, doc } = setup();
    expect(original).toEqual(snapshot);
    expect(doc).not.toBe(original);
  });

  it('equals the same spec written for the target version', () => {
    const { doc } = setup();
    expect(doc).toEqual(slurmLikeSpec('0.0.40'));
  });

  it('leaves no trace of the source version outside the look-alikes', () => {
    const { original, text } = setup();
    const withoutLookAlikes = text
      .replace(JSON.stringify((((original.components as JsonObject).schemas as JsonObject)['v0.0.41_job_info'] as JsonObject).properties), '')
      .replace('http://10.0.0.41:6820/', '');
    expect(withoutLookAlikes).not.toMatch(/0\.0\.41|0041|0_0_41/);
  });

  it('rewrites each place', () => {
    const { doc } = setup();
    const paths = doc.paths as JsonObject;
    expect(Object.keys(paths)).toEqual(['/slurm/v0.0.40/jobs', '/slurm/v0.0.40/job/{job_id}', '/slurmdb/v0.0.40/diag', '/slurm/v0.0.40/diag']);
    const get = (paths['/slurm/v0.0.40/job/{job_id}'] as JsonObject).get as JsonObject;
    expect(get.operationId).toBe('slurm_v0040_get_job');
    expect((get.responses as JsonObject)['200']).toEqual({ $ref: '#/paths/~1slurm~1v0.0.40~1jobs/get/responses/200' });
    const schemas = (doc.components as JsonObject).schemas as JsonObject;
    expect(Object.keys(schemas)).toContain('dbv0.0.40_diag');
    expect(Object.keys(schemas)).toContain('v0.0.40_diag');
    expect(((schemas['dbv0.0.40_diag'] as JsonObject).discriminator as JsonObject).mapping).toEqual({ rpc: '#/components/schemas/dbv0.0.40_diag_rpc' });
    expect((doc.info as JsonObject).version).toBe('0.0.40');
    expect((doc.servers as JsonObject[])[0].url).toBe('http://localhost:6820/slurm/v0.0.40');
    expect((schemas['v0.0.40_openapi_job_info_resp'] as JsonObject)['x-type-name']).toBe('V0040OpenapiJobInfoResp');
  });

  it('leaves the format version and look-alike numbers alone', () => {
    const { doc } = setup();
    expect(doc.openapi).toBe('3.0.2');
    expect((doc.servers as JsonObject[])[1].url).toBe('http://10.0.0.41:6820/');
    const network = ((((doc.components as JsonObject).schemas as JsonObject)['v0.0.40_job_info'] as JsonObject).properties as JsonObject).network;
    expect(network).toEqual({ type: 'string', example: '10.0.0.41', description: 'not v0.0.410, v0.0.4, 0.0.41.1, xv0.0.41 or v00410' });
  });

  it('reports counts per spelling and per place that add up', () => {
    const { original, report, text } = setup();
    // expected counts from an independent text search of the serialised input
    const count = (re: RegExp) => JSON.stringify(original).match(re)?.length ?? 0;
    const bySpelling = Object.fromEntries(report.forms.map((f) => [f.spelling, [f.replacement, f.count]]));
    expect(bySpelling).toEqual({
      'v0.0.41': ['v0.0.40', count(/(?<![A-Za-z])v0\.0\.41(?![0-9])/g)],
      'dbv0.0.41': ['dbv0.0.40', count(/dbv0\.0\.41/g)],
      v0041: ['v0040', count(/v0041(?![0-9])/g)],
      V0041: ['V0040', count(/V0041/g)],
      v0_0_41: ['v0_0_40', count(/v0_0_41/g)],
      '0.0.41': ['0.0.40', 1],
    });
    // counted by hand: 9 schema names, 4 path keys, 13 $ref/mapping values, 5 operationIds,
    // 11 other strings (descriptions, server URL, examples, x- names), info.version
    expect(report.places).toEqual({ keys: 9, paths: 4, refs: 13, operationIds: 5, tags: 0, strings: 11, 'info.version': 1 });
    expect(report.total).toBe(43);
    expect(Object.values(report.places).reduce((a, b) => a + b)).toBe(report.total);
    expect(report).toMatchObject({ operation: 'mask', from: '0.0.41', to: '0.0.40', versions: ['0.0.41'] });
  });

  it('formats the report as plain lines', () => {
    const { report } = setup();
    const lines = formatMaskReport(report);
    expect(lines[0]).toBe('masked 43 version tags: v0.0.41 → v0.0.40');
    expect(lines).toContain('  v0.0.41 → v0.0.40      27');
    expect(lines).toContain('  dbv0.0.41 → dbv0.0.40  6');
    expect(lines.at(-1)).toBe('  places: keys 9, paths 4, refs 13, operationIds 5, strings 11, info.version 1');
    expect(lines.join('\n')).not.toMatch(/\u001b/);
  });
});

describe('maskDocument places', () => {
  it('classifies each key and value', () => {
    const doc: JsonObject = {
      openapi: '3.0.0',
      info: { version: 'v0.0.41', title: 'v0.0.41' },
      tags: [{ name: 'v0.0.41', description: 'v0.0.41' }],
      paths: { '/v0.0.41': { get: { tags: ['v0.0.41'], operationId: 'v0041', links: { l: { operationRef: '#/paths/~1v0.0.41/get' } } } } },
      components: { schemas: { 'v0.0.41_x': { properties: { 'v0.0.41_p': { $ref: '#/components/schemas/v0.0.41_x' } } } } },
    };
    expect(mask(doc).report.places).toEqual({ keys: 2, paths: 1, refs: 2, operationIds: 1, tags: 2, strings: 2, 'info.version': 1 });
  });
});

describe('maskDocument per form', () => {
  const one = (value: string, from = '0.0.41', to = '0.0.40') => (maskDocument({ x: value }, { from, to }).doc.x as string);
  it.each([
    ['/slurm/v0.0.41/jobs', '/slurm/v0.0.40/jobs'],
    ['#/components/schemas/v0.0.41_job', '#/components/schemas/v0.0.40_job'],
    ['#/paths/~1slurm~1v0.0.41~1jobs', '#/paths/~1slurm~1v0.0.40~1jobs'],
    ['dbv0.0.41_diag', 'dbv0.0.40_diag'],
    ['slurm_v0041_get_jobs', 'slurm_v0040_get_jobs'],
    ['slurmdb_v0041_get_jobs', 'slurmdb_v0040_get_jobs'],
    ['V0041Job', 'V0040Job'],
    ['slurmV0041GetJobs', 'slurmV0040GetJobs'],
    ['v0_0_41.models', 'v0_0_40.models'],
    ['0.0.41', '0.0.40'],
    ['Slurm 0.0.41, plugin v0.0.41 and dbv0.0.41', 'Slurm 0.0.40, plugin v0.0.40 and dbv0.0.40'],
    ['v0.0.410 v0.0.4 10.0.0.41 0.0.41.1 xv0.0.41 v00410', 'v0.0.410 v0.0.4 10.0.0.41 0.0.41.1 xv0.0.41 v00410'],
  ])('%s → %s', (input, expected) => {
    expect(one(input)).toBe(expected);
  });

  it('writes versions of different lengths in every form', () => {
    expect(one('v0.0.41 v0041 v0_0_41 0.0.41', '0.0.41', '0.0.5')).toBe('v0.0.5 v0005 v0_0_5 0.0.5');
    expect(one('v0.0.5 v0005 v0_0_5 0.0.5', '0.0.5', '0.0.41')).toBe('v0.0.41 v0041 v0_0_41 0.0.41');
  });

  it('accepts every argument spelling', () => {
    for (const from of ['v0.0.41', '0.0.41', 'dbv0.0.41', 'v0041', 'v0_0_41']) {
      expect(maskDocument({ x: 'v0.0.41' }, { from, to: 'v0040' }).doc.x).toBe('v0.0.40');
    }
  });

  it('does not touch the root openapi/swagger version even when asked to mask it', () => {
    const { doc, report } = maskDocument({ openapi: '3.0.3', swagger: '3.0.3', info: { version: '3.0.3' } }, { from: '3.0.3', to: '3.1.0' });
    expect(doc).toEqual({ openapi: '3.0.3', swagger: '3.0.3', info: { version: '3.1.0' } });
    expect(report.total).toBe(1);
  });

  it('is a copy even when nothing changes', () => {
    const input: JsonObject = { a: { b: ['v0.0.39'] } };
    const { doc, report } = mask(input);
    expect(doc).toEqual(input);
    expect(doc.a).not.toBe(input.a);
    expect(report.total).toBe(0);
    expect(formatMaskReport(report)).toEqual(['masked 0 version tags: v0.0.41 → v0.0.40', '  the document contains no v0.0.41 tag']);
  });

  it('keeps a "__proto__" key as a plain key', () => {
    const input = JSON.parse('{"__proto__": {"v0.0.41_x": 1}}') as JsonObject;
    const { doc } = mask(input);
    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(JSON.stringify(doc)).toBe('{"__proto__":{"v0.0.40_x":1}}');
  });
});

describe('maskDocument refusals', () => {
  it('refuses when two keys of one object would collide, naming both keys and the pointer', () => {
    const doc: JsonObject = { components: { schemas: { 'v0.0.40_job': {}, 'v0.0.41_job': {} } } };
    const e = thrown(() => mask(doc));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toBe('masking v0.0.41 → v0.0.40 would merge keys "v0.0.40_job" and "v0.0.41_job" into "v0.0.40_job" at /components/schemas');
  });

  it('escapes the pointer of a colliding path key', () => {
    const doc: JsonObject = { paths: { '/a/v0.0.41': { get: { 'x~/v0.0.41': 1, 'x~/v0.0.40': 2 } } } };
    const e = thrown(() => mask(doc));
    expect(e.message).toContain('at /paths/~1a~1v0.0.41/get');
  });

  it('keeps db and non-db tags distinct (no collision)', () => {
    const { doc } = mask({ s: { 'dbv0.0.41_diag': 1, 'v0.0.41_diag': 2 } });
    expect(doc).toEqual({ s: { 'dbv0.0.40_diag': 1, 'v0.0.40_diag': 2 } });
  });

  it('refuses to write a compact tag for a version that has none', () => {
    const e = thrown(() => maskDocument({ paths: { '/a': { get: { operationId: 'slurm_v0041_x' } } } }, { from: '0.0.41', to: '0.0.100' }));
    expect(e.exitCode).toBe(ExitCode.conflict);
    expect(e.message).toContain('v0041 at /paths/~1a/get/operationId');
    // other forms are fine
    expect(maskDocument({ x: 'v0.0.41' }, { from: '0.0.41', to: '0.0.100' }).doc.x).toBe('v0.0.100');
  });

  it('rejects garbage versions with a usage error', () => {
    expect(thrown(() => maskDocument({}, { from: 'v41', to: 'v0.0.40' })).exitCode).toBe(ExitCode.usage);
    expect(thrown(() => maskDocument({}, { from: 'v0.0.41', to: 'latest' })).message).toContain('--to');
  });
});

describe('maskDocument round trip', () => {
  it('41 → 40 → 41 gives back the original spec', () => {
    const original = slurmLikeSpec('0.0.41');
    const there = maskDocument(original, { from: '0.0.41', to: '0.0.40' }).doc;
    const back = maskDocument(there, { from: '0.0.40', to: '0.0.41' }).doc;
    expect(back).toEqual(original);
  });
  it('is idempotent', () => {
    const once = mask(slurmLikeSpec('0.0.41')).doc;
    const twice = mask(once);
    expect(twice.doc).toEqual(once);
    expect(twice.report.total).toBe(0);
  });
  it('finds no tag of the source version anywhere afterwards', () => {
    const leftovers: Json[] = [];
    const visit = (v: Json): void => {
      if (typeof v === 'string') {
        if (findTags(v).some((t) => t.version === '0.0.41')) leftovers.push(v);
      } else if (Array.isArray(v)) v.forEach(visit);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (visit(k), visit(x));
    };
    visit(mask(slurmLikeSpec('0.0.41')).doc);
    expect(leftovers).toEqual([]);
  });
});
