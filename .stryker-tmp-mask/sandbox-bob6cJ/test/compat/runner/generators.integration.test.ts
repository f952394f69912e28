/**
 * Every generator specdrift ships, through the runner, against the built-in reference server: the Slurm-like
 * fixture (full matrix, scenario, a second run from the cache) and a spec with a planted defect (array query
 * parameters in the styles generators disagree on). Generation goes through the shared test cache
 * (helpers.ts): about a minute on two cores when cold for the twelve TypeScript and Python targets, several more
 * with the Go and Java builds on a loaded machine (the first `go build` fills Go's build cache); seconds when warm.
 */
// @ts-nocheck

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_GENERATORS } from '../../../src/compat/generators/index.js';
import { renderCompatReport } from '../../../src/compat/report/index.js';
import { parseScenario, runCompat } from '../../../src/compat/runner/index.js';
import type { Cell, CompatReport } from '../../../src/compat/runner/types.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { FIXTURE, TEST_CLIENT_CACHE } from './helpers.js';

const SLOW = 900_000;
const doc = JSON.parse(await readFile(FIXTURE, 'utf8')) as JsonObject;
const JAVA = ALL_GENERATORS.filter((g) => g.id.startsWith('openapi-generator-') || g.id.startsWith('swagger-codegen-'));
const CLEAN = [
  'openapi-typescript',
  'hey-api',
  'orval',
  'swagger-typescript-api',
  'oazapfts',
  'openapi-typescript-codegen',
  'openapi-generator-4.3.1:python',
  'openapi-generator-4.3.1:go',
  'openapi-generator-4.3.1:java',
];

const SCENARIO = parseScenario(
  `steps:
  - name: submit
    operation: slurm_v0041_post_job_submit
    body: { script: "#!/bin/sh\\ntrue", job: { name: specdrift, current_working_directory: /tmp, environment: [PATH=/bin] } }
    capture: { job_id: /job_id }
  - operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
  - operation: slurm_v0041_delete_job
    pathParams: { job_id: "\${job_id}" }
  - name: gone
    operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
    expect: { status: 404 }
`,
  'jobs.yaml',
);

/** Array query parameters in four styles (OpenAPI 3.0 §4.7.12.4): form exploded (the default), csv, space- and pipe-delimited. */
function plantedSpec(): JsonObject {
  const parameter = (style: string, explode: boolean) => ({
    name: 'tags',
    in: 'query',
    required: true,
    style,
    explode,
    schema: { type: 'array', items: { type: 'string', enum: ['red', 'green', 'blue'] } },
    example: ['red', 'blue'],
  });
  const operation = (operationId: string, p: JsonObject) => ({
    get: {
      operationId,
      tags: ['items'],
      parameters: [p],
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/count' } } } } },
    },
  });
  return {
    openapi: '3.0.3',
    info: { title: 'Planted defect', version: '1.0.0' },
    servers: [{ url: '/' }],
    paths: {
      '/items/exploded': operation('list_exploded', parameter('form', true)),
      '/items/csv': operation('list_csv', parameter('form', false)),
      '/items/space': operation('list_space', parameter('spaceDelimited', false)),
      '/items/pipe': operation('list_pipe', parameter('pipeDelimited', false)),
    },
    components: { schemas: { count: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] } } },
  };
}

let work: string;
let first: CompatReport;
let second: CompatReport;
let planted: CompatReport;
const timings: Record<string, number> = {};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'specdrift-compat-gen-'));
  const base = { generators: ALL_GENERATORS, cacheDir: TEST_CLIENT_CACHE, concurrency: 2, toolVersion: 'test' };
  let started = Date.now();
  first = await runCompat({ ...base, doc, specPath: FIXTURE, source: 'fixtures/slurm-like/v0.0.41.json', scenario: SCENARIO, outDir: join(work, 'out') });
  timings.first = Date.now() - started;
  started = Date.now();
  second = await runCompat({ ...base, doc, specPath: FIXTURE, source: 'fixtures/slurm-like/v0.0.41.json' });
  timings.second = Date.now() - started;
  const specPath = join(work, 'planted.json');
  await writeFile(specPath, JSON.stringify(plantedSpec(), null, 2));
  planted = await runCompat({ ...base, doc: plantedSpec(), specPath, source: 'planted.json' });
  // Shown in the test log; docs/compat.md quotes measured numbers.
  console.info(`compat on the fixture, ${ALL_GENERATORS.length} generators: first run ${timings.first} ms, second run ${timings.second} ms`);
}, SLOW);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const cellOf = (report: CompatReport, generator: string, operationId: string): Cell => report.cells.find((c) => c.generator === generator && c.operationId === operationId)!;

describe('the Slurm-like fixture, every generator, built-in server', () => {
  it('runs at least 14 generator targets in 4 languages, both Java generators and the Python, Go and Java clients among them', () => {
    const ran = first.generators.filter((g) => g.status !== 'unavailable').map((g) => g.id);
    expect(ran.length).toBeGreaterThanOrEqual(14);
    expect(new Set(first.generators.filter((g) => g.status !== 'unavailable').map((g) => g.language))).toEqual(new Set(['typescript', 'python', 'go', 'java']));
    expect(ran).toEqual(expect.arrayContaining(JAVA.map((g) => g.id)));
    expect(ran).toEqual(expect.arrayContaining(['openapi-generator-4.3.1:python', 'swagger-codegen-3.0.34:python']));
    expect(first.cells).toHaveLength(first.generators.length * 12);
  });

  it('explains every cell that does not pass, and gives every call a verdict', () => {
    for (const cell of first.cells) {
      if (cell.status !== 'pass') expect(cell.reason, `${cell.generator} × ${cell.operationId}`).toBeTruthy();
      if (cell.call && cell.call.outcome !== 'not-generated') expect(cell.verdict, `${cell.generator} × ${cell.operationId}`).toBeDefined();
    }
  });

  it('passes every operation through the generators that follow the spec', () => {
    for (const id of CLEAN) expect(first.cells.filter((c) => c.generator === id).map((c) => `${c.operationId}: ${c.status} ${c.reason ?? ''}`.trim())).toEqual(first.operations.map((o) => `${o.operationId}: pass`));
  });

  it('Kubb: JSON bodies sent as text/plain and array query parameters comma-joined, as findings', () => {
    const submit = cellOf(first, 'kubb', 'slurm_v0041_post_job_submit');
    expect(submit).toMatchObject({ status: 'fail', verdict: 'client-broke-spec' });
    expect(submit.reason).toMatch(/^request broke the spec: \[request-content-type\] POST \/slurm\/v0\.0\.41\/job\/submit: Content-Type text\/plain/);
    expect(cellOf(first, 'kubb', 'slurm_v0041_get_jobs').reason).toMatch(/\/query\/flags\/0: string "[A-Z_]+,[A-Z_]+"/);
    const problem = first.specProblems.find((p) => p.rule === 'request-content-type')!;
    expect(problem.generators).toEqual(['kubb']);
    expect(problem.operations).toEqual(['slurm_v0041_post_job_allocate', 'slurm_v0041_post_job_submit']);
  });

  it('Swagger Codegen python sends a body on DELETE; the pinned TypeScript Java generators do not compile unpatched', () => {
    expect(cellOf(first, 'swagger-codegen-3.0.34:python', 'slurm_v0041_delete_job').reason).toMatch(/\[request-body-undocumented\]/);
    const compileErrors = Object.fromEntries(first.generators.filter((g) => g.status === 'not-compiled').map((g) => [g.id, g.compile!.errors[0].match(/TS\d+/)![0]]));
    expect(compileErrors).toEqual({
      'openapi-generator-4.3.1:typescript-fetch': 'TS2304',
      'openapi-generator-4.3.1:typescript-axios': 'TS2790',
      'swagger-codegen-3.0.34:typescript-fetch': 'TS2564',
    });
    for (const id of Object.keys(compileErrors)) {
      const cells = first.cells.filter((c) => c.generator === id);
      expect(cells.every((c) => c.status === 'not-compiled' && c.runtime !== undefined)).toBe(true);
    }
  });

  it('Swagger Codegen go glues exploded array query values together (flags=ALLDETAIL), a request the spec rejects', () => {
    for (const operationId of ['slurm_v0041_get_jobs', 'slurm_v0041_get_job', 'slurm_v0041_delete_job']) {
      const cell = cellOf(first, 'swagger-codegen-3.0.34:go', operationId);
      expect(cell, operationId).toMatchObject({ status: 'fail', verdict: 'client-broke-spec' });
      // flags is optional where the minimal call leaves it out: then its variant call (issue 14 item 3) breaks the spec.
      expect(cell.reason, operationId).toMatch(/^(with optional parameters: )?request broke the spec: \[request-query-schema\] \/query\/flags\/0: string "[A-Z_]+" is not one of the values/);
    }
    expect(first.cells.filter((c) => c.generator === 'swagger-codegen-3.0.34:go' && c.status !== 'pass').map((c) => c.operationId).sort()).toEqual([
      'slurm_v0041_delete_job',
      'slurm_v0041_get_job',
      'slurm_v0041_get_jobs',
    ]);
  });

  it('runs the scenario: ids captured from submit reach GET and DELETE; GET after DELETE is 404', () => {
    for (const id of CLEAN) {
      const steps = first.scenario!.cells.filter((c) => c.generator === id);
      expect(steps.map((c) => c.status), id).toEqual(['pass', 'pass', 'pass', 'pass']);
      expect(steps[1].exchanges![0].url).toMatch(new RegExp(`/job/${String(steps[0].captured!.job_id)}(\\?|$)`));
    }
    // Kubb's submit is rejected (text/plain), so there is no id for the later steps: they are skipped, not crashed.
    expect(first.scenario!.cells.filter((c) => c.generator === 'kubb').map((c) => c.status)).toEqual(['fail', 'skipped', 'skipped', 'skipped']);
  });

  it('second run: every client from the cache, the same matrix', () => {
    for (const g of second.generators.filter((x) => x.status !== 'unavailable')) expect(g.generation?.cached, g.id).toBe(true);
    expect(second.cells.map((c) => `${c.generator} ${c.operationId} ${c.status}`)).toEqual(first.cells.map((c) => `${c.generator} ${c.operationId} ${c.status}`));
  });

  it('renders every format from the same report; junit has a testcase per cell', () => {
    const junit = new XMLParser({ ignoreAttributes: false }).parse(renderCompatReport(first, 'junit'));
    expect(Number(junit.testsuites['@_tests'])).toBe(first.cells.length + first.scenario!.cells.length);
    expect(Number(junit.testsuites['@_failures'])).toBe([...first.cells, ...first.scenario!.cells].filter((c) => ['fail', 'not-generated', 'not-compiled'].includes(c.status)).length);
    const text = renderCompatReport(first, 'text');
    expect(text).toMatch(/^ {2}slurm_v0041_post_job_submit +pass +pass +pass +pass +pass +pass +FAIL +n\/c +n\/c +pass +pass +n\/c +pass +pass +pass$/m);
    expect(renderCompatReport(first, 'markdown')).toContain('| `slurm_v0041_get_jobs` | ✅ | ✅ | ✅ | ✅ | ✅ | ✅ | ❌ |');
    const html = renderCompatReport(first, 'html');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html).not.toMatch(/<link|src=/);
    expect(JSON.parse(renderCompatReport(first, 'json')).format).toBe('specdrift-compat/1');
  });
});

describe('a planted defect: array query parameters in styles generators disagree on', () => {
  const row = (operationId: string) => Object.fromEntries(planted.cells.filter((c) => c.operationId === operationId).map((c) => [c.generator, c.status]));

  it('the default style (form, exploded) works everywhere except in Kubb and Swagger Codegen go (which glues the values: tags=redblue)', () => {
    const failing = Object.entries(row('list_exploded')).filter(([, s]) => s === 'fail').map(([g]) => g);
    expect(failing).toEqual(['kubb', 'swagger-codegen-3.0.34:go']);
    expect(cellOf(planted, 'swagger-codegen-3.0.34:go', 'list_exploded').reason).toMatch(/\/query\/tags\/0: string "redblue"/);
  });

  it('OpenAPI Generator java refuses spaceDelimited and pipeDelimited before sending: a client error, not a request', () => {
    for (const [operationId, format] of [
      ['list_space', 'space'],
      ['list_pipe', 'pipe'],
    ]) {
      const cell = cellOf(planted, 'openapi-generator-4.3.1:java', operationId);
      expect(cell.status).toBe('fail');
      expect(cell.reason).toBe(`client error: IllegalArgumentException: Illegal collection format: ${format}`);
    }
  });

  it('spaceDelimited, pipeDelimited and form without explode break most generators, each with the rule they broke', () => {
    for (const operationId of ['list_csv', 'list_space', 'list_pipe']) {
      const cells = planted.cells.filter((c) => c.operationId === operationId && c.status === 'fail' && !c.reason?.startsWith('client error: IllegalArgumentException'));
      expect(cells.length, operationId).toBeGreaterThanOrEqual(4);
      for (const cell of cells) {
        expect(cell.verdict).toBe('client-broke-spec');
        expect(cell.reason).toMatch(/^request broke the spec: \[request-query-(style|schema)\] \/query\/tags/);
      }
    }
    // Some generators do follow these styles: the defect is not in the validator.
    expect(Object.values(row('list_space'))).toContain('pass');
  });

  it('lists the parameters as spec problems with the generators that broke on them', () => {
    const style = planted.specProblems.find((p) => p.rule === 'request-query-style')!;
    expect(style.pointers).toEqual(['/paths/~1items~1csv/get/parameters/0', '/paths/~1items~1pipe/get/parameters/0', '/paths/~1items~1space/get/parameters/0']);
    expect(style.generators.length).toBeGreaterThanOrEqual(3);
    const notCompiled = planted.specProblems.filter((p) => p.kind === 'operation-not-compiled').map((p) => p.pointer);
    expect(notCompiled).toContain('/paths/~1items~1pipe/get');
  });
});
