/**
 * An operation disappeared. Removing a deprecated operation is the announced way to retire it (warning),
 * unless its sunset date (`x-sunset`, or the `Sunset` convention) has not been reached yet.
 */
import type { RuleDef } from '../model.js';
import type { JsonObject } from '../../spec/types.js';
import { rule } from './define.js';

export const endpointRemoved = rule('endpoint-removed', 'breaking', 'removed', 'paths', 'an operation that was not deprecated was removed');
export const endpointRemovedDeprecated = rule(
  'endpoint-removed-deprecated',
  'warning',
  'removed',
  'paths',
  'a deprecated operation was removed (its x-sunset date, if any, has passed)',
);
export const endpointRemovedBeforeSunset = rule(
  'endpoint-removed-before-sunset',
  'breaking',
  'removed',
  'paths',
  'a deprecated operation was removed before the x-sunset date it announced',
);

/** The sunset date of an operation (`x-sunset`, ISO date), when given and parseable. */
export function sunsetOf(op: JsonObject): Date | undefined {
  const raw = op['x-sunset'] ?? op['x-sunset-date'];
  if (typeof raw !== 'string') return undefined;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Which removal rule applies to a removed operation. */
export function removalRule(op: JsonObject, now: Date): RuleDef {
  if (op.deprecated !== true) return endpointRemoved;
  const sunset = sunsetOf(op);
  return sunset !== undefined && sunset.getTime() > now.getTime() ? endpointRemovedBeforeSunset : endpointRemovedDeprecated;
}
