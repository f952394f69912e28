// @ts-nocheck
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startReferenceServer } from '../../src/compat/server/index.js';
import { cliAsync, cliIn } from '../helpers/cli.js';

/** Every command of the CLI, written by hand: a new command must be added here (and get a call below). */
const COMMANDS = ['breaking', 'changelog', 'clients', 'compat', 'diff', 'fetch', 'generators', 'mask', 'proxy', 'rules', 'scaffold', 'serve', 'slice', 'trust', 'validate'];
const V41 = 'fixtures/slurm-like/v0.0.41.json';
const pair = (id: string) => [`fixtures/rules/${id}/old.yaml`, `fixtures/rules/${id}/new.yaml`];

const tiny = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };

describe('specdrift CLI basics', () => {
  it('prints help listing exactly the commands above, and a version', async () => {
    const help = await cliAsync(['--help']);
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}specdrift ([a-z]+)\b/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(COMMANDS);
    const version = await cliAsync(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('fetch converts stdin JSON to YAML and writes -o atomically', async () => {
    const out = await cliAsync(['fetch', '-', '-f', 'yaml'], { input: JSON.stringify(tiny) });
    expect(out.code).toBe(0);
    expect(parseYaml(out.stdout)).toEqual(tiny);
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-cli-'));
    const written = await cliAsync(['fetch', '-', '-o', join(dir, 'spec.json'), '--pretty', '--sort-keys'], { input: JSON.stringify(tiny) });
    expect(written.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['spec.json']);
  });

  it.each([
    [['fetch', 'no/such/file.json'], 3, /no\/such\/file\.json: no such file/],
    [['fetch', '-'], 4, /<stdin>:1:\d+: malformed JSON/, '{"openapi": }'],
    [['fetch', '-'], 4, /not an OpenAPI document/, '{"name": "pkg"}'],
    [['fetch', 'cmd:echo broken >&2; exit 9', '--no-cache'], 6, /exited with 9: broken/],
    [['fetch', 'http://127.0.0.1:1/openapi.json'], 5, /cannot connect/],
    [['fetch'], 2, /Not enough non-option arguments/],
    [['frobnicate'], 2, /Unknown argument: frobnicate/],
  ] as const)('%j exits %i with one clear line', async (args, code, pattern, input?: string) => {
    const result = await cliAsync([...args], { input });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with exit 8 and leaves nothing behind when -o cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-cli-'));
    writeFileSync(join(dir, 'file'), '');
    const result = await cliAsync(['fetch', '-', '-o', join(dir, 'file', 'spec.json')], { input: JSON.stringify(tiny) });
    expect(result.code).toBe(8);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('--debug adds the stack trace', async () => {
    const result = await cliAsync(['fetch', 'no/such/file.json', '--debug']);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});

// In the test process (cliIn: the same run() that bin/specdrift.js calls, without a Node start-up per call); the
// block above and serve/proxy below run the built binary itself.
describe('every command: --help, and one real call on our fixtures', () => {
  it.each(COMMANDS)('%s --help exits 0 with its usage line and options', async (command) => {
    const help = await cliIn([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^specdrift ${command}\\b`));
    expect(help.stdout).toMatch(/^Options:$/m);
  });

  it('diff: one rule fixture pair, as JSON', async () => {
    const r = await cliIn(['diff', ...pair('request-parameter-added'), '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes.map((c: { id: string; location: string }) => `${c.id} ${c.location}`)).toEqual(['request-parameter-added GET /items']);
  });

  it('breaking: a removed operation exits 1 and is the only line', async () => {
    const r = await cliIn(['breaking', ...pair('endpoint-removed')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ breaking {2}endpoint-removed {2}POST \/items removed/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 breaking, 0 warnings, 0 info');
  });

  it('changelog: an added operation under Added', async () => {
    const r = await cliIn(['changelog', ...pair('endpoint-added')]);
    expect(r.code).toBe(0);
    // changelog groups by resource (the path's first segment here: no tags, no version), then by kind.
    expect(r.stdout).toMatch(/^## items\n\n### Added\n\n- POST \/items added <sub>info · `endpoint-added` · `[0-9a-f]{16}`<\/sub>$/m);
  });

  it('fetch: a fixture to YAML', async () => {
    const r = await cliIn(['fetch', V41, '-f', 'yaml']);
    expect(r.code).toBe(0);
    expect(parseYaml(r.stdout)).toEqual(JSON.parse(readFileSync(V41, 'utf8')));
  });

  it('mask: --detect counts the version tags', async () => {
    const r = await cliIn(['mask', V41, '--detect']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^v0\.0\.41: 69 occurrences/);
  });

  it('slice: the only version of a fixture, standalone', async () => {
    const r = await cliIn(['slice', V41, '--version', 'v0.0.41']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.paths)).toHaveLength(11);
    expect(Object.keys(doc.paths).every((p) => p.includes('/v0.0.41/'))).toBe(true);
  });

  it('validate: a clean fixture exits 0', async () => {
    expect((await cliIn(['validate', V41])).code).toBe(0);
  });

  it('rules: every rule id, as JSON', async () => {
    const r = await cliIn(['rules', '-f', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { id: string; level: string }[];
    expect(rules).toHaveLength(1118);
    expect(rules.find((x) => x.id === 'endpoint-removed')?.level).toBe('breaking');
  });

  it('trust: records a config in an isolated state directory, then lists it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-basics-trust-'));
    const env = { SPECDRIFT_STATE_DIR: join(dir, 'state'), SPECDRIFT_CACHE_DIR: join(dir, 'cache') };
    mkdirSync(join(dir, '.git')); // the config search stops at a repository root
    writeFileSync(join(dir, 'specdrift.config.json'), JSON.stringify({ versions: { tag: 'v{n}', source: 'cmd:cat spec.json' } }));
    const r = await cliIn(['trust'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect((await cliIn(['trust', '--list'], { cwd: dir, env })).stdout).toMatch(/1 trusted config/);
  });

  it('generators: lists the ten pinned generator packages, none installed in an empty cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-basics-generators-'));
    const r = await cliIn(['generators', 'list'], { env: { SPECDRIFT_CACHE_DIR: dir, SPECDRIFT_GENERATORS: 'cache' } });
    expect(r.code, r.stderr).toBe(0);
    const [table, footer] = r.stdout.trim().split('\n\n');
    const rows = table.split('\n').slice(1).map((line) => line.split(/\s+/));
    expect(rows.every((row) => row[3] === 'no')).toBe(true);
    expect(footer).toBe(`cache: ${join(dir, 'generators')} (0 kB)`);
    const ids = rows.map((row) => row[0]);
    expect(ids.sort()).toEqual(['hey-api', 'kubb', 'oazapfts', 'openapi-generator', 'openapi-typescript', 'openapi-typescript-codegen', 'orval', 'swagger-codegen', 'swagger-typescript-api', 'typescript']);
  });

  // compat and clients run client generators once past their checks: that part is the integration suite's
  // (test/cli/compat…). Here: the real command up to the point where it would generate.
  it('compat: loads the spec and refuses an operation filter that matches nothing (exit 2)', async () => {
    const r = await cliAsync(['compat', V41, '-g', 'oazapfts', '--operations', 'nothing_*']); // the binary: compat's modules are slow to load in-process
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/matches no operation of the spec/);
  });

  it('clients: reads the config and names what is wrong in it (exit 9)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-basics-clients-'));
    writeFileSync(join(dir, 'specdrift.config.json'), JSON.stringify({ clients: { specs: [], generators: [] } }));
    const r = await cliAsync(['clients', 'check'], { cwd: dir });
    expect(r.code).toBe(9);
    expect(r.stderr).toMatch(/invalid config at \/clients\/specs/);
  });

  /** Starts `specdrift <args>` (a server on port 0), waits for its URL, runs `use`, then stops it with SIGINT. */
  async function whileRunning(args: string[], use: (url: string) => Promise<void>): Promise<string> {
    const child = spawn(process.execPath, ['bin/specdrift.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        stdout += b.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await use(await url);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    return stdout;
  }

  it('serve: starts on port 0, answers one request, stops', async () => {
    await whileRunning(['serve', V41, '--port', '0', '-q', '--no-auth'], async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ping = await fetch(`${url}/slurm/v0.0.41/ping`);
      expect(ping.status).toBe(200);
      expect(Array.isArray((await ping.json()).pings)).toBe(true);
    });
  });

  it('proxy: starts on port 0 in front of a reference server, forwards one request, stops', async () => {
    const upstream = await startReferenceServer(JSON.parse(readFileSync(V41, 'utf8')));
    try {
      const stdout = await whileRunning(['proxy', V41, '--target', upstream.origin, '--port', '0', '-q'], async (url) => {
        const ping = await fetch(`${url}/slurm/v0.0.41/ping`);
        expect(ping.status).toBe(200);
      });
      expect(upstream.exchanges).toHaveLength(1);
      expect(stdout).toMatch(/slurm_v0041_get_ping/);
    } finally {
      await upstream.close();
    }
  });
});
