/**
 * A small Slurm-shaped OpenAPI document for one plugin version, written by us (not copied):
 * slurmctld and slurmdbd paths, schemas named `v0.0.41_*` and `dbv0.0.41_*`, $refs (plain and
 * JSON-pointer escaped), operationIds `slurm_v0041_*`, generated type names `V0041*`, module names
 * `v0_0_41`, info.version, and numbers that look like the version but are not tags.
 */
// @ts-nocheck

import type { JsonObject } from '../../src/openapi/types.js';

export function compact(version: string): string {
  const [major, minor, patch] = version.split('.');
  return `${major}${minor}${patch.padStart(2, '0')}`;
}

export function slurmLikeSpec(version: string): JsonObject {
  const v = `v${version}`;
  const c = compact(version);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
  return {
    openapi: '3.0.2',
    info: {
      title: 'Slurm REST API',
      description: `Served by openapi/slurmctld with data_parser/${v} (release 24.11.0).`,
      version: version,
      'x-slurm': { release: '24.11.0', 'data_parser': `data_parser/${v}` },
    },
    servers: [{ url: `http://localhost:6820/slurm/${v}` }, { url: 'http://10.0.0.41:6820/' }],
    tags: [
      { name: 'slurm', description: `methods that query slurmctld through ${v}` },
      { name: 'slurmdb', description: `methods that query slurmdbd through db${v}` },
    ],
    paths: {
      [`/slurm/${v}/jobs`]: {
        get: {
          operationId: `slurm_v${c}_get_jobs`,
          'x-codegen-name': `slurmV${c}GetJobs`,
          tags: ['slurm'],
          summary: 'get list of jobs',
          responses: { '200': { description: 'job(s) information', ...json(`${v}_openapi_job_info_resp`) }, default: { $ref: '#/components/responses/error' } },
        },
      },
      [`/slurm/${v}/job/{job_id}`]: {
        parameters: [{ name: 'job_id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: `slurm_v${c}_get_job`,
          tags: ['slurm'],
          responses: { '200': { $ref: `#/paths/~1slurm~1${v}~1jobs/get/responses/200` } },
        },
        delete: {
          operationId: `slurm_v${c}_delete_job`,
          tags: ['slurm'],
          responses: { '200': json(`${v}_openapi_resp`) },
        },
      },
      [`/slurmdb/${v}/diag`]: {
        get: { operationId: `slurmdb_v${c}_get_diag`, tags: ['slurmdb'], responses: { '200': json(`db${v}_diag`) } },
      },
      [`/slurm/${v}/diag`]: {
        get: { operationId: `slurm_v${c}_get_diag`, tags: ['slurm'], responses: { '200': json(`${v}_diag`) } },
      },
    },
    components: {
      responses: { error: { description: 'error', ...json(`${v}_openapi_resp`) } },
      schemas: {
        [`${v}_openapi_job_info_resp`]: {
          type: 'object',
          'x-type-name': `V${c}OpenapiJobInfoResp`,
          properties: { jobs: ref(`${v}_job_info_msg`), meta: ref(`${v}_openapi_meta`), errors: ref(`${v}_openapi_errors`) },
          required: ['jobs'],
        },
        [`${v}_job_info_msg`]: { type: 'array', items: ref(`${v}_job_info`) },
        [`${v}_job_info`]: {
          type: 'object',
          description: `A job as the ${v} data_parser renders it; generated clients call it V${c}JobInfo (module v${version.replaceAll('.', '_')}).`,
          properties: {
            job_id: { type: 'integer', format: 'int32' },
            job_state: { type: 'array', items: { type: 'string', enum: ['PENDING', 'RUNNING', 'COMPLETED'] } },
            // look-alikes of v0.0.41 that are not tags of it (the same text in every version's spec)
            network: { type: 'string', example: '10.0.0.41', description: 'not v0.0.410, v0.0.4, 0.0.41.1, xv0.0.41 or v00410' },
          },
        },
        [`${v}_openapi_meta`]: {
          type: 'object',
          properties: {
            plugin: { type: 'object', properties: { data_parser: { type: 'string', example: `data_parser/${v}` } } },
            slurm: { type: 'object', properties: { release: { type: 'string', example: '24.11.0' } } },
          },
        },
        [`${v}_openapi_errors`]: { type: 'array', items: { type: 'object', properties: { error: { type: 'string' } } } },
        [`${v}_openapi_resp`]: { type: 'object', properties: { errors: ref(`${v}_openapi_errors`) } },
        [`${v}_diag`]: { type: 'object', properties: { server_thread_count: { type: 'integer' } } },
        [`db${v}_diag`]: {
          type: 'object',
          discriminator: { propertyName: 'kind', mapping: { rpc: `#/components/schemas/db${v}_diag_rpc` } },
          properties: { rpcs: { type: 'array', items: ref(`db${v}_diag_rpc`) } },
        },
        [`db${v}_diag_rpc`]: { type: 'object', properties: { rpc: { type: 'string' } } },
      },
    },
  };
}
