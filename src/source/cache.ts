import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { crypto } from '../builtins.js';
import { writeFileAtomically } from '../output/write.js';

/** `$SPECDRIFT_CACHE_DIR`, else `$XDG_CACHE_HOME/specdrift`, else `~/.cache/specdrift`. */
export function defaultCacheDir(): string {
  if (process.env.SPECDRIFT_CACHE_DIR) return process.env.SPECDRIFT_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'specdrift');
}

export const cacheKey = (...parts: string[]): string => crypto().createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** A tiny content cache: one file per key under `<dir>/<bucket>/`. Missing or unreadable entries are misses. */
export class FileCache {
  constructor(
    readonly dir: string,
    readonly bucket: string,
  ) {}
  path(key: string): string {
    return join(this.dir, this.bucket, key);
  }
  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(key), 'utf8');
    } catch {
      return undefined;
    }
  }
  async set(key: string, value: string): Promise<void> {
    await writeFileAtomically(this.path(key), value, { createParents: true });
  }
}
