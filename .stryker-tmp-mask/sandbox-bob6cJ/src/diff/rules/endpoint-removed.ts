/**
 * An operation disappeared. Removing a deprecated operation is the announced way to retire it (info) once its
 * deprecation period is over (deprecation.ts: its x-sunset has passed, or --deprecation-days since
 * --deprecated-since); before that it is as breaking as removing any operation.
 */
// @ts-nocheck

import type { RuleDef } from '../model.js';
import type { JsonObject } from '../../openapi/types.js';
import { rule } from './define.js';
import { removalVerdict, type DeprecationPolicy } from './deprecation.js';

export const endpointRemoved = rule('endpoint-removed', 'breaking', 'removed', 'paths', 'an operation that was not deprecated was removed');
export const endpointRemovedDeprecated = rule(
  'endpoint-removed-deprecated',
  'info',
  'removed',
  'paths',
  'a deprecated operation was removed after its deprecation period (x-sunset passed, or --deprecation-days)',
);
export const endpointRemovedBeforeSunset = rule(
  'endpoint-removed-before-sunset',
  'breaking',
  'removed',
  'paths',
  'a deprecated operation was removed before its sunset (x-sunset, or --deprecation-days since --deprecated-since)',
);

/** Which removal rule applies to a removed operation, and why (for the message). */
export function removalRule(op: JsonObject, policy: DeprecationPolicy): { def: RuleDef; why: string } {
  const verdict = removalVerdict(op, policy);
  if (verdict.kind === 'plain') return { def: endpointRemoved, why: '' };
  return { def: verdict.kind === 'retired' ? endpointRemovedDeprecated : endpointRemovedBeforeSunset, why: verdict.why };
}
