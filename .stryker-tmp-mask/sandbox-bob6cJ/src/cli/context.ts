// @ts-nocheck
import { Chalk, type ChalkInstance } from 'chalk';
import { ExitCode, SpecdriftError } from '../errors.js';
import { loadConfig, type LoadedConfig } from '../source/config.js';
import { parseHeaders } from '../source/fetch.js';
import { loadSpec, type LoadOptions } from '../source/load.js';
import { DEFAULT_MAX_DEPTH, shortPointer } from '../openapi/depth.js';
import type { LoadedSpec } from '../openapi/types.js';
import { writeFileAtomically } from '../output/write.js';

/** Options every command accepts (declared once in main.ts). */
export interface GlobalArgs {
  config?: string;
  header?: string[];
  timeout?: number;
  cache?: boolean;
  'cache-dir'?: string;
  color?: boolean;
  debug?: boolean;
  'follow-symlinks'?: boolean;
  'allow-commands'?: boolean;
  'max-bytes'?: number;
  'max-depth'?: number;
}

/** Colour only for a terminal, never with NO_COLOR or --no-color; FORCE_COLOR wins. */
export function colorFor(args: GlobalArgs, stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  const off = args.color === false || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '');
  const on = forced || (!off && stream.isTTY === true);
  return new Chalk({ level: on ? 1 : 0 });
}

export interface CommandContext {
  config: LoadedConfig;
  loadOptions: LoadOptions;
  /** Load a source the user typed; its duplicate keys are warned about on stderr unless `warnDuplicateKeys: false`. */
  load(source: string, extra?: Partial<LoadOptions>, opts?: { warnDuplicateKeys?: boolean }): Promise<LoadedSpec>;
  /** Load a source written in the config (e.g. `clients.specs`): its `cmd:` runs only if the config is trusted. */
  loadFromConfig(source: string): Promise<LoadedSpec>;
  /** --header, SPECDRIFT_HEADERS and (trusted) config headers, expanded now. */
  headers(): Record<string, string>;
}

export function contextFor(args: GlobalArgs): CommandContext {
  const maxBytes = args['max-bytes'];
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0)) {
    throw new SpecdriftError(`--max-bytes must be a positive whole number of bytes, not ${maxBytes}`, ExitCode.usage, { hint: 'e.g. --max-bytes 536870912 for 512 MiB' });
  }
  const maxDepth = args['max-depth'];
  if (maxDepth !== undefined && !(Number.isSafeInteger(maxDepth) && maxDepth > 0)) {
    throw new SpecdriftError(`--max-depth must be a positive whole number of levels, not ${maxDepth}`, ExitCode.usage, { hint: `the default is ${DEFAULT_MAX_DEPTH}` });
  }
  let config: LoadedConfig | undefined;
  const getConfig = () => (config ??= loadConfig(args.config));
  let headers: Record<string, string> | undefined;
  // Built when a URL is fetched, not before: an unset ${VAR} must not break a diff of two local files.
  const headersForUrls = () =>
    (headers ??= {
      ...configHeaders(getConfig()),
      ...parseHeaders(process.env.SPECDRIFT_HEADERS ? [process.env.SPECDRIFT_HEADERS] : []),
      ...parseHeaders(args.header ?? []),
    });
  const loadOptions: LoadOptions = {
    config: getConfig(),
    headers: headersForUrls,
    allowCommands: args['allow-commands'] === true,
    maxBytes: args['max-bytes'],
    maxDepth,
    timeoutMs: args.timeout !== undefined ? args.timeout * 1000 : undefined,
    noCache: args.cache === false,
    cacheDir: args['cache-dir'],
  };
  return {
    config: getConfig(),
    loadOptions,
    load: async (source, extra, opts) => warnDuplicateKeys(await loadSpec(source, extra ? { ...loadOptions, ...extra } : loadOptions), opts?.warnDuplicateKeys),
    loadFromConfig: async (source) => warnDuplicateKeys(await loadSpec(source, { ...loadOptions, origin: getConfig() })),
    headers: headersForUrls,
  };
}

/** Duplicate keys warned about per spec; `validate` lists them all as findings. */
export const MAX_DUPLICATE_KEY_WARNINGS = 5;

/** One stderr line per duplicate key (up to a few), with file, line:column and pointer: the document keeps the last. */
function warnDuplicateKeys(spec: LoadedSpec, warn = true): LoadedSpec {
  const found = spec.duplicateKeys ?? [];
  if (!warn || found.length === 0) return spec;
  const where = spec.kind === 'stdin' ? '<stdin>' : spec.kind === 'file' || spec.kind === 'version' ? spec.resolved.replace(/^.* → /, '') : spec.source;
  const lines = found
    .slice(0, MAX_DUPLICATE_KEY_WARNINGS)
    .map((d) => `specdrift: warning: ${d.file ?? where}:${d.line}:${d.column}: duplicate key #${shortPointer(d.pointer)} (first at ${d.first.line}:${d.first.column}); the last one is used\n`);
  const more = found.length - MAX_DUPLICATE_KEY_WARNINGS;
  if (more > 0) lines.push(`specdrift: warning: ${where}: and ${more} more duplicate key${more === 1 ? '' : 's'} (specdrift validate lists them all)\n`);
  process.stderr.write(lines.join(''));
  return spec;
}

/**
 * `${NAME}` in config header values comes from the environment, so tokens stay out of committed config. Only a
 * trusted config may spend the user's environment: an untrusted one could send `${AWS_SECRET_ACCESS_KEY}` to
 * a URL it chose. Such headers are left out, with one line saying so (the value is never printed).
 */
function configHeaders(loaded: LoadedConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(loaded.config.headers ?? {})) {
    const usesEnv = /\$\{\w+\}/.test(value);
    if (usesEnv && !loaded.trusted) {
      process.stderr.write(`specdrift: warning: header ${name} from ${loaded.path} uses the environment and that config is not trusted: not sent (specdrift trust ${loaded.path})\n`);
      continue;
    }
    out[name] = value.replace(/\$\{(\w+)\}/g, (_, v: string) => {
      const found = process.env[v];
      if (found === undefined) throw new SpecdriftError(`config header ${name} (${loaded.path}) uses \${${v}}, which is not set`, ExitCode.config, { hint: `set ${v}, or remove the header from the config` });
      return found;
    });
  }
  return out;
}

/** Print to stdout, or write the file atomically with -o (`args` carries --follow-symlinks). */
export async function emit(content: string, outFile?: string, args: GlobalArgs = {}): Promise<void> {
  const text = content.endsWith('\n') || content === '' ? content : content + '\n';
  if (outFile && outFile !== '-') await writeFileAtomically(outFile, text, { followSymlinks: args['follow-symlinks'] === true });
  else {
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(text, (err?: NodeJS.ErrnoException | null) =>
        // The reader went away (`| head`): nothing left to print to; the command still ends with its own exit code.
        err && err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED' ? reject(err) : resolve(),
      ),
    );
  }
}
