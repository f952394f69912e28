import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ExitCode, SpecdriftError } from '../errors.js';

const run = promisify(execFile);

/** `git show REV:path` from the repository around `cwd`. */
export async function readGitFile(rev: string, path: string, cwd = process.cwd()): Promise<string> {
  try {
    const { stdout } = await run('git', ['show', `${rev}:${path}`], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
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
  if (!/^[\w./@{}^~-]+$/.test(rev)) return false;
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}
