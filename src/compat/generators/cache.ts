import { ExitCode, SpecdriftError } from '../../errors.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { globFiles } from '../glob.js';
import { defaultCacheDir } from '../../source/cache.js';
import type { CompileResult, GenerateOptions, GenerateResult, GeneratorAdapter } from './types.js';

/** Bump when what we store in a client directory changes shape (compiled layout, drivers' expectations). */
const CACHE_FORMAT = '2';

/** Directory for generated clients: `<specdrift cache>/clients` (`$SPECDRIFT_CACHE_DIR`, `$XDG_CACHE_HOME/specdrift`, `~/.cache/specdrift`). */
export const defaultClientCacheDir = (): string => join(defaultCacheDir(), 'clients');

/**
 * Key of a generated client: generator id and version, the adapter's recipe (the exact command with placeholder
 * paths, its options, patches on offer and our adapter revision: {@link GeneratorAdapter.recipe}), the patches asked
 * for (order-insensitive) and the spec's bytes. Anything that changes the generated or compiled client changes the key.
 */
export function cacheKey(generatorId: string, generatorVersion: string, specText: string | Buffer, patches: readonly string[] = [], recipe = ''): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, generatorId, generatorVersion, [...patches].sort(), recipe]))
    .update('\0')
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
  /** sha256 of every file of the client (sources and compiled output) when it was made: a cached client is used only while they all match. */
  files?: Record<string, string>;
}

/**
 * What is hashed: everything in the client directory except our marker, linked packages, Python bytecode (written
 * again on import), drivers (written next to the build for one run and removed; the Java driver, compiled on first
 * run when the client itself did not compile, is named by its source's hash) and typed access checks (derived from
 * the client and the spec after it was made, see typed-check.ts).
 */
const UNHASHED = ['node_modules/**', '.specdrift/prepared.json', '.specdrift/typed/**', '.specdrift/java-driver-*/**', '**/driver-*', '**/__pycache__/**'];

async function hashFiles(dir: string): Promise<Record<string, string>> {
  const files = (await globFiles('**/*', { cwd: dir, dot: true, ignore: UNHASHED })).sort();
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file] = createHash('sha256').update(await readFile(join(dir, file))).digest('hex');
  return hashes;
}

/** The files that differ from the manifest (changed, added, removed); empty when the client is as it was made. */
export async function cacheDrift(dir: string, recorded: Record<string, string>): Promise<string[]> {
  const now = await hashFiles(dir);
  const names = new Set([...Object.keys(now), ...Object.keys(recorded)]);
  return [...names].filter((name) => now[name] !== recorded[name]).sort();
}

const MARKER = join('.specdrift', 'prepared.json');

/**
 * Generate and compile a client once per {@link cacheKey} (generator, version, recipe, patches, spec) and reuse it afterwards.
 * Work happens in a private temporary directory renamed into place at the end, so concurrent runs of the same
 * key never see a half-written client (the loser of the race uses the winner's directory).
 * A generator failure throws (nothing is cached); a client that does not compile is cached with its errors.
 */
export async function prepareClient(adapter: GeneratorAdapter, specPath: string, opts: PrepareOptions = {}): Promise<PreparedClient> {
  const version = await adapter.version();
  const specText = await readFile(specPath);
  const key = cacheKey(adapter.id, version, specText, opts.patches, await adapter.recipe());
  // Absolute: generators run inside the client directory, where a relative cache path would point elsewhere.
  const root = join(resolve(opts.cacheDir ?? defaultClientCacheDir()), adapter.id.replace(/[^A-Za-z0-9._-]+/g, '_'));
  const dir = join(root, key);
  // A cache is never trusted as such: an entry is used only while every file hashes as when it was made; an entry
  // edited since (or from before hashes were kept) is made again.
  let stale = false;
  if (!opts.refresh) {
    const stored = await readStored(dir);
    if (stored && stored.files && (await cacheDrift(dir, stored.files)).length === 0) return { dir, key, version, cached: true, generate: stored.generate, compile: stored.compile };
    stale = stored !== undefined;
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
    await mkdir(join(work, '.specdrift'), { recursive: true });
    const record: Stored = { generatorId: adapter.id, version, generate, compile, files: await hashFiles(work) };
    await writeFile(join(work, MARKER), JSON.stringify(record, null, 2));
    if (opts.refresh || stale) await rm(dir, { recursive: true, force: true });
    try {
      await rename(work, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const winner = code === 'ENOTEMPTY' || code === 'EEXIST' ? await readStored(dir) : undefined;
      // (another run made the same client meanwhile: its hashes were just written, so it is used as it is)
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
