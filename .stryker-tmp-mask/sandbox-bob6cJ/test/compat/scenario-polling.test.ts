/**
 * The scenario polling step (used against real clusters in real-slurm.integration.test.ts): its bounds and
 * matching, and the shipped Slurm scenario files. No cluster needed.
 */
// @ts-nocheck

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../src/compat/runner/index.js';
import { pollBounds, pollMatches } from '../../src/compat/runner/scenario.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

describe('scenario polling steps', () => {
  it('matches a value, or an item of an array value (job states are flag lists from 0.0.40 on)', () => {
    const until = { pointer: '/jobs/0/job_state', equals: 'COMPLETED' };
    expect(pollMatches(until, { jobs: [{ job_state: 'COMPLETED' }] }).matched).toBe(true);
    expect(pollMatches(until, { jobs: [{ job_state: ['COMPLETED'] }] }).matched).toBe(true);
    expect(pollMatches(until, { jobs: [{ job_state: ['RUNNING'] }] })).toEqual({ matched: false, value: ['RUNNING'] });
    expect(pollMatches(until, { jobs: [] })).toEqual({ matched: false, value: undefined });
    expect(pollMatches({ pointer: '/s', in: ['FAILED', 'COMPLETED'] }, { s: 'FAILED' }).matched).toBe(true);
  });

  it('is bounded in count and time', () => {
    const step = (extra: object) => parseScenario(JSON.stringify({ steps: [{ operation: 'x', until: { pointer: '/a', equals: 1 }, ...extra }] }), 's.json').steps[0];
    expect(pollBounds(step({}))).toEqual({ everyMs: 1000, timeoutMs: 60_000, attempts: 61 });
    expect(pollBounds(step({ every: '500ms', timeout: '2s' }))).toEqual({ everyMs: 500, timeoutMs: 2000, attempts: 5 });
    expect(pollBounds(step({ every: '1s', timeout: '1m', attempts: 3 })).attempts).toBe(3);
    expect(() => step({ timeout: '10 s' })).toThrow(/invalid scenario at \/steps\/0\/timeout/);
    expect(() => parseScenario('steps:\n  - operation: x\n    every: 1s\n', 's.yaml')).toThrow(/must have property until when property every is present/);
    expect(() => parseScenario('steps:\n  - operation: x\n    until: { pointer: /a, equals: 1, in: [1] }\n', 's.yaml')).toThrow(/\/steps\/0\/until/);
  });

  it('the Slurm job scenarios load, and each polls twice with bounds', async () => {
    const dir = join(repoRoot, 'fixtures', 'scenarios');
    const all = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    // slurmdb-*: the account/user scenario against slurmdbd polls until what it added reads back, within bounds.
    expect(all).toEqual(['slurm-22.05-v0.0.38.yaml', 'slurm-24.11-v0.0.40.yaml', 'slurm-24.11-v0.0.41.yaml', 'slurm-24.11-v0.0.42.yaml', 'slurmdb-24.11-v0.0.42.yaml']);
    const dbPolls = (await loadScenario(join(dir, 'slurmdb-24.11-v0.0.42.yaml'))).steps.filter((s) => s.until);
    expect(dbPolls.map((s) => s.until!.equals)).toEqual(['specdrift-acct', 'specdrift-user']);
    for (const s of dbPolls) expect(pollBounds(s).timeoutMs).toBeLessThanOrEqual(60_000);
    const files = all.filter((f) => f.startsWith('slurm-'));
    for (const file of files) {
      const scenario = await loadScenario(join(dir, file));
      const polls = scenario.steps.filter((s) => s.until);
      expect(polls.map((s) => s.until!.equals), file).toEqual(['COMPLETED', 'CANCELLED']);
      for (const s of polls) expect(pollBounds(s).timeoutMs).toBeLessThanOrEqual(60_000);
    }
  });
});
