// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { SpecdriftError } from '../../src/errors.js';
import { thrown } from '../helpers/errors.js';
import { parseSelector, select } from '../../src/openapi/select.js';
import type { JsonObject } from '../../src/openapi/types.js';

const doc: JsonObject = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/slurm/v0.0.40/jobs': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/v0.0.40_openapi_job_info_resp' } } } } } } },
  },
  components: {
    schemas: {
      'v0.0.40_job': { type: 'object', properties: { job_id: { type: 'integer' } } },
      'v0.0.40_openapi_job_info_resp': { type: 'object', properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/v0.0.40_job' } } } },
      'a/b~c': { type: 'string' },
    },
  },
};

describe('selectors', () => {
  it('parses jq paths with quoted keys, brackets and indexes', () => {
    expect(parseSelector('.components.schemas."v0.0.40_job"')).toEqual(['components', 'schemas', 'v0.0.40_job']);
    expect(parseSelector('.paths["/slurm/v0.0.40/jobs"].get.responses["200"]')).toEqual(['paths', '/slurm/v0.0.40/jobs', 'get', 'responses', '200']);
    expect(parseSelector('.servers[0].url')).toEqual(['servers', '0', 'url']);
    expect(parseSelector('#/components/schemas/a~1b~0c')).toEqual(['components', 'schemas', 'a/b~c']);
    expect(parseSelector('.')).toEqual([]);
  });

  it('selects the seed examples and returns the pointer of the node', () => {
    expect(select(doc, '.components.schemas."v0.0.40_job"')).toEqual({
      value: doc.components && (doc.components as JsonObject).schemas && ((doc.components as JsonObject).schemas as JsonObject)['v0.0.40_job'],
      pointer: '#/components/schemas/v0.0.40_job',
    });
    expect(select(doc, '#/components/schemas/a~1b~0c').pointer).toBe('#/components/schemas/a~1b~0c');
    expect(select(doc, '.paths["/slurm/v0.0.40/jobs"].get.responses["200"]').pointer).toBe('#/paths/~1slurm~1v0.0.40~1jobs/get/responses/200');
  });

  it('follows $refs when the path continues below one', () => {
    const sel = select(doc, '.components.schemas."v0.0.40_openapi_job_info_resp".properties.jobs.items.properties.job_id');
    expect(sel).toEqual({ value: { type: 'integer' }, pointer: '#/components/schemas/v0.0.40_job/properties/job_id' });
    // Stopping at the $ref returns the reference itself.
    expect(select(doc, '.components.schemas."v0.0.40_openapi_job_info_resp".properties.jobs.items').value).toEqual({ $ref: '#/components/schemas/v0.0.40_job' });
  });

  it('names the first missing segment, with a suggestion', () => {
    expect(() => select(doc, '.components.schemas."v0.0.40_jobs".properties')).toThrow(SpecdriftError);
    expect(thrown(() => select(doc, '.components.schemas."v0.0.40_jobs".properties')).line()).toMatch(
      /no "v0\.0\.40_jobs" at #\/components\/schemas — did you mean "v0\.0\.40_job"/,
    );
    expect(() => select(doc, 'components')).toThrow(/must start with/);
    expect(() => select(doc, '.paths["/x')).toThrow(/unterminated string/);
  });
});
