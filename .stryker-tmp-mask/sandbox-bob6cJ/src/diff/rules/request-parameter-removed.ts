/**
 * A parameter was dropped: clients that still send it may be refused or silently ignored. A deprecated
 * parameter removed after its deprecation period (deprecation.ts) was retired as announced; removed before,
 * it is a plain removal that broke a promise, at the same level.
 */
// @ts-nocheck

import type { RuleDef } from '../model.js';
import type { JsonObject } from '../../openapi/types.js';
import { rule } from './define.js';
import type { ParameterCheck } from '../engine/types.js';
import { isInvalidSunset, removalVerdict, sunsetValue, type DeprecationPolicy } from './deprecation.js';

export const requestParameterRemoved = rule('request-parameter-removed', 'warning', 'removed', 'paths', 'a request parameter was removed');
export const requestParameterRemovedDeprecated = rule(
  'request-parameter-removed-deprecated',
  'info',
  'removed',
  'paths',
  'a deprecated request parameter was removed after its deprecation period (x-sunset passed, or --deprecation-days)',
);
export const requestParameterRemovedBeforeSunset = rule(
  'request-parameter-removed-before-sunset',
  'warning',
  'removed',
  'paths',
  'a deprecated request parameter was removed before its sunset (x-sunset, or --deprecation-days since --deprecated-since)',
);
export const requestParameterSunsetInvalid = rule(
  'request-parameter-sunset-invalid',
  'warning',
  'changed',
  'paths',
  'the x-sunset of a request parameter is not an RFC 3339 date or date-time',
);

/** Which removal rule applies to a removed parameter (its resolved object), and why. */
export function parameterRemovalRule(param: JsonObject, policy: DeprecationPolicy): { def: RuleDef; why: string } {
  const verdict = removalVerdict(param, policy);
  if (verdict.kind === 'plain') return { def: requestParameterRemoved, why: '' };
  return { def: verdict.kind === 'retired' ? requestParameterRemovedDeprecated : requestParameterRemovedBeforeSunset, why: verdict.why };
}

/** A parameter's x-sunset changed to (or from) something that is not a date. */
export const parameterSunsetCheck: ParameterCheck = (o, n, emit) => {
  const os = sunsetValue(o.at.node);
  const ns = sunsetValue(n.at.node);
  if (os === ns || (!isInvalidSunset(os) && !isInvalidSunset(ns))) return;
  const bad = isInvalidSunset(ns) ? ns : os;
  emit(requestParameterSunsetInvalid, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}': ${isInvalidSunset(ns) ? '' : 'the old '}x-sunset ${JSON.stringify(bad)} is not an RFC 3339 date (YYYY-MM-DD) or date-time`,
    old: { pointer: `${o.at.ptr}/x-sunset`, value: os },
    new: { pointer: `${n.at.ptr}/x-sunset`, value: ns },
  });
};
