/**
 * Committed generated clients: `clients generate` writes chosen generators' clients for pinned specs under
 * `<out>/<generator>/<spec-id>/`; `clients check` regenerates them into a temporary directory and reports drift as a
 * unified diff (a new generator version, an edited spec, a hand-edited file all show up).
 */
// @ts-nocheck

import { spawn } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { JsonObject } from '../../openapi/types.js';
import { type GeneratorAdapter, prepareClient } from '../generators/index.js';
import { resolvePatches } from './patches.js';
import { pool } from './pool.js';
import { clientDir, clientSourceFiles, MANIFEST, writeClientSources } from './sources.js';
import { specIdentity, specIdStem } from './spec-id.js';
import type { ProgressEvent } from './types.js';

export interface PinnedSpec {
  /** As written in the config (a path relative to it): recorded in each client's manifest. */
  label: string;
  /** The file generators read. */
  path: string;
  doc: JsonObject;
}

export interface ClientsOptions {
  specs: readonly PinnedSpec[];
  generators: readonly GeneratorAdapter[];
  /** Where committed clients live (absolute, or relative to the current directory). */
  outDir: string;
  patches?: string[];
  cacheDir?: string;
  refresh?: boolean;
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface WrittenClient {
  generator: string;
  version: string;
  spec: string;
  specId: string;
  /** Relative to the current directory. */
  dir: string;
  files: number;
  cached: boolean;
  /** Compile errors of the client (it is written anyway: it is what the generator produces). */
  compileErrors: string[];
  /** Generator failure (nothing written). */
  error?: string;
}

interface Pair {
  spec: PinnedSpec;
  adapter: GeneratorAdapter;
}

function eachPair<R>(opts: ClientsOptions, job: (pair: Pair) => Promise<R>): Promise<R[]> {
  const pairs = opts.specs.flatMap((spec) => opts.generators.map((adapter) => ({ spec, adapter })));
  return pool(pairs, opts.concurrency ?? 2, job);
}

/** Generate (or take from the cache) and write every (spec, generator) client under `outDir`. */
export async function generateClients(opts: ClientsOptions): Promise<WrittenClient[]> {
  const patches = resolvePatches(opts.generators, opts.patches);
  return eachPair(opts, async ({ spec, adapter }) => {
    const identity = specIdentity(spec.doc, await readFile(spec.path));
    const target = clientDir(opts.outDir, adapter.id, identity.id);
    const chosen = patches.get(adapter.id) ?? [];
    opts.onProgress?.({ generator: adapter.id, phase: 'preparing', detail: spec.label });
    const base = { generator: adapter.id, spec: spec.label, specId: identity.id, dir: relative(process.cwd(), target) };
    const why = await adapter.unavailable();
    if (why) return { ...base, version: '', files: 0, cached: false, compileErrors: [], error: `unavailable: ${why}` };
    try {
      const prepared = await prepareClient(adapter, resolve(spec.path), { cacheDir: opts.cacheDir, refresh: opts.refresh, patches: chosen });
      const files = await writeClientSources(prepared.dir, target, { generator: adapter.id, version: prepared.version, spec: spec.label, specSha256: identity.sha256, patches: chosen });
      opts.onProgress?.({ generator: adapter.id, phase: 'done', detail: `${files} file${files === 1 ? '' : 's'} in ${base.dir}${prepared.cached ? ' (cached)' : ''}` });
      return { ...base, version: prepared.version, files, cached: prepared.cached, compileErrors: prepared.compile.errors };
    } catch (error) {
      opts.onProgress?.({ generator: adapter.id, phase: 'failed', detail: (error as Error).message });
      return { ...base, version: await adapter.version().catch(() => ''), files: 0, cached: false, compileErrors: [], error: (error as Error).message };
    }
  });
}

export type DriftState = 'same' | 'changed' | 'missing' | 'failed';

export interface DriftEntry {
  generator: string;
  spec: string;
  /** Where the regenerated client belongs (relative to the current directory). */
  expected: string;
  /** The committed directory compared with it (same generator and spec, the spec's hash may differ). */
  committed?: string;
  state: DriftState;
  /** `committed … renamed to …` when the spec id changed, the generator failure, … */
  note?: string;
  /** Unified diff (committed → regenerated), empty when the same. */
  diff: string;
}

export interface DriftReport {
  clean: boolean;
  entries: DriftEntry[];
  /** Committed client directories of the configured generators that the config no longer produces. */
  stale: string[];
}

/** Regenerate into a temporary directory and compare with what is committed under `outDir`. */
export async function checkClients(opts: ClientsOptions): Promise<DriftReport> {
  const temp = await mkdtemp(join(tmpdir(), 'specdrift-clients-check-'));
  try {
    const regenerated = await generateClients({ ...opts, outDir: temp });
    const expectedDirs = new Set<string>();
    const entries: DriftEntry[] = [];
    for (const client of regenerated) {
      const expected = clientDir(opts.outDir, client.generator, client.specId);
      expectedDirs.add(resolve(expected));
      const base = { generator: client.generator, spec: client.spec, expected: relative(process.cwd(), expected) };
      if (client.error) {
        entries.push({ ...base, state: 'failed', note: client.error, diff: '' });
        continue;
      }
      const committed = await findCommitted(opts.outDir, client.generator, client.specId);
      if (!committed) {
        entries.push({ ...base, state: 'missing', note: `nothing committed for ${client.generator} × ${client.spec}; run specdrift clients generate`, diff: '' });
        continue;
      }
      const committedRel = relative(process.cwd(), committed);
      const diff = await diffDirectories(committed, resolve(temp, relative(resolve(opts.outDir), resolve(expected))), base.expected);
      const renamed = resolve(committed) !== resolve(expected) ? `committed as ${committedRel}, the spec now gives ${base.expected}` : undefined;
      entries.push({ ...base, committed: committedRel, state: diff === '' && !renamed ? 'same' : 'changed', ...(renamed ? { note: renamed } : {}), diff });
    }
    const stale: string[] = [];
    for (const generator of new Set(opts.generators.map((g) => g.id))) {
      const parent = clientDir(opts.outDir, generator, '');
      for (const name of await readdir(parent).catch(() => [] as string[])) {
        const dir = join(parent, name);
        if (!expectedDirs.has(resolve(dir)) && !entries.some((e) => e.committed !== undefined && resolve(e.committed) === resolve(dir))) stale.push(relative(process.cwd(), dir));
      }
    }
    return { clean: entries.every((e) => e.state === 'same') && stale.length === 0, entries, stale: stale.sort() };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The committed directory for this generator and spec: the exact spec id, else one with the same stem (the spec was edited). */
async function findCommitted(outDir: string, generator: string, specId: string): Promise<string | undefined> {
  const parent = clientDir(outDir, generator, '');
  const names = await readdir(parent).catch(() => [] as string[]);
  if (names.includes(specId)) return join(parent, specId);
  const stem = specIdStem(specId);
  const same = names.filter((n) => specIdStem(n) === stem).sort();
  return same.length > 0 ? join(parent, same[0]) : undefined;
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; error?: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (error) => done({ code: null, stdout, error: error.message }));
    child.on('close', (code) => done({ code, stdout, ...(code !== 0 && code !== 1 ? { error: stderr.trim() } : {}) }));
  });
}

/**
 * Unified diff of two client directories, with both sides named by `label` (`a/<label>/api.ts b/<label>/api.ts`).
 * `git diff --no-index` does the work (exit 1 means "different"); without git, a list of differing files.
 */
export async function diffDirectories(committed: string, regenerated: string, label: string): Promise<string> {
  const a = resolve(committed);
  const b = resolve(regenerated);
  const result = await run('git', ['-c', 'core.quotepath=off', 'diff', '--no-index', '--no-color', '--no-ext-diff', '--no-renames', '--', a, b]);
  if (result.code === 0) return '';
  if (result.code === 1 && !result.error) {
    const strip = (p: string) => p.replace(/^\/+/, '');
    return result.stdout.split(strip(a)).join(label).split(strip(b)).join(label);
  }
  return listDifferences(a, b, label);
}

async function listDifferences(a: string, b: string, label: string): Promise<string> {
  const [left, right] = await Promise.all([clientSourceFiles(a), clientSourceFiles(b)]);
  const lines: string[] = [];
  for (const file of [...new Set([...left, ...right, MANIFEST])].sort()) {
    const [x, y] = await Promise.all([readFile(join(a, file)).catch(() => undefined), readFile(join(b, file)).catch(() => undefined)]);
    if (x === undefined && y === undefined) continue;
    if (x === undefined) lines.push(`added:   ${label}/${file}`);
    else if (y === undefined) lines.push(`removed: ${label}/${file}`);
    else if (!x.equals(y)) lines.push(`changed: ${label}/${file}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n(git not found: install git for a unified diff)\n`;
}
