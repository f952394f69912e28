/**
 * Tuples (JSON Schema 2020-12): `prefixItems` gives a schema per position, `items` then governs the positions
 * after them, and `items: false` refuses any item past the tuple.
 *
 * - `items: false` set closes the array (like additionalProperties: false): request writers sending more items
 *   break, readers are unaffected (info); removed: readers may get items they do not expect (warning).
 * - A position's schema is compared with what governed that position on the other side (its prefixItems entry,
 *   else `items`), in the same direction, by the engine (subschemas.ts): adding `prefixItems: [{type: string}]`
 *   to an open array narrows its first item, and is reported there as a type change.
 * - A position that exists on one side and is refused on the other (a closed tuple got longer or shorter) is
 *   `prefix-items-added` (more positions allowed: widening, response warning) or `prefix-items-removed`
 *   (fewer: narrowing, request breaking).
 */
// @ts-nocheck

import type { Json } from '../../openapi/types.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { ptrJoin } from '../engine/doc.js';
import { schemaRule } from './define.js';

export const itemsClosedSet = schemaRule({
  what: 'items-closed-set', kind: 'changed', request: 'breaking', response: 'info', family: 'items-closed', polarity: '-',
  doc: 'a {in} now refuses items past its prefixItems (items: false)',
});
export const itemsClosedRemoved = schemaRule({
  what: 'items-closed-removed', kind: 'changed', request: 'info', response: 'warning', family: 'items-closed', polarity: '+',
  doc: 'a {in} now allows items past its prefixItems (items: false was removed)',
});
export const prefixItemsAdded = schemaRule({
  what: 'prefix-items-added', kind: 'changed', request: 'info', response: 'warning', family: 'prefix-items', polarity: '+',
  doc: 'a closed tuple ({in} with items: false) allows one more position',
});
export const prefixItemsRemoved = schemaRule({
  what: 'prefix-items-removed', kind: 'changed', request: 'breaking', response: 'info', family: 'prefix-items', polarity: '-',
  doc: 'a closed tuple ({in} with items: false) allows one position fewer',
});

export const itemsClosedCheck: SchemaCheck = {
  name: 'items',
  rules: [itemsClosedSet, itemsClosedRemoved],
  check({ old, new: neu, emit }) {
    const o = old.kw('items') === false;
    const n = neu.kw('items') === false;
    if (o === n) return;
    emit(n ? itemsClosedSet : itemsClosedRemoved, {
      detail: '',
      message: n ? 'items set to false (no items past the tuple)' : 'items: false removed',
      old: { pointer: old.kwPtr('items'), value: old.kw('items') },
      new: { pointer: neu.kwPtr('items'), value: neu.kw('items') },
    });
  },
};

const list = (v: SchemaView): Json[] => {
  const p = v.kw('prefixItems');
  return Array.isArray(p) ? p : [];
};

/** Is position i refused on this side (a `false` entry, or past the tuple with `items: false`)? */
const refused = (v: SchemaView, i: number): boolean => {
  const l = list(v);
  return i < l.length ? l[i] === false : v.kw('items') === false;
};

export const prefixItemsCheck: SchemaCheck = {
  name: 'prefixItems',
  rules: [prefixItemsAdded, prefixItemsRemoved],
  check({ old, new: neu, emit }) {
    const lo = list(old).length;
    const ln = list(neu).length;
    if (lo === 0 && ln === 0) return;
    const where = (v: SchemaView, i: number) => (i < list(v).length ? ptrJoin(v.kwPtr('prefixItems'), i) : v.kwPtr('prefixItems'));
    for (let i = 0; i < Math.max(lo, ln); i++) {
      const o = refused(old, i);
      const n = refused(neu, i);
      if (o === n) continue;
      emit(o ? prefixItemsAdded : prefixItemsRemoved, {
        detail: String(i),
        message: o ? `tuple position ${i} is now allowed` : `tuple position ${i} is no longer allowed`,
        old: { pointer: where(old, i) },
        new: { pointer: where(neu, i) },
      });
    }
  },
};
