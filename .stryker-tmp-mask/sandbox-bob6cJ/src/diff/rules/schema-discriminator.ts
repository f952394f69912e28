/** `discriminator`: which property selects the variant, and which values map to which schema. */
// @ts-nocheck

import { identicalModuloRefs } from '../engine/identical.js';
import type { Json, JsonObject } from '../../openapi/types.js';
import { isObject } from '../../openapi/types.js';
import type { SchemaCheck, SchemaCheckInput } from '../engine/types.js';
import { schemaRule } from './define.js';
import { show } from './format.js';

export const discriminatorSet = schemaRule({
  what: 'discriminator-set', kind: 'changed', request: 'warning', response: 'warning', family: 'discriminator', polarity: '+',
  doc: 'a discriminator was added to a {in}',
});
export const discriminatorRemoved = schemaRule({
  what: 'discriminator-removed', kind: 'changed', request: 'warning', response: 'warning', family: 'discriminator', polarity: '-',
  doc: 'the discriminator of a {in} was removed',
});
export const discriminatorPropertyChanged = schemaRule({
  what: 'discriminator-property-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'discriminator-property', polarity: '~',
  doc: 'the discriminator property name of a {in} changed',
});
export const discriminatorMappingAdded = schemaRule({
  what: 'discriminator-mapping-added', kind: 'added', request: 'info', response: 'warning', family: 'discriminator-mapping', polarity: '+',
  doc: 'a discriminator mapping value was added to a {in}',
});
export const discriminatorMappingRemoved = schemaRule({
  what: 'discriminator-mapping-removed', kind: 'removed', request: 'breaking', response: 'info', family: 'discriminator-mapping', polarity: '-',
  doc: 'a discriminator mapping value was removed from a {in}',
});
export const discriminatorMappingChanged = schemaRule({
  what: 'discriminator-mapping-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'discriminator-mapping', polarity: '~',
  doc: 'a discriminator mapping value of a {in} now names a different schema',
});

const mappingOf = (d: JsonObject): JsonObject => (isObject(d.mapping) ? d.mapping : {});

/**
 * Do two mapping values name the same schema, written alike (e.g. `#/components/schemas/A` → `…/B` after A
 * was renamed to B)? Then the value still selects the same variant: no change. What the variants contain is
 * compared with the oneOf/anyOf branches.
 */
function sameTarget(o: Json | undefined, n: Json | undefined, oldView: SchemaCheckInput['oldView'], newView: SchemaCheckInput['newView']): boolean {
  if (typeof o !== 'string' || typeof n !== 'string') return false;
  // A bare name (`Cat`) stands for `#/components/schemas/Cat`.
  const ref = (v: string) => (v.includes('#') || v.includes('/') ? v : `#/components/schemas/${v}`);
  const a = oldView({ node: { $ref: ref(o) }, ptr: '' }).at.node;
  const b = newView({ node: { $ref: ref(n) }, ptr: '' }).at.node;
  // An unresolvable value stays a `{$ref}` object: only the same text would match, and that was checked.
  if (typeof a.$ref === 'string' || typeof b.$ref === 'string') return false;
  return identicalModuloRefs(a, b, undefined) !== undefined;
}

export const discriminatorCheck: SchemaCheck = {
  name: 'discriminator',
  rules: [discriminatorSet, discriminatorRemoved, discriminatorPropertyChanged, discriminatorMappingAdded, discriminatorMappingRemoved, discriminatorMappingChanged],
  check({ old, new: neu, oldView, newView, emit }) {
    const o = old.kw('discriminator');
    const n = neu.kw('discriminator');
    const oPtr = old.kwPtr('discriminator');
    const nPtr = neu.kwPtr('discriminator');
    if (!isObject(o) && !isObject(n)) return;
    if (!isObject(o) || !isObject(n)) {
      emit(isObject(n) ? discriminatorSet : discriminatorRemoved, {
        detail: '',
        message: isObject(n) ? `discriminator on ${show(n.propertyName)} added` : `discriminator on ${show(isObject(o) ? o.propertyName : undefined)} removed`,
        old: { pointer: oPtr, value: o },
        new: { pointer: nPtr, value: n },
      });
      return;
    }
    if (o.propertyName !== n.propertyName) {
      emit(discriminatorPropertyChanged, {
        detail: '',
        message: `discriminator property changed from ${show(o.propertyName)} to ${show(n.propertyName)}`,
        old: { pointer: `${oPtr}/propertyName`, value: o.propertyName },
        new: { pointer: `${nPtr}/propertyName`, value: n.propertyName },
      });
    }
    const om = mappingOf(o);
    const nm = mappingOf(n);
    for (const key of Object.keys(nm)) {
      if (!(key in om)) emit(discriminatorMappingAdded, { detail: key, message: `discriminator value '${key}' added`, old: { pointer: oPtr }, new: { pointer: `${nPtr}/mapping`, value: nm[key] } });
      else if (om[key] !== nm[key] && !sameTarget(om[key], nm[key], oldView, newView)) {
        emit(discriminatorMappingChanged, {
          detail: key,
          message: `discriminator value '${key}' now maps to ${show(nm[key])} instead of ${show(om[key])}`,
          old: { pointer: `${oPtr}/mapping`, value: om[key] },
          new: { pointer: `${nPtr}/mapping`, value: nm[key] },
        });
      }
    }
    for (const key of Object.keys(om)) {
      if (!(key in nm)) emit(discriminatorMappingRemoved, { detail: key, message: `discriminator value '${key}' removed`, old: { pointer: `${oPtr}/mapping`, value: om[key] }, new: { pointer: nPtr } });
    }
  },
};
