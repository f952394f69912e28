/**
 * `enum`: a new value breaks readers with exhaustive enums (warning); a removed value breaks writers that send it.
 * Adding or dropping the whole enum constraint is reported once, not value by value.
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';
import { detailOf, show } from './format.js';

export const enumValueAdded = schemaRule({
  what: 'enum-value-added', kind: 'added', request: 'info', response: 'warning', family: 'enum-value', polarity: '+',
  doc: 'a value was added to the enum of a {in} (clients with exhaustive enums may break)',
});
export const enumValueRemoved = schemaRule({
  what: 'enum-value-removed', kind: 'removed', request: 'breaking', response: 'info', family: 'enum-value', polarity: '-',
  doc: 'a value was removed from the enum of a {in}',
});
export const enumSet = schemaRule({
  what: 'enum-set', kind: 'changed', request: 'breaking', response: 'info', family: 'enum', polarity: '+',
  doc: 'a {in} was restricted to an enum of values',
});
export const enumRemoved = schemaRule({
  what: 'enum-removed', kind: 'changed', request: 'info', response: 'warning', family: 'enum', polarity: '-',
  doc: 'the enum restriction of a {in} was removed',
});

export const enumCheck: SchemaCheck = {
  name: 'enum',
  rules: [enumValueAdded, enumValueRemoved, enumSet, enumRemoved],
  check({ old, new: neu, emit }) {
    const o = old.kw('enum');
    const n = neu.kw('enum');
    const oList = Array.isArray(o) ? o : undefined;
    const nList = Array.isArray(n) ? n : undefined;
    if (!oList && !nList) return;
    const oPtr = old.kwPtr('enum');
    const nPtr = neu.kwPtr('enum');
    if (!oList || !nList) {
      emit(nList ? enumSet : enumRemoved, {
        detail: '',
        message: nList ? `restricted to enum ${show(nList)}` : `enum ${show(oList)} removed`,
        old: { pointer: oPtr, value: oList },
        new: { pointer: nPtr, value: nList },
      });
      return;
    }
    const oKeys = new Set(oList.map(detailOf));
    const nKeys = new Set(nList.map(detailOf));
    for (const v of nList) {
      if (!oKeys.has(detailOf(v))) emit(enumValueAdded, { detail: detailOf(v), message: `enum value ${show(v)} added`, old: { pointer: oPtr }, new: { pointer: nPtr, value: v } });
    }
    for (const v of oList) {
      if (!nKeys.has(detailOf(v))) emit(enumValueRemoved, { detail: detailOf(v), message: `enum value ${show(v)} removed`, old: { pointer: oPtr, value: v }, new: { pointer: nPtr } });
    }
  },
};
