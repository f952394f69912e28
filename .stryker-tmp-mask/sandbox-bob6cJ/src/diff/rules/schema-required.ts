/**
 * An existing property became required (breaks request writers) or optional (breaks response readers that rely on it).
 * Response presence: a property the response promised (`required`) is something clients read without checking;
 * once optional, the server may omit it and those clients fail, so that is breaking, not a warning.
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';
import { outOfDirection } from './schema-properties.js';
import { reportUndeclaredRequired, schemaRequiredUndeclared } from './schema-required-undeclared.js';

export const propertyRequiredAdded = schemaRule({
  what: 'property-required-added', kind: 'changed', request: 'breaking', response: 'info', family: 'required', polarity: '+',
  doc: 'an existing property of a {in} became required',
});
export const propertyRequiredRemoved = schemaRule({
  what: 'property-required-removed', kind: 'changed', request: 'info', response: 'breaking', family: 'required', polarity: '-',
  doc: 'an existing property of a {in} became optional (in a response: clients that rely on it being present break)',
});

export const requiredCheck: SchemaCheck = {
  name: 'required',
  rules: [propertyRequiredAdded, propertyRequiredRemoved, schemaRequiredUndeclared],
  check(input) {
    const { ctx, old, new: neu, oldView, newView, emit } = input;
    if (old.required.size === neu.required.size && [...old.required].every((r) => neu.required.has(r))) return;
    const names = new Set([...old.required, ...neu.required]);
    for (const name of [...names].sort()) {
      const wasRequired = old.required.has(name);
      if (wasRequired === neu.required.has(name)) continue;
      // A name that is no property at all: a spec defect (schema-required-undeclared).
      if (reportUndeclaredRequired(input, name)) continue;
      const oProp = old.properties.get(name);
      const nProp = neu.properties.get(name);
      // A property that was added or removed at the same time is reported by the properties rule.
      if ((oProp === undefined) !== (nProp === undefined)) continue;
      if ((oProp && outOfDirection(ctx, oldView(oProp))) || (nProp && outOfDirection(ctx, newView(nProp)))) continue;
      emit(wasRequired ? propertyRequiredRemoved : propertyRequiredAdded, {
        detail: name,
        message: `property '${name}' became ${wasRequired ? 'optional' : 'required'}`,
        old: { pointer: old.kwPtr('required'), value: wasRequired },
        new: { pointer: neu.kwPtr('required'), value: !wasRequired },
      });
    }
  },
};
