/**
 * Generator packages on demand: each pin (pins.ts) is installed on first use into
 * `<cache>/generators/<id>@<version>/` with `npm ci` from the lock file specdrift ships, so installs are
 * reproducible and integrity-checked.
 *
 * Safety: the install runs in a private temporary directory that is renamed into place only after npm succeeded
 * and every pinned package was found at its pinned version; a marker written last (with the lock's hash) is what
 * makes a directory trusted, so an interrupted install is never used. A lock directory per pin makes concurrent
 * runs wait for one install instead of downloading twice.
 */
// @ts-nocheck

import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { defaultCacheDir } from '../../source/cache.js';
import { type GeneratorPin, loadPins, pinName } from './pins.js';
import { lastLines, runCommand } from './process.js';

/** `<specdrift cache>/generators` (`$SPECDRIFT_CACHE_DIR`, `$XDG_CACHE_HOME/specdrift`, `~/.cache/specdrift`). */
export const defaultGeneratorCacheDir = (): string => join(defaultCacheDir(), 'generators');

const MARKER = '.specdrift-installed.json';
const LOCK_SUFFIX = '.lock';
const TMP_PREFIX = '.tmp-';
/** A lock whose owner is gone (other host, or older than this) is taken over. */
const STALE_LOCK_MS = 20 * 60_000;
const NPM_TIMEOUT_MS = 15 * 60_000;

export interface InstallMarker {
  id: string;
  version: string;
  lockHash: string;
  bytes: number;
  packages: number;
  ms: number;
  installedAt: string;
}

export interface InstallOptions {
  /** Default {@link defaultGeneratorCacheDir}. */
  root?: string;
  /** One line per step (`installing …`, `installed …`). */
  onProgress?: (line: string) => void;
  /** How often to look at another process's lock (default 500 ms). */
  pollMs?: number;
}

export const installDir = (pin: GeneratorPin, root: string = defaultGeneratorCacheDir()): string => join(root, pinName(pin));

/** The marker of a complete install made from the shipped lock, or undefined. */
export async function readMarker(pin: GeneratorPin, root: string = defaultGeneratorCacheDir()): Promise<InstallMarker | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(installDir(pin, root), MARKER), 'utf8')) as InstallMarker;
    return marker.lockHash === pin.lockHash ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Synchronous check for the adapters' package lookup (called after {@link ensureInstalled}). */
export function isInstalledSync(pin: GeneratorPin, root: string = defaultGeneratorCacheDir()): boolean {
  return existsSync(join(installDir(pin, root), MARKER));
}

/**
 * How npm is started: `$SPECDRIFT_NPM` (a program, or a .js/.cjs file run with this Node), else the npm that runs
 * us (`npm_execpath` under npx / npm scripts), else `npm` from PATH.
 */
function npmCommand(): { command: string; prefixArgs: string[] } {
  const configured = process.env.SPECDRIFT_NPM || process.env.npm_execpath;
  if (configured && /\.(c|m)?js$/.test(configured)) return { command: process.execPath, prefixArgs: [configured] };
  return { command: configured || 'npm', prefixArgs: [] };
}

async function sizeOf(dir: string): Promise<{ bytes: number; packages: number }> {
  let bytes = 0;
  let packages = 0;
  const walk = async (path: string, parent: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        // node_modules/<name> and node_modules/@scope/<name>, at any depth, are packages.
        if ((parent === 'node_modules' && !entry.name.startsWith('@') && !entry.name.startsWith('.')) || (parent.startsWith('@') && basename(dirname(path)) === 'node_modules')) packages++;
        await walk(full, entry.name);
      } else if (entry.isFile()) bytes += (await stat(full)).size;
    }
  };
  await walk(dir, '').catch(() => undefined);
  return { bytes, packages };
}

/** Bytes (and package.json count) of a directory tree, for `generators list`. */
export const diskUsage = sizeOf;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Take `<root>/<pin>.lock` (a directory: mkdir is atomic); waits while another live process holds it. */
async function acquireLock(lock: string, pollMs: number, onWait: () => void): Promise<() => Promise<void>> {
  let told = false;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'owner.json'), JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readFile(join(lock, 'owner.json'), 'utf8')
      .then((t) => JSON.parse(t) as { pid: number; host: string })
      .catch(() => undefined);
    const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
    const stale = owner ? (owner.host === hostname() ? !isAlive(owner.pid) : age > STALE_LOCK_MS) : age > 10_000;
    if (stale) {
      // Whoever renames the stale lock away first takes it over; the others see it gone and retry mkdir.
      const moved = `${lock}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
      if (await rename(lock, moved).then(() => true, () => false)) await rm(moved, { recursive: true, force: true });
      continue;
    }
    if (!told) onWait();
    told = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Install one pin unless a trusted install is there. Returns its marker. */
export async function installPin(pin: GeneratorPin, opts: InstallOptions = {}): Promise<InstallMarker & { cached: boolean }> {
  const root = opts.root ?? defaultGeneratorCacheDir();
  const say = opts.onProgress ?? (() => undefined);
  const existing = await readMarker(pin, root);
  if (existing) return { ...existing, cached: true };
  await mkdir(root, { recursive: true });
  const release = await acquireLock(join(root, `${pinName(pin)}${LOCK_SUFFIX}`), opts.pollMs ?? 500, () =>
    say(`waiting for another specdrift installing ${pinName(pin)}`),
  );
  const work = join(root, `${TMP_PREFIX}${pinName(pin)}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    // Someone else may have finished while we waited.
    const finished = await readMarker(pin, root);
    if (finished) return { ...finished, cached: true };
    const started = Date.now();
    say(`installing ${pinName(pin)} (${Object.keys(pin.dependencies).join(', ')}) into ${root}`);
    await mkdir(work, { recursive: true });
    await cp(join(pin.dir, 'package.json'), join(work, 'package.json'));
    await cp(join(pin.dir, 'package-lock.json'), join(work, 'package-lock.json'));
    const npm = npmCommand();
    // --ignore-scripts: no generator needs its install scripts (esbuild finds its platform binary package without
    // them; the others only print messages or send analytics), and running none is what a cache of tools should do.
    const args = [...npm.prefixArgs, 'ci', '--prefix', work, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
    const result = await runCommand(npm.command, args, { cwd: work, timeoutMs: NPM_TIMEOUT_MS, env: { npm_config_update_notifier: 'false' } });
    if (result.spawnError) {
      throw new SpecdriftError(`cannot install ${pinName(pin)}: npm not found (${result.spawnError})`, ExitCode.command, {
        hint: 'install Node.js with npm, or set SPECDRIFT_NPM to the npm program',
      });
    }
    if (result.code !== 0 || result.timedOut) {
      throw new SpecdriftError(`cannot install ${pinName(pin)}: npm ci failed: ${lastLines(result)}`, ExitCode.command, {
        hint: `check the network or the npm registry settings, then run \`specdrift generators install ${pin.id}\``,
      });
    }
    for (const [name, version] of Object.entries(pin.dependencies)) {
      const manifest = await readFile(join(work, 'node_modules', name, 'package.json'), 'utf8')
        .then((t) => JSON.parse(t) as { version?: string })
        .catch(() => undefined);
      if (manifest?.version !== version) {
        throw new SpecdriftError(`cannot install ${pinName(pin)}: npm ci did not install ${name}@${version} (found ${manifest?.version ?? 'nothing'})`, ExitCode.command);
      }
    }
    const size = await sizeOf(work);
    const marker: InstallMarker = { id: pin.id, version: pin.version, lockHash: pin.lockHash, ...size, ms: Date.now() - started, installedAt: new Date().toISOString() };
    await writeFile(join(work, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    // An older or broken install (other lock, no marker) goes; we hold the lock, so nobody is installing it.
    await rm(installDir(pin, root), { recursive: true, force: true });
    await rename(work, installDir(pin, root));
    say(`installed ${pinName(pin)}: ${formatBytes(marker.bytes)}, ${marker.packages} packages, ${(marker.ms / 1000).toFixed(1)} s`);
    return { ...marker, cached: false };
  } finally {
    await rm(work, { recursive: true, force: true });
    await release();
  }
}

export interface EnsureOptions extends InstallOptions {
  /** Never install: fail with one line naming what is missing. */
  offline?: boolean;
}

/** Make sure every pin is installed (in order, one at a time: npm itself downloads in parallel). */
export async function ensureInstalled(pins: readonly GeneratorPin[], opts: EnsureOptions = {}): Promise<void> {
  const root = opts.root ?? defaultGeneratorCacheDir();
  if (opts.offline) {
    const missing: GeneratorPin[] = [];
    for (const pin of pins) if (!(await readMarker(pin, root))) missing.push(pin);
    if (missing.length > 0) {
      throw new SpecdriftError(`generator packages not installed (--offline): ${missing.map(pinName).join(', ')}`, ExitCode.command, {
        hint: `install them with network access first: specdrift generators install ${missing.map((p) => p.id).join(' ')}`,
      });
    }
    return;
  }
  for (const pin of pins) await installPin(pin, { ...opts, root });
}

export interface CacheEntry {
  name: string;
  path: string;
  /** Why prune removes it. */
  reason: 'not pinned' | 'incomplete' | 'stale lock file';
}

/** What `generators prune` removes: installs of versions no longer pinned, half installs, and locks of dead processes. */
export async function prunable(root: string = defaultGeneratorCacheDir(), pins: readonly GeneratorPin[] = loadPins()): Promise<CacheEntry[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: CacheEntry[] = [];
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.name.startsWith(TMP_PREFIX)) {
      // A temporary directory of a live install on this host is in use; others are leftovers.
      const pid = Number(/-(\d+)-[a-z0-9]+$/.exec(entry.name)?.[1]);
      if (!(pid && pid !== process.pid && isAlive(pid))) found.push({ name: entry.name, path, reason: 'incomplete' });
      continue;
    }
    if (entry.name.endsWith(LOCK_SUFFIX)) {
      const owner = await readFile(join(path, 'owner.json'), 'utf8')
        .then((t) => JSON.parse(t) as { pid: number; host: string })
        .catch(() => undefined);
      if (!owner || (owner.host === hostname() && !isAlive(owner.pid))) found.push({ name: entry.name, path, reason: 'stale lock file' });
      continue;
    }
    const pin = pins.find((p) => pinName(p) === entry.name);
    if (!pin) found.push({ name: entry.name, path, reason: 'not pinned' });
    else if (!(await readMarker(pin, root))) found.push({ name: entry.name, path, reason: 'incomplete' });
  }
  return found;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
