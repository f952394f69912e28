import { spawn } from 'node:child_process';
import { ExitCode, SpecdriftError } from '../errors.js';

export interface CommandOptions {
  timeoutMs?: number;
  cwd?: string;
}

/** Run a shell command (a spec generator such as `slurmrestd --generate-openapi-spec …`) and return its stdout. */
export function runSpecCommand(command: string, opts: CommandOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new SpecdriftError(`cmd:${command}: cannot start (${e.message})`, ExitCode.command));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8').trim();
      const lastLines = stderr.split('\n').slice(-3).join(' | ');
      if (timedOut) {
        reject(new SpecdriftError(`cmd:${command}: killed after ${Math.round(timeoutMs / 1000)} s`, ExitCode.command, { hint: 'raise --timeout' }));
      } else if (code !== 0) {
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
