/**
 * Files under a directory matching globs (picomatch), for generated-client directories.
 * Hand-written walk instead of fast-glob: fast-glob brings 18 packages into the core install for four call sites
 * that only list small trees (issue 11 keeps the core install under 60 packages); picomatch is already a dependency.
 */
// @ts-nocheck

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';

export interface GlobOptions {
  cwd: string;
  /** Globs of files and directories to leave out (`node_modules/**` prunes the whole directory). */
  ignore?: readonly string[];
  /** Let `*` and `**` match names starting with a dot (default false, as in fast-glob). */
  dot?: boolean;
  /** Absolute paths instead of paths relative to `cwd`. */
  absolute?: boolean;
}

/** Regular files (and symbolic links to files) matching any pattern; symbolic links to directories are not followed. */
export async function globFiles(patterns: string | readonly string[], opts: GlobOptions): Promise<string[]> {
  const options = { dot: opts.dot ?? false };
  const matches = picomatch([...(typeof patterns === 'string' ? [patterns] : patterns)], options);
  const ignored = opts.ignore && opts.ignore.length > 0 ? picomatch([...opts.ignore], { dot: true }) : () => false;
  const found: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    const entries = await readdir(join(opts.cwd, relativeDir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (ignored(path)) continue;
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) isFile = (await stat(join(opts.cwd, path)).catch(() => undefined))?.isFile() ?? false;
      if (entry.isDirectory()) await walk(path);
      else if (isFile && matches(path)) found.push(opts.absolute ? join(opts.cwd, path) : path);
    }
  };
  await walk('');
  return found;
}
