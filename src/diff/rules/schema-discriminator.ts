/** `discriminator`: which property selects the variant, and which values map to which schema. */
import type { JsonObject } from '../../spec/types.js';
import { isObject } from '../../spec/types.js';
import type { SchemaCheck } from '../engine/types.js';
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

export const discriminatorCheck: SchemaCheck = {
  name: 'discriminator',
  rules: [discriminatorSet, discriminatorRemoved, discriminatorPropertyChanged, discriminatorMappingAdded, discriminatorMappingRemoved, discriminatorMappingChanged],
  check({ old, new: neu, emit }) {
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
      else if (om[key] !== nm[key]) {
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
