/**
 * The generator package cache (install.ts), hermetic: npm is a stub (SPECDRIFT_NPM) that "installs" what the lock
 * file names by writing each package's package.json, and can fail, wait or install the wrong version on request.
 */
// @ts-nocheck

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureInstalled, installPin, prunable, readMarker } from '../../../src/compat/generators/install.js';
import { type GeneratorPin, loadPins } from '../../../src/compat/generators/pins.js';
import { SpecdriftError } from '../../../src/errors.js';
import { GENERATORS_DOC_PATH, withPinTable } from '../../../scripts/gen-generators-doc.js';

const STUB_NPM = `
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const prefix = args[args.indexOf('--prefix') + 1];
fs.appendFileSync(process.env.STUB_NPM_LOG, args.join(' ') + '\\n');
const lock = JSON.parse(fs.readFileSync(path.join(prefix, 'package-lock.json'), 'utf8'));
const names = Object.keys(lock.packages).filter((p) => p.startsWith('node_modules/'));
const write = (key) => {
  const dir = path.join(prefix, key);
  fs.mkdirSync(dir, { recursive: true });
  const version = process.env.STUB_NPM_WRONG_VERSION ? '0.0.0' : lock.packages[key].version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: key.slice('node_modules/'.length), version }));
  fs.writeFileSync(path.join(dir, 'index.js'), 'module.exports = 42;\\n');
};
write(names[0]);
if (process.env.STUB_NPM_FAIL) { console.error('npm ERR! code E404 stub registry says no'); process.exit(1); }
const finish = () => { names.slice(1).forEach(write); };
const delay = Number(process.env.STUB_NPM_DELAY_MS || 0);
if (delay) setTimeout(finish, delay); else finish();
`;

let work: string;
let pinsDir: string;
let root: string;
let npmLog: string;
const saved = { ...process.env };

function writePin(id: string, version: string, deps: Record<string, string>): GeneratorPin {
  const dir = join(pinsDir, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `specdrift-generator-${id}`, version, private: true, specdrift: { language: 'typescript' }, dependencies: deps }));
  const packages: Record<string, unknown> = { '': { name: `specdrift-generator-${id}`, version, dependencies: deps } };
  for (const [name, v] of Object.entries(deps)) packages[`node_modules/${name}`] = { version: v, integrity: 'sha512-stub' };
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }));
  return loadPins(pinsDir).find((p) => p.id === id)!;
}

const npmCalls = (): number => (existsSync(npmLog) ? readFileSync(npmLog, 'utf8').trim().split('\n').filter(Boolean).length : 0);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'specdrift-install-test-'));
  pinsDir = join(work, 'pins');
  root = join(work, 'cache', 'generators');
  npmLog = join(work, 'npm.log');
  const stub = join(work, 'npm-stub.cjs');
  writeFileSync(stub, STUB_NPM);
  process.env.SPECDRIFT_NPM = stub;
  process.env.STUB_NPM_LOG = npmLog;
});

afterEach(() => {
  for (const key of ['SPECDRIFT_NPM', 'STUB_NPM_LOG', 'STUB_NPM_FAIL', 'STUB_NPM_DELAY_MS', 'STUB_NPM_WRONG_VERSION']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('installing a pinned generator package', () => {
  it('installs once with npm ci into <root>/<id>@<version>, then reuses it without running npm', async () => {
    const pin = writePin('fake', '1.2.3', { 'fake-gen': '1.2.3', 'fake-runtime': '4.5.6' });
    const lines: string[] = [];
    const first = await installPin(pin, { root, onProgress: (l) => lines.push(l) });
    expect(first.cached).toBe(false);
    const dir = join(root, 'fake@1.2.3');
    expect(JSON.parse(readFileSync(join(dir, 'node_modules', 'fake-runtime', 'package.json'), 'utf8')).version).toBe('4.5.6');
    expect(readFileSync(npmLog, 'utf8')).toMatch(/^ci --prefix \S+ --omit=dev --ignore-scripts/);
    expect(lines[0]).toBe(`installing fake@1.2.3 (fake-gen, fake-runtime) into ${root}`);
    expect(lines[1]).toMatch(/^installed fake@1\.2\.3: \d+ kB, 2 packages, \d+\.\d s$/);

    const second = await installPin(pin, { root });
    expect(second.cached).toBe(true);
    expect(npmCalls()).toBe(1);
    // Nothing but the install itself is left behind: no temporary directory, no lock.
    expect(readdirSync(root)).toEqual(['fake@1.2.3']);
  });

  it('a failing npm leaves nothing that is later trusted, and says so in one line', async () => {
    const pin = writePin('fake', '1.0.0', { 'fake-gen': '1.0.0', 'fake-runtime': '1.0.0' });
    process.env.STUB_NPM_FAIL = '1';
    const error = await installPin(pin, { root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecdriftError);
    expect((error as SpecdriftError).line()).toMatch(/^cannot install fake@1\.0\.0: npm ci failed: npm ERR! code E404 stub registry says no — .*specdrift generators install fake`$/);
    expect((error as SpecdriftError).line()).not.toContain('\n');
    expect(readdirSync(root)).toEqual([]);
    expect(await readMarker(pin, root)).toBeUndefined();

    delete process.env.STUB_NPM_FAIL;
    expect((await installPin(pin, { root })).cached).toBe(false);
    expect(npmCalls()).toBe(2);
  });

  it('refuses an install where npm did not put the pinned version', async () => {
    const pin = writePin('fake', '2.0.0', { 'fake-gen': '2.0.0' });
    process.env.STUB_NPM_WRONG_VERSION = '1';
    await expect(installPin(pin, { root })).rejects.toThrow('npm ci did not install fake-gen@2.0.0 (found 0.0.0)');
    expect(readdirSync(root)).toEqual([]);
  });

  it('does not trust a directory without the marker (interrupted) or made from another lock file, and replaces it', async () => {
    const pin = writePin('fake', '1.0.0', { 'fake-gen': '1.0.0' });
    const dir = join(root, 'fake@1.0.0');
    mkdirSync(join(dir, 'node_modules', 'fake-gen'), { recursive: true });
    expect(await readMarker(pin, root)).toBeUndefined();
    writeFileSync(join(dir, '.specdrift-installed.json'), JSON.stringify({ id: 'fake', version: '1.0.0', lockHash: 'another lock', bytes: 1, packages: 1, ms: 1, installedAt: '' }));
    expect(await readMarker(pin, root)).toBeUndefined();

    expect((await installPin(pin, { root })).cached).toBe(false);
    expect((await readMarker(pin, root))?.lockHash).toBe(pin.lockHash);
    expect(existsSync(join(dir, 'node_modules', 'fake-gen', 'index.js'))).toBe(true);
  });

  it('concurrent installs of one pin run npm once; the others wait for the lock and use the result', async () => {
    const pin = writePin('fake', '1.0.0', { 'fake-gen': '1.0.0', 'fake-runtime': '1.0.0' });
    process.env.STUB_NPM_DELAY_MS = '300';
    const waits: string[] = [];
    const results = await Promise.all([1, 2, 3].map(() => installPin(pin, { root, pollMs: 20, onProgress: (l) => waits.push(l) })));
    expect(npmCalls()).toBe(1);
    expect(results.map((r) => r.cached).sort()).toEqual([false, true, true]);
    expect(waits.filter((l) => l.startsWith('waiting for another specdrift installing fake@1.0.0'))).toHaveLength(2);
    expect(readdirSync(root)).toEqual(['fake@1.0.0']);
  });

  it('takes over the lock of a process that died while installing', async () => {
    const pin = writePin('fake', '1.0.0', { 'fake-gen': '1.0.0' });
    const lock = join(root, 'fake@1.0.0.lock');
    mkdirSync(lock, { recursive: true });
    // No process has this pid (Linux pids stay below 2^22).
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 7, host: (await import('node:os')).hostname(), at: '' }));
    expect((await installPin(pin, { root, pollMs: 10 })).cached).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('offline and prune', () => {
  it('--offline fails naming what is missing and the install command, without running npm', async () => {
    const installed = writePin('aaa', '1.0.0', { 'aaa-gen': '1.0.0' });
    await installPin(installed, { root });
    const missing = writePin('bbb', '2.0.0', { 'bbb-gen': '2.0.0' });
    const error = (await ensureInstalled([installed, missing], { root, offline: true }).catch((e: unknown) => e)) as SpecdriftError;
    expect(error.line()).toBe('generator packages not installed (--offline): bbb@2.0.0 — install them with network access first: specdrift generators install bbb');
    expect(npmCalls()).toBe(1);
    await expect(ensureInstalled([installed], { root, offline: true })).resolves.toBeUndefined();
  });

  it('prune lists versions no longer pinned, half installs and dead locks, never a good install', async () => {
    const pin = writePin('fake', '1.0.0', { 'fake-gen': '1.0.0' });
    await installPin(pin, { root });
    mkdirSync(join(root, 'fake@0.9.0'));
    mkdirSync(join(root, '.tmp-fake@1.0.0-4194311-abc123'));
    mkdirSync(join(root, 'other@1.0.0.lock'));
    const entries = (await prunable(root, loadPins(pinsDir))).map((e) => `${e.name}: ${e.reason}`).sort();
    expect(entries).toEqual(['.tmp-fake@1.0.0-4194311-abc123: incomplete', 'fake@0.9.0: not pinned', 'other@1.0.0.lock: stale lock file']);
  });
});

describe('the shipped pins', () => {
  const pins = loadPins();
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('pin every generator, its runtime libraries and TypeScript, each package in one pin only', () => {
    const names = pins.flatMap((p) => Object.keys(p.dependencies));
    expect(new Set(names).size).toBe(names.length);
    expect(pins.map((p) => p.id)).toEqual([
      'hey-api',
      'kubb',
      'oazapfts',
      'openapi-generator',
      'openapi-typescript',
      'openapi-typescript-codegen',
      'orval',
      'swagger-codegen',
      'swagger-typescript-api',
      'typescript',
    ]);
    expect(pins.find((p) => p.id === 'typescript')?.dependencies).toEqual({ typescript: '5.9.3', '@types/node': '20.19.43' });
  });

  it('are devDependencies of the clone at the same versions (tests use them from node_modules), never dependencies', () => {
    for (const pin of pins) {
      for (const [name, version] of Object.entries(pin.dependencies)) {
        expect(manifest.devDependencies[name], name).toBe(version);
        expect(manifest.dependencies[name], name).toBeUndefined();
      }
    }
    expect(manifest.dependencies.specdrift).toBeUndefined();
  });

  it('ship a lock file that pins each package at its version', () => {
    for (const pin of pins) {
      const lock = JSON.parse(readFileSync(join(pin.dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
      for (const [name, version] of Object.entries(pin.dependencies)) {
        expect(lock.packages[`node_modules/${name}`]?.version, `${pin.id}: ${name}`).toBe(version);
        expect(lock.packages[`node_modules/${name}`]?.integrity, `${pin.id}: ${name}`).toMatch(/^sha512-/);
      }
    }
  });

  it('docs/generators.md shows them as they are (npx tsx scripts/gen-generators-doc.ts)', () => {
    const doc = readFileSync(GENERATORS_DOC_PATH, 'utf8');
    expect(doc).toBe(withPinTable(doc));
  });
});
