/**
 * A hand-built, Slurm-like classified DiffReport (v0.0.40 → v0.0.41) for the format tests.
 * Written by us from the shape of slurmrestd's specs; includes one accepted change, components-only
 * changes, and strings with characters every format must escape: <>&"' % newlines :: , tabs.
 */
// @ts-nocheck

import { createHash } from 'node:crypto';
import { summarize } from '../../../src/diff/classify/index.js';
import type { Change, DiffReport, OperationRef, RuleDef } from '../../../src/diff/model.js';

export const fingerprintOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);

const op = (method: string, path: string, operationId: string): OperationRef => ({ method, path, operationId });
const getJobs = op('GET', '/slurm/{v}/jobs', 'slurm_v0041_get_jobs');
const getJob = op('GET', '/slurm/{v}/job/{job_id}', 'slurm_v0041_get_job');
const deleteJob = op('DELETE', '/slurm/{v}/job/{job_id}', 'slurm_v0041_delete_job');
const submitJob = op('POST', '/slurm/{v}/job/submit', 'slurm_v0041_post_job_submit');
const getReservation = op('GET', '/slurm/{v}/reservation/{reservation_name}', 'slurm_v0041_get_reservation');
const getNodes = op('GET', '/slurm/{v}/nodes', 'slurm_v0041_get_nodes');

type ChangeInput = Omit<Change, 'fingerprint'> & { fingerprint?: string };
const change = (input: ChangeInput): Change => ({ ...input, fingerprint: input.fingerprint ?? fingerprintOf(input.id, input.location, input.message) });

export const SAMPLE_CHANGES: Change[] = [
  change({
    id: 'response-property-removed',
    level: 'breaking',
    kind: 'removed',
    section: 'paths',
    message: "response property 'jobs[].job_resources.nodes' removed (200 application/json)",
    location: 'GET /slurm/{v}/jobs',
    operations: [getJobs],
    old: { pointer: '#/paths/~1slurm~1v0.0.40~1jobs/get/responses/200/content/application~1json/schema/properties/jobs/items/properties/job_resources/properties/nodes', value: { type: 'string' } },
  }),
  change({
    id: 'request-parameter-removed',
    level: 'breaking',
    kind: 'removed',
    section: 'paths',
    message: "query parameter 'update_time' removed",
    location: 'GET /slurm/{v}/jobs',
    operations: [getJobs],
    old: { pointer: '#/paths/~1slurm~1v0.0.40~1jobs/get/parameters/0', value: { in: 'query', name: 'update_time', schema: { type: 'string' } } },
  }),
  change({
    id: 'request-property-required-added',
    level: 'breaking',
    kind: 'changed',
    section: 'paths',
    message: "request property 'job.script' became required",
    location: 'POST /slurm/{v}/job/submit',
    operations: [submitJob],
    old: { pointer: '#/components/schemas/v0.0.40_job_desc_msg/required', value: ['name'] },
    new: { pointer: '#/components/schemas/v0.0.41_job_desc_msg/required', value: ['name', 'script'] },
    accepted: { reason: 'SLURM-1234: script is mandatory since 24.11 & clients "always" send it', entry: 'accept.yaml:3 request-property-required-added /slurm/*/job/submit POST' },
  }),
  change({
    id: 'response-enum-value-added',
    level: 'warning',
    kind: 'changed',
    section: 'components',
    message: "enum value 'EXPIRED' added to job state",
    location: '#/components/schemas/job_state',
    operations: [getJobs, getJob],
    old: { pointer: '#/components/schemas/v0.0.40_job_state', value: { type: 'string', enum: ['PENDING', 'RUNNING'] } },
    new: { pointer: '#/components/schemas/v0.0.41_job_state', value: { type: 'string', enum: ['PENDING', 'RUNNING', 'EXPIRED'] } },
  }),
  change({
    id: 'operation-deprecated',
    level: 'warning',
    kind: 'deprecated',
    section: 'paths',
    message: 'operation deprecated',
    location: 'DELETE /slurm/{v}/job/{job_id}',
    operations: [deleteJob],
    new: { pointer: '#/paths/~1slurm~1v0.0.41~1job~1{job_id}/delete/deprecated', value: true },
  }),
  change({
    id: 'endpoint-added',
    level: 'info',
    kind: 'added',
    section: 'paths',
    message: 'endpoint added',
    location: 'GET /slurm/{v}/reservation/{reservation_name}',
    operations: [getReservation],
    new: { pointer: '#/paths/~1slurm~1v0.0.41~1reservation~1{reservation_name}/get' },
  }),
  change({
    id: 'response-description-changed',
    level: 'info',
    kind: 'changed',
    section: 'paths',
    // Every character class the formats must escape: markup, quotes, percent, newlines, tabs, workflow-command syntax.
    message: `description changed: "<b>Jobs</b> & 'steps'" → 100% new\nsecond line :: ::error ::, done\r\tend`,
    location: 'GET /slurm/{v}/nodes',
    operations: [getNodes],
    old: { pointer: '#/paths/~1slurm~1v0.0.40~1nodes/get/responses/200/description', value: '<b>Jobs</b> & "steps"' },
    new: { pointer: '#/paths/~1slurm~1v0.0.41~1nodes/get/responses/200/description', value: "100% new\nsecond line :: ::error ::, done" },
  }),
  change({
    id: 'schema-removed',
    level: 'info',
    kind: 'removed',
    section: 'components',
    message: 'unused schema removed',
    location: '#/components/schemas/job_info_msg',
    operations: [],
    old: { pointer: '#/components/schemas/v0.0.40_job_info_msg', value: { type: 'object', properties: { last_update: { type: 'integer' } } } },
  }),
  change({
    id: 'schema-renamed',
    level: 'info',
    kind: 'renamed',
    section: 'components',
    message: "schema 'job_desc_msg_list' renamed to 'job_desc_msgs'",
    location: '#/components/schemas/job_desc_msgs',
    operations: [submitJob],
    old: { pointer: '#/components/schemas/v0.0.40_job_desc_msg_list' },
    new: { pointer: '#/components/schemas/v0.0.41_job_desc_msgs' },
  }),
  change({
    id: 'schema-property-added',
    level: 'info',
    kind: 'added',
    section: 'components',
    message: "property 'comment' added: <script>alert('x')</script> %0A 50% off, 'a:b'",
    location: `#/components/schemas/job_info/properties/x-odd<name>&"q'%,:`,
    operations: [getJobs, getJob],
    new: { pointer: `#/components/schemas/v0.0.41_job_info/properties/x-odd<name>&"q'%,:`, value: { type: 'string', description: '</pre><img src=x>' } },
  }),
  change({
    id: 'server-url-changed',
    level: 'info',
    kind: 'changed',
    section: 'servers',
    message: "server URL changed from '/' to '/slurm'",
    location: '#/servers/0/url',
    operations: [],
    old: { pointer: '#/servers/0/url', value: '/' },
    new: { pointer: '#/servers/0/url', value: '/slurm' },
  }),
];

export const SAMPLE_RULES: RuleDef[] = [
  { id: 'response-property-removed', level: 'breaking', kind: 'removed', section: 'paths', doc: 'A property disappeared from a response: clients reading it break.' },
  { id: 'request-parameter-removed', level: 'breaking', kind: 'removed', section: 'paths', doc: 'A request parameter was removed.' },
  { id: 'request-property-required-added', level: 'breaking', kind: 'changed', section: 'paths', doc: 'A request body property became required.' },
  { id: 'response-enum-value-added', level: 'warning', kind: 'changed', section: 'paths', doc: 'A response enum gained a value: strict clients may reject it.' },
  { id: 'operation-deprecated', level: 'warning', kind: 'deprecated', section: 'paths', doc: 'An operation was marked deprecated.' },
  { id: 'endpoint-added', level: 'info', kind: 'added', section: 'paths', doc: 'A new operation.' },
  { id: 'response-description-changed', level: 'info', kind: 'changed', section: 'paths', doc: 'A response description changed.' },
  { id: 'schema-removed', level: 'info', kind: 'removed', section: 'components', doc: 'A component schema was removed.' },
  { id: 'schema-property-added', level: 'info', kind: 'added', section: 'components', doc: 'A schema gained a property.' },
  // `schema-renamed` and `server-url-changed` are deliberately missing: formats must cope with ids outside the catalogue.
];

export function sampleReport(): DiffReport {
  const changes = structuredClone(SAMPLE_CHANGES);
  return {
    reportVersion: 1,
    old: { source: '.cache/slurm-specs/24.11/v0.0.40.json', title: 'Slurm REST API', version: 'Slurm-24.11.0 & v0.0.40', openapi: '3.0.3' },
    new: { source: '.cache/slurm-specs/24.11/v0.0.41.json', title: 'Slurm REST API', version: 'Slurm-24.11.0 & v0.0.41', openapi: '3.0.3' },
    mask: { from: 'v0.0.4[01]', to: '{v}' },
    changes,
    summary: summarize(changes),
    warnings: ["accept.yaml:9: accept-list entry 'schema-removed' expired on 2025-01-01 and no longer applies; renew its date or remove it"],
  };
}
