/**
 * Properties added to or removed from an object schema. Read-only properties are not part of a request and
 * write-only properties are not part of a response, so their coming and going is not reported there.
 */
import type { Located, SchemaCheck, SchemaView } from '../engine/types.js';
import { schemaRule, type SchemaCtx } from './define.js';

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

/** Is this property invisible in this direction (readOnly in a request, writeOnly in a response)? */
export function outOfDirection(ctx: SchemaCtx, prop: SchemaView): boolean {
  if (ctx === 'request' || ctx === 'parameter') return prop.kw('readOnly') === true;
  if (ctx === 'response' || ctx === 'header') return prop.kw('writeOnly') === true;
  return false;
}

export const propertiesCheck: SchemaCheck = {
  name: 'properties',
  rules: [propertyAdded, requiredPropertyAdded, propertyRemoved],
  check({ ctx, old, new: neu, oldView, newView, emit }) {
    const summary = (at: Located) => at.node;
    for (const [name, at] of neu.properties) {
      if (old.properties.has(name) || outOfDirection(ctx, newView(at))) continue;
      const required = neu.required.has(name);
      emit(required ? requiredPropertyAdded : propertyAdded, {
        detail: name,
        message: `${required ? 'required' : 'optional'} property '${name}' added`,
        old: {},
        new: { pointer: at.ptr, value: summary(at) },
      });
    }
    for (const [name, at] of old.properties) {
      if (neu.properties.has(name) || outOfDirection(ctx, oldView(at))) continue;
      emit(propertyRemoved, {
        detail: name,
        message: `${old.required.has(name) ? 'required' : 'optional'} property '${name}' removed`,
        old: { pointer: at.ptr, value: summary(at) },
        new: {},
      });
    }
  },
};
