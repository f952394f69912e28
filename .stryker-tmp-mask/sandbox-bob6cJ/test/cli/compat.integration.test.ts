/**
 * `specdrift compat` and `specdrift clients generate|check` with real client generators (integration suite), as a user
 * runs them (the built CLI). Generated clients come from the shared test cache (test/compat/runner/helpers.ts). The
 * `clients check` test is the CI drift check of the committed clients in generated-clients/.
 */
// @ts-nocheck

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../helpers/cli.js';
import { TEST_CACHE } from '../compat/runner/helpers.js';

const SLOW = 240_000;
const FIXTURE = 'fixtures/slurm-like/v0.0.41.json';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'specdrift-cli-compat-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('specdrift compat', () => {
  it(
    'runs the chosen generators and exits 1 with --fail-on fail when a cell fails; progress on stderr, JSON report on stdout',
    () => {
      const out = join(work, 'clients');
      const r = cli(['compat', FIXTURE, '-g', 'oazapfts,kubb', '--cache-dir', TEST_CACHE, '--out', out, '-f', 'json', '--fail-on', 'fail']);
      expect(r.stderr).toMatch(/^compat: kubb: calling \(12 operations\)$/m);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.generators.map((g: { id: string }) => g.id)).toEqual(['oazapfts', 'kubb']);
      const status = (g: string, op: string) => report.cells.find((c: { generator: string; operationId: string }) => c.generator === g && c.operationId === op).status;
      expect(status('oazapfts', 'slurm_v0041_post_job_submit')).toBe('pass');
      expect(status('kubb', 'slurm_v0041_post_job_submit')).toBe('fail');
      expect(report.generators[0].dir).toMatch(/oazapfts\/slurm-rest-api-v0\.0\.41-[0-9a-f]{8}$/);
    },
    SLOW,
  );

  it(
    'writes a junit file with -o, exits 0 by default, and --quiet keeps stderr empty',
    async () => {
      const file = join(work, 'compat.xml');
      // By default int64 samples are 2^53+1, which every JavaScript client rounds: each GET fails, named as such.
      const r = cli(['compat', FIXTURE, '-g', 'oazapfts', '--operations', 'slurm_*_get_*', '--cache-dir', TEST_CACHE, '--out', join(work, 'c2'), '-f', 'junit', '-o', file, '-q']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const xml = await readFile(file, 'utf8');
      expect(xml).toMatch(/<testsuites name="specdrift compat slurm-rest-api-v0\.0\.41-[0-9a-f]{8}" tests="6" failures="6"/);
      expect(xml).toContain('/jobs/0/accrue_time/number: int64 9007199254740993 decoded as 9007199254740992');
      // Without them, the same client passes every GET.
      const exact = cli(['compat', FIXTURE, '-g', 'oazapfts', '--operations', 'slurm_*_get_*', '--cache-dir', TEST_CACHE, '--out', join(work, 'c3'), '-f', 'junit', '-o', file, '-q', '--no-sample-large-integers']);
      expect(exact.code).toBe(0);
      expect(await readFile(file, 'utf8')).toMatch(/<testsuites name="specdrift compat slurm-rest-api-v0\.0\.41-[0-9a-f]{8}" tests="6" failures="0"/);
    },
    SLOW,
  );
});

describe('specdrift clients', () => {
  it(
    'check: the committed clients in generated-clients/ match their generators (CI drift check)',
    () => {
      const r = cli(['clients', 'check', '--config', 'specdrift.clients.json', '--cache-dir', TEST_CACHE, '-q']);
      expect(r.stdout).toMatch(/^clients check: \d+ committed clients match their generators \(generated-clients\)$/m);
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  it(
    'check: a hand edit is drift, shown as a unified diff with exit 1; generate puts it right',
    async () => {
      const project = join(work, 'project');
      // In a user's project the clients section sits in specdrift.config.json, found without --config.
      await cp(join(REPO_ROOT, 'specdrift.clients.json'), join(project, 'specdrift.config.json'));
      await cp(join(REPO_ROOT, FIXTURE), join(project, FIXTURE));
      await cp(join(REPO_ROOT, 'generated-clients'), join(project, 'generated-clients'), { recursive: true });
      const config = JSON.parse(await readFile(join(project, 'specdrift.config.json'), 'utf8'));
      const [generator] = config.clients.generators as string[];
      const dirs = cli(['clients', 'check', '-q', '--cache-dir', TEST_CACHE], { cwd: project });
      expect(dirs.code).toBe(0);
      const clientDir = new RegExp(`^same +(generated-clients/${generator}/\\S+)`, 'm').exec(dirs.stdout)![1];
      const file = join(project, clientDir, '.specdrift-client.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/"version": "[^"]+"/, '"version": "0.0.1"'));

      const drift = cli(['clients', 'check', '-q', '--cache-dir', TEST_CACHE], { cwd: project });
      expect(drift.code).toBe(1);
      expect(drift.stdout).toContain(`changed   ${clientDir} (${generator} × ${FIXTURE})`);
      expect(drift.stdout).toContain(`--- a/${clientDir}/.specdrift-client.json`);
      expect(drift.stdout).toMatch(/^-  "version": "0\.0\.1",$/m);
      expect(drift.stdout).toMatch(/^clients check: 1 of \d+ drifted; run specdrift clients generate and commit the result$/m);

      const fixed = cli(['clients', 'generate', '-q', '--cache-dir', TEST_CACHE], { cwd: project });
      expect(fixed.code).toBe(0);
      expect(fixed.stdout).toMatch(/^clients generate: (\d+) of \1 clients written under generated-clients$/m);
      expect(cli(['clients', 'check', '-q', '--cache-dir', TEST_CACHE], { cwd: project }).code).toBe(0);
    },
    SLOW,
  );
});
