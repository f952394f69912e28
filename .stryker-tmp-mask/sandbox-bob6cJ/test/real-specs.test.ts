// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSpec, stripHttpResponse } from '../scripts/lib/spec-json.mjs';
import { inIntegrationSuite } from './helpers/integration.js';
import { REAL_SPEC_NAMES, realSpecsDir } from './helpers/real-spec-files.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(repoRoot, 'scripts', 'slurm-specs.sh');

/** `nobody` may not be able to reach the checkout (CI clones into a 0700 temp dir): it runs a world-readable copy. */
function scriptCopyForNobody(): string {
  const copy = mkdtempSync(join(tmpdir(), 'specdrift-script-'));
  cpSync(join(repoRoot, 'scripts'), join(copy, 'scripts'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', copy]);
  return join(copy, 'scripts', 'slurm-specs.sh');
}

function runScript(args: string[], options: { asNobody?: boolean } = {}) {
  const asNobody = options.asNobody === true && process.getuid?.() === 0;
  const command = asNobody ? 'setpriv' : 'bash';
  const argv = asNobody
    ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'bash', scriptCopyForNobody(), ...args]
    : [script, ...args];
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('test/helpers/real-specs', () => {
  let saved: string | undefined;
  let dir: string;
  beforeEach(() => {
    saved = process.env.SPECDRIFT_REAL_SPECS;
    dir = mkdtempSync(join(tmpdir(), 'real-specs-helper-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SPECDRIFT_REAL_SPECS;
    else process.env.SPECDRIFT_REAL_SPECS = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to <repo>/.cache/slurm-specs and honours SPECDRIFT_REAL_SPECS', () => {
    delete process.env.SPECDRIFT_REAL_SPECS;
    expect(realSpecsDir()).toBe(join(repoRoot, '.cache', 'slurm-specs'));
    process.env.SPECDRIFT_REAL_SPECS = dir;
    expect(realSpecsDir()).toBe(dir);
  });

  it('is not the integration suite: a real-spec suite here would fail, not skip', () => {
    expect(inIntegrationSuite()).toBe(false);
  });
});

describe('scripts/lib/spec-json.mjs', () => {
  const response = (body: Buffer, length = body.length, status = '200 OK') =>
    Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Length: ${length}\r\nContent-Type: application/json\r\n\r\n`), body]);

  it('returns the HTTP body byte for byte, whatever it contains', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const body = Buffer.from(bytes);
        expect(stripHttpResponse(response(body)).equals(body)).toBe(true);
      }),
    );
    const escaped = Buffer.from('{\n  "paths": {\r\n\r\n    "\\/slurm\\/v0.0.38\\/diag": {}\n  }\n}');
    expect(stripHttpResponse(response(escaped)).equals(escaped)).toBe(true);
  });

  it('rejects truncated bodies, error statuses and non-HTTP input', () => {
    const body = Buffer.from('{"openapi":"3.0.2"}');
    expect(() => stripHttpResponse(response(body, body.length + 1))).toThrow(/Content-Length/);
    expect(() => stripHttpResponse(response(body, body.length, '401 UNAUTHORIZED'))).toThrow(/401/);
    expect(() => stripHttpResponse(body)).toThrow(/terminator/);
  });

  it('accepts only JSON OpenAPI documents', () => {
    expect(describeSpec('{"openapi":"3.0.3","paths":{"/a":{}},"components":{"schemas":{"x":{},"y":{}}}}')).toEqual({
      openapi: '3.0.3',
      paths: 1,
      schemas: 2,
    });
    expect(() => describeSpec('{"swagger":"2.0"}')).toThrow(/not an OpenAPI document/);
    expect(() => describeSpec('HTTP/1.1 200 OK\r\n')).toThrow(/not valid JSON/);
  });
});

describe('scripts/slurm-specs.sh', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slurm-specs-test-'));
    chmodSync(dir, 0o755); // the non-root runs below are `nobody`
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects an unknown option with one line and exit 2', () => {
    const result = runScript(['--frobnicate', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown option --frobnicate/);
  });

  it('refuses to build without root, in one line, touching nothing', () => {
    const out = join(dir, 'out');
    const result = runScript([out], { asNobody: true });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^slurm-specs: error: must run as root/)]);
    expect(() => statSync(out)).toThrow();
  });

  it('does nothing, and needs no root, when every output exists', () => {
    for (const name of [...REAL_SPEC_NAMES, '24.11/VERSION', '22.05/VERSION']) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), '{"openapi":"3.0.3"}');
    }
    const before = statSync(join(dir, '24.11', 'v0.0.41.json')).mtimeMs;
    const result = runScript([dir], { asNobody: true });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/up to date/);
    expect(statSync(join(dir, '24.11', 'v0.0.41.json')).mtimeMs).toBe(before);
  });
});

