import { stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { childProcess } from '../builtins.js';
import { ExitCode, SpecdriftError } from '../errors.js';

/**
 * What the command will run, for the spec cache key: the resolved executable's path, size and mtime
 * (two installed slurmrestd versions, or two projects' wrappers, must not share a cached spec).
 * The first word that is not a `NAME=value` assignment is the program; quoting beyond that is not parsed.
 */
export async function commandIdentity(command: string, cwd = process.cwd()): Promise<string> {
  const words = command.trim().split(/\s+/);
  const program = (words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? '').replace(/^['"]|['"]$/g, '');
  if (program === '') return 'no-program';
  const candidates = program.includes('/')
    ? [isAbsolute(program) ? program : resolve(cwd, program)]
    : (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(isAbsolute(d) ? d : resolve(cwd, d), program));
  for (const path of candidates) {
    try {
      const s = await stat(path);
      if (s.isFile()) return `${path}\0${s.size}\0${s.mtimeMs}`;
    } catch {
      // not here: try the next PATH entry
    }
  }
  return `unresolved\0${program}`; // a shell builtin or function: the command line and cwd still key it
}

export interface CommandOptions {
  timeoutMs?: number;
  cwd?: string;
  /** Largest output accepted (stdout), in bytes; past it the command's process group is killed. */
  maxBytes?: number;
}

/** Run a shell command (a spec generator such as `slurmrestd --generate-openapi-spec …`) and return its stdout. */
export function runSpecCommand(command: string, opts: CommandOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills what the shell started too (a child holding stdout open
    // would otherwise keep the command "running" long after the limit).
    const child = childProcess().spawn('/bin/sh', ['-c', command], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let stopped = false; // killed for a limit: already rejected
    const stop = (error: SpecdriftError) => {
      if (stopped) return;
      stopped = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(error);
    };
    const timer = setTimeout(() => stop(new SpecdriftError(`cmd:${command}: killed after ${Math.round(timeoutMs / 1000)} s`, ExitCode.command, { hint: 'raise --timeout' })), timeoutMs);
    const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
    let outBytes = 0;
    let errBytes = 0;
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxBytes) {
        stop(new SpecdriftError(`cmd:${command}: printed more than ${maxBytes} bytes (--max-bytes); killed`, ExitCode.command, { hint: 'raise --max-bytes if the spec really is that large' }));
        return;
      }
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      // Only the last lines are shown: keep a bounded tail, not everything a chatty command prints.
      errBytes += b.length;
      err.push(b);
      while (errBytes > 65_536 && err.length > 1) errBytes -= err.shift()!.length;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new SpecdriftError(`cmd:${command}: cannot start (${e.message})`, ExitCode.command));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8').trim();
      const lastLines = stderr.split('\n').slice(-3).join(' | ');
      if (stopped) return; // already rejected when the limit struck
      if (code !== 0) {
        reject(
          new SpecdriftError(
            `cmd:${command}: exited with ${code ?? signal}${lastLines ? `: ${lastLines}` : ''}`,
            ExitCode.command,
            { hint: 'run the command by hand to see why it fails' },
          ),
        );
      } else {
        const stdout = Buffer.concat(out).toString('utf8');
        if (stdout.trim() === '') {
          reject(new SpecdriftError(`cmd:${command}: printed nothing on stdout${lastLines ? ` (stderr: ${lastLines})` : ''}`, ExitCode.command));
        } else resolve(stdout);
      }
    });
  });
}
