/**
 * `specdrift compat` and `specdrift clients` as a user runs them (the built CLI; in the test process `clients check` ran past the test timeout on a loaded machine): the mistakes they refuse before any
 * generator runs. Runs with real generators are in compat.integration.test.ts.
 */
// @ts-nocheck

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../helpers/cli.js';

const FIXTURE = 'fixtures/slurm-like/v0.0.41.json';
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'specdrift-cli-compat-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('specdrift compat', () => {
  it('reports usage mistakes in one line with exit 2 (3 for a missing scenario file)', { timeout: 180_000 }, async () => {
    const cases: [string[], RegExp, number][] = [
      [['-g', 'nope'], /unknown generator nope — known: openapi-typescript, /, 2],
      [['-g', 'oazapfts', '--server', 'ftp://x'], /--server ftp:\/\/x is not http\(s\)/, 2],
      [['-g', 'oazapfts', '--patch', 'global-fetch-type'], /--patch global-fetch-type: no selected generator offers that patch/, 2],
      [['-g', 'oazapfts', '--operations', 'nothing_*'], /matches no operation of the spec/, 2],
      [['-g', 'oazapfts', '--concurrency', '0'], /--concurrency must be a whole number/, 2],
      [['-g', 'oazapfts', '--scenario', 'missing.yaml'], /cannot read scenario missing\.yaml: ENOENT/, 3],
    ];
    // Six independent refusals: run side by side (each spawn loads compat's modules: slow on a loaded machine).
    const results = await Promise.all(cases.map(([args]) => cliAsync(['compat', FIXTURE, '--cache-dir', join(work, 'cache'), '--out', join(work, 'x'), '-q', ...args])));
    for (const [i, [args, message, code]] of cases.entries()) {
      const r = results[i];
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.code, args.join(' ')).toBe(code);
    }
  });
});

describe('specdrift clients', () => {
  it('a config without a clients section is a config error (exit 9)', async () => {
    const file = join(work, 'empty.config.json');
    await writeFile(file, '{}\n');
    const r = await cliAsync(['clients', 'check', '--config', file]);
    expect(r.stderr).toMatch(/has no clients section — add "clients"/);
    expect(r.code).toBe(9);
  });
});

describe('--cache-dir', () => {
  it('a relative directory is taken from the working directory once, whatever directory a generator or compiler runs in', async () => {
    // it was passed on as given: a compat run with `--cache-dir .cache/x` died with ENOENT under the generators' own cwd
    const r = await cliAsync(['generators', 'prune', '--cache-dir', 'relative-cache'], { cwd: work, inProcess: true });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`generators prune: 0 removed from ${join(work, 'relative-cache', 'generators')}\n`);
    expect(r.code).toBe(0);
  });
});
