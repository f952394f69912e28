import type { ExecFileOptions, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { childProcess } from '../builtins.js';
import { ExitCode, SpecdriftError } from '../errors.js';

let execFileAsync: typeof execFile.__promisify__ | undefined;
const run = (file: string, args: readonly string[], options: ExecFileOptions) => (execFileAsync ??= promisify(childProcess().execFile))(file, args, { ...options, encoding: 'utf8' });

/**
 * A revision or path that git could read as an option (`--output=/victim`) is refused before git runs; the
 * argument also goes after `--end-of-options`, so a value that slips past this check is never an option.
 */
function checkGitArgument(what: 'revision' | 'path', value: string, source: string): void {
  if (value === '' || value.startsWith('-') || /[\0\n\r]/.test(value)) {
    throw new SpecdriftError(`${source}: invalid git ${what} '${value.replace(/[\0\n\r]/g, '?')}'`, ExitCode.usage, {
      hint: `a git ${what} must be non-empty, must not start with '-' and must not contain control characters`,
    });
  }
}

/** `git show REV:path` from the repository around `cwd`. */
export async function readGitFile(rev: string, path: string, cwd = process.cwd()): Promise<string> {
  checkGitArgument('revision', rev, `git:${rev}:${path}`);
  checkGitArgument('path', path, `git:${rev}:${path}`);
  try {
    const { stdout } = await run('git', ['show', '--end-of-options', `${rev}:${path}`], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { code?: string | number; stderr?: string };
    if (e.code === 'ENOENT') throw new SpecdriftError('git is not installed', ExitCode.sourceNotFound);
    const line = (e.stderr ?? '').trim().split('\n')[0] || 'git show failed';
    throw new SpecdriftError(`git:${rev}:${path}: ${line.replace(/^fatal: /, '')}`, ExitCode.sourceNotFound, {
      hint: 'check the revision (git log) and the path relative to the repository root',
    });
  }
}

/** True when `rev` names a commit in the repository around `cwd` (used to read `REV:path` without the `git:` prefix). */
export async function isGitRevision(rev: string, cwd = process.cwd()): Promise<boolean> {
  if (rev.startsWith('-') || !/^[\w./@{}^~-]+$/.test(rev)) return false;
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}
