// @ts-nocheck
import { ExitCode, SpecdriftError, type ExitCodeValue } from '../../errors.js';
import { LEVELS, type Level, type RuleDef } from '../model.js';
import { compileGlob, isGlob, type Matcher } from './glob.js';

/** A level a rule can be overridden to; `off` drops the rule's changes from the report. */
export type SeverityLevel = Level | 'off';
export const SEVERITY_LEVELS: readonly SeverityLevel[] = [...LEVELS, 'off'];

export interface SeverityOverride {
  /** Rule id or rule-id glob, e.g. `response-enum-value-added` or `response-*`. */
  pattern: string;
  level: SeverityLevel;
  /** Where the override was written: `--severity` or `FILE: severity."response-*"`. */
  origin: string;
  exact: boolean;
  matches: Matcher;
}

function parseLevel(raw: string, origin: string, exitCode: ExitCodeValue): SeverityLevel {
  const level = raw.trim().toLowerCase();
  if ((SEVERITY_LEVELS as readonly string[]).includes(level)) return level as SeverityLevel;
  throw new SpecdriftError(`${origin}: unknown severity level '${raw}'`, exitCode, {
    hint: `use one of ${SEVERITY_LEVELS.join(', ')}`,
  });
}

function makeOverride(pattern: string, level: SeverityLevel, origin: string): SeverityOverride {
  return { pattern, level, origin, exact: !isGlob(pattern), matches: compileGlob(pattern) };
}

/** Parses one `--severity RULE-OR-GLOB=LEVEL` argument (a command-line mistake is a usage error). */
export function parseSeverityArg(arg: string, origin = '--severity'): SeverityOverride {
  const eq = arg.lastIndexOf('=');
  const pattern = eq > 0 ? arg.slice(0, eq).trim() : '';
  if (eq <= 0 || pattern === '') {
    throw new SpecdriftError(`${origin} '${arg}': expected RULE=LEVEL`, ExitCode.usage, {
      hint: 'e.g. --severity response-enum-value-added=breaking or --severity "response-*=warning"',
    });
  }
  return makeOverride(pattern, parseLevel(arg.slice(eq + 1), `${origin} '${arg}'`, ExitCode.usage), origin);
}

/** Parses the config file's `severity` section: `{ "response-*": "warning", "rule-id": "off" }`. */
export function parseSeveritySection(section: unknown, configName: string): SeverityOverride[] {
  if (section === undefined || section === null) return [];
  if (typeof section !== 'object' || Array.isArray(section)) {
    throw new SpecdriftError(`${configName}: 'severity' must be an object of rule-id: level`, ExitCode.config, {
      hint: 'e.g. "severity": { "response-enum-value-added": "breaking" }',
    });
  }
  return Object.entries(section as Record<string, unknown>).map(([pattern, level]) => {
    const origin = `${configName}: severity.${JSON.stringify(pattern)}`;
    if (typeof level !== 'string') {
      throw new SpecdriftError(`${origin}: level must be a string`, ExitCode.config, {
        hint: `use one of ${SEVERITY_LEVELS.join(', ')}`,
      });
    }
    return makeOverride(pattern, parseLevel(level, origin, ExitCode.config), origin);
  });
}

/**
 * The override that applies to a rule: an exact rule id beats any glob, and among overrides
 * of the same kind the later one wins (config first, command line last).
 */
export function resolveSeverity(overrides: readonly SeverityOverride[], ruleId: string): SeverityOverride | undefined {
  let exact: SeverityOverride | undefined;
  let glob: SeverityOverride | undefined;
  for (const override of overrides) {
    if (!override.matches(ruleId)) continue;
    if (override.exact) exact = override;
    else glob = override;
  }
  return exact ?? glob;
}

/** Overrides that name no known rule (likely a typo): returned as warning lines. */
export function unknownSeverityRules(overrides: readonly SeverityOverride[], rules: readonly RuleDef[]): string[] {
  return overrides
    .filter((override) => !rules.some((rule) => override.matches(rule.id)))
    .map((override) => `${override.origin}: '${override.pattern}' matches no known rule (see \`specdrift rules\`)`);
}
