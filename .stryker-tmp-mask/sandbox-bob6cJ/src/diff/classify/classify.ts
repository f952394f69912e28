// @ts-nocheck
import { LEVELS, SEVERITY, type Change, type DiffReport, type Level } from '../model.js';
import { compileAcceptEntry, type AcceptEntry, type AcceptMatcher } from './accept-list.js';
import { compileFilters } from './filters.js';
import type { Policy } from './policy.js';
import { resolveSeverity, type SeverityLevel } from './severity.js';

/** `--fail-on` values: a level (that level or worse), `any` (same as info: every non-accepted change), or `none`. */
export type FailOn = Level | 'any' | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = [...LEVELS, 'any', 'none'];

/** True when the change would trip `--fail-on failOn` (accepted changes never do). */
export function failsOn(change: Change, failOn: FailOn): boolean {
  if (change.accepted || failOn === 'none') return false;
  if (failOn === 'any') return true;
  return SEVERITY[change.level] >= SEVERITY[failOn];
}

/** Whether the command should exit with ExitCode.findings. Counts non-accepted changes only. */
export function shouldFail(report: DiffReport, failOn: FailOn): boolean {
  return report.changes.some((change) => failsOn(change, failOn));
}

/** Summary counts; they partition the changes: non-accepted by level, accepted of any level. */
export function summarize(changes: readonly Change[]): DiffReport['summary'] {
  const summary = { breaking: 0, warning: 0, info: 0, accepted: 0, total: changes.length };
  for (const change of changes) {
    if (change.accepted) summary.accepted += 1;
    else summary[change.level] += 1;
  }
  return summary;
}

function acceptanceFinder(entries: readonly AcceptEntry[]): (change: Change) => AcceptEntry | undefined {
  // Fingerprint-only entries are the common case in long lists: look them up by key.
  const byFingerprint = new Map<string, AcceptEntry>();
  const patterns: { entry: AcceptEntry; matches: AcceptMatcher }[] = [];
  for (const entry of entries) {
    const fingerprintOnly = entry.fingerprint !== undefined && !entry.rule && !entry.path && !entry.method;
    if (fingerprintOnly) {
      if (!byFingerprint.has(entry.fingerprint!)) byFingerprint.set(entry.fingerprint!, entry);
    } else patterns.push({ entry, matches: compileAcceptEntry(entry) });
  }
  return (change) => byFingerprint.get(change.fingerprint) ?? patterns.find(({ matches }) => matches(change))?.entry;
}

/** The text stored in `change.accepted.entry`: where the entry is and what it selects. */
export const acceptedEntryLabel = (entry: AcceptEntry) => `${entry.origin} ${entry.selector}`;

/**
 * Applies a policy to a report (pure: returns a new report). Order: filters drop changes or
 * narrow their operations; the policy preset sets levels, then severity overrides (which win over the
 * preset) set levels (`off` drops); accept-list entries
 * mark changes accepted (the first matching entry wins). The summary is recomputed and the
 * policy's warnings are appended to report.warnings.
 */
export function classify(report: DiffReport, policy: Policy): DiffReport {
  const filter = compileFilters(policy.filters);
  const findAcceptance = acceptanceFinder(policy.accept);
  const levelCache = new Map<string, SeverityLevel | undefined>();
  const overriddenLevel = (ruleId: string) => {
    if (!levelCache.has(ruleId)) levelCache.set(ruleId, resolveSeverity(policy.severity, ruleId)?.level);
    return levelCache.get(ruleId);
  };

  /** Filters and severity for one rule id: the change as that rule sees it, or undefined when dropped. */
  const judge = (candidate: Change): Change | undefined => {
    const filtered = filter(candidate);
    if (!filtered) return undefined;
    const overridden = overriddenLevel(filtered.id);
    if (overridden === 'off') return undefined;
    // The user's overrides win over a preset's level (--policy), which wins over the rule's own.
    const level = overridden ?? policy.preset?.levelFor(filtered);
    return level === undefined || level === filtered.level ? filtered : { ...filtered, level };
  };
  const changes: Change[] = [];
  for (const original of report.changes) {
    let change = original.alsoAs ? judgeUses(original, judge) : judge(original);
    if (!change) continue;
    const entry = findAcceptance(change);
    if (entry) change = { ...change, accepted: { reason: entry.reason, entry: acceptedEntryLabel(entry) } };
    changes.push(change);
  }
  const warnings = [...new Set([...(report.warnings ?? []), ...policy.warnings])];
  const result: DiffReport = { ...report, changes, summary: summarize(changes) };
  if (warnings.length > 0) result.warnings = warnings;
  else delete result.warnings;
  return result;
}

/**
 * A change with several uses (`alsoAs`, e.g. request and response): each use is filtered and re-levelled
 * under its own rule id; the most severe use left leads, the others stay in `alsoAs`. The fingerprint is
 * the finding's and does not change; an accept-list entry is matched against the leading use.
 */
function judgeUses(change: Change, judge: (c: Change) => Change | undefined): Change | undefined {
  const { alsoAs, ...single } = change;
  const kept: Change[] = [];
  for (const use of [{ id: change.id, level: change.level }, ...(alsoAs ?? [])]) {
    const judged = judge({ ...single, id: use.id, level: use.level });
    if (judged) kept.push(judged);
  }
  if (kept.length === 0) return undefined;
  const lead = kept.reduce((best, c) => (SEVERITY[c.level] > SEVERITY[best.level] ? c : best));
  const rest = kept.filter((c) => c !== lead).map((c) => ({ id: c.id, level: c.level }));
  return rest.length > 0 ? { ...lead, alsoAs: rest } : lead;
}

/** Entries in force that accepted nothing in this report: candidates for removal (a shared list may still need them for other version pairs). */
export function unusedAcceptEntries(report: DiffReport, policy: Policy): AcceptEntry[] {
  const used = new Set(report.changes.flatMap((change) => (change.accepted ? [change.accepted.entry] : [])));
  return policy.accept.filter((entry) => !used.has(acceptedEntryLabel(entry)));
}
