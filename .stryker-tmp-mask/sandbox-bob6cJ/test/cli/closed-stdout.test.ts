/** `specdrift … | head`: a reader that goes away early is not an error, and the exit code stays the verdict. */
// @ts-nocheck

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const BIN = fileURLToPath(new URL('../../bin/specdrift.js', import.meta.url));

/** Run the CLI with a stdout pipe that the reader closes before the first byte arrives. */
function withClosedStdout(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('output into a closed pipe', () => {
  it('mask: no EPIPE stack trace, exit 0, its own summary on stderr as usual', async () => {
    const r = await withClosedStdout(['mask', 'fixtures/slurm-like/v0.0.41.json', '--to', 'v0.0.40']);
    expect(r.stderr).not.toMatch(/EPIPE|node:events|at /);
    expect(r.stderr).toMatch(/^masked 69 version tags: v0\.0\.41 → v0\.0\.40$/m);
    expect(r.code).toBe(0);
  });

  it('diff --fail-on breaking still exits 1 when nobody reads its report', async () => {
    const r = await withClosedStdout(['diff', 'fixtures/slurm-like/v0.0.40.json', 'fixtures/slurm-like/v0.0.41.json', '--fail-on', 'breaking', '--format', 'json']);
    expect(r.stderr).not.toMatch(/EPIPE|node:events/);
    expect(r.code).toBe(1);
  });
});
