// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import type { RuleDef } from '../model.js';
import { parseAcceptList, type AcceptEntry } from './accept-list.js';
import { NO_FILTERS, type ChangeFilters } from './filters.js';
import { resolvePolicy, type CompiledPreset } from './presets/index.js';
import { parseSeverityArg, parseSeveritySection, unknownSeverityRules, type SeverityOverride } from './severity.js';

/** Everything `classify` applies to a report: level overrides, accept-list entries and filters. */
export interface Policy {
  /** Config overrides first, command-line overrides last (see resolveSeverity for precedence). */
  severity: SeverityOverride[];
  /** `--policy` / config `policy:` preset (oasdiff, openapi-diff): levels applied before `severity`, which wins. */
  preset?: CompiledPreset;
  /** Entries in force. */
  accept: AcceptEntry[];
  /** Entries whose `expires` date has passed: not applied, reported as warnings. */
  expired: AcceptEntry[];
  filters: ChangeFilters;
  /** Lines classify copies into report.warnings (expired entries, overrides that match no rule). */
  warnings: string[];
}

export const EMPTY_POLICY: Policy = { severity: [], accept: [], expired: [], filters: NO_FILTERS, warnings: [] };

export interface PolicyOptions {
  /** `--policy NAME`: a level preset (docs/diff.md, Policy presets); beats the config's `policy`. */
  policy?: string;
  /** `--severity` arguments: `rule-id=level` or `glob=level`, level one of breaking, warning, info, off. */
  severity?: string[];
  /** `--accept` files: YAML, JSON or the line syntax (docs/accept-list.md). */
  acceptFiles?: string[];
  /**
   * The parsed config file (LoadedConfig.config). Read here: `policy` (preset name), `severity` ({rule-or-glob: level}),
   * `accept` (accept-list files, relative to configDir), and the optional string lists
   * `includeRules`, `excludeRules`, `includePaths`, `excludePaths`. Other keys are ignored.
   */
  config?: object;
  /** How to name the config file in errors (LoadedConfig.path). */
  configName?: string;
  /** Directory the config's relative accept-list paths resolve against (LoadedConfig.baseDir). */
  configDir?: string;
  includeRules?: string[];
  excludeRules?: string[];
  includePaths?: string[];
  excludePaths?: string[];
  /** Known rules: overrides that match none of them produce a warning (typo guard). */
  rules?: readonly RuleDef[];
  /** The day expiry is judged on; defaults to today (UTC). */
  today?: Date;
}

async function readAcceptFile(file: string): Promise<AcceptEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SpecdriftError(
      `cannot read accept-list '${file}': ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      ExitCode.config,
      { hint: 'check the --accept path', cause: error },
    );
  }
  return parseAcceptList(text, file);
}

function stringList(config: Record<string, unknown>, key: string, configName: string): string[] {
  const value = config[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new SpecdriftError(`${configName}: '${key}' must be a list of strings`, ExitCode.config, { hint: 'see docs/config.md' });
  }
  return value as string[];
}

/** The command line's `--policy` beats the config's `policy:`; neither means specdrift's own levels. */
function loadPreset(cliPolicy: string | undefined, configPolicy: unknown, configName: string): CompiledPreset | undefined {
  if (cliPolicy !== undefined) return resolvePolicy(cliPolicy, '--policy', ExitCode.usage);
  if (configPolicy === undefined || configPolicy === null) return undefined;
  if (typeof configPolicy !== 'string') {
    throw new SpecdriftError(`${configName}: 'policy' must be a string`, ExitCode.config, { hint: 'see docs/config.md' });
  }
  return resolvePolicy(configPolicy, `${configName}: policy`, ExitCode.config);
}

/** Builds the policy from command-line options and the config file. Throws SpecdriftError (config/usage) naming where the mistake is. */
export async function loadPolicy(options: PolicyOptions): Promise<Policy> {
  const configName = options.configName ?? 'config';
  const config = (options.config ?? {}) as Record<string, unknown>;
  const preset = loadPreset(options.policy, config.policy, configName);
  const severity = [
    ...parseSeveritySection(config.severity, configName),
    ...(options.severity ?? []).map((arg) => parseSeverityArg(arg)),
  ];
  const configFiles = stringList(config, 'accept', configName).map((file) =>
    isAbsolute(file) || options.configDir === undefined ? file : join(options.configDir, file),
  );
  const files = [...new Set([...configFiles, ...(options.acceptFiles ?? [])])];
  const entries = (await Promise.all(files.map(readAcceptFile))).flat();
  const today = (options.today ?? new Date()).toISOString().slice(0, 10);
  const expired = entries.filter((entry) => entry.expires !== undefined && entry.expires <= today);
  const filters: ChangeFilters = {
    includeRules: [...stringList(config, 'includeRules', configName), ...(options.includeRules ?? [])],
    excludeRules: [...stringList(config, 'excludeRules', configName), ...(options.excludeRules ?? [])],
    includePaths: [...stringList(config, 'includePaths', configName), ...(options.includePaths ?? [])],
    excludePaths: [...stringList(config, 'excludePaths', configName), ...(options.excludePaths ?? [])],
  };
  const warnings = [
    ...expired.map(
      (entry) => `${entry.origin}: accept-list entry '${entry.selector}' expired on ${entry.expires} and no longer applies; renew its date or remove it`,
    ),
    ...(options.rules ? unknownSeverityRules(severity, options.rules) : []),
  ];
  return { severity, ...(preset ? { preset } : {}), accept: entries.filter((entry) => !expired.includes(entry)), expired, filters, warnings };
}
