// @ts-nocheck
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/specdrift.js', import.meta.url));

let oasdiffLink: string | undefined;
/** A symlink named `oasdiff` to the bin, as npm creates for an installed package (the clone does not depend on itself). */
function oasdiffBin(): string {
  if (!oasdiffLink) {
    oasdiffLink = join(mkdtempSync(join(tmpdir(), 'specdrift-bin-')), 'oasdiff');
    symlinkSync(BIN, oasdiffLink);
  }
  return oasdiffLink;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI (`npm test` builds dist/ first) as a user would, without colour, synchronously.
 * `bin: 'oasdiff'` runs it under its shorthand name through a symlink-like argv[1]. `timeout`: kill the process after
 * this many ms (then `code` is -1); default 120 s. Prefer `cliAsync`: while this waits, the test worker cannot answer
 * vitest, which on a loaded machine ends the run with "Timeout calling onTaskUpdate" although every test passed.
 */
export function cli(args: string[], opts: { input?: string; cwd?: string; bin?: 'specdrift' | 'oasdiff'; env?: Record<string, string>; timeout?: number } = {}): CliResult {
  const argv1 = opts.bin === 'oasdiff' ? oasdiffBin() : BIN;
  const result = spawnSync(process.execPath, [argv1, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env } as NodeJS.ProcessEnv,
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeout ?? 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface CliAsyncOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Text for stdin (spawned binary only). */
  input?: string;
  bin?: 'specdrift' | 'oasdiff';
  /** Kill the spawned binary after this many ms (then `code` is -1); default 120 s. */
  timeout?: number;
  /**
   * Run `run()` from src/cli/main.ts inside the test process (test/helpers/in-process.ts) instead of spawning the
   * built binary: the same code without ~0.7 s of CPU for Node's start-up and module load per call. Keep the real
   * binary for stdin, signals, `--debug` stack traces through dist/, the `oasdiff` link, and a command that must be
   * killed on a hang.
   */
  inProcess?: boolean;
}

/**
 * Run the CLI without blocking the test process (its own servers can answer the CLI, and vitest's worker stays
 * responsive): the built binary in a child process, or with `inProcess` the CLI's run() in this process.
 */
export async function cliAsync(args: string[], opts: CliAsyncOptions = {}): Promise<CliResult> {
  if (opts.inProcess) {
    if (opts.input !== undefined) throw new Error('cliAsync: stdin needs the spawned binary (leave out inProcess)');
    // Loaded on first use: a file that only spawns the binary does not pay for loading the whole CLI.
    const { runInProcess } = await import('./in-process.js');
    return runInProcess(args, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env, bin: opts.bin });
  }
  const argv1 = opts.bin === 'oasdiff' ? oasdiffBin() : BIN;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [argv1, ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env } as NodeJS.ProcessEnv,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.timeout ?? 120_000);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin?.on('error', () => {}); // the CLI may exit before reading all of stdin
    child.stdin?.end(opts.input);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: killed ? -1 : (code ?? -1), stdout, stderr });
    });
  });
}

/** The in-process run, by its short name: `await cliIn(['diff', a, b])`. */
export const cliIn = (args: string[], opts: Omit<CliAsyncOptions, 'inProcess' | 'input' | 'timeout'> = {}): Promise<CliResult> => cliAsync(args, { ...opts, inProcess: true });
