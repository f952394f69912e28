// @ts-nocheck
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ExitCode, SpecdriftError } from '../errors.js';
import { parseSpecText } from './parse.js';
import { isTrustedConfig } from './trust.js';
import type { Json } from '../openapi/types.js';

/**
 * `versions` turns a shorthand (`v40`, `v0.0.40`, `40`) into a source string.
 * `tag` is the version tag pattern with `{n}` for the number; `source` a source template with `{n}` and `{tag}`
 * (a file path relative to the config file, a URL, `git:REV:path` or `cmd:…`); `sources` overrides single versions.
 */
export interface VersionProfile {
  tag: string;
  source: string;
  sources?: Record<string, string>;
}

export interface SpecdriftConfig {
  versions?: VersionProfile;
  /** Default request headers for URL sources (values may use ${ENV} references). */
  headers?: Record<string, string>;
  /** Level preset for diff (`oasdiff`, `openapi-diff`, `specdrift`); `--policy` overrides it. */
  policy?: string;
  /** Per-rule level overrides for diff (`rule-id` or glob → breaking|warning|info|off). */
  severity?: Record<string, string>;
  /** Accept-list files for diff, relative to the config file. */
  accept?: string[];
  /** Anything else (compat settings, …) is read by the command that owns it. */
  [key: string]: Json | VersionProfile | Record<string, string> | string[] | undefined;
}

export interface LoadedConfig {
  config: SpecdriftConfig;
  /** The file it came from, or `(built-in)` for the embedded default. */
  path: string;
  /** Directory relative paths in the config resolve against. */
  baseDir: string;
  /** The user trusted this file as it is now (`specdrift trust`); the built-in profile is trusted. */
  trusted: boolean;
}

export const CONFIG_NAMES = ['specdrift.config.json', 'specdrift.config.yaml', 'specdrift.config.yml'];

/** Root of the installed package (holds fixtures/ for the embedded default profile). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The embedded default: Slurm-like fixtures that ship with specdrift, so `oasdiff v40 v41` works out of the box. */
export const BUILTIN_CONFIG: LoadedConfig = {
  config: { versions: { tag: 'v0.0.{n}', source: 'fixtures/slurm-like/v0.0.{n}.json' } },
  path: '(built-in)',
  baseDir: PACKAGE_ROOT,
  trusted: true,
};

/** A `versions.sources` key: a version label (`v0.0.41+prefer_refs`), never something that reads as a file, URL or git revision. */
const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

const configSchema = {
  type: 'object',
  properties: {
    versions: {
      type: 'object',
      properties: {
        tag: { type: 'string', pattern: '\\{n\\}' },
        source: { type: 'string', minLength: 1 },
        // Keys are version labels only, so that an entry can never capture a file, URL or git argument.
        sources: { type: 'object', propertyNames: { pattern: VERSION_LABEL.source }, additionalProperties: { type: 'string' } },
      },
      required: ['tag', 'source'],
      additionalProperties: false,
    },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    policy: { type: 'string' }, // a preset name; the diff policy loader names the valid ones
    severity: { type: 'object', additionalProperties: { type: 'string', enum: ['breaking', 'warning', 'info', 'off'] } },
    accept: { type: 'array', items: { type: 'string' } },
    // The diff's deprecation policy (docs/diff.md): checked further (date syntax) by the diff pipeline.
    deprecationDays: { type: 'integer', minimum: 0 },
    deprecatedSince: { type: 'string' },
    // Committed generated clients (`specdrift clients generate|check`, docs/compat.md).
    clients: {
      type: 'object',
      properties: {
        specs: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        generators: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        out: { type: 'string', minLength: 1 },
        patches: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      required: ['specs', 'generators'],
      additionalProperties: false,
    },
  },
} as const;

/** Compiled on first use: most runs have no config file, and ajv costs ~0.1 s of startup. */
let validateConfig: import('ajv').ValidateFunction | undefined;
function configValidator(): import('ajv').ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return (validateConfig ??= new Ajv({ allErrors: false }).compile(configSchema));
}

/** Read `--config FILE`, else the first specdrift.config.* in cwd or a parent directory, else the built-in profile. */
export function loadConfig(explicitPath?: string, cwd = process.cwd()): LoadedConfig {
  let path = explicitPath ? resolve(cwd, explicitPath) : findConfig(cwd);
  if (!path) return BUILTIN_CONFIG;
  if (!existsSync(path)) {
    throw new SpecdriftError(`config file ${path} does not exist`, ExitCode.config, { hint: 'check --config' });
  }
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    ({ value } = parseSpecText(text, path, path));
  } catch (err) {
    // A malformed config is a config error (exit 9), like an invalid one, not a spec parse error.
    if (err instanceof SpecdriftError) throw new SpecdriftError(err.message, ExitCode.config, { hint: 'fix the config file (docs/config.md)' });
    throw err;
  }
  const validate = configValidator();
  if (!validate(value)) {
    const e = validate.errors![0];
    // Inside `propertyNames` ajv names the offending key in `propertyName`.
    const key = (e as { propertyName?: string }).propertyName;
    const where = e.instancePath || '/';
    const why = key !== undefined ? `key ${JSON.stringify(key)} is not a version label (letters, digits, . _ + -)` : e.message;
    throw new SpecdriftError(`${path}: invalid config at ${where}: ${why}`, ExitCode.config, {
      hint: 'see docs/config.md',
    });
  }
  path = resolve(path);
  return { config: value as SpecdriftConfig, path, baseDir: dirname(path), trusted: isTrustedConfig(path, text) };
}

function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, '.git'))) return undefined; // stop at the repository root
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `v40`, `40`, `v0.0.40`, `0.0.40` → `40` when the tag pattern is `v0.0.{n}`; undefined when it is no shorthand. */
export function matchVersionShorthand(input: string, profile: VersionProfile): string | undefined {
  const short = input.match(/^v?(\d+)$/i);
  if (short) return short[1];
  // `{` and `}` are left unescaped on purpose so that `{n}` can be split out.
  const [before, after = ''] = profile.tag.replace(/[.*+?^$()|[\]\\]/g, '\\$&').split('{n}');
  const withoutLeadingV = before.replace(/^v/i, '');
  const full = new RegExp(`^(?:${before}|${withoutLeadingV})(\\d+)${after}$`, 'i');
  return input.match(full)?.[1];
}

/** Resolve a version shorthand to a source string through the profile; relative file templates resolve against the config dir. */
export function resolveVersionSource(input: string, loaded: LoadedConfig): { source: string; tag: string } | undefined {
  const profile = loaded.config.versions;
  if (!profile || !VERSION_LABEL.test(input)) return undefined;
  const explicit = profile.sources?.[input];
  const n = matchVersionShorthand(input, profile);
  if (explicit === undefined && n === undefined) return undefined;
  const tag = n !== undefined ? profile.tag.replaceAll('{n}', n) : input;
  let source = explicit ?? profile.sources?.[tag] ?? profile.source.replaceAll('{n}', n!).replaceAll('{tag}', tag);
  if (!/^(https?:|git:|cmd:|-$)/.test(source) && !isAbsolute(source)) source = join(loaded.baseDir, source);
  return { source, tag };
}
