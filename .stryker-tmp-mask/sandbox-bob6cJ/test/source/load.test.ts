// @ts-nocheck
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync, readdirSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { loadSpec } from '../../src/source/load.js';
import { rejection } from '../helpers/errors.js';
import { BUILTIN_CONFIG, loadConfig, matchVersionShorthand, resolveVersionSource } from '../../src/source/config.js';

const tiny = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
const dir = mkdtempSync(join(tmpdir(), 'specdrift-load-'));


describe('file and stdin sources', () => {
  it('reads JSON and YAML files, sniffing content when the extension says nothing', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(tiny));
    writeFileSync(join(dir, 'b.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "2"}\npaths: {}\n');
    writeFileSync(join(dir, 'c'), 'swagger: "2.0"\ninfo: {title: t, version: "3"}\npaths: {}\n');
    const a = await loadSpec(join(dir, 'a.json'));
    expect(a).toMatchObject({ kind: 'file', format: 'json', doc: tiny });
    const b = await loadSpec('b.yaml', { cwd: dir });
    expect(b.format).toBe('yaml');
    expect(b.doc.openapi).toBe('3.1.0');
    expect((await loadSpec(join(dir, 'c'))).doc.swagger).toBe('2.0');
  });

  it('reads JSON and YAML that start with a UTF-8 byte-order mark', async () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(tiny)}`);
    writeFileSync(join(dir, 'bom.yaml'), '\uFEFFopenapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
    expect((await loadSpec(join(dir, 'bom.json'))).doc).toEqual(tiny);
    expect((await loadSpec(join(dir, 'bom.yaml'))).doc).toEqual(tiny);
  });

  it('reads stdin for "-"', async () => {
    const spec = await loadSpec('-', { stdin: JSON.stringify(tiny) });
    expect(spec).toMatchObject({ kind: 'stdin', doc: tiny });
  });

  it('reports malformed JSON and YAML with line:col', async () => {
    writeFileSync(join(dir, 'bad.json'), '{\n  "openapi": "3.0.0",\n  "info": {,}\n}');
    const json = await rejection(loadSpec(join(dir, 'bad.json')));
    expect(json.exitCode).toBe(ExitCode.parse);
    expect(json.message).toMatch(/bad\.json:3:\d+: malformed JSON/);
    writeFileSync(join(dir, 'bad.yaml'), 'openapi: 3.0.0\ninfo:\n  title: [x\n');
    const yaml = await rejection(loadSpec(join(dir, 'bad.yaml')));
    expect(yaml.message).toMatch(/bad\.yaml:\d+:\d+: malformed YAML/);
  });

  it('refuses documents that are not OpenAPI, and missing files', async () => {
    writeFileSync(join(dir, 'pkg.json'), '{"name": "x"}');
    const notApi = await rejection(loadSpec(join(dir, 'pkg.json')));
    expect(notApi.exitCode).toBe(ExitCode.parse);
    expect(notApi.message).toContain('not an OpenAPI document');
    const missing = await rejection(loadSpec(join(dir, 'nope.json')));
    expect(missing.exitCode).toBe(ExitCode.sourceNotFound);
  });
});

describe('URL sources', () => {
  let server: Server;
  let base = '';
  const seen: { url: string; token?: string; accept?: string }[] = [];
  let otherBase = '';
  let other: Server;
  beforeAll(async () => {
    other = createServer((req, res) => {
      seen.push({ url: 'other' + req.url, token: req.headers['x-slurm-user-token'] as string | undefined });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(tiny));
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    otherBase = `http://localhost:${(other.address() as { port: number }).port}`;
    server = createServer((req, res) => {
      seen.push({ url: req.url!, token: req.headers['x-slurm-user-token'] as string | undefined, accept: req.headers.accept });
      if (req.url === '/openapi.json') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(tiny));
      } else if (req.url === '/openapi.yaml') {
        res.setHeader('content-type', 'application/yaml');
        res.end('openapi: 3.0.0\ninfo: {title: y, version: "1"}\npaths: {}\n');
      } else if (req.url === '/docs') {
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><title>Swagger UI</title>');
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('{}'), 3000);
      } else if (req.url === '/same-host-redirect') {
        res.writeHead(302, { location: '/openapi.json' }).end();
      } else if (req.url === '/cross-host-redirect') {
        res.writeHead(302, { location: `${otherBase}/spec` }).end();
      } else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
    other.close();
  });

  it('fetches JSON and YAML, asking for both', async () => {
    const json = await loadSpec(`${base}/openapi.json`, { headers: { 'X-SLURM-USER-TOKEN': 'secret' } });
    expect(json.doc).toEqual(tiny);
    expect(seen.at(-1)).toMatchObject({ token: 'secret' });
    expect(seen.at(-1)!.accept).toMatch(/application\/json.*yaml/);
    expect((await loadSpec(`${base}/openapi.yaml`)).doc.info).toEqual({ title: 'y', version: '1' });
  });

  it('keeps headers on a same-origin redirect and drops them across hosts', async () => {
    await loadSpec(`${base}/same-host-redirect`, { headers: { 'X-SLURM-USER-TOKEN': 'secret' } });
    expect(seen.at(-1)).toMatchObject({ url: '/openapi.json', token: 'secret' });
    const spec = await loadSpec(`${base}/cross-host-redirect`, { headers: { 'X-SLURM-USER-TOKEN': 'secret' } });
    expect(spec.resolved).toContain(otherBase);
    expect(seen.at(-1)).toEqual({ url: 'other/spec', token: undefined });
  });

  it('fails clearly on 404, HTML, timeouts and refused connections', async () => {
    const notFound = await rejection(loadSpec(`${base}/missing`));
    expect(notFound.exitCode).toBe(ExitCode.network);
    expect(notFound.message).toContain('HTTP 404');
    const html = await rejection(loadSpec(`${base}/docs`));
    expect(html.message).toContain('HTML');
    const slow = await rejection(loadSpec(`${base}/slow`, { timeoutMs: 300 }));
    expect(slow.exitCode).toBe(ExitCode.network);
    expect(slow.message).toContain('no answer within');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    closed.close();
    const refused = await rejection(loadSpec(`http://127.0.0.1:${port}/openapi.json`));
    expect(refused.message).toContain('cannot connect');
  });
});

describe('git and command sources', () => {
  const repo = join(dir, 'repo');
  beforeAll(() => {
    mkdirSync(repo);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(repo, 'api.json'), JSON.stringify({ ...tiny, info: { title: 't', version: 'old' } }));
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'one');
    writeFileSync(join(repo, 'api.json'), JSON.stringify({ ...tiny, info: { title: 't', version: 'new' } }));
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'two');
  });

  it('reads git:REV:path and REV:path', async () => {
    const old = await loadSpec('git:HEAD~1:api.json', { cwd: repo });
    expect(old).toMatchObject({ kind: 'git', doc: { info: { version: 'old' } } });
    expect((await loadSpec('HEAD:api.json', { cwd: repo })).doc.info).toEqual({ title: 't', version: 'new' });
    const bad = await rejection(loadSpec('git:nosuchrev:api.json', { cwd: repo }));
    expect(bad.exitCode).toBe(ExitCode.sourceNotFound);
  });

  it('never lets a git revision or path act as an option (git show --output=… once overwrote files)', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    for (const source of [`git:--output=${victim}:x`, 'git:HEAD:--output=x', `git:-p:api.json`]) {
      const err = await rejection(loadSpec(source, { cwd: repo }));
      expect(err.exitCode, source).toBe(ExitCode.usage);
      expect(err.message, source).toMatch(/invalid git (revision|path)/);
    }
    // Without the git: prefix a leading '-' is never taken for a revision either.
    const err = await rejection(loadSpec(`--output=${victim}:x`, { cwd: repo }));
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('keys the cmd: cache by working directory and by the program that runs, not by the command text alone', async () => {
    const cacheDir = join(dir, 'cache-identity');
    const projects = ['p1', 'p2'].map((name, i) => {
      const p = join(dir, name);
      mkdirSync(p);
      writeFileSync(join(p, 'gen.sh'), `#!/bin/sh\necho '${JSON.stringify({ ...tiny, info: { title: name, version: String(i) } })}'\n`, { mode: 0o755 });
      return p;
    });
    const load = async (cwd: string) => (await loadSpec('cmd:./gen.sh', { cacheDir, cwd })).doc.info;
    expect(await load(projects[0])).toEqual({ title: 'p1', version: '0' });
    expect(await load(projects[1])).toEqual({ title: 'p2', version: '1' });
    // The same project's generator replaced by another one (a new slurmrestd): not served from the cache.
    writeFileSync(join(projects[0], 'gen.sh'), `#!/bin/sh\necho '${JSON.stringify({ ...tiny, info: { title: 'p1', version: 'upgraded' } })}'\n`, { mode: 0o755 });
    expect(await load(projects[0])).toEqual({ title: 'p1', version: 'upgraded' });
  });

  it('kills the whole process group of a cmd: source at --timeout', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const err = await rejection(loadSpec(`cmd:sleep 30 & echo $! > ${pidFile}; wait`, { cacheDir: join(dir, 'cache-timeout'), timeoutMs: 1000 }));
    expect(err.exitCode).toBe(ExitCode.command);
    expect(err.message).toMatch(/killed after 1 s/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    // Reaped or at least killed: signal 0 reports it gone (ESRCH) once the kernel has taken it down.
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 100));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });

  it('runs cmd: sources, caches their output, and bypasses the cache on request', async () => {
    const cacheDir = join(dir, 'cache');
    const counter = join(dir, 'count');
    writeFileSync(counter, '');
    const cmd = `cmd:echo x >> ${counter}; echo '${JSON.stringify(tiny)}'`;
    await loadSpec(cmd, { cacheDir });
    await loadSpec(cmd, { cacheDir });
    expect(execFileSync('wc', ['-l', counter], { encoding: 'utf8' })).toMatch(/^1 /);
    await loadSpec(cmd, { cacheDir, noCache: true });
    expect(execFileSync('wc', ['-l', counter], { encoding: 'utf8' })).toMatch(/^2 /);
    expect(readdirSync(join(cacheDir, 'generated-specs'))).toHaveLength(1);
  });

  it('puts a failing command\'s stderr in the error', async () => {
    const err = await rejection(loadSpec('cmd:echo "slurmrestd: fatal: no plugin" >&2; exit 4', { noCache: true }));
    expect(err.exitCode).toBe(ExitCode.command);
    expect(err.message).toContain('exited with 4: slurmrestd: fatal: no plugin');
  });
});

describe('version shorthands', () => {
  it('matches v40, 40, v0.0.40 and 0.0.40 against the tag pattern', () => {
    const profile = { tag: 'v0.0.{n}', source: 'x' };
    for (const s of ['v40', '40', 'v0.0.40', '0.0.40']) expect(matchVersionShorthand(s, profile)).toBe('40');
    expect(matchVersionShorthand('v0.1.40', profile)).toBeUndefined();
    expect(matchVersionShorthand('jobs.json', profile)).toBeUndefined();
  });

  it('resolves through a project config file (command template) and the built-in default (fixtures)', () => {
    const project = join(dir, 'proj');
    mkdirSync(project);
    writeFileSync(
      join(project, 'specdrift.config.json'),
      JSON.stringify({ versions: { tag: 'v0.0.{n}', source: 'cmd:slurmrestd --generate-openapi-spec -s slurmctld,slurmdbd -d v0.0.{n}' } }),
    );
    const loaded = loadConfig(undefined, project);
    expect(resolveVersionSource('v41', loaded)).toEqual({
      tag: 'v0.0.41',
      source: 'cmd:slurmrestd --generate-openapi-spec -s slurmctld,slurmdbd -d v0.0.41',
    });
    expect(resolveVersionSource('v40', BUILTIN_CONFIG)!.source).toMatch(/fixtures\/slurm-like\/v0\.0\.40\.json$/);
  });

  it('rejects an invalid config file with its path', () => {
    const bad = join(dir, 'bad-config.json');
    writeFileSync(bad, JSON.stringify({ versions: { tag: 'no-placeholder' } }));
    expect(() => loadConfig(bad)).toThrow(/bad-config\.json: invalid config/);
  });
});
