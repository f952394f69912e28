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

/**
 * Run the CLI inside this process (no node start-up per case: fuzzing needs hundreds of runs), capturing stdout
 * and stderr. Not for stdin (`-`) or anything that waits on this process's own servers. A case that takes longer
 * than `timeoutMs` rejects: a hang guard for asynchronous waits (a synchronous endless loop can only be caught by
 * running the real binary under a process timeout).
 */
export async function runInProcess(args: string[], opts: { timeoutMs?: number } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const exitCodeBefore = process.exitCode;
  const noColor = process.env.NO_COLOR;
  process.exitCode = undefined;
  process.env.NO_COLOR = '1';
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang guard: specdrift ${args.join(' ')} took over ${opts.timeoutMs ?? 30_000} ms`)), opts.timeoutMs ?? 30_000);
    });
    const code = await Promise.race([run(args), timeout]);
    // Node warnings (process.emitWarning) reach stderr on a later tick: count them for this case.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    clearTimeout(timer);
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    process.exitCode = exitCodeBefore;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
