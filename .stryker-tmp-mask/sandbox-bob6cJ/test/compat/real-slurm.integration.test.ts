/**
 * Issue 5 acceptance: `compat` against the real slurmrestd of Slurm 22.05 (v0.0.38) and 24.11 (v0.0.40–v0.0.42),
 * started by scripts/slurm-cluster.sh. Four generators (three TypeScript, one Python) call every safe GET and the
 * scenario (submit → poll until COMPLETED → held job → cancel → poll until CANCELLED) through the validating proxy;
 * the report must tell per cell who broke the spec and list the server's findings with JSON pointers.
 * Needs root on Debian bookworm (CI); the integration suite's global setup checks that first and fails the run elsewhere.
 *
 * The clusters are shared with test/slurm-cluster.integration.test.ts (24.11 has one chroot mount point, so it cannot run
 * twice at once): every suite holds an exclusive flock on CLUSTER_LOCK while its cluster is up.
 */
// @ts-nocheck

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatorsById } from '../../src/compat/generators/index.js';
import { loadScenario, runCompat } from '../../src/compat/runner/index.js';
import type { Cell, CompatReport, ObservedViolation } from '../../src/compat/runner/types.js';
import { renderCompatText } from '../../src/compat/report/text.js';
import { sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { CLUSTER_DIR, describeCluster, useCluster } from '../helpers/cluster.js';
import { TEST_CACHE, TEST_CLIENT_CACHE } from './runner/helpers.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const clusterDir = CLUSTER_DIR;
const GENERATORS = ['openapi-typescript', 'oazapfts', 'hey-api', 'openapi-generator-4.3.1:python'];



/** The served document sliced to one plugin version, written with stable bytes (the client cache keys on them). */
function slicedSpec(version: string, plugin: string): { doc: JsonObject; path: string } {
  const served = JSON.parse(readFileSync(join(clusterDir, version, 'served-openapi.json'), 'utf8')) as JsonObject;
  const doc = sliceByVersion(served, plugin);
  const dir = join(TEST_CACHE, 'real-slurm');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${version}-${plugin}.json`);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
  return { doc, path };
}

/** GETs without path parameters: safe to call on a real cluster (reconfigure is a GET that changes the cluster). */
function safeGets(doc: JsonObject): string[] {
  const ids: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>)) {
    const get = item.get;
    if (!get?.operationId || path.includes('{') || /reconfigure/.test(path)) continue;
    ids.push(get.operationId);
  }
  return ids;
}

/** Every violation the server made in a cell, as `rule pointer`. */
const serverFindings = (cell: Cell | undefined): ObservedViolation[] =>
  (cell?.exchanges ?? []).flatMap((e) => e.violations.filter((v) => v.where === 'response'));
const findingKeys = (cell: Cell | undefined): string[] => serverFindings(cell).map((v) => `${v.rule} ${v.pointer}`);

interface RealRun {
  report: CompatReport;
  text: string;
  seconds: number;
}

async function runAgainst(version: string, plugin: string, env: Record<string, string>): Promise<RealRun> {
  const { doc, path } = slicedSpec(version, plugin);
  const scenario = await loadScenario(join(repoRoot, 'fixtures', 'scenarios', `slurm-${version}-${plugin}.yaml`));
  const began = Date.now();
  const report = await runCompat({
    doc,
    specPath: path,
    source: `served ${version} ${plugin}`,
    generators: generatorsById(GENERATORS),
    server: { kind: 'external', url: env.SLURMRESTD_URL },
    headers: { 'X-SLURM-USER-NAME': env.SLURM_USER, 'X-SLURM-USER-TOKEN': env.SLURM_JWT },
    operations: safeGets(doc),
    scenario,
    cacheDir: TEST_CLIENT_CACHE,
    concurrency: 2,
    toolVersion: 'test',
  });
  return { report, text: renderCompatText(report), seconds: (Date.now() - began) / 1000 };
}


const cellOf = (report: CompatReport, generator: string, operationId: string) => report.cells.find((c) => c.generator === generator && c.operationId === operationId);

describeCluster('compat against real slurmrestd 22.05 (v0.0.38), 4 generators, through the validating proxy', () => {
  const cluster = useCluster('22.05');
  let run: RealRun;
  beforeAll(async () => {
    await cluster.start();
    run = await runAgainst('22.05', 'v0.0.38', cluster.env());
  }, 900_000);
  afterAll(async () => {
    const stopped = await cluster.stop();
    expect(stopped?.code ?? 0, stopped?.stderr).toBe(0);
  });

  it('runs every generator (one of them Python) on the safe GETs and the scenario', () => {
    const { report } = run;
    expect(report.server).toEqual({ kind: 'external', url: cluster.env().SLURMRESTD_URL });
    expect(report.generators.map((g) => g.id)).toEqual(GENERATORS);
    expect(report.generators.filter((g) => g.language === 'python')).toHaveLength(1);
    for (const g of report.generators) expect(g.status, `${g.id}: ${g.reason ?? ''}`).not.toBe('unavailable');
    expect(report.operations.map((o) => o.operationId)).toEqual(expect.arrayContaining(['slurm_v0_0_38_ping', 'slurm_v0_0_38_get_jobs', 'slurm_v0_0_38_get_partitions']));
    expect(report.operations.every((o) => o.method === 'GET' && !o.path.includes('{'))).toBe(true);
    expect(report.cells).toHaveLength(report.operations.length * GENERATORS.length);
  });

  it('gives every call cell a verdict, and the server broke the spec in every answer', () => {
    const { report } = run;
    for (const cell of report.cells) expect(cell.verdict, `${cell.generator} × ${cell.operationId}`).toBeDefined();
    // The server's findings are the same whoever asked: every GET answer breaks the spec (meta.Slurm.version.major).
    const tsCells = report.cells.filter((c) => c.generator === 'openapi-typescript');
    expect(tsCells.every((c) => c.verdict === 'server-broke-spec')).toBe(true);
    expect(report.summary.byVerdict['server-broke-spec']).toBeGreaterThan(0);
    const text = run.text;
    expect(text).toMatch(/Verdicts \(operation × generator\)/);
    expect(text).toMatch(/Server findings/);
  });

  it('lists the server findings with JSON pointers', () => {
    const { report } = run;
    const ping = cellOf(report, 'openapi-typescript', 'slurm_v0_0_38_ping');
    expect(serverFindings(ping)).toContainEqual(
      expect.objectContaining({
        rule: 'response-body-schema',
        pointer: '/meta/Slurm/version/major',
        message: '/meta/Slurm/version/major: number 22 where the schema (#/components/schemas/v0.0.38_meta/properties/Slurm/properties/version/properties/major) expects string',
      }),
    );
    const partitions = cellOf(report, 'oazapfts', 'slurm_v0_0_38_get_partitions');
    expect(findingKeys(partitions)).toContain('response-body-schema /partitions/0/default_time_limit');
    expect(findingKeys(partitions)).toContain('response-body-undocumented-property /partitions/0/min nodes per job');
    // The report's own list: one entry per operation, rule and place, naming the generators that saw it.
    const listed = report.serverFindings ?? [];
    expect(listed).toContainEqual(
      expect.objectContaining({ operationId: 'slurm_v0_0_38_get_partitions', rule: 'response-body-undocumented-property', pointer: '/partitions/0/min nodes per job', generators: GENERATORS }),
    );
    expect(run.text).toContain('/partitions/0/min nodes per job');
    expect(run.text).toContain('/meta/Slurm/version/major');
  });

  it('scenario: submits, polls until COMPLETED, cancels a held job; the job records break the spec as measured', () => {
    const scenario = run.report.scenario!;
    expect(scenario.steps.map((s) => s.title)).toEqual(['submit a 1 s job', 'poll until COMPLETED', 'submit a held job', 'list jobs (one pending)', 'cancel the held job', 'poll until CANCELLED']);
    for (const generator of GENERATORS) {
      const steps = scenario.cells.filter((c) => c.generator === generator);
      const poll = steps.find((c) => c.step === 1)!;
      expect(poll.poll, `${generator}: ${poll.reason ?? ''}`).toMatchObject({ met: true });
      expect(poll.poll!.attempts).toBeGreaterThanOrEqual(1);
      expect(steps.find((c) => c.step === 5)!.poll, generator).toMatchObject({ met: true });
      expect(steps.find((c) => c.step === 0)!.captured?.job_id).toEqual(expect.any(Number));
    }
    const ts = (step: number) => scenario.cells.find((c) => c.generator === 'openapi-typescript' && c.step === step);
    // null where the spec says integer, in job records.
    expect(findingKeys(ts(1))).toContain('response-body-schema /jobs/0/time_limit');
    // DELETE answers 200 with a body where the spec documents none.
    expect(findingKeys(ts(4))).toContain('response-body-undocumented ');
  });
});

describeCluster('compat against real slurmrestd 24.11 (v0.0.40–v0.0.42), 4 generators, through the validating proxy', () => {
  const cluster = useCluster('24.11');
  const runs = new Map<string, RealRun>();
  beforeAll(async () => {
    await cluster.start();
    for (const plugin of ['v0.0.40', 'v0.0.41', 'v0.0.42']) runs.set(plugin, await runAgainst('24.11', plugin, cluster.env()));
  }, 1_500_000);
  afterAll(async () => {
    const stopped = await cluster.stop();
    expect(stopped?.code ?? 0, stopped?.stderr).toBe(0);
  });

  it('runs every plugin version with every generator and polls the job to COMPLETED', () => {
    for (const [plugin, { report }] of runs) {
      expect(report.spec.versionTag, plugin).toBe(plugin);
      for (const g of report.generators) expect(g.status, `${plugin} ${g.id}: ${g.reason ?? ''}`).not.toBe('unavailable');
      for (const cell of report.scenario!.cells.filter((c) => c.step === 1)) expect(cell.poll, `${plugin} ${cell.generator}: ${cell.reason ?? ''}`).toMatchObject({ met: true });
    }
  });

  it('v0.0.41/v0.0.42: job_resources nests what its schema requires flattened (nodes/count …)', () => {
    for (const plugin of ['v0.0.41', 'v0.0.42']) {
      const poll = runs.get(plugin)!.report.scenario!.cells.find((c) => c.generator === 'openapi-typescript' && c.step === 1);
      expect(findingKeys(poll), plugin).toContain('response-body-schema /jobs/0/job_resources/nodes~1count');
    }
  });

  it('v0.0.42: a pending job has job_resources null where the schema is a non-nullable object', () => {
    const { report } = runs.get('v0.0.42')!;
    const listing = report.scenario!.cells.find((c) => c.generator === 'openapi-typescript' && c.step === 3);
    const nulls = serverFindings(listing).filter((v) => /^\/jobs\/\d+\/job_resources$/.test(v.pointer));
    expect(nulls.length, JSON.stringify(findingKeys(listing))).toBeGreaterThan(0);
    expect(nulls[0].message).toMatch(/null where the schema \(#\/components\/schemas\/v0\.0\.42_job_res\) does not allow null/);
  });
});
