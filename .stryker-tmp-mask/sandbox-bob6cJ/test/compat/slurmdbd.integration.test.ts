/**
 * Issue 14, item 8: `/slurmdb/*` of real slurmrestd 24.11 (plugin v0.0.42) against slurmdbd, the cluster started by
 * `scripts/slurm-cluster.sh start 24.11 --with-dbd` (MariaDB + slurmdbd, the cluster registered). Three generators in
 * three languages run the account/user scenario (add an account and a user, list them, read each back, delete both)
 * and the safe slurmdb GETs through the validating proxy; `stop` must leave no daemon and no database behind.
 * Shares the cluster lock with the other cluster suites (test/helpers/cluster.ts).
 */
// @ts-nocheck

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatorsById } from '../../src/compat/generators/index.js';
import { loadScenario, runCompat } from '../../src/compat/runner/index.js';
import type { CompatReport } from '../../src/compat/runner/types.js';
import { sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { CLUSTER_DIR, describeCluster, useCluster } from '../helpers/cluster.js';
import { TEST_CACHE, TEST_CLIENT_CACHE } from './runner/helpers.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const GENERATORS = ['openapi-typescript', 'openapi-generator-4.3.1:python', 'openapi-generator-4.3.1:go'];

/**
 * GET /slurmdb/v0.0.42/wckeys/ with sampled values for all of its optional query parameters (`cluster=string&format=
 * string&…&with_deleted=string`) makes slurmrestd 24.11.5 drop the connection and exit (seen by hand; without them it
 * answers 200): left out here, or every later call would find no server.
 */
const CRASHES_SLURMRESTD = new Set(['slurmdb_v0042_get_wckeys']);

describeCluster('slurmdbd: real slurmrestd 24.11 v0.0.42 /slurmdb/* (--with-dbd), 3 generators in 3 languages', () => {
  const cluster = useCluster('24.11', 900_000, { withDbd: true });
  let report: CompatReport;
  let served: JsonObject;
  let stoppedCleanly: { daemons: string; mysqlLeft: boolean } | undefined;

  beforeAll(async () => {
    await cluster.start();
    served = cluster.served();
    const doc = sliceByVersion(served, 'v0.0.42');
    const dir = join(TEST_CACHE, 'real-slurm');
    mkdirSync(dir, { recursive: true });
    const specPath = join(dir, '24.11-v0.0.42-dbd.json');
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (!existsSync(specPath) || readFileSync(specPath, 'utf8') !== text) writeFileSync(specPath, text);
    const safeGets = Object.entries(doc.paths as Record<string, { get?: { operationId?: string } }>)
      .filter(([path, item]) => path.startsWith('/slurmdb/') && !path.includes('{') && item.get?.operationId && !CRASHES_SLURMRESTD.has(item.get.operationId))
      .map(([, item]) => item.get!.operationId!);
    const env = cluster.env();
    report = await runCompat({
      doc,
      specPath,
      source: 'served 24.11 v0.0.42 (with slurmdbd)',
      generators: generatorsById(GENERATORS),
      server: { kind: 'external', url: env.SLURMRESTD_URL },
      headers: { 'X-SLURM-USER-NAME': env.SLURM_USER, 'X-SLURM-USER-TOKEN': env.SLURM_JWT },
      operations: safeGets,
      scenario: await loadScenario(join(repoRoot, 'fixtures', 'scenarios', 'slurmdb-24.11-v0.0.42.yaml')),
      cacheDir: TEST_CLIENT_CACHE,
      // The scenario's account and user have fixed names: one generator at a time.
      concurrency: 1,
      toolVersion: 'test',
    });
  }, 1_500_000);

  afterAll(async () => {
    const stopped = await cluster.stop(() => {
      const work = join(CLUSTER_DIR, '24.11');
      // Processes whose command line names this cluster's work dir (mariadbd runs from the host, slurmdbd in the chroot).
      const daemons = execFileSync('ps', ['-eo', 'comm=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => /^(mariadbd|slurmdbd|slurmctld|slurmd|slurmrestd|munged)\s/.test(line) && (line.includes(work) || line.includes('/srv/specdrift-cluster')))
        .join('\n');
      stoppedCleanly = { daemons, mysqlLeft: existsSync(join(work, 'mysql')) };
    });
    expect(stopped?.code ?? 0, stopped?.stderr).toBe(0);
    expect(stoppedCleanly).toEqual({ daemons: '', mysqlLeft: false });
  });

  it('slurmrestd serves /slurmdb/v0.0.42 (the slurmdbd plugin), and its GETs answer through every generator', () => {
    const paths = Object.keys(served.paths as JsonObject);
    expect(paths).toEqual(expect.arrayContaining(['/slurmdb/v0.0.42/accounts/', '/slurmdb/v0.0.42/users/', '/slurmdb/v0.0.42/account/{account_name}']));
    for (const g of report.generators) expect(g.status, `${g.id}: ${g.reason ?? ''}`).not.toBe('unavailable');
    expect(report.generators.map((g) => g.language)).toEqual(['typescript', 'python', 'go']);
    // Every call reached slurmdbd and came back: no cell failed for want of a server.
    for (const cell of report.cells) expect(cell.reason ?? '', `${cell.generator} × ${cell.operationId}`).not.toMatch(/no-response/);
    const ping = report.cells.find((c) => c.generator === 'openapi-typescript' && c.operationId === 'slurmdb_v0042_get_ping')!;
    expect(ping.call?.status).toBe(200);
  });

  it('runs the account/user scenario through every generator: added, listed, read back, deleted', () => {
    const scenario = report.scenario!;
    expect(scenario.steps.map((s) => s.title)).toEqual([
      'add an account',
      'add a user in it',
      'list accounts',
      'list users',
      'read the account back',
      'read the user back',
      'delete the user',
      'delete the account',
    ]);
    for (const generator of GENERATORS) {
      const steps = scenario.cells.filter((c) => c.generator === generator);
      expect(steps.map((c) => c.call?.status), generator).toEqual([200, 200, 200, 200, 200, 200, 200, 200]);
      expect(steps[4].poll, `${generator}: ${steps[4].reason ?? ''}`).toMatchObject({ met: true });
      expect(steps[5].poll, `${generator}: ${steps[5].reason ?? ''}`).toMatchObject({ met: true });
      expect(steps[7].captured, generator).toEqual({ removed_account: 'specdrift-acct' });
    }
  });

  it('DELETE /slurmdb/v0.0.42/user/{name} answers with removed_users, which its schema does not declare (a server finding)', () => {
    for (const generator of GENERATORS) {
      const deleteUser = report.scenario!.cells.find((c) => c.generator === generator && c.step === 6)!;
      const findings = (deleteUser.exchanges ?? []).flatMap((e) => e.violations.filter((v) => v.where === 'response'));
      expect(findings.map((v) => `${v.rule} ${v.pointer}`), generator).toContain('response-body-undocumented-property /removed_users');
    }
  });
});
