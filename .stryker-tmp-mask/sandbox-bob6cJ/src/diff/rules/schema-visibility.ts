/**
 * A property that appears in or disappears from one direction because its `readOnly` (hidden in requests) or
 * `writeOnly` (hidden in responses) flag changed, judged where it matters: in the object that holds it.
 * A required request property that loses `readOnly` is one clients must now send (like a new required
 * property); a response property that becomes `writeOnly` is no longer returned (like a removed property).
 * The engine does not descend into a property hidden on either side (compare.ts), so these rules are its
 * only report. Without a direction (`schema-…`) nothing is hidden: the flag rules report there instead.
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';
import { outOfDirection } from './schema-properties.js';

const DIRECTED = ['request', 'response', 'parameter', 'header'] as const;

export const propertyShown = schemaRule({
  what: 'property-shown', kind: 'added', request: 'info', response: 'info', family: 'visibility', polarity: '+', contexts: DIRECTED,
  doc: 'an optional property of a {in} is now part of it: it lost readOnly (in a request) or writeOnly (in a response)',
});
export const requiredPropertyShown = schemaRule({
  what: 'required-property-shown', kind: 'added', request: 'breaking', response: 'info', family: 'visibility', polarity: '+', contexts: DIRECTED,
  doc: 'a required property of a {in} is now part of it: it lost readOnly (in a request: clients must now send it) or writeOnly (in a response)',
});
export const propertyHidden = schemaRule({
  what: 'property-hidden', kind: 'removed', request: 'warning', response: 'breaking', family: 'visibility', polarity: '-', contexts: DIRECTED,
  doc: 'a property of a {in} left it: it became readOnly (in a request: the server ignores or refuses it) or writeOnly (in a response: no longer returned)',
});

export const visibilityCheck: SchemaCheck = {
  name: 'visibility',
  // Reads the properties' readOnly / writeOnly, which are modelled keywords already: it adds none of its own.
  keywords: [],
  rules: [propertyShown, requiredPropertyShown, propertyHidden],
  check({ ctx, old, new: neu, oldView, newView, emit }) {
    if (ctx === 'schema') return;
    const flag = ctx === 'request' || ctx === 'parameter' ? 'readOnly' : 'writeOnly';
    for (const [name, oAt] of old.properties) {
      const nAt = neu.properties.get(name);
      if (nAt === undefined) continue;
      const ov = oldView(oAt);
      const nv = newView(nAt);
      const wasHidden = outOfDirection(ctx, ov);
      if (wasHidden === outOfDirection(ctx, nv)) continue;
      const sides = { old: { pointer: ov.kwPtr(flag), value: wasHidden }, new: { pointer: nv.kwPtr(flag), value: !wasHidden } };
      if (wasHidden) {
        const required = neu.required.has(name);
        emit(required ? requiredPropertyShown : propertyShown, {
          detail: name,
          message: `${required ? 'required' : 'optional'} property '${name}' is no longer ${flag}${required && flag === 'readOnly' ? ': clients must now send it' : ''}`,
          ...sides,
        });
      } else {
        const required = old.required.has(name);
        emit(propertyHidden, {
          detail: name,
          message: `${required ? 'required' : 'optional'} property '${name}' became ${flag}${flag === 'writeOnly' ? ': no longer returned' : ': clients may no longer send it'}`,
          ...sides,
        });
      }
    }
  },
};
