// @ts-nocheck
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ExitCode, SpecdriftError } from '../../src/errors.js';
import { listVersions, sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { validateSpec } from '../../src/openapi/validate/index.js';

const MULTI = fileURLToPath(new URL('../../fixtures/multi-version/', import.meta.url));
const load = (file: string): JsonObject => parse(readFileSync(MULTI + file, 'utf8')) as JsonObject;
const doc = load('openapi.yaml');

type Doc = Record<string, any>;
/** components as kind → names, for exact comparison */
const componentNames = (sliced: Doc) => Object.fromEntries(Object.entries(sliced.components ?? {}).map(([kind, map]) => [kind, Object.keys(map as object)]));

describe('listVersions', () => {
  it('lists the dotted version tags of path keys, ignoring /openapi/v3', () => {
    expect(listVersions(doc)).toEqual(['v0.0.36', 'v0.0.37', 'v0.0.38']);
  });

  it('tags /slurmdb/ paths dbvX only when the document has dbvX_ components (22.05 database plugins)', () => {
    expect(listVersions(load('db-plugins.yaml'))).toEqual(['v0.0.38', 'v0.0.39', 'dbv0.0.38']);
  });

  it('accepts plain vN tags and sorts numerically', () => {
    const paths = { '/api/v10/a': {}, '/api/v2/a': {}, '/api/v2/b': {}, '/health': {} };
    expect(listVersions({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths })).toEqual(['v2', 'v10']);
  });
});

describe('sliceByVersion on fixtures/multi-version/openapi.yaml', () => {
  it('v0.0.36 keeps its paths, schemas reached through schemas, the job_id parameter and legacy_basic', () => {
    const s = sliceByVersion(doc, 'v0.0.36') as Doc;
    expect(Object.keys(s.paths)).toEqual(['/slurm/v0.0.36/jobs', '/slurm/v0.0.36/job/{job_id}']);
    expect(componentNames(s)).toEqual({
      securitySchemes: ['user', 'token', 'legacy_basic'],
      parameters: ['job_id'],
      schemas: ['shared_error', 'v0.0.36_jobs_response', 'v0.0.36_job', 'v0.0.36_job_resources'],
    });
    expect(s.tags.map((t: Doc) => t.name)).toEqual(['slurm', 'legacy']);
  });

  it('v0.0.37 reaches a v0.0.36 schema and an example component; path-level parameters count', () => {
    const s = sliceByVersion(doc, 'v0.0.37') as Doc;
    expect(Object.keys(s.paths)).toEqual(['/slurm/v0.0.37/jobs', '/slurm/v0.0.37/job/{job_id}']);
    expect(componentNames(s)).toEqual({
      securitySchemes: ['user', 'token'],
      parameters: ['job_id'],
      examples: ['v0.0.37_one_job'],
      schemas: ['shared_error', 'v0.0.36_job_resources', 'v0.0.37_jobs_response', 'v0.0.37_job'],
    });
    expect(s.tags.map((t: Doc) => t.name)).toEqual(['slurm']);
  });

  it('v0.0.38 follows parameter, response, requestBody and header components, discriminator mappings and a property named default', () => {
    const s = sliceByVersion(doc, 'v0.0.38') as Doc;
    expect(Object.keys(s.paths)).toEqual(['/slurm/v0.0.38/jobs', '/slurm/v0.0.38/job/submit']);
    expect(componentNames(s)).toEqual({
      securitySchemes: ['user', 'token'],
      parameters: ['v0.0.38_flags'],
      headers: ['v0.0.38_job_id'],
      requestBodies: ['v0.0.38_job_submit'],
      responses: ['v0.0.38_error'],
      schemas: ['shared_error', 'v0.0.38_flags', 'v0.0.38_jobs_response', 'v0.0.38_job', 'v0.0.38_batch_job', 'v0.0.38_job_submit', 'v0.0.38_job_defaults'],
    });
  });

  it('keeps shared top-level parts in source order and drops what no version uses', () => {
    const s = sliceByVersion(doc, 'v0.0.38') as Doc;
    expect(Object.keys(s)).toEqual(['openapi', 'info', 'servers', 'security', 'tags', 'externalDocs', 'paths', 'components']);
    for (const key of ['openapi', 'info', 'servers', 'security', 'externalDocs']) expect(s[key]).toEqual((doc as Doc)[key]);
    for (const v of listVersions(doc)) {
      const sliced = sliceByVersion(doc, v) as Doc;
      expect(sliced.paths['/openapi/v3']).toBeUndefined();
      expect(sliced.components.schemas.unused_schema).toBeUndefined();
      expect(sliced.tags.map((t: Doc) => t.name)).not.toContain('openapi');
    }
  });

  it('every slice is a valid standalone document', async () => {
    for (const v of listVersions(doc)) expect(await validateSpec(sliceByVersion(doc, v)), v).toEqual([]);
  });

  it('does not modify its input and shares no objects with it', () => {
    const before = structuredClone(doc);
    const s = sliceByVersion(doc, 'v0.0.37') as Doc;
    s.components.schemas.shared_error.properties.error.type = 'integer';
    s.paths['/slurm/v0.0.37/jobs'].get.operationId = 'changed';
    expect(doc).toEqual(before);
  });

  it('an unknown version is a usage error listing the versions present', () => {
    const attempt = () => sliceByVersion(doc, 'v0.0.41');
    expect(attempt).toThrow(SpecdriftError);
    expect(attempt).toThrow("unknown version 'v0.0.41': the document serves v0.0.36, v0.0.37, v0.0.38");
    try {
      attempt();
    } catch (err) {
      expect((err as SpecdriftError).exitCode).toBe(ExitCode.usage);
      expect((err as SpecdriftError).hint).toBe('pass one of: v0.0.36, v0.0.37, v0.0.38');
    }
    expect(() => sliceByVersion({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/ping': {} } }, 'v1')).toThrow(/no path of the document has a version segment/);
  });
});

describe('sliceByVersion: database plugins and other shapes', () => {
  it('dbv0.0.38 keeps /slurmdb/v0.0.38 and the v0.0.38 schema it borrows; v0.0.39 keeps /slurm and /slurmdb', () => {
    const plugins = load('db-plugins.yaml');
    const db = sliceByVersion(plugins, 'dbv0.0.38') as Doc;
    expect(Object.keys(db.paths)).toEqual(['/slurmdb/v0.0.38/jobs']);
    expect(componentNames(db)).toEqual({ schemas: ['v0.0.38_meta', 'dbv0.0.38_job_info'] });
    expect(Object.keys((sliceByVersion(plugins, 'v0.0.38') as Doc).paths)).toEqual(['/slurm/v0.0.38/ping']);
    const unified = sliceByVersion(plugins, 'v0.0.39') as Doc;
    expect(Object.keys(unified.paths)).toEqual(['/slurm/v0.0.39/ping', '/slurmdb/v0.0.39/jobs']);
    expect(componentNames(unified)).toEqual({ schemas: ['v0.0.39_meta', 'v0.0.39_job_info'] });
  });

  it('a $ref into another path keeps that path, so nothing dangles', async () => {
    const ok = { '200': { description: 'ok' } };
    const source: JsonObject = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/v1/ping': { get: { operationId: 'ping1', responses: ok } },
        '/v2/ping': { get: { operationId: 'ping2', responses: { '200': { $ref: '#/paths/~1v1~1ping/get/responses/200' } } } },
      },
    };
    const s = sliceByVersion(source, 'v2') as Doc;
    expect(Object.keys(s.paths)).toEqual(['/v1/ping', '/v2/ping']);
    expect(await validateSpec(s)).toEqual([]);
  });

  it('Swagger 2.0: definitions, parameters, responses and securityDefinitions', async () => {
    const source: JsonObject = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      basePath: '/',
      securityDefinitions: { token: { type: 'apiKey', in: 'header', name: 'X-Token' }, other: { type: 'basic' } },
      paths: {
        '/v1/jobs': { get: { operationId: 'jobs1', security: [{ token: [] }], parameters: [{ $ref: '#/parameters/limit' }], responses: { '200': { $ref: '#/responses/Jobs' } } } },
        '/v2/jobs': { get: { operationId: 'jobs2', security: [{ other: [] }], responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/V2' } } } } },
      },
      parameters: { limit: { name: 'limit', in: 'query', type: 'integer' } },
      responses: { Jobs: { description: 'jobs', schema: { $ref: '#/definitions/V1' } } },
      definitions: { V1: { type: 'object', properties: { job: { $ref: '#/definitions/Job' } } }, Job: { type: 'object' }, V2: { type: 'object' } },
    };
    const s = sliceByVersion(source, 'v1') as Doc;
    expect(Object.keys(s)).toEqual(['swagger', 'info', 'basePath', 'securityDefinitions', 'paths', 'parameters', 'responses', 'definitions']);
    expect(Object.keys(s.securityDefinitions)).toEqual(['token']);
    expect(Object.keys(s.definitions)).toEqual(['V1', 'Job']);
    expect(await validateSpec(s)).toEqual([]);
    expect(Object.keys((sliceByVersion(source, 'v2') as Doc).definitions)).toEqual(['V2']);
    expect((sliceByVersion(source, 'v2') as Doc).parameters).toBeUndefined();
  });
});
