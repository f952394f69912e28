/**
 * The deprecation policy: when removing something that was deprecated is the announced way to retire it
 * (info), and when it is still a breaking removal. Shared by operations, parameters and schema properties.
 *
 * An element counts as retired long enough when
 *   - its own `x-sunset` (RFC 3339 date or date-time) has passed, or, without an `x-sunset`,
 *   - `--deprecation-days N` is set and N days have passed since `--deprecated-since DATE` (the day the old
 *     spec was released: whatever is deprecated in it has been deprecated at least since then), or
 *   - no `--deprecation-days` is set (being deprecated is enough).
 * An `x-sunset` still in the future, or a `--deprecation-days` period not over (or not checkable because
 * `--deprecated-since` is missing), makes the removal a removal before sunset.
 */
// @ts-nocheck

import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Json, JsonObject } from '../../openapi/types.js';

export interface DeprecationPolicy {
  /** "Today". */
  now: Date;
  /** `--deprecation-days`: how long an element without x-sunset must have been deprecated before it may go. */
  days?: number;
  /** `--deprecated-since`: the date from which everything deprecated in the old spec counts as deprecated. */
  since?: Date;
}

/** The extensions read as an element's sunset date (`x-sunset-date` is an older spelling seen in the wild). */
export const SUNSET_KEYS = ['x-sunset', 'x-sunset-date'] as const;

// ajv-formats' RFC 3339 validators (full-date, date-time) rather than a hand-written regex: they also reject
// impossible days such as 2025-02-30, which Date would silently roll over.
const validatorOf = (format: unknown) => (format as { validate: (s: string) => boolean }).validate;
const validDate = validatorOf(fullFormats.date);
const validDateTime = validatorOf(fullFormats['date-time']);
const isRfc3339Date = (s: string): boolean => validDate(s) || validDateTime(s);

/** An RFC 3339 date or date-time as a Date (a date alone means 00:00 UTC that day); undefined when malformed. */
export function parseRfc3339(value: Json | undefined): Date | undefined {
  if (typeof value !== 'string' || !isRfc3339Date(value)) return undefined;
  // A leap second (23:59:60) is valid RFC 3339 that Date cannot represent: the second before it will do.
  const d = new Date(value.replace(/:60(?=[.zZ+-]|$)/, ':59').replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The element's sunset value as written (x-sunset, or x-sunset-date), undefined when absent. */
export function sunsetValue(node: JsonObject): Json | undefined {
  for (const key of SUNSET_KEYS) if (node[key] !== undefined) return node[key];
  return undefined;
}

/** A sunset value that is present but not an RFC 3339 date or date-time. */
export const isInvalidSunset = (value: Json | undefined): boolean => value !== undefined && parseRfc3339(value) === undefined;

export type RemovalVerdict =
  /** Not deprecated: a plain removal. */
  | { kind: 'plain' }
  /** Deprecated long enough: retired as announced. */
  | { kind: 'retired'; why: string }
  /** Deprecated, but removed before its sunset. */
  | { kind: 'early'; why: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (d: Date): string => d.toISOString().slice(0, 10);

/** How the removal of this element (an operation, parameter or property schema) is judged. */
export function removalVerdict(node: JsonObject, policy: DeprecationPolicy): RemovalVerdict {
  if (node.deprecated !== true) return { kind: 'plain' };
  const raw = sunsetValue(node);
  const sunset = parseRfc3339(raw);
  if (sunset !== undefined) {
    return sunset.getTime() <= policy.now.getTime()
      ? { kind: 'retired', why: `x-sunset ${String(raw)} has passed` }
      : { kind: 'early', why: `before its x-sunset ${String(raw)}` };
  }
  const bad = raw === undefined ? '' : `; its x-sunset ${JSON.stringify(raw)} is not a date`;
  if (policy.days === undefined) return { kind: 'retired', why: `deprecated${bad}` };
  if (policy.since === undefined) {
    return { kind: 'early', why: `deprecated for an unknown time: --deprecation-days ${policy.days} needs --deprecated-since DATE${bad}` };
  }
  const elapsed = Math.floor((policy.now.getTime() - policy.since.getTime()) / DAY_MS);
  return elapsed >= policy.days
    ? { kind: 'retired', why: `deprecated since ${day(policy.since)} or earlier, ${elapsed} days ≥ --deprecation-days ${policy.days}${bad}` }
    : { kind: 'early', why: `deprecated since ${day(policy.since)}: ${Math.max(elapsed, 0)} of --deprecation-days ${policy.days}${bad}` };
}
