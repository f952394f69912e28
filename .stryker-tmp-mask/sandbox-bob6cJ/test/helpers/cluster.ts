/** What every test that starts a real Slurm cluster (scripts/slurm-cluster.sh) shares: the script, the lock, the work dir. */
// @ts-nocheck

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../src/openapi/types.js';
import { createHash } from 'node:crypto';
import { describeIntegration } from './integration.js';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/**
 * Taken by every test suite that starts or stops a Slurm cluster (test/slurm-cluster.integration.test.ts,
 * test/compat/real-slurm.integration.test.ts): vitest runs files in parallel, and one suite's `stop` must never pull a
 * cluster from under another (24.11 has a single chroot mount point).
 */
export const CLUSTER_LOCK = join(repoRoot, '.cache', 'slurm-cluster.test-lock');

/**
 * An exclusive lock across processes: `flock` (util-linux) holds it while its `cat` reads our stdin; closing stdin
 * releases it. Node has no flock of its own, and vitest runs test files in parallel processes.
 */
export async function takeLock(file: string, timeoutMs = 600_000): Promise<() => Promise<void>> {
  mkdirSync(dirname(file), { recursive: true });
  const holder: ChildProcess = spawn('flock', ['-w', String(Math.ceil(timeoutMs / 1000)), file, '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${file} gave up (exit ${code})`)));
    holder.once('error', reject);
  });
  return () =>
    new Promise<void>((resolve) => {
      if (holder.exitCode !== null) return resolve();
      holder.once('exit', () => resolve());
      holder.stdin!.end();
    });
}


/**
 * Where test clusters live. slurmrestd runs as `nobody`, which cannot enter a checkout cloned into a 0700 temp dir
 * (as CI does), so tests always use a per-checkout directory under /var/tmp.
 */
export const CLUSTER_DIR =
  process.env.SPECDRIFT_SLURM_CLUSTER_DIR ?? `/var/tmp/specdrift-slurm-cluster-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}`;

const script = join(repoRoot, 'scripts', 'slurm-cluster.sh');

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `scripts/slurm-cluster.sh COMMAND VERSION` with the test work dir; never rejects (the exit code is in the result). */
export function runClusterScript(command: string, version: string, timeoutMs = 600_000, extraEnv: Record<string, string> = {}, extraArgs: string[] = []): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile('bash', [script, command, version, ...extraArgs], { timeout: timeoutMs, env: { ...process.env, SPECDRIFT_SLURM_CLUSTER_DIR: CLUSTER_DIR, ...extraEnv } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** `KEY=value` lines (with or without `export `), as `start` and `env` print them → object. */
export const parseEnv = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^(?:export )?([A-Z_]+)=(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );

/**
 * `describe` for a suite that starts a cluster: it runs in the integration suite, whose global setup has checked
 * root on Debian bookworm (or failed the run); in a unit file it is one failing test saying where it belongs.
 */
export const describeCluster = describeIntegration;

/**
 * A cluster for one suite: `start` (beforeAll) takes the lock, starts it and reads the env and the served spec;
 * `stop` (afterAll) stops it and always releases the lock, also after a failure.
 */
export function useCluster(version: string, timeoutMs = 600_000, options: { withDbd?: boolean } = {}) {
  let env: Record<string, string> = {};
  let release: (() => Promise<void>) | undefined;
  return {
    env: () => env,
    /** The document the running slurmrestd serves (saved by `start`). */
    served: (): JsonObject => JSON.parse(readFileSync(join(CLUSTER_DIR, version, 'served-openapi.json'), 'utf8')) as JsonObject,
    async start(): Promise<void> {
      release = await takeLock(CLUSTER_LOCK);
      const result = await runClusterScript('start', version, timeoutMs, {}, options.withDbd ? ['--with-dbd'] : []);
      if (result.code !== 0) throw new Error(`slurm-cluster.sh start ${version}${options.withDbd ? ' --with-dbd' : ''} failed (exit ${result.code}): ${result.stderr.trim()}`);
      env = parseEnv(result.stdout);
    },
    /** `verify` runs after the stop and before the lock goes, so no other suite's cluster can confuse it. */
    async stop(verify?: (stopped: ScriptResult) => Promise<void> | void): Promise<ScriptResult | undefined> {
      if (release === undefined) return undefined;
      try {
        const stopped = await runClusterScript('stop', version);
        await verify?.(stopped);
        return stopped;
      } finally {
        await release();
        release = undefined;
      }
    },
  };
}
