// @ts-nocheck
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** Set when the program could not be started (ENOENT …). */
  spawnError?: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs: number;
}

const MAX_OUTPUT = 8 * 1024 * 1024;

/**
 * Run a program without a shell, capturing its output. On timeout the whole process group is killed
 * (generators such as Kubb and the Java jars start children of their own).
 */
export function runCommand(command: string, args: string[], opts: CommandOptions): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, opts.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, ms: Date.now() - started, timedOut, spawnError: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export const stripAnsi = (text: string): string => text.replace(ANSI, '');

/** Lines of generator output that are warnings, trimmed and de-duplicated (generators repeat themselves a lot). */
export function warningLines(output: string, limit = 50): string[] {
  const seen = new Set<string>();
  for (const raw of stripAnsi(output).split(/\r?\n/)) {
    const line = raw.trim();
    if (line && /\bwarn(ing)?\b|⚠/i.test(line)) seen.add(line.length > 400 ? `${line.slice(0, 400)}…` : line);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

/** The last few meaningful lines of a failed command, for a one-line error. */
export function lastLines(result: CommandResult, count = 3): string {
  if (result.spawnError) return result.spawnError;
  if (result.timedOut) return `timed out after ${result.ms} ms`;
  const lines = stripAnsi(`${result.stderr}\n${result.stdout}`)
    .split(/\r?\n/)
    .map((l) => l.trim())
    // Java stack frames say where the generator failed, not why: the cause is the exception line above them.
    .filter((l) => l && !/^at [\w$.<>]+\(.*\)$/.test(l) && !/^\.\.\. \d+ (more|common frames omitted)$/.test(l));
  return lines.slice(-count).join(' | ') || `exit code ${result.code}`;
}
