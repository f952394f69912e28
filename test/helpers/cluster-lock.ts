import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/**
 * Taken by every test suite that starts or stops a Slurm cluster (test/slurm-cluster.test.ts,
 * test/compat/real-slurm.test.ts): vitest runs files in parallel, and one suite's `stop` must never pull a
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
