/**
 * The compat pipeline: source → spec file for the generators → validate → run every generator → report. And the
 * committed-clients flow behind `clients generate|check` (settings from the config's `clients` section).
 * The CLI parses arguments and prints; this module composes the stages.
 */
// @ts-nocheck

import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ExitCode, SpecdriftError, usageError } from '../errors.js';
import { generatorsById } from '../compat/generators/index.js';
import { provisionGenerators } from '../compat/generators/provision.js';
import {
  checkClients,
  type DriftReport,
  generateClients,
  loadScenario,
  type PinnedSpec,
  type ProgressEvent,
  runCompat,
  type ServerChoice,
  type WrittenClient,
} from '../compat/runner/index.js';
import type { CompatReport } from '../compat/runner/types.js';
import type { LoadedConfig } from '../source/config.js';
import type { LoadedSpec } from '../openapi/types.js';
import { validateSpec } from '../openapi/validate/index.js';

export interface CompatPipelineOptions {
  /** Generator ids, `all`, `ts`, `python` (default `all`). */
  generators?: string[];
  openapiGeneratorJar?: string;
  /** `builtin` (default) or the URL of a real server (calls then go through the validating proxy). */
  server?: string;
  /** Your operation implementations behind the built-in server (`serve --handlers`); builtin only. */
  handlers?: string;
  headers?: Record<string, string>;
  operations?: string[];
  excludeOperations?: string[];
  /** Scenario file (YAML or JSON). */
  scenario?: string;
  /** Where client sources go; `null`: not written. Default `generated-clients`. */
  outDir?: string | null;
  patches?: string[];
  concurrency?: number;
  /** Client cache directory (default: the generators' default under the specdrift cache). */
  cacheDir?: string;
  refresh?: boolean;
  timeoutMs?: number;
  /** Built-in server: int64 samples above 2^53 (`--sample-large-integers`, on by default in the CLI). */
  sampleLargeIntegers?: boolean;
  toolVersion?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** Generator packages: where they are installed (default `<specdrift cache>/generators`), never install (`--offline`), progress lines. */
  install?: GeneratorInstallOptions;
}

export interface GeneratorInstallOptions {
  root?: string;
  offline?: boolean;
  onProgress?: (line: string) => void;
}

export function parseServer(server: string | undefined, handlers?: string): ServerChoice {
  if (server === undefined || server === 'builtin') return { kind: 'builtin', ...(handlers !== undefined ? { handlers } : {}) };
  if (handlers !== undefined) throw usageError(`--handlers runs your implementation behind the built-in server, not in front of ${server}`, 'drop --handlers, or use --server builtin');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw usageError(`--server ${server} is neither builtin nor a URL`, 'give --server builtin, or the real server as http://HOST:PORT');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`--server ${server} is not http(s)`, 'give the real server as http://HOST:PORT');
  return { kind: 'external', url: server };
}

/** The spec as a file the generators can read: the source file itself, else a temporary copy (removed by `done`). */
export async function specFile(spec: LoadedSpec): Promise<{ path: string; done: () => Promise<void> }> {
  if ((spec.kind === 'file' || spec.kind === 'version') && existsSync(spec.resolved) && statSync(spec.resolved).isFile()) {
    return { path: resolve(spec.resolved), done: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'specdrift-compat-spec-'));
  const path = join(dir, 'openapi.json');
  // Stable bytes for the same document, so the client cache hits across runs of a URL or cmd: source.
  await writeFile(path, `${JSON.stringify(spec.doc, null, 2)}\n`);
  return { path, done: () => rm(dir, { recursive: true, force: true }) };
}

export async function runCompatPipeline(spec: LoadedSpec, opts: CompatPipelineOptions = {}): Promise<CompatReport> {
  const generators = generatorsById(opts.generators && opts.generators.length > 0 ? opts.generators : ['all'], { openapiGeneratorJar: opts.openapiGeneratorJar });
  if (generators.length === 0) throw usageError('no generator selected', 'give --generators with ids from the list in docs/generators.md, or all');
  await provisionGenerators(generators, opts.install);
  const server = parseServer(opts.server, opts.handlers);
  if (opts.handlers !== undefined) {
    // load once up front: a broken module fails in a second, not after every client was generated
    const { loadHandlers } = await import('../compat/server/index.js');
    await loadHandlers(opts.handlers);
  }
  const scenario = opts.scenario ? await loadScenario(opts.scenario) : undefined;
  const validation = await validateSpec(spec.doc, { source: spec.source });
  const file = await specFile(spec);
  try {
    return await runCompat({
      doc: spec.doc,
      specPath: file.path,
      source: spec.source,
      generators,
      server,
      headers: opts.headers,
      operations: opts.operations,
      excludeOperations: opts.excludeOperations,
      scenario,
      outDir: opts.outDir === null ? undefined : (opts.outDir ?? 'generated-clients'),
      patches: opts.patches,
      concurrency: opts.concurrency,
      cacheDir: opts.cacheDir,
      refresh: opts.refresh,
      timeoutMs: opts.timeoutMs,
      sampleLargeIntegers: opts.sampleLargeIntegers,
      validation,
      toolVersion: opts.toolVersion,
      onProgress: opts.onProgress,
    });
  } finally {
    await file.done();
  }
}

// -- Committed clients -------------------------------------------------------------------------------------------

export interface ClientsSettings {
  specs: string[];
  generators: string[];
  /** Absolute. */
  out: string;
  patches: string[];
  /** Where relative paths in the settings resolve (the config file's directory). */
  baseDir: string;
  configPath: string;
}

/** The config's `clients` section; a config error when there is none. */
export function clientsSettings(loaded: LoadedConfig): ClientsSettings {
  const section = loaded.config.clients as { specs?: string[]; generators?: string[]; out?: string; patches?: string[] } | undefined;
  if (!section || !Array.isArray(section.specs) || !Array.isArray(section.generators)) {
    throw new SpecdriftError(`${loaded.path} has no clients section`, ExitCode.config, {
      hint: 'add "clients": { "specs": [...], "generators": [...] } to specdrift.config.json, or pass --config (docs/compat.md)',
    });
  }
  const out = section.out ?? 'generated-clients';
  return {
    specs: section.specs,
    generators: section.generators,
    out: isAbsolute(out) ? out : join(loaded.baseDir, out),
    patches: section.patches ?? [],
    baseDir: loaded.baseDir,
    configPath: loaded.path,
  };
}

export interface ClientsRunOptions {
  /** Loads a source the way every command does (version shorthands, URLs, …). */
  load: (source: string) => Promise<LoadedSpec>;
  cacheDir?: string;
  refresh?: boolean;
  concurrency?: number;
  openapiGeneratorJar?: string;
  onProgress?: (event: ProgressEvent) => void;
  install?: GeneratorInstallOptions;
}

async function withPinnedSpecs<R>(settings: ClientsSettings, opts: ClientsRunOptions, job: (pinned: PinnedSpec[]) => Promise<R>): Promise<R> {
  const files: { done: () => Promise<void> }[] = [];
  try {
    const pinned: PinnedSpec[] = [];
    for (const label of settings.specs) {
      // A path relative to the config file; anything else (URL, git:, version shorthand) as every command takes it.
      const local = join(settings.baseDir, label);
      const spec = await opts.load(!isAbsolute(label) && existsSync(local) ? local : label);
      const file = await specFile(spec);
      files.push(file);
      pinned.push({ label, path: file.path, doc: spec.doc });
    }
    return await job(pinned);
  } finally {
    for (const file of files) await file.done();
  }
}

async function clientsOptions(settings: ClientsSettings, opts: ClientsRunOptions, pinned: PinnedSpec[]) {
  const generators = generatorsById(settings.generators, { openapiGeneratorJar: opts.openapiGeneratorJar });
  await provisionGenerators(generators, opts.install);
  return {
    specs: pinned,
    generators,
    outDir: settings.out,
    patches: settings.patches,
    cacheDir: opts.cacheDir,
    refresh: opts.refresh,
    concurrency: opts.concurrency,
    onProgress: opts.onProgress,
  };
}

export function generateConfiguredClients(settings: ClientsSettings, opts: ClientsRunOptions): Promise<WrittenClient[]> {
  return withPinnedSpecs(settings, opts, async (pinned) => generateClients(await clientsOptions(settings, opts, pinned)));
}

export function checkConfiguredClients(settings: ClientsSettings, opts: ClientsRunOptions): Promise<DriftReport> {
  return withPinnedSpecs(settings, opts, async (pinned) => checkClients(await clientsOptions(settings, opts, pinned)));
}
