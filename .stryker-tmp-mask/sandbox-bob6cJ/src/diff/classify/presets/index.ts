/**
 * Policy presets: the levels another breaking-change checker publishes, written down as data, so a team
 * moving a CI gate from that tool to specdrift can keep its verdicts (`--policy oasdiff`, config `policy:`).
 *
 * A preset only sets levels; it never adds or drops changes. It is applied in classify before the user's
 * own `--severity` / config `severity` overrides, which always win. A rule the preset does not name keeps
 * specdrift's level (the preset files list those as "no equivalent").
 */
// @ts-nocheck

import { ExitCode, SpecdriftError, type ExitCodeValue } from '../../../errors.js';
import type { Change, Level } from '../../model.js';
import { compileGlob, isGlob, type Matcher } from '../glob.js';
import { OASDIFF_PRESET } from './oasdiff.js';
import { OPENAPI_DIFF_PRESET } from './openapi-diff.js';

/**
 * Where one specdrift rule covers two peer rules with different levels, an entry can be narrowed to one of
 * them. `optional-property` / `required-property`: the property-removed rules, whose change carries the
 * `required` qualifier when the removed property was required.
 */
export type PresetCondition = 'optional-property' | 'required-property';

export interface PresetEntry {
  /** A specdrift rule id, or a glob over rule ids (`*` matches within the id, so `request-*` also matches `request-parameter-*`). */
  rule: string;
  level: Level;
  /** The peer's own rule id or setting this level comes from (for the reader; not used at run time). */
  peer: string;
  when?: PresetCondition;
}

/** Rules (ids or globs) the peer does not detect at all: they keep specdrift's level, and `rules --policy` says so. */
export interface NotDetected {
  rule: string;
  /** Why, from the peer's rule documentation (one phrase). */
  why: string;
}

export interface PolicyPreset {
  name: string;
  /** What the levels were read from. */
  source: string;
  /** As with --severity: an exact rule id beats a glob; among entries of the same kind the later wins. */
  entries: readonly PresetEntry[];
  /** Changes the peer does not detect (an entry in `entries` wins over this list). */
  notDetected?: readonly NotDetected[];
}

/** `specdrift` is the built-in levels (no preset): useful on the command line to override a config's `policy:`. */
export const DEFAULT_POLICY = 'specdrift';
export const POLICY_PRESETS: Readonly<Record<string, PolicyPreset>> = {
  oasdiff: OASDIFF_PRESET,
  'openapi-diff': OPENAPI_DIFF_PRESET,
};
export const POLICY_NAMES: readonly string[] = [DEFAULT_POLICY, ...Object.keys(POLICY_PRESETS)];

const CONDITIONS: Record<PresetCondition, (change: Change) => boolean> = {
  'optional-property': (change) => !change.qualifiers?.includes('required'),
  'required-property': (change) => change.qualifiers?.includes('required') === true,
};

/** A preset ready for classify: the level it gives a change, or undefined when it has no equivalent. */
export interface CompiledPreset {
  name: string;
  levelFor(change: Change): Level | undefined;
  /** The levels this preset can give a rule (two when an entry is narrowed with `when`); empty: no equivalent. */
  levelsFor(ruleId: string): Level[];
  /** Why the peer does not detect this rule's change (it keeps specdrift's level), or undefined. */
  notDetected(ruleId: string): string | undefined;
}

export function compilePreset(preset: PolicyPreset): CompiledPreset {
  const entries = preset.entries.map((entry) => ({ ...entry, exact: !isGlob(entry.rule), matches: compileGlob(entry.rule) as Matcher }));
  const byRule = new Map<string, typeof entries>();
  const candidatesFor = (ruleId: string) => {
    let candidates = byRule.get(ruleId);
    if (!candidates) byRule.set(ruleId, (candidates = entries.filter((entry) => entry.matches(ruleId))));
    return candidates;
  };
  /** Same precedence as levelFor, over every condition: the last unconditional entry, else each condition's last. */
  const possible = (of: typeof entries): Level[] => {
    const unconditional = of.filter((entry) => !entry.when).at(-1);
    if (unconditional) return [unconditional.level];
    const byCondition = new Map(of.map((entry) => [entry.when, entry.level]));
    return [...new Set(byCondition.values())];
  };
  const undetected = (preset.notDetected ?? []).map((entry) => ({ why: entry.why, matches: compileGlob(entry.rule) as Matcher }));
  return {
    name: preset.name,
    notDetected(ruleId) {
      if (candidatesFor(ruleId).length > 0) return undefined;
      return undetected.find((entry) => entry.matches(ruleId))?.why;
    },
    levelsFor(ruleId) {
      const candidates = candidatesFor(ruleId);
      const exact = possible(candidates.filter((entry) => entry.exact));
      return exact.length > 0 ? exact : possible(candidates.filter((entry) => !entry.exact));
    },
    levelFor(change) {
      const candidates = candidatesFor(change.id);
      let exact: Level | undefined;
      let glob: Level | undefined;
      for (const entry of candidates) {
        if (entry.when && !CONDITIONS[entry.when](change)) continue;
        if (entry.exact) exact = entry.level;
        else glob = entry.level;
      }
      return exact ?? glob;
    },
  };
}

/**
 * The preset named `name` (`specdrift` → undefined: specdrift's own levels). An unknown name is a usage
 * error on the command line and a config error in the config file (`exitCode`).
 */
export function resolvePolicy(name: string, origin: string, exitCode: ExitCodeValue = ExitCode.usage): CompiledPreset | undefined {
  const key = name.trim().toLowerCase();
  if (key === DEFAULT_POLICY) return undefined;
  const preset = POLICY_PRESETS[key];
  if (!preset) {
    throw new SpecdriftError(`${origin}: unknown policy '${name}'`, exitCode, { hint: `use one of ${POLICY_NAMES.join(', ')}` });
  }
  return compilePreset(preset);
}
