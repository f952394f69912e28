/**
 * action.yml: its specdrift step (scripts/github-action.sh) run as GitHub runs it, with the GITHUB_* files set,
 * against the clone's built CLI instead of `npx specdrift@VERSION`.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/cli.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'github-action.sh');

async function runAction(inputs: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'specdrift-action-'));
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: REPO_ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    GITHUB_WORKSPACE: REPO_ROOT,
    SPECDRIFT_COMMAND: `${process.execPath} ${join(REPO_ROOT, 'bin', 'specdrift.js')}`,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const result = spawnSync('bash', [SCRIPT], { cwd: REPO_ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, 'utf8'), output: readFileSync(output, 'utf8'), dir };
}

describe('GitHub Action (action.yml)', () => {
  it('passes every input to its script step', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; steps: { id?: string; run?: string; env?: Record<string, string> }[] };
    };
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((s) => s.id === 'specdrift')!;
    expect(step.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/github-action.sh"');
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'node-version')) {
      expect(step.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], name).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('breaking changes: error annotations, a markdown summary, exit-code=1 and exit 1', async () => {
    const run = await runAction({ base: 'fixtures/slurm-like/v0.0.40.json', revision: 'fixtures/slurm-like/v0.0.41.json', 'fail-on': 'breaking', format: 'github' });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('specdrift: 6 breaking, 0 warnings, 0 info');
    const annotations = lines.slice(0, -1);
    expect(annotations).toHaveLength(6);
    expect(annotations.every((line) => line.startsWith('::error file=fixtures/slurm-like/v0.0.41.json,title=breaking%3A '))).toBe(true);
    expect(annotations).toContain(
      "::error file=fixtures/slurm-like/v0.0.41.json,title=breaking%3A request-property-required-added::schema `v0.0.41_job_desc_msg`: property 'current_working_directory' became required — affects POST /slurm/v0.0.41/job/submit — rule request-property-required-added, fingerprint 894cefb4a955c809",
    );
    // --format github wrote the job summary itself, once: titled by the versions, the files in its footer.
    expect(run.summary.match(/^# Slurm REST API v0\.0\.40 → v0\.0\.41$/gm)).toHaveLength(1);
    expect(run.summary).toContain('from fixtures/slurm-like/v0.0.40.json<br>New: ');
    expect(run.summary).toContain('- **Summary:** 6 breaking, 0 warnings, 0 info');
    expect(run.output).toBe('exit-code=1\n');
  });

  it('an accept list and extra args: accepted changes do not fail the job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-action-accept-'));
    const accept = join(dir, 'accept.yaml');
    writeFileSync(accept, 'accept:\n  - rule: "*"\n    reason: "test: everything is accepted"\n');
    const run = await runAction({ base: 'fixtures/slurm-like/v0.0.40.json', revision: 'fixtures/slurm-like/v0.0.41.json', accept, args: '--exclude-rule response-*' });
    expect(run.code).toBe(0);
    expect(run.output).toBe('exit-code=0\n');
    expect(run.summary).toContain('## Breaking');
    expect(run.summary).not.toContain('response-property-removed');
  });

  it('a source that does not exist: one error line, no summary, the exit code of a missing source', async () => {
    const run = await runAction({ base: 'fixtures/slurm-like/missing.json', revision: 'fixtures/slurm-like/v0.0.41.json' });
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.summary).toBe('');
    expect(run.output).toBe('exit-code=3\n');
  });
});
