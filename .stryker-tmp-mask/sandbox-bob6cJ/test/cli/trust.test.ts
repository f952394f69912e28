/**
 * Configs from a cloned repository are somebody else's: their commands run only once the user trusted that exact
 * file, their `${VAR}` headers spend the environment only then, and `versions.sources` never captures an argument
 * that is a file, URL or git revision.
 */
// @ts-nocheck

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';

const tiny = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };

describe('specdrift trust', () => {
  const root = mkdtempSync(join(tmpdir(), 'specdrift-trust-'));
  /** A repository of its own per test (config, state dir, marker file): no test leans on another's trust or marker. */
  const setup = (name: string) => {
    const repo = join(root, name);
    const pwned = join(root, `${name}-PWNED`);
    const env = { SPECDRIFT_STATE_DIR: join(root, `${name}-state`), SPECDRIFT_CACHE_DIR: join(root, `${name}-cache`), SPECDRIFT_ALLOW_COMMANDS: '' };
    const writeConfig = (extra = '') => {
      const spec = JSON.stringify(tiny).replace(/"/g, '\\"');
      writeFileSync(
        join(repo, 'specdrift.config.json'),
        JSON.stringify({ versions: { tag: 'v{n}', source: `cmd:touch ${pwned}; echo "${spec}"${extra}` } }),
      );
    };
    mkdirSync(join(repo, '.git'), { recursive: true }); // the config search stops at a repository root
    writeFileSync(join(repo, 'a.json'), JSON.stringify(tiny));
    writeConfig();
    return { repo, pwned, env, writeConfig };
  };

  it('refuses to run a command from an untrusted config (exit 10) and names it', async () => {
    const { repo, pwned, env } = setup('untrusted');
    const r = await cliIn(['diff', 'v1', 'v2'], { cwd: repo, env });
    expect(r.code).toBe(10);
    expect(r.stderr).toMatch(/specdrift\.config\.json is not trusted, so its command was not run: cmd:touch /);
    expect(r.stderr).toMatch(/specdrift trust/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(pwned)).toBe(false);
  });

  it('runs it after `specdrift trust`, and refuses again once the config changes', async () => {
    const { repo, pwned, env, writeConfig } = setup('trusted');
    const t = await cliIn(['trust'], { cwd: repo, env });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^trusted .*specdrift\.config\.json/);
    expect(t.stdout).toMatch(/commands it may run:\n {2}cmd:touch /);
    expect((await cliIn(['diff', 'v1', 'v2'], { cwd: repo, env })).code).toBe(0);
    expect(existsSync(pwned)).toBe(true);
    writeConfig(' # edited');
    expect((await cliIn(['diff', 'v1', 'v2', '--no-cache'], { cwd: repo, env })).code).toBe(10);
    expect((await cliIn(['trust', '--list'], { cwd: repo, env })).stdout).toMatch(/1 trusted config/);
    expect((await cliIn(['trust', '--revoke'], { cwd: repo, env })).stdout).toMatch(/^revoked /);
  });

  it('--allow-commands and SPECDRIFT_ALLOW_COMMANDS=1 are the CI way; cmd: typed by the user always runs', async () => {
    const { repo, env } = setup('allowed');
    expect((await cliIn(['diff', 'v1', 'v2', '--allow-commands', '--no-cache'], { cwd: repo, env })).code).toBe(0);
    expect((await cliIn(['diff', 'v1', 'v2', '--no-cache'], { cwd: repo, env: { ...env, SPECDRIFT_ALLOW_COMMANDS: '1' } })).code).toBe(0);
    expect((await cliIn(['fetch', `cmd:echo '${JSON.stringify(tiny)}'`, '--no-cache'], { cwd: repo, env })).code).toBe(0);
  });

  it('a versions.sources key that is not a version label is an invalid config (exit 9)', async () => {
    const dir = join(root, 'hijack');
    const pwned = join(root, 'hijack-PWNED');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(tiny));
    writeFileSync(
      join(dir, 'specdrift.config.json'),
      JSON.stringify({ versions: { tag: 'v{n}', source: 'x', sources: { 'HEAD~1:openapi.json': `cmd:touch ${pwned}` } } }),
    );
    const env = { SPECDRIFT_STATE_DIR: join(root, 'hijack-state'), SPECDRIFT_CACHE_DIR: join(root, 'hijack-cache'), SPECDRIFT_ALLOW_COMMANDS: '' };
    const r = await cliIn(['diff', 'HEAD~1:openapi.json', 'openapi.json'], { cwd: dir, env });
    expect(r.code).toBe(9);
    expect(r.stderr).toMatch(/key "HEAD~1:openapi\.json" is not a version label/);
    expect(existsSync(pwned)).toBe(false);
  });
});

describe('config headers', () => {
  const root = mkdtempSync(join(tmpdir(), 'specdrift-headers-'));
  let server: Server;
  let url = '';
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(tiny));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/openapi.json`;
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'a.json'), JSON.stringify(tiny));
    writeFileSync(join(root, 'specdrift.config.json'), JSON.stringify({ headers: { 'X-Token': '${SECRET_TOKEN}', 'X-Plain': 'literal' } }));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  /** Each test its own state dir: whether the config is trusted is that test's own doing. */
  const env = (state: string) => ({ SPECDRIFT_STATE_DIR: join(root, state), SECRET_TOKEN: 's3cr3t' });

  it('an untrusted config does not spend the environment: its ${VAR} header is not sent, and the value is never printed', async () => {
    const r = await cliIn(['fetch', url], { cwd: root, env: env('untrusted-state') });
    expect(r.code).toBe(0);
    const last = seen.at(-1)!;
    expect(last['x-token']).toBeUndefined();
    expect(last['x-plain']).toBe('literal');
    expect(r.stderr).toMatch(/header X-Token .* not trusted: not sent/);
    expect(r.stderr + r.stdout).not.toMatch(/s3cr3t/);
  });

  it('a trusted config does; --header always does', async () => {
    expect((await cliIn(['trust'], { cwd: root, env: env('trusted-state') })).code).toBe(0);
    expect((await cliIn(['fetch', url], { cwd: root, env: env('trusted-state') })).code).toBe(0);
    expect(seen.at(-1)!['x-token']).toBe('s3cr3t');
    const e = { SPECDRIFT_STATE_DIR: join(root, 'other-state'), SECRET_TOKEN: 's3cr3t' };
    expect((await cliIn(['fetch', url, '-H', 'X-Token: typed'], { cwd: root, env: e })).code).toBe(0);
    expect(seen.at(-1)!['x-token']).toBe('typed');
  });

  it('an unset ${VAR} fails only when a URL is fetched, not for a diff of two local files', async () => {
    const e = { SPECDRIFT_STATE_DIR: join(root, 'unset-state') };
    expect((await cliIn(['trust'], { cwd: root, env: e })).code).toBe(0); // an untrusted config's ${VAR} is skipped, not an error
    expect((await cliIn(['diff', 'a.json', 'a.json'], { cwd: root, env: e })).code).toBe(0);
    const r = await cliIn(['fetch', url], { cwd: root, env: e });
    expect(r.code).toBe(9);
    expect(r.stderr).toMatch(/config header X-Token .* uses \$\{SECRET_TOKEN\}, which is not set/);
  });
});
