// @ts-nocheck
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { decodeSpecBytes } from './decode.js';
import { resolve } from 'node:path';
import { ExitCode, SpecdriftError } from '../errors.js';
import { FileCache, cacheKey, defaultCacheDir } from './cache.js';
import { commandIdentity, runSpecCommand } from './command.js';
import { loadConfig, resolveVersionSource, type LoadedConfig } from './config.js';
import { DEFAULT_MAX_BYTES, fetchSpecText } from './fetch.js';
import { STDIN_SOURCE } from './stdin.js';
import { isGitRevision, readGitFile } from './git.js';
import { commandsAllowedByEnv } from './trust.js';
import { bundleExternalRefs, externalRefSites, mayHaveExternalRefs } from './external.js';
import { assertDepth, assertOpenApi, parseSpecText } from './parse.js';
import type { LoadedSpec, SourceKind } from '../openapi/types.js';

export interface LoadOptions {
  config?: LoadedConfig;
  /** Headers for URL sources; a function is called only when a URL is fetched (config `${VAR}`s expand then). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Largest spec any source may give — URL body, file, stdin, pipe, `cmd:` output (default 256 MiB; --max-bytes). */
  maxBytes?: number;
  /** Run `cmd:` sources that come from an untrusted config (--allow-commands; also SPECDRIFT_ALLOW_COMMANDS=1). */
  allowCommands?: boolean;
  /** The source string itself was written in this config (e.g. `clients.specs`), not typed by the user. */
  origin?: LoadedConfig;
  timeoutMs?: number;
  /** Deepest nesting accepted, counting `$ref`s followed (default 256; --max-depth; docs/security.md). */
  maxDepth?: number;
  /** Bypass the cache of generated (`cmd:`) specs. */
  noCache?: boolean;
  cacheDir?: string;
  cwd?: string;
  /** Where `-` reads from (tests pass a string). */
  stdin?: NodeJS.ReadableStream | string;
  /**
   * External `$ref`s (to other files): `keep` them as written (default); `bundle` them into the document (only for
   * specs read from a file; any other source with one is an error); `bundle-files`: bundle file sources, keep the
   * refs of other sources. See external.ts for what may be read.
   */
  externalRefs?: 'keep' | 'bundle' | 'bundle-files';
}

interface RawSource {
  text: string;
  kind: SourceKind;
  resolved: string;
  nameHint?: string;
  /** Absolute path of the file read, for file sources (and versions that name a file). */
  file?: string;
}

async function readStdin(stdin: NodeJS.ReadableStream | string, maxBytes: number): Promise<string> {
  if (typeof stdin === 'string') return stdin;
  if ((stdin as NodeJS.ReadStream).isTTY) {
    throw new SpecdriftError('stdin: nothing piped in', ExitCode.sourceNotFound, { hint: 'pipe a spec into "-", or give a file, URL, git:REV:path or cmd:…' });
  }
  return decodeSpecBytes(await readBounded(stdin, '<stdin>', maxBytes), '<stdin>');
}

export function tooLargeError(where: string, maxBytes: number): SpecdriftError {
  return new SpecdriftError(`${where}: larger than ${maxBytes} bytes (--max-bytes)`, ExitCode.sourceNotFound, { hint: 'raise --max-bytes if this spec really is that large' });
}

/** Stdin and named pipes: read chunk by chunk, so a stream that never ends (`yes |`, /dev/zero) cannot fill memory. */
async function readBounded(stream: NodeJS.ReadableStream, where: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLargeError(where, maxBytes);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** What kind of thing a path names, following symlinks; undefined when nothing is there. */
async function pathKind(path: string): Promise<'file' | 'directory' | 'pipe' | 'special' | undefined> {
  try {
    const s = await stat(path);
    if (s.isFile()) return 'file';
    if (s.isDirectory()) return 'directory';
    if (s.isFIFO()) return 'pipe'; // e.g. bash's <(curl …), which users give as a spec
    return 'special';
  } catch {
    return undefined;
  }
}

/** The config in force, hashed into the cache key of a command it may have produced; '' when there is none. */
function configFingerprint(config: () => LoadedConfig): string {
  try {
    const loaded = config();
    return `${loaded.path}\0${JSON.stringify(loaded.config)}`;
  } catch {
    return '';
  }
}

async function readCommand(command: string, opts: LoadOptions, config: () => LoadedConfig): Promise<string> {
  const cache = new FileCache(opts.cacheDir ?? defaultCacheDir(), 'generated-specs');
  const cwd = opts.cwd ?? process.cwd();
  // Keyed by what would run, where, under which config: not by the command text alone (docs/config.md).
  const key = cacheKey('cmd', command, resolve(cwd), await commandIdentity(command, cwd), configFingerprint(config));
  if (!opts.noCache) {
    const hit = await cache.get(key);
    if (hit !== undefined) return hit;
  }
  const text = await runSpecCommand(command, { timeoutMs: opts.timeoutMs, cwd: opts.cwd, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  // Only cache output that parses as an OpenAPI document, so a broken run is not served again.
  assertOpenApi(parseSpecText(text, `cmd:${command}`, undefined, { maxDepth: opts.maxDepth }).value, `cmd:${command}`);
  await cache.set(key, text).catch(() => undefined); // an unwritable cache must not fail the load
  return text;
}

/** `-` on the command line; `stdin:` is the same, spelled so that argument parsers leave it alone. */
export { STDIN_SOURCE };

/** A `cmd:` written in a config runs only when the user trusted that config or allowed commands. */
function assertCommandAllowed(command: string, origin: LoadedConfig | undefined, opts: LoadOptions): void {
  if (origin === undefined || origin.trusted || opts.allowCommands || commandsAllowedByEnv()) return;
  const shown = command.length > 160 ? `${command.slice(0, 157)}...` : command;
  throw new SpecdriftError(`${origin.path} is not trusted, so its command was not run: cmd:${shown}`, ExitCode.untrusted, {
    hint: `read the config, then run 'specdrift trust ${origin.path}' (or pass --allow-commands; docs/security.md)`,
  });
}

/** `origin`: the config that wrote `source`, when it was not typed by the user. */
async function readRaw(source: string, opts: LoadOptions, config: () => LoadedConfig, depth = 0, origin = opts.origin): Promise<RawSource> {
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source === '-' || source === STDIN_SOURCE) return { text: await readStdin(opts.stdin ?? process.stdin, maxBytes), kind: 'stdin', resolved: '<stdin>' };
  if (/^https?:\/\//i.test(source)) {
    const headers = typeof opts.headers === 'function' ? opts.headers() : opts.headers;
    const { text, finalUrl } = await fetchSpecText(source, { headers, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes });
    return { text, kind: 'url', resolved: finalUrl, nameHint: new URL(finalUrl).pathname };
  }
  if (source.startsWith('git:')) {
    const rest = source.slice(4);
    const colon = rest.indexOf(':');
    if (colon <= 0 || colon === rest.length - 1) {
      throw new SpecdriftError(`${source}: expected git:REV:path`, ExitCode.usage, { hint: 'e.g. git:HEAD~1:openapi.json' });
    }
    const rev = rest.slice(0, colon);
    const path = rest.slice(colon + 1);
    return { text: await readGitFile(rev, path, cwd), kind: 'git', resolved: `${rev}:${path}`, nameHint: path };
  }
  if (source.startsWith('cmd:')) {
    const command = source.slice(4).trim();
    if (!command) throw new SpecdriftError('cmd: needs a command, e.g. cmd:slurmrestd --generate-openapi-spec -d v0.0.41', ExitCode.usage);
    assertCommandAllowed(command, origin, opts);
    return { text: await readCommand(command, opts, config), kind: 'command', resolved: command };
  }
  const path = source.startsWith('file:') ? source.slice(5) : source;
  const absolute = resolve(cwd, path);
  const kind = await pathKind(absolute);
  if (kind === 'file') {
    if ((await stat(absolute)).size > maxBytes) throw tooLargeError(absolute, maxBytes);
    const bytes = await readFile(absolute).catch((err: NodeJS.ErrnoException) => {
      // stat said "regular file" but reading failed: unreadable (EACCES), or a special file such as /proc/self/mem (EIO).
      throw new SpecdriftError(`cannot read ${absolute}: ${err.code ?? err.message}`, ExitCode.sourceNotFound, { hint: 'check that the file is readable' });
    });
    // /proc files report size 0 and may hold more: the read result is checked too.
    if (bytes.length > maxBytes) throw tooLargeError(absolute, maxBytes);
    return { text: decodeSpecBytes(bytes, absolute), kind: 'file', resolved: absolute, nameHint: absolute, file: absolute };
  }
  if (kind === 'pipe') {
    const bytes = await readBounded(createReadStream(absolute), absolute, maxBytes);
    return { text: decodeSpecBytes(bytes, absolute), kind: 'file', resolved: absolute, nameHint: absolute };
  }
  if (kind === 'directory') {
    throw new SpecdriftError(`${absolute} is a directory, not a spec file`, ExitCode.sourceNotFound, { hint: 'give the path of the spec file inside it' });
  }
  if (kind === 'special') {
    throw new SpecdriftError(`${absolute} is a device or socket, not a spec file`, ExitCode.sourceNotFound, { hint: 'give a spec file, or pipe the spec into -' });
  }
  const version = depth === 0 ? resolveVersionSource(source, config()) : undefined;
  if (version) {
    const raw = await readRaw(version.source, opts, config, depth + 1, config());
    return { ...raw, kind: 'version', resolved: `${version.tag} → ${raw.resolved}` };
  }
  const colon = source.indexOf(':');
  if (colon > 0 && (await isGitRevision(source.slice(0, colon), cwd))) {
    const rev = source.slice(0, colon);
    const gitPath = source.slice(colon + 1);
    return { text: await readGitFile(rev, gitPath, cwd), kind: 'git', resolved: `${rev}:${gitPath}`, nameHint: gitPath };
  }
  throw new SpecdriftError(`${source}: no such file, URL, git revision or version`, ExitCode.sourceNotFound, {
    hint: 'give a file, -, http(s)://…, git:REV:path, cmd:…, or a version like v41 (see specdrift.config.json)',
  });
}

/** The one loader every command uses: source string → parsed, checked OpenAPI document. */
export async function loadSpec(source: string, opts: LoadOptions = {}): Promise<LoadedSpec> {
  let cached: LoadedConfig | undefined = opts.config;
  const config = () => (cached ??= loadConfig(undefined, opts.cwd));
  const raw = await readRaw(source, opts, config);
  const where = raw.kind === 'stdin' ? '<stdin>' : raw.kind === 'file' || raw.kind === 'version' ? raw.resolved.replace(/^.* → /, '') : source;
  const { value, format, duplicateKeys } = parseSpecText(raw.text, where, raw.nameHint, { maxDepth: opts.maxDepth });
  let doc = assertOpenApi(value, where);
  const spec: LoadedSpec = { doc, source, resolved: raw.resolved, kind: raw.kind, format, bytes: Buffer.byteLength(raw.text) };
  if (duplicateKeys.length > 0) spec.duplicateKeys = duplicateKeys;
  const mode = opts.externalRefs ?? 'keep';
  if (mode !== 'keep' && mayHaveExternalRefs(raw.text)) {
    const sites = externalRefSites(doc);
    if (sites.length > 0 && raw.file !== undefined) {
      const bundled = await bundleExternalRefs(doc, raw.file, sites, where);
      ({ doc, sites: spec.externalRefs } = bundled);
      spec.doc = doc;
      if (bundled.duplicateKeys.length > 0) spec.duplicateKeys = [...(spec.duplicateKeys ?? []), ...bundled.duplicateKeys];
      assertDepth(doc, where, opts.maxDepth); // $ref chains may now run through the files bundled in
    } else if (sites.length > 0 && mode === 'bundle') {
      const { ref, pointer } = sites[0];
      throw new SpecdriftError(
        `${where}: $ref '${ref}' at #${pointer.replace(/\/\$ref$/, '')} refers to another file; specdrift follows those only for specs read from files on disk`,
        ExitCode.sourceNotFound,
        { hint: 'bundle the spec into one document first, or give the spec as a file path' },
      );
    }
  }
  return spec;
}
