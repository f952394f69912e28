// @ts-nocheck
import { run } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';

type Write = typeof process.stdout.write;

/** A stand-in for stream.write that keeps what was written and calls back (emit() waits for the callback). */
function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as Write;
}

export interface InProcessOptions {
  /** Working directory for this run (process.chdir: needs vitest's `forks` pool, which both configs use). */
  cwd?: string;
  /** Variables set for this run only; `undefined` unsets one. */
  env?: Record<string, string | undefined>;
  /** The name the CLI was started as (`oasdiff A B` is `specdrift diff A B`). */
  bin?: 'specdrift' | 'oasdiff';
  timeoutMs?: number;
}

/**
 * Run the CLI inside this process, capturing stdout and stderr: the same `run()` that bin/specdrift.js calls, without
 * a Node start-up and module load per call (~0.7 s of CPU each). Not for stdin (`-`), process signals or anything
 * that waits on this process's own servers synchronously. Runs one at a time (cwd, env and the streams are the
 * process's): tests in a file run in sequence. A case that takes longer than `timeoutMs` rejects: a hang guard for
 * asynchronous waits (a synchronous endless loop can only be caught by running the real binary under a process
 * timeout).
 */
export async function runInProcess(args: string[], opts: InProcessOptions = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  // yargs prints --help and its messages through console.log/error, which vitest captures for its own report.
  const consoleLog = console.log;
  const consoleError = console.error;
  const exitCodeBefore = process.exitCode;
  const cwdBefore = process.cwd();
  const envBefore = new Map<string, string | undefined>();
  for (const name of ['NO_COLOR', 'FORCE_COLOR', ...Object.keys(opts.env ?? {})]) envBefore.set(name, process.env[name]);
  const setEnv = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  process.exitCode = undefined;
  setEnv('NO_COLOR', '1');
  setEnv('FORCE_COLOR', undefined);
  for (const [name, value] of Object.entries(opts.env ?? {})) setEnv(name, value);
  if (opts.cwd) process.chdir(opts.cwd);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  console.log = (...parts: unknown[]) => void out.push(`${parts.map(String).join(' ')}\n`);
  console.error = (...parts: unknown[]) => void err.push(`${parts.map(String).join(' ')}\n`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang guard: specdrift ${args.join(' ')} took over ${timeoutMs} ms`)), timeoutMs);
    });
    const code = await Promise.race([run(args, { bin: opts.bin }), timeout]);
    // Node warnings (process.emitWarning) reach stderr on a later tick: count them for this case.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    clearTimeout(timer);
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    console.log = consoleLog;
    console.error = consoleError;
    process.exitCode = exitCodeBefore;
    process.chdir(cwdBefore);
    for (const [name, value] of envBefore) setEnv(name, value);
  }
}
