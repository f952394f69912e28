import { chmod, chown, lstat, mkdir, open, readlink, realpath, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { crypto } from '../builtins.js';
import { ExitCode, SpecdriftError } from '../errors.js';

export interface WriteOptions {
  /** Create missing parent directories (caches do; a user's `-o` does not: a typo'd directory is an error). */
  createParents?: boolean;
  /** Write to the file a symlink points at; otherwise a symlink to a regular file is refused. */
  followSymlinks?: boolean;
}

const fail = (path: string, why: string, hint: string): SpecdriftError => new SpecdriftError(`cannot write ${path}: ${why}`, ExitCode.output, { hint });

/** Temp files being written: removed if the process is interrupted (SIGINT/SIGTERM), so none is left behind. */
const pendingTemps = new Set<string>();
let handlersInstalled = false;
function cleanUpOnSignal(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temp of pendingTemps) {
        try {
          unlinkSync(temp); // synchronous on purpose: the process is about to end
        } catch {
          /* already gone */
        }
      }
      process.kill(process.pid, signal);
    });
  }
}

const statOrUndefined = async (path: string, follow: boolean): Promise<Stats | undefined> => {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
};

/**
 * Write a file so that readers never see half of it: temp file in the same directory, then rename over the
 * target, keeping a replaced file's mode (and owner, where allowed). Only regular files are replaced that
 * way: a device, FIFO or socket (`-o /dev/stdout`, `-o /dev/null`) is written through, a directory is an
 * error, and a symlink is refused unless `followSymlinks` (renaming over it would replace the link, and
 * following it silently lets a planted link redirect the write).
 */
export async function writeFileAtomically(path: string, content: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  let existing: Stats | undefined;
  let isLink = false;
  try {
    existing = await statOrUndefined(path, false);
    isLink = existing?.isSymbolicLink() === true;
    if (isLink) {
      const target = await statOrUndefined(path, true);
      if (target !== undefined && !target.isFile() && !target.isDirectory()) existing = target; // /dev/stdout → pipe or tty
      else if (!opts.followSymlinks) throw fail(path, 'it is a symbolic link', 'write to the real path, or pass --follow-symlinks');
      else existing = target;
    }
  } catch (err) {
    if (err instanceof SpecdriftError) throw err;
    throw fail(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message, 'check the path');
  }
  if (existing?.isDirectory()) throw fail(path, 'it is a directory', 'give a file name');
  if (existing !== undefined && !existing.isFile()) {
    // Devices, FIFOs, sockets: write through; there is nothing to replace atomically.
    try {
      await writeFile(path, content);
      return;
    } catch (err) {
      throw fail(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message, 'check that it is writable');
    }
  }
  const target = isLink ? await realTarget(path) : path; // only reached for a link when following is allowed
  const dir = dirname(target);
  if (opts.createParents) {
    await mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw fail(target, err.code ?? err.message, 'check that the directory can be created');
    });
  } else {
    const parent = await statOrUndefined(dir, true).catch(() => undefined);
    if (parent === undefined || !parent.isDirectory()) throw fail(target, `directory ${dir} does not exist`, 'create the directory first');
  }
  const temp = join(dir, `.${basename(target)}.${process.pid}.${crypto().randomBytes(4).toString('hex')}.tmp`);
  cleanUpOnSignal();
  pendingTemps.add(temp);
  try {
    await writeFile(temp, content, { mode: existing ? existing.mode & 0o7777 : 0o666 });
    if (existing) {
      await chmod(temp, existing.mode & 0o7777);
      await chown(temp, existing.uid, existing.gid).catch(() => undefined);
    }
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw fail(target, (err as NodeJS.ErrnoException).code ?? (err as Error).message, 'check that the directory exists and is writable');
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Where a symlink finally points (also when that file does not exist yet). */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(dirname(path), await readlink(path));
  }
}

/** An append-only JSON-lines log (serve/proxy `--log`). */
export interface LineLog {
  write(line: string): void;
  end(): Promise<void>;
}

/**
 * Opens `path` for appending now, so that an unwritable path is one error line (exit 8) before anything is
 * served. A write that fails later (full disk, revoked permission) is said once on stderr and the log stops;
 * the server goes on serving.
 */
export async function openLineLog(path: string, onError: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<LineLog> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'a');
  } catch (err) {
    throw fail(path, (err as NodeJS.ErrnoException).code ?? (err as Error).message, 'give a writable --log path');
  }
  const stream = handle.createWriteStream();
  let broken = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    onError(`specdrift: warning: cannot write the log ${path} (${err.code ?? err.message}); logging stopped, still serving`);
  });
  return {
    write(line) {
      if (!broken) stream.write(line.endsWith('\n') ? line : `${line}\n`);
    },
    end: () => new Promise<void>((resolve) => (broken ? (stream.destroy(), resolve()) : stream.end(resolve))),
  };
}
