/**
 * Properties added to or removed from an object schema. Read-only properties are not part of a request and
 * write-only properties are not part of a response, so their coming and going is not reported there.
 */
// @ts-nocheck

import type { Located, SchemaCheck, SchemaView } from '../engine/types.js';
import type { JsonObject } from '../../openapi/types.js';
import { directionOf, schemaRule, type SchemaCtx } from './define.js';
import { isInvalidSunset, removalVerdict, SUNSET_KEYS, sunsetValue } from './deprecation.js';

export const propertyAdded = schemaRule({
  what: 'property-added', kind: 'added', request: 'info', response: 'info', family: 'property', polarity: '+',
  doc: 'an optional property was added to a {in}',
});
export const requiredPropertyAdded = schemaRule({
  what: 'required-property-added', kind: 'added', request: 'breaking', response: 'info', family: 'property', polarity: '+',
  doc: 'a required property was added to a {in}',
});
export const propertyRemoved = schemaRule({
  what: 'property-removed', kind: 'removed', request: 'warning', response: 'breaking', family: 'property', polarity: '-',
  doc: 'a property was removed from a {in}',
});

// The deprecation policy (deprecation.ts) for properties: a deprecated property removed after its deprecation
// period was retired as announced; removed before, it is a plain removal at the plain removal's level.
export const propertyRemovedDeprecated = schemaRule({
  what: 'property-removed-deprecated', kind: 'removed', request: 'info', response: 'info', family: 'property', polarity: '-',
  doc: 'a deprecated property was removed from a {in} after its deprecation period (x-sunset passed, or --deprecation-days)',
});
export const propertyRemovedBeforeSunset = schemaRule({
  what: 'property-removed-before-sunset', kind: 'removed', request: 'warning', response: 'breaking', family: 'property', polarity: '-',
  doc: 'a deprecated property was removed from a {in} before its sunset (x-sunset, or --deprecation-days since --deprecated-since)',
});
export const propertySunsetInvalid = schemaRule({
  what: 'property-sunset-invalid', kind: 'changed', request: 'warning', response: 'warning', family: 'property-sunset-invalid', polarity: '~',
  doc: 'the x-sunset of a property in a {in} is not an RFC 3339 date or date-time',
});

/** The keywords the deprecation policy reads, from a property's (resolved, allOf-merged) view. */
function deprecationOf(v: SchemaView): JsonObject {
  const out: JsonObject = {};
  for (const key of ['deprecated', ...SUNSET_KEYS]) {
    const value = v.kw(key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Is this property invisible in this direction (readOnly in a request, writeOnly in a response)? */
export function outOfDirection(ctx: SchemaCtx, prop: SchemaView): boolean {
  const direction = directionOf(ctx);
  if (direction === 'request') return prop.kw('readOnly') === true;
  if (direction === 'response') return prop.kw('writeOnly') === true;
  return false;
}

export const propertiesCheck: SchemaCheck = {
  name: 'properties',
  rules: [propertyAdded, requiredPropertyAdded, propertyRemoved, propertyRemovedDeprecated, propertyRemovedBeforeSunset, propertySunsetInvalid],
  check({ ctx, old, new: neu, oldView, newView, emit, deprecation }) {
    const summary = (at: Located) => at.node;
    const badSunset = (name: string, o: JsonObject, n: JsonObject, oAt: Located | undefined, nAt: Located | undefined) => {
      const os = sunsetValue(o);
      const ns = sunsetValue(n);
      if (os === ns || (!isInvalidSunset(os) && !isInvalidSunset(ns))) return;
      const bad = isInvalidSunset(ns) ? ns : os;
      emit(propertySunsetInvalid, {
        detail: name,
        message: `property '${name}': x-sunset ${JSON.stringify(bad)} is not an RFC 3339 date (YYYY-MM-DD) or date-time`,
        old: oAt ? { pointer: `${oAt.ptr}/x-sunset`, value: os } : {},
        new: nAt ? { pointer: `${nAt.ptr}/x-sunset`, value: ns } : {},
      });
    };
    for (const [name, at] of neu.properties) {
      const prev = old.properties.get(name);
      if (outOfDirection(ctx, newView(at))) continue;
      if (prev) {
        if (!outOfDirection(ctx, oldView(prev))) badSunset(name, deprecationOf(oldView(prev)), deprecationOf(newView(at)), prev, at);
        continue;
      }
      const required = neu.required.has(name);
      emit(required ? requiredPropertyAdded : propertyAdded, {
        detail: name,
        message: `${required ? 'required' : 'optional'} property '${name}' added`,
        old: {},
        new: { pointer: at.ptr, value: summary(at) },
      });
      badSunset(name, {}, deprecationOf(newView(at)), undefined, at);
    }
    for (const [name, at] of old.properties) {
      if (neu.properties.has(name) || outOfDirection(ctx, oldView(at))) continue;
      const flags = deprecationOf(oldView(at));
      const verdict = removalVerdict(flags, deprecation);
      emit(verdict.kind === 'plain' ? propertyRemoved : verdict.kind === 'retired' ? propertyRemovedDeprecated : propertyRemovedBeforeSunset, {
        detail: name,
        message: `${old.required.has(name) ? 'required' : 'optional'} property '${name}' removed${verdict.kind === 'plain' ? '' : ` (${verdict.why})`}`,
        ...(old.required.has(name) ? { qualifiers: ['required'] as const } : {}),
        old: { pointer: at.ptr, value: summary(at) },
        new: {},
      });
      badSunset(name, flags, {}, at, undefined);
    }
  },
};
