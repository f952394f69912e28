/** `specdrift serve --handlers … --watch` as a user runs it: start, answer with the handler, reload after an edit, keep serving a broken edit. */
// @ts-nocheck

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliAsync, REPO_ROOT } from '../helpers/cli.js';

const SPEC = join(REPO_ROOT, 'fixtures/farm-manager/openapi.yaml');
const job = (name: string) =>
  `{ id: '7a2d5c0e-3b1f-4c8e-9d6a-1f2e3d4c5b6a', name: '${name}', type: 'blender', priority: 50, status: 'queued', start_frame: 1, end_frame: 5, chunk_size: 5, created: '2026-11-30T09:00:00Z', updated: '2026-11-30T09:00:00Z' }`;
const handlers = (name: string, extra = '') => `export const listJobs = (req, ctx) => ({ status: 200, body: { jobs: [${job(name)}] } });\n${extra}`;

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
  child = undefined;
});

/** Start `specdrift serve …`; resolves with its origin and a way to wait for a stderr line. */
function serve(args: string[]) {
  child = spawn(process.execPath, [join(REPO_ROOT, 'bin/specdrift.js'), 'serve', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiters.splice(0)) if (w.pattern.test(stderr)) w.resolve(); else waiters.push(w);
  });
  const untilStderr = (pattern: RegExp) => new Promise<void>((resolve) => (pattern.test(stderr) ? resolve() : waiters.push({ pattern, resolve })));
  const origin = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) resolve(m[1]);
    });
    child!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { origin, untilStderr, stderr: () => stderr };
}

describe('serve --handlers from the command line', () => {
  it('answers with the handler, says what is implemented, reloads an edit and survives a broken one (--watch)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-watch-'));
    const file = join(dir, 'impl.mjs');
    writeFileSync(file, handlers('first', 'export const notAnOperation = () => ({ status: 200 });\n'));
    const server = serve([SPEC, '--handlers', file, '--watch']);
    const origin = await server.origin;
    await server.untilStderr(/warning: exports that match no operationId of the spec \(ignored\): notAnOperation\n/);
    expect(server.stderr()).toContain('handlers: 1 operation(s) implemented, 9 answered from the spec\n');
    const first = await (await fetch(`${origin}/api/v1/jobs`)).json();
    expect(first.jobs[0].name).toBe('first');

    writeFileSync(file, handlers('second'));
    await server.untilStderr(/reloaded .*impl\.mjs\n/);
    expect((await (await fetch(`${origin}/api/v1/jobs`)).json()).jobs[0].name).toBe('second');

    writeFileSync(file, 'export const listJobs = (;\n');
    await server.untilStderr(/reload of .*impl\.mjs failed, still serving the previous version: the handlers module .* failed to load/);
    expect((await (await fetch(`${origin}/api/v1/jobs`)).json()).jobs[0].name).toBe('second');
  });

  it('reloads an edited spec file (--watch): a new operation is routed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-watch-'));
    const spec = join(dir, 'openapi.yaml');
    copyFileSync(SPEC, spec);
    const server = serve([spec, '--watch', '-q']);
    const origin = await server.origin;
    expect((await fetch(`${origin}/api/v1/version`)).status).toBe(404);
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace(
        'paths:\n',
        "paths:\n  /version:\n    get:\n      operationId: getVersion\n      responses:\n        '200':\n          description: v\n          content:\n            application/json:\n              schema: { type: object, required: [version], properties: { version: { type: string, enum: ['2.0'] } } }\n",
      ),
    );
    await server.untilStderr(/reloaded .*openapi\.yaml\n/);
    expect(await (await fetch(`${origin}/api/v1/version`)).json()).toEqual({ version: '2.0' });
  });

  it('refuses handler-only options without --handlers, and a missing handlers file, with one line', async () => {
    const noHandlers = await cliAsync(['serve', SPEC, '--unimplemented', '501']);
    expect(noHandlers.code).toBe(2);
    expect(noHandlers.stderr).toBe('specdrift: --unimplemented 501 and --strict-responses=false apply to --handlers — add --handlers FILE or drop the option\n');
    const missing = await cliAsync(['serve', SPEC, '--handlers', 'no/such/impl.ts']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('specdrift: handlers file no/such/impl.ts does not exist — give the path of a .ts or .js module, e.g. --handlers ./impl.ts\n');
  });
});
