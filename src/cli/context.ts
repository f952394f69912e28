import { Chalk, type ChalkInstance } from 'chalk';
import { ExitCode, SpecdriftError } from '../errors.js';
import { loadConfig, type LoadedConfig } from '../spec/config.js';
import { parseHeaders } from '../spec/fetch.js';
import { loadSpec, type LoadOptions } from '../spec/load.js';
import type { LoadedSpec } from '../spec/types.js';
import { writeFileAtomically } from '../spec/write.js';

/** Options every command accepts (declared once in main.ts). */
export interface GlobalArgs {
  config?: string;
  header?: string[];
  timeout?: number;
  cache?: boolean;
  'cache-dir'?: string;
  color?: boolean;
  debug?: boolean;
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
  load(source: string, extra?: Partial<LoadOptions>): Promise<LoadedSpec>;
}

export function contextFor(args: GlobalArgs): CommandContext {
  let config: LoadedConfig | undefined;
  const getConfig = () => (config ??= loadConfig(args.config));
  const headers = {
    ...expandEnv(getConfig().config.headers ?? {}),
    ...parseHeaders(process.env.SPECDRIFT_HEADERS ? [process.env.SPECDRIFT_HEADERS] : []),
    ...parseHeaders(args.header ?? []),
  };
  const loadOptions: LoadOptions = {
    config: getConfig(),
    headers,
    timeoutMs: args.timeout !== undefined ? args.timeout * 1000 : undefined,
    noCache: args.cache === false,
    cacheDir: args['cache-dir'],
  };
  return { config: getConfig(), loadOptions, load: (source, extra) => loadSpec(source, extra ? { ...loadOptions, ...extra } : loadOptions) };
}

/** `${NAME}` in config header values comes from the environment, so tokens stay out of committed config. */
function expandEnv(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = value.replace(/\$\{(\w+)\}/g, (_, v: string) => {
      const found = process.env[v];
      if (found === undefined) throw new SpecdriftError(`config header ${name} uses \${${v}}, which is not set`, ExitCode.config);
      return found;
    });
  }
  return out;
}

/** Print to stdout, or write the file atomically with -o. */
export async function emit(content: string, outFile?: string): Promise<void> {
  const text = content.endsWith('\n') || content === '' ? content : content + '\n';
  if (outFile && outFile !== '-') await writeFileAtomically(outFile, text);
  else await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}
