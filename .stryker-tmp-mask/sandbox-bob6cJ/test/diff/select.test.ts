/**
 * `--select` on a path, operation, response or request body (issue 8 items 15 and 16), through the diff pipeline.
 * Expected findings are written by hand from fixtures/slurm-like/changes.json (v41-03a … v41-11b); the
 * equality with the unselected diff is a second oracle, on the fixtures here and on the real slurmrestd specs in
 * select.integration.test.ts.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Change, DiffReport } from '../../src/diff/model.js';
import { runDiffPipeline, type DiffPipelineOptions } from '../../src/pipeline/diff.js';
import { HTTP_METHODS, type JsonObject, type LoadedSpec } from '../../src/openapi/types.js';
import { rejection } from '../helpers/errors.js';

const spec = (path: string): LoadedSpec => ({ doc: JSON.parse(readFileSync(path, 'utf8')) as JsonObject, source: path, resolved: path, kind: 'file', format: 'json', bytes: 0 });
const V40 = spec('fixtures/slurm-like/v0.0.40.json');
const V41 = spec('fixtures/slurm-like/v0.0.41.json');
const V42 = spec('fixtures/slurm-like/v0.0.42.json');

/**
 * `--select X` is `selectOld = selectNew = X` (as src/cli/commands/diff.ts passes it). Selection is about what is
 * compared, so these tests keep the compared (masked) names; display names are tested in formats/changelog.test.ts.
 */
const diff = async (a: LoadedSpec, b: LoadedSpec, opts: DiffPipelineOptions = {}): Promise<DiffReport> =>
  (await runDiffPipeline(a, b, { displayNames: false, ...opts, selectNew: opts.selectNew ?? opts.selectOld })).report;
const rows = (r: DiffReport) => r.changes.map((c) => [c.level, c.id, c.location, c.message]);
const JOB_ITEMS = '#/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items';
const JOB_DESC = '#/components/schemas/v0.0.40_job_desc_msg';

/** v41-04, v41-05a, v41-10, v41-03a (twice): what GET jobs and GET job/{job_id} answer differently. */
const JOB_RESPONSE_ROWS = [
  ['breaking', 'response-property-removed', JOB_ITEMS, "optional property 'nice' removed"],
  ['info', 'response-property-added', JOB_ITEMS, "optional property 'stdout_expanded' added"],
  ['breaking', 'response-type-changed', `${JOB_ITEMS}/properties/priority`, 'type changed from integer to object'],
  ['warning', 'response-enum-value-added', '#/components/schemas/v0.0.40_job_state/items', 'enum value "POWER_UP_NODE" added'],
  ['warning', 'response-enum-value-added', '#/components/schemas/v0.0.40_job_state/items', 'enum value "RESV_DEL_HOLD" added'],
];
/** v41-09. string → integer on a query parameter: fewer strings are accepted on the wire (issue 8 item 7), so "narrowed". */
const JOBS_PARAMETER_ROW = ['breaking', 'request-parameter-type-narrowed', '#/paths/~1slurm~1v0.0.40~1jobs/get/parameters/0/schema', 'type narrowed from string to integer (as text on the wire)'];
/** v41-03b, v41-05b, v41-06. */
const SUBMIT_BODY_ROWS = [
  ['breaking', 'request-property-required-added', JOB_DESC, "property 'current_working_directory' became required"],
  ['info', 'request-property-added', JOB_DESC, "optional property 'oom_kill_step' added"],
  ['info', 'request-enum-value-added', `${JOB_DESC}/properties/mail_type/items`, 'enum value "INVALID_DEPENDENCY" added'],
];
const sorted = (list: unknown[][]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('--select on operation parts (fixtures v0.0.40 → v0.0.41, masked)', () => {
  it('an operation: exactly its own findings, nothing from components, renames or other operations', async () => {
    const r = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/jobs"].get' });
    expect(sorted(rows(r))).toEqual(sorted([...JOB_RESPONSE_ROWS, JOBS_PARAMETER_ROW]));
    expect(r.summary).toMatchObject({ breaking: 3, warning: 2, info: 1, total: 6 });
    // Every change is filed under the selection first; the other operations it affects follow.
    for (const c of r.changes) expect(c.operations[0]).toMatchObject({ method: 'GET', path: '/slurm/v0.0.40/jobs' });
    expect(r.changes.find((c) => c.message.includes('RESV_DEL_HOLD'))!.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /slurm/v0.0.40/jobs',
      'GET /slurm/v0.0.40/job/{job_id}',
      'GET /slurmdb/v0.0.40/jobs',
    ]);
  });

  it('a response, a request body, the parameters: only what lies inside', async () => {
    const response = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/jobs"].get.responses["200"]' });
    expect(sorted(rows(response))).toEqual(sorted(JOB_RESPONSE_ROWS));
    const responses = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/jobs"].get.responses' });
    expect(sorted(rows(responses))).toEqual(sorted(JOB_RESPONSE_ROWS));
    const params = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/jobs"].get.parameters' });
    expect(rows(params)).toEqual([JOBS_PARAMETER_ROW]);
    const body = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/job/submit"].post.requestBody' });
    expect(sorted(rows(body))).toEqual(sorted(SUBMIT_BODY_ROWS));
    // The submit response did not change (v0.0.40_openapi_job_submit_response is the same API).
    expect(rows(await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/job/submit"].post.responses["200"]' }))).toEqual([]);
  });

  it('a path item: the findings of its operations (GET and DELETE job/{job_id}; DELETE did not change)', async () => {
    const r = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/job/{job_id}"]' });
    expect(sorted(rows(r))).toEqual(sorted(JOB_RESPONSE_ROWS));
    expect(rows(await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/job/{job_id}"].delete' }))).toEqual([]);
  });

  it('an operation the new side lacks (v41-08) cannot be selected on both sides: the error names the path', async () => {
    const err = await rejection(diff(V40, V41, { selectOld: '.paths["/slurmdb/v0.0.40/diag"].get' }));
    expect(err.message).toMatch(/no "\/slurmdb\/v0\.0\.40\/diag" at #\/paths/);
  });

  it('different paths on the two sides are lined up under the old one, with no other paths', async () => {
    const r = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/job/{job_id}"].get', selectNew: '.paths["/slurm/v0.0.41/jobs"].get' });
    // By hand: GET job/{job_id} has the path parameter job_id that GET jobs lacks, and another operationId; GET jobs
    // changed update_time to integer (v41-09); both answer the same job_info list (v41-03a, -04, -05a, -10).
    const triples = r.changes.map((c) => [c.level, c.id, c.message]);
    expect(sorted(triples)).toEqual(
      sorted([
        ['warning', 'endpoint-operation-id-changed', 'operationId changed from "slurm_v0040_get_job" to "slurm_v0040_get_jobs"'],
        ['warning', 'request-parameter-removed', "path parameter 'job_id' removed"],
        ['breaking', 'request-parameter-type-narrowed', 'type narrowed from string to integer (as text on the wire)'],
        ...JOB_RESPONSE_ROWS.map(([level, id, , message]) => [level, id, message]),
      ]),
    );
    for (const c of r.changes) expect(c.operations).toEqual([{ method: 'GET', path: '/slurm/v0.0.40/job/{job_id}', operationId: 'slurm_v0040_get_jobs' }]);
  });

  it('the selected operation reports exactly what the unselected diff lists for it (every operation, both fixture pairs)', async () => {
    const unselectable: string[] = [];
    for (const [a, b] of [[V40, V41], [V41, V42]] as const) {
      const full = await diff(a, b);
      const ops = Object.entries(a.doc.paths as Record<string, JsonObject>).flatMap(([path, item]) =>
        HTTP_METHODS.filter((m) => item[m] !== undefined).map((m) => ({ path, method: m })),
      );
      expect(ops.length).toBeGreaterThan(10);
      for (const { path, method } of ops) {
        const selector = `.paths[${JSON.stringify(path)}].${method}`;
        let selected: DiffReport;
        try {
          selected = await diff(a, b, { selectOld: selector });
        } catch {
          unselectable.push(`${method} ${path}`); // removed in the new spec: nothing to select there
          continue;
        }
        const expected = full.changes.filter((c) => c.operations.some((o) => o.method === method.toUpperCase() && o.path === path));
        const key = (c: Change) => `${c.fingerprint} ${c.level} ${c.message}`;
        expect(selected.changes.map(key).sort(), `${method} ${path}`).toEqual(expected.map(key).sort());
      }
    }
    expect(unselectable).toEqual(['get /slurmdb/v0.0.40/diag']); // v41-08
  });
});

describe('selectors in either side\'s own names (masking v0.0.41 → v0.0.40)', () => {
  const expected = sorted([...JOB_RESPONSE_ROWS, JOBS_PARAMETER_ROW]);
  it('--select-new accepts the new spec\'s own v0.0.41 path as well as the masked one', async () => {
    for (const selectNew of ['.paths["/slurm/v0.0.41/jobs"].get', '.paths["/slurm/v0.0.40/jobs"].get', '#/paths/~1slurm~1v0.0.41~1jobs/get']) {
      const r = await diff(V40, V41, { selectOld: '.paths["/slurm/v0.0.40/jobs"].get', selectNew });
      expect(sorted(rows(r)), selectNew).toEqual(expected);
      expect(r.select).toEqual({ old: '#/paths/~1slurm~1v0.0.40~1jobs/get', new: '#/paths/~1slurm~1v0.0.40~1jobs/get' });
    }
  });

  it('--select-new accepts v0.0.41_… component names', async () => {
    const own = await diff(V40, V41, { selectOld: '.components.schemas."v0.0.40_job_desc_msg"', selectNew: '.components.schemas."v0.0.41_job_desc_msg"' });
    const masked = await diff(V40, V41, { selectOld: '.components.schemas."v0.0.40_job_desc_msg"', selectNew: '.components.schemas."v0.0.40_job_desc_msg"' });
    expect(rows(own)).toEqual(rows(masked));
    expect(own.changes.map((c) => c.message)).toContain("property 'current_working_directory' became required");
  });

  it('--select (both sides) in v0.0.41 names: as-is fails on the old side, masked it names the same thing', async () => {
    const sel = '.paths["/slurm/v0.0.41/jobs"].get';
    const r = await diff(V40, V41, { selectOld: sel, selectNew: sel });
    expect(sorted(rows(r))).toEqual(expected);
  });

  it('a name in neither form is an error about the text as written', async () => {
    const err = await rejection(diff(V40, V41, { selectOld: '.components.schemas."v0.0.41_nope"' }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('selector .components.schemas."v0.0.41_nope": no "v0.0.41_nope" at #/components/schemas');
  });

  it('without masking, names are taken as written only', async () => {
    const err = await rejection(diff(V40, V41, { mask: 'off', selectOld: '.paths["/slurm/v0.0.41/jobs"].get' }));
    expect(err.message).toMatch(/no "\/slurm\/v0\.0\.41\/jobs" at #\/paths/);
  });
});

