import { ExitCode, SpecdriftError } from '../../errors.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCacheDir } from '../../source/cache.js';
import type { CompileResult, GenerateOptions, GenerateResult, GeneratorAdapter } from './types.js';

/** Bump when what we store in a client directory changes shape (compiled layout, drivers' expectations). */
const CACHE_FORMAT = '2';

/** Directory for generated clients: `<specdrift cache>/clients` (`$SPECDRIFT_CACHE_DIR`, `$XDG_CACHE_HOME/specdrift`, `~/.cache/specdrift`). */
export const defaultClientCacheDir = (): string => join(defaultCacheDir(), 'clients');

/** Key of a generated client: generator id and version, spec content, patches (order-insensitive). */
export function cacheKey(generatorId: string, generatorVersion: string, specText: string | Buffer, patches: readonly string[] = []): string {
  return createHash('sha256')
    .update([CACHE_FORMAT, generatorId, generatorVersion, [...patches].sort().join(','), ''].join('\0'))
    .update(specText)
    .digest('hex')
    .slice(0, 32);
}

export interface PrepareOptions extends GenerateOptions {
  /** Default {@link defaultClientCacheDir}. */
  cacheDir?: string;
  /** Regenerate even when a cached client exists (the new one replaces it). */
  refresh?: boolean;
}

export interface PreparedClient {
  /** The client's directory: pass it to `listOperations` and `run`. */
  dir: string;
  key: string;
  version: string;
  /** True when generation and compilation were skipped because the cache had them. */
  cached: boolean;
  generate: GenerateResult;
  compile: CompileResult;
}

interface Stored {
  generatorId: string;
  version: string;
  generate: GenerateResult;
  compile: CompileResult;
}

const MARKER = join('.specdrift', 'prepared.json');

/**
 * Generate and compile a client once per (generator, version, spec, patches) and reuse it afterwards.
 * Work happens in a private temporary directory renamed into place at the end, so concurrent runs of the same
 * key never see a half-written client (the loser of the race uses the winner's directory).
 * A generator failure throws (nothing is cached); a client that does not compile is cached with its errors.
 */
export async function prepareClient(adapter: GeneratorAdapter, specPath: string, opts: PrepareOptions = {}): Promise<PreparedClient> {
  const version = await adapter.version();
  const specText = await readFile(specPath);
  const key = cacheKey(adapter.id, version, specText, opts.patches);
  const root = join(opts.cacheDir ?? defaultClientCacheDir(), adapter.id.replace(/[^A-Za-z0-9._-]+/g, '_'));
  const dir = join(root, key);
  if (!opts.refresh) {
    const stored = await readStored(dir);
    if (stored) return { dir, key, version, cached: true, generate: stored.generate, compile: stored.compile };
  }
  await mkdir(root, { recursive: true });
  const work = join(root, `${key}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    const generate = await adapter.generate(specPath, work, opts);
    // Some generators (Swagger Codegen) exit 0 having written nothing; never cache an empty client.
    if (generate.files === 0) {
      throw new SpecdriftError(`${adapter.id}: the generator wrote no files for ${specPath}`, ExitCode.command, { hint: 'run it by hand to see why' });
    }
    // Nothing in a compiled client depends on its own path (links point at packages, requires are relative), so it can move.
    const compile = await adapter.compile(work);
    const record: Stored = { generatorId: adapter.id, version, generate, compile };
    await mkdir(join(work, '.specdrift'), { recursive: true });
    await writeFile(join(work, MARKER), JSON.stringify(record, null, 2));
    if (opts.refresh) await rm(dir, { recursive: true, force: true });
    try {
      await rename(work, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const winner = code === 'ENOTEMPTY' || code === 'EEXIST' ? await readStored(dir) : undefined;
      if (!winner) throw error;
      return { dir, key, version, cached: true, generate: winner.generate, compile: winner.compile };
    }
    return { dir, key, version, cached: false, generate, compile };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function readStored(dir: string): Promise<Stored | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Stored;
  } catch {
    return undefined;
  }
}
