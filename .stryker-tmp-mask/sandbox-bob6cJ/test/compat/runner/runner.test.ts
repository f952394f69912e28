/**
 * The runner end to end with stand-in generators (plain fetch, see helpers.ts) against the built-in reference server
 * on the Slurm-like fixture: how each kind of client misbehaviour ends up in the matrix, the totals, the spec
 * problems and the committed-client flow. Fast: no real generator runs here.
 */
// @ts-nocheck

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camelCase } from '../../../src/compat/generators/naming.js';
import { checkClients, generateClients, parseScenario, runCompat } from '../../../src/compat/runner/index.js';
import type { CompatReport } from '../../../src/compat/runner/types.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { FIXTURE, fakeGenerator } from './helpers.js';
import { isFailing } from '../../../src/compat/report/common.js';

/**
 * The fixture with `example: false` on every `infinite` flag (slurmrestd's no-value structs send `"infinite": false`
 * almost always), so responses carry `false` values a client could drop.
 */
const withFalse = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(withFalse);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withFalse(v)]));
  const properties = out.properties as Record<string, { type?: string; example?: boolean }> | undefined;
  if (properties?.infinite?.type === 'boolean') properties.infinite = { ...properties.infinite, example: false };
  return out;
};
const doc = withFalse(JSON.parse(await readFile(FIXTURE, 'utf8'))) as JsonObject;

/** Rename every snake_case key to camelCase, as a client with its own property naming would hand it back. */
const camelKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(camelKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [camelCase(k), camelKeys(v)])) : value;
/** Leave out every `false`, as a client that treats false as "not set" does. */
const dropFalse = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(dropFalse) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== false).map(([k, v]) => [k, dropFalse(v)])) : value;

let cacheDir: string;
let report: CompatReport;
const cell = (generator: string, operationId: string) => report.cells.find((c) => c.generator === generator && c.operationId === operationId)!;

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'specdrift-runner-'));
  const specPath = join(cacheDir, 'v0.0.41.json');
  await writeFile(specPath, JSON.stringify(doc));
  report = await runCompat({
    doc,
    specPath,
    source: 'fixtures/slurm-like/v0.0.41.json',
    generators: [
      fakeGenerator('faithful'),
      fakeGenerator('camel', { decode: camelKeys }),
      fakeGenerator('no-false', { decode: dropFalse }),
      fakeGenerator('text-plain', { request: (r) => ({ ...r, headers: { ...r.headers, 'Content-Type': 'text/plain' } }) }),
      fakeGenerator('partial', { missing: ['slurm_v0041_get_diag'] }),
      fakeGenerator('broken-types', { compileErrors: ["api.ts(1,1): TS2304: Cannot find name 'GlobalFetch'."] }),
      fakeGenerator('no-java', { unavailable: 'java not found' }),
      fakeGenerator('crashes', { generateError: 'generator exploded' }),
      fakeGenerator('driver-dies', { runError: 'spawn node ENOMEM' }),
      fakeGenerator('driver-limit', { unsupported: { slurm_v0041_get_diag: 'the client requires parameter filter_x, which matches no parameter' } }),
    ],
    cacheDir,
    outDir: join(cacheDir, 'out'),
    concurrency: 3,
    headers: { 'X-SLURM-USER-TOKEN': 'secret' },
    scenario: parseScenario(
      `steps:
  - operation: slurm_v0041_post_job_submit
    body: { script: "#!/bin/sh", job: { name: t, current_working_directory: /tmp, environment: [PATH=/bin] } }
    capture: { job_id: /job_id }
  - operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
  - operation: slurm_v0041_delete_job
    pathParams: { job_id: "\${job_id}" }
  - operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
    expect: { status: 404 }
  - operation: slurm_v0041_get_job
    pathParams: { job_id: "\${never_captured}" }
`,
      'jobs.yaml',
    ),
    toolVersion: 'test',
  });
}, 120_000);

afterAll(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe('matrix from stand-in clients', () => {
  it('has one cell per generator × operation, generator-major', () => {
    expect(report.operations).toHaveLength(12);
    expect(report.cells).toHaveLength(10 * 12);
    expect(report.cells.slice(0, 12).every((c) => c.generator === 'faithful')).toBe(true);
  });

  it('passes a client that sends and decodes exactly what the spec says, with every exchange correlated', () => {
    const cells = report.cells.filter((c) => c.generator === 'faithful');
    expect(cells.map((c) => c.status)).toEqual(Array(12).fill('pass'));
    expect(cells.every((c) => c.verdict === 'conforms' && c.exchanges?.length === 1 && c.exchanges[0].operationId === c.operationId)).toBe(true);
  });

  it('fails a client that hands back camelCase keys, naming the key', () => {
    expect(cell('camel', 'slurm_v0041_get_ping')).toMatchObject({ status: 'fail', verdict: 'conforms' });
    expect(cell('camel', 'slurm_v0041_get_ping').reason).toMatch(/^decoded body differs from the server's: \/meta\/plugin\/data_parser: key data_parser renamed to dataParser/);
  });

  it('fails a client that drops false booleans, at the exact pointer', () => {
    const failing = report.cells.filter((c) => c.generator === 'no-false' && c.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const c of failing) expect(c.mismatches!.some((m) => m.kind === 'missing' && /: false dropped/.test(m.message))).toBe(true);
  });

  it('fails a client whose request broke the spec with the violated rule (client broke the spec)', () => {
    expect(cell('text-plain', 'slurm_v0041_post_job_submit')).toMatchObject({ status: 'fail', verdict: 'client-broke-spec' });
    expect(cell('text-plain', 'slurm_v0041_post_job_submit').reason).toMatch(/^request broke the spec: \[request-content-type\]/);
  });

  it('marks operations a generator did not emit, clients that do not compile, generators that cannot run or crash', () => {
    expect(cell('partial', 'slurm_v0041_get_diag')).toMatchObject({ status: 'not-generated', reason: 'no fake.slurm_v0041_get_diag' });
    expect(cell('broken-types', 'slurm_v0041_get_ping')).toMatchObject({ status: 'not-compiled', runtime: 'pass' });
    expect(cell('broken-types', 'slurm_v0041_get_ping').reason).toMatch(/GlobalFetch/);
    expect(cell('no-java', 'slurm_v0041_get_ping')).toMatchObject({ status: 'unavailable', reason: 'java not found' });
    expect(cell('crashes', 'slurm_v0041_get_ping')).toMatchObject({ status: 'not-generated' });
    expect(cell('crashes', 'slurm_v0041_get_ping').reason).toMatch(/^generator failed: .*generator exploded/);
    expect(cell('driver-dies', 'slurm_v0041_get_ping')).toMatchObject({ status: 'fail', reason: 'could not run the client: spawn node ENOMEM' });
  });

  it('keeps a driver limit apart from the generator: driver-unsupported with what the driver could not do, not a failure', () => {
    expect(cell('driver-limit', 'slurm_v0041_get_diag')).toMatchObject({
      status: 'driver-unsupported',
      reason: 'driver cannot call it: the client requires parameter filter_x, which matches no parameter',
    });
    const g = report.generators.find((x) => x.id === 'driver-limit')!;
    expect(g.totals).toMatchObject({ pass: 11, fail: 0, driverUnsupported: 1 });
    expect(report.summary.byStatus['driver-unsupported']).toBe(1);
    // Not the generator's failure: it still counts as passing every operation it could be asked, and --fail-on ignores it.
    expect(isFailing(cell('driver-limit', 'slurm_v0041_get_diag'))).toBe(false);
    expect(report.specProblems.flatMap((p) => p.generators)).not.toContain('driver-limit');
  });

  it('totals per generator add up, and the summary counts every cell once', () => {
    for (const g of report.generators) expect(Object.values(g.totals).reduce((a, b) => a + b, 0)).toBe(12);
    expect(report.generators.find((g) => g.id === 'partial')!.totals).toMatchObject({ pass: 11, notGenerated: 1 });
    expect(report.generators.find((g) => g.id === 'no-java')!.status).toBe('unavailable');
    expect(report.generators.find((g) => g.id === 'crashes')!.status).toBe('generate-failed');
    expect(Object.values(report.summary.byStatus).reduce((a, b) => a + b, 0)).toBe(report.cells.length);
    expect(report.summary.generatorsAllPass).toBe(2); // faithful, and driver-limit (its one cell is the driver's limit)
  });

  it('lists the spec places where clients failed, with the generators that failed there', () => {
    const kinds = report.specProblems.map((p) => p.kind);
    expect(kinds).toContain('generator-failed');
    expect(kinds).toContain('operation-not-generated');
    const contentType = report.specProblems.find((p) => p.rule === 'request-content-type')!;
    expect(contentType.generators).toEqual(['text-plain']);
    expect(contentType.pointers ?? [contentType.pointer]).toContain('/paths/~1slurm~1v0.0.41~1job~1submit/post/requestBody/content');
    const renamed = report.specProblems.filter((p) => p.kind === 'response-decoded-differently' && p.generators.includes('camel'));
    expect(renamed.length).toBeGreaterThan(0);
  });

  it('writes each client with a manifest under <out>/<generator>/<spec-id>/', async () => {
    const faithful = report.generators.find((g) => g.id === 'faithful')!;
    expect(faithful.dir).toMatch(/faithful\/slurm-rest-api-v0\.0\.41-[0-9a-f]{8}$/);
    const manifest = JSON.parse(await readFile(join(process.cwd(), faithful.dir!, '.specdrift-client.json'), 'utf8'));
    expect(manifest).toMatchObject({ generator: 'faithful', version: '1.0.0', spec: 'fixtures/slurm-like/v0.0.41.json', patches: [] });
  });
});

describe('scenario with the stateful built-in server', () => {
  it('submits, reads, deletes, then sees 404; captured ids flow into later steps', () => {
    const steps = report.scenario!.cells.filter((c) => c.generator === 'faithful');
    expect(steps.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'skipped']);
    const jobId = steps[0].captured!.job_id;
    expect(typeof jobId).toBe('number');
    expect(steps[1].exchanges![0].url).toBe(`/slurm/v0.0.41/job/${jobId}`);
    expect(steps[3].exchanges![0].status).toBe(404);
    expect(steps[4].reason).toBe('uses ${never_captured}, which no earlier step captured');
  });
});

describe('specs generators cannot follow as written', () => {
  it('a duplicate operationId gets its own row, skipped with the reason; the first one is called', async () => {
    const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { n: { type: 'integer' } } } } } } };
    const dup: JsonObject = {
      openapi: '3.0.3',
      info: { title: 'dup', version: '1' },
      paths: { '/v1/ping': { get: { operationId: 'ping', responses: ok } }, '/v2/ping': { get: { operationId: 'ping', responses: ok } } },
    };
    const specPath = join(cacheDir, 'dup.json');
    await writeFile(specPath, JSON.stringify(dup));
    const result = await runCompat({ doc: dup, specPath, source: 'dup.json', generators: [fakeGenerator('faithful')], cacheDir });
    expect(result.cells.map((c) => [c.operationId, c.status, c.reason])).toEqual([
      ['ping', 'pass', undefined],
      ['ping (GET /v2/ping)', 'skipped', 'duplicate operationId: ping is also GET /v1/ping'],
    ]);
  });
});

describe('committed clients and drift', () => {
  it('regenerating unchanged clients shows no drift; a hand edit and a new spec do, as a unified diff', async () => {
    const work = await mkdtemp(join(tmpdir(), 'specdrift-committed-'));
    try {
      const generators = [fakeGenerator('faithful'), fakeGenerator('camel')];
      const spec = { label: 'fixtures/slurm-like/v0.0.41.json', path: FIXTURE, doc };
      const out = join(work, 'generated-clients');
      const written = await generateClients({ specs: [spec], generators, outDir: out, cacheDir });
      expect(written.map((w) => w.files)).toEqual([1, 1]);
      expect((await checkClients({ specs: [spec], generators, outDir: out, cacheDir })).clean).toBe(true);

      const file = join(work, written[0].dir.replace(/^.*generated-clients/, 'generated-clients'), 'client.ts');
      await writeFile(file, '// edited by hand\n');
      const edited = await checkClients({ specs: [spec], generators, outDir: out, cacheDir });
      expect(edited.clean).toBe(false);
      const entry = edited.entries.find((e) => e.generator === 'faithful')!;
      expect(entry.state).toBe('changed');
      expect(entry.diff).toContain('-// edited by hand');
      expect(entry.diff).toContain('+// fake client faithful');
      expect(entry.diff).toMatch(/^diff --git a\/.*faithful\/slurm-rest-api-v0\.0\.41-[0-9a-f]{8}\/client\.ts/m);

      // An edited spec: new spec id, compared against the committed directory of the same spec stem.
      const editedSpec = join(work, 'v0.0.41.json');
      await cp(FIXTURE, editedSpec);
      await writeFile(editedSpec, `${await readFile(FIXTURE, 'utf8')}\n`);
      const moved = await checkClients({ specs: [{ ...spec, path: editedSpec }], generators, outDir: out, cacheDir });
      const camel = moved.entries.find((e) => e.generator === 'camel')!;
      expect(camel.state).toBe('changed');
      expect(camel.note).toMatch(/^committed as .*, the spec now gives /);
      expect(camel.diff).toContain('specSha256');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('never trusts the cache: the same edit in a committed client and in its cache entry is still drift', async () => {
    const work = await mkdtemp(join(tmpdir(), 'specdrift-committed-'));
    try {
      const cache = join(work, 'cache');
      const generators = [fakeGenerator('faithful')];
      const spec = { label: 'fixtures/slurm-like/v0.0.41.json', path: FIXTURE, doc };
      const out = join(work, 'generated-clients');
      const [written] = await generateClients({ specs: [spec], generators, outDir: out, cacheDir: cache });
      const [entry] = await readdir(join(cache, 'faithful'));
      // The drift a warm cache used to hide: the committed file and the cached one edited alike.
      await writeFile(join(work, written.dir.replace(/^.*generated-clients/, 'generated-clients'), 'client.ts'), '// drifted\n');
      await writeFile(join(cache, 'faithful', entry, 'client.ts'), '// drifted\n');
      const checked = await checkClients({ specs: [spec], generators, outDir: out, cacheDir: cache });
      expect(checked.clean).toBe(false);
      expect(checked.entries[0].state).toBe('changed');
      expect(checked.entries[0].diff).toContain('+// fake client faithful');
      // and the cache entry was made again, as the generator makes it
      expect(await readFile(join(cache, 'faithful', entry, 'client.ts'), 'utf8')).toBe('// fake client faithful\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
