// @ts-nocheck
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';

const V41 = 'fixtures/slurm-like/v0.0.41.json';

describe('mask, slice and validate from the command line', () => {
  it('mask --to rewrites every form, prints counts on stderr, and keeps stdout a spec', async () => {
    const result = await cliIn(['mask', V41, '--to', 'v0.0.40']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/0\.0\.41|0041|0_0_41/);
    expect(JSON.parse(result.stdout).paths['/slurm/v0.0.40/jobs']).toBeDefined();
    expect(result.stderr).toMatch(/^masked \d+ version tags: v0\.0\.41 → v0\.0\.40/);
    expect(result.stderr).toMatch(/v0041 → v0040\s+\d+/);
  });

  it('mask --strip and --detect', async () => {
    const stripped = await cliIn(['mask', V41, '--strip', '-q']);
    expect(stripped.code).toBe(0);
    expect(Object.keys(JSON.parse(stripped.stdout).paths)).toContain('/slurm/vX/jobs');
    const detect = await cliIn(['mask', V41, '--detect']);
    expect(detect.stdout).toMatch(/^v0\.0\.41: \d+ occurrences, prefixes v/);
    const none = await cliIn(['mask', V41]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give --to VERSION, --strip or --detect');
  });

  it('mask refuses a collision with exit 7', async () => {
    const doc = JSON.parse(readFileSync(V41, 'utf8'));
    doc.components.schemas['v0.0.40_openapi_job_info_resp'] = { type: 'object' };
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-mask-'));
    writeFileSync(join(dir, 'both.json'), JSON.stringify(doc));
    const result = await cliIn(['mask', join(dir, 'both.json'), '--from', 'v0.0.41', '--to', 'v0.0.40']);
    expect(result.code).toBe(7);
    expect(result.stderr).toMatch(/v0\.0\.40_openapi_job_info_resp/);
  });

  it('slice --list and --version, unknown version exits 2', async () => {
    expect((await cliIn(['slice', V41, '--list'])).stdout.trim()).toBe('v0.0.41');
    const bad = await cliIn(['slice', V41, '--version', 'v0.0.99']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the document serves v0.0.41');
  });

  it('validate: clean fixture exits 0; a defect exits 1 with rule id and pointer', async () => {
    expect(await cliIn(['validate', V41])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid') });
    const doc = JSON.parse(readFileSync(V41, 'utf8'));
    const [first, second] = Object.values(doc.paths) as Record<string, { operationId?: string }>[];
    Object.values(second).find((op) => op.operationId)!.operationId = Object.values(first).find((op) => op.operationId)!.operationId;
    const file = join(mkdtempSync(join(tmpdir(), 'specdrift-validate-')), 'dup.json');
    writeFileSync(file, JSON.stringify(doc));
    const result = await cliIn(['validate', file, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('operation-id-duplicate');
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'operation-id-duplicate').pointer).toMatch(/^\/paths\/~1slurm~1v0\.0\.41~1/);
  });
});

describe('serve from the command line', () => {
  it('serves the spec on 127.0.0.1, validates requests and logs exchanges', async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-serve-'));
    const log = join(dir, 'exchanges.jsonl');
    const child = spawn(process.execPath, ['bin/specdrift.js', 'serve', V41, '--port', '0', '--log', log, '-q', '--no-auth'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(b.toString());
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const ok = await fetch(`${url}/slurm/v0.0.41/ping`);
      expect(ok.status).toBe(200);
      const bad = await fetch(`${url}/slurm/v0.0.41/job/submit`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(bad.status).toBe(415);
      expect((await bad.json()).rule).toBe('request-content-type');
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
    }
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
  });
});

describe('proxy from the command line', () => {
  it('forwards to a server, validates both directions, and summarises at exit', async () => {
    const { spawn } = await import('node:child_process');
    const { startReferenceServer } = await import('../../src/compat/server/index.js');
    const server = await startReferenceServer(JSON.parse(readFileSync(V41, 'utf8')));
    const child = spawn(process.execPath, ['bin/specdrift.js', 'proxy', V41, '--target', server.origin, '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (m) {
            clearInterval(poll);
            resolve(m[1]);
          }
        }, 50);
        child.on('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
      });
      const ok = await fetch(`${url}/slurm/v0.0.41/ping`);
      expect(ok.status).toBe(200);
      const bad = await fetch(`${url}/slurm/v0.0.41/job/submit`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(bad.status).toBe(415); // the reference server's answer, passed through unchanged
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
      await server.close();
    }
    expect(stdout).toMatch(/slurm_v0041_post_job_submit/);
    expect(stdout).toMatch(/request-content-type/);
  });
});

describe('proxy limits from the command line', () => {
  it('passes --upstream-timeout and --max-body-bytes on (504 and 413 with their cause), and refuses a bad limit with exit 2', async () => {
    const bad = await cliIn(['proxy', V41, '--target', 'http://127.0.0.1:1', '--max-in-flight', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining('--max-in-flight must be a positive whole number, not 0')]);

    const { spawn } = await import('node:child_process');
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const child = spawn(process.execPath, ['bin/specdrift.js', 'proxy', V41, '--target', target, '--upstream-timeout', '0.3', '--max-body-bytes', '64', '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (m) {
            clearInterval(poll);
            resolve(m[1]);
          }
        }, 50);
        child.on('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
      });
      const late = await fetch(`${url}/slurm/v0.0.41/ping`);
      expect(late.status).toBe(504);
      expect(await late.json()).toMatchObject({ cause: 'upstream-timeout', limitMs: 300 });
      const big = await fetch(`${url}/slurm/v0.0.41/job/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ script: 'x'.repeat(200) }) });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ cause: 'request-body-too-large', limit: 64 });
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
      await new Promise<void>((resolve) => {
        silent.close(() => resolve());
        silent.closeAllConnections();
      });
    }
    expect(stdout).toMatch(/no-response/);
  });
});
