/**
 * Slow halves of the handler tests: tsc over a scaffolded implementation (the type check is the point of the
 * scaffold), and `compat --server builtin --handlers` with every generator against the farm-manager example.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldHandlers, typesFileFor } from '../../../src/compat/server/handlers/scaffold.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { FARM_IMPL, farmDoc } from './farm.js';
import { farmV2 } from './farm-v2.js';

/** `tsc --noEmit` over one file with a strict config; exit code and output. */
function typecheck(dir: string, file: string): { code: number; output: string } {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] },
      files: [file],
    }),
  );
  try {
    const output = execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  }
}

describe('scaffold handlers + tsc', () => {
  it('after a spec change (one operation added, one removed) the old implementation plus the new stub compiles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-scaffold-tsc-'));
    const impl = join(dir, 'impl.ts');
    copyFileSync(FARM_IMPL, impl);
    const result = await scaffoldHandlers(farmV2(), impl, readFileSync(impl, 'utf8'));
    expect(result.added).toEqual(['deleteJob']);
    expect(result.removed).toEqual(['fetchTaskLog']);
    writeFileSync(typesFileFor(impl), result.types);
    writeFileSync(impl, result.impl);
    const checked = typecheck(dir, impl);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('tsc tells when an implementation breaks the spec: an undocumented status and a wrong enum value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-scaffold-tsc-'));
    const impl = join(dir, 'impl.ts');
    const source = readFileSync(FARM_IMPL, 'utf8')
      .replace('return { status: 200, body: job };', 'return { status: 201, body: job };')
      .replace("status_requested: 'awake'", "status_requested: 'sleeping'");
    writeFileSync(impl, source);
    writeFileSync(typesFileFor(impl), (await scaffoldHandlers(farmDoc(), impl, source)).types);
    const checked = typecheck(dir, impl);
    expect(checked.code).not.toBe(0);
    expect(checked.output).toMatch(/impl\.ts\(\d+,\d+\): error TS2322: Type '\(req: Request<"submitJob">/);
    expect(checked.output).toMatch(/Type '"sleeping"' is not assignable to type '"starting" \| "awake" \| "asleep" \| "offline"'/);
  });
});

describe('compat --server builtin --handlers: every generator against the farm-manager implementation', () => {
  it('runs the scenario (register → sign on → submit → fetch task → update → completed) with every generator', async () => {
    const { ALL_GENERATORS } = await import('../../../src/compat/generators/index.js');
    const { loadScenario, runCompat } = await import('../../../src/compat/runner/index.js');
    const { TEST_CLIENT_CACHE } = await import('../runner/helpers.js');
    const { FARM_SPEC } = await import('./farm.js');
    const scenario = await loadScenario(join(REPO_ROOT, 'fixtures/farm-manager/scenario.yaml'));
    const report = await runCompat({
      doc: farmDoc(),
      specPath: FARM_SPEC,
      source: 'fixtures/farm-manager/openapi.yaml',
      generators: ALL_GENERATORS,
      server: { kind: 'builtin', handlers: FARM_IMPL },
      headers: { Authorization: `Basic ${Buffer.from('0f8e2c4a-5d6b-4e7f-8a9b-1c2d3e4f5a6b:correct horse').toString('base64')}` },
      scenario,
      cacheDir: TEST_CLIENT_CACHE,
      concurrency: 2,
      toolVersion: 'test',
    });
    const ran = report.generators.filter((g) => g.status !== 'unavailable').map((g) => g.id);
    const steps = (id: string) => report.scenario!.cells.filter((c) => c.generator === id).map((c) => `${c.status}${c.status === 'pass' ? '' : ` ${c.reason ?? ''}`}`);
    const firstReason = (id: string) => report.cells.find((c) => c.generator === id && c.status !== 'pass')?.reason ?? '';
    console.info(report.generators.map((g) => `${g.id} [${g.status}${g.reason ? ` ${g.reason}` : ''}]: ${steps(g.id).join(' | ') || `no scenario cells; first matrix problem: ${firstReason(g.id)}`}`).join('\n'));
    expect(ran.length).toBeGreaterThanOrEqual(8);
    // the implementation never broke the spec, whatever the client sent
    const serverViolations = [...report.cells, ...report.scenario!.cells].flatMap((c) => (c.exchanges ?? []).flatMap((e) => e.violations.filter((v) => v.where === 'response')));
    expect(serverViolations).toEqual([]);
    // kubb (text/plain bodies), swagger-codegen python (its basic-auth config replaces the header; a {} body on a bodiless POST) and the
    // generators whose clients do not compile fail on their own side: the server-side check above covers them
    for (const id of ['openapi-typescript', 'hey-api', 'orval', 'swagger-typescript-api', 'oazapfts', 'openapi-typescript-codegen', 'openapi-generator-4.3.1:python']) {
      expect(steps(id), id).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    }
  }, 900_000);
});
