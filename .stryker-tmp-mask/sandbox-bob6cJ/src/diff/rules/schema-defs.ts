/**
 * `$defs` (JSON Schema 2020-12): named schemas inside a schema, for its `$ref`s. A definition validates nothing
 * by itself — what references it is compared where the reference is — so an entry coming or going is info.
 * An entry present on both sides is compared in the direction of the schema holding it (the engine recurses
 * into it), so a change in a definition nothing references is still seen.
 */
// @ts-nocheck

import { isObject } from '../../openapi/types.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { ptrJoin } from '../engine/doc.js';
import { schemaRule } from './define.js';

export const definitionAdded = schemaRule({
  what: 'definition-added', kind: 'added', request: 'info', response: 'info', family: 'definition', polarity: '+',
  doc: 'a named schema was added to the $defs of a {in}',
});
export const definitionRemoved = schemaRule({
  what: 'definition-removed', kind: 'removed', request: 'info', response: 'info', family: 'definition', polarity: '-',
  doc: 'a named schema was removed from the $defs of a {in}',
});

const names = (v: SchemaView): Set<string> => {
  const m = v.kw('$defs');
  return new Set(isObject(m) ? Object.keys(m) : []);
};

export const defsCheck: SchemaCheck = {
  name: '$defs',
  rules: [definitionAdded, definitionRemoved],
  check({ old, new: neu, emit }) {
    const a = names(old);
    const b = names(neu);
    if (a.size === 0 && b.size === 0) return;
    for (const name of [...new Set([...a, ...b])].sort()) {
      if (a.has(name) === b.has(name)) continue;
      const ptr = (v: SchemaView, has: boolean) => (has ? ptrJoin(v.kwPtr('$defs'), name) : v.kwPtr('$defs'));
      emit(b.has(name) ? definitionAdded : definitionRemoved, {
        detail: name,
        message: `$defs/${name} ${b.has(name) ? 'added' : 'removed'}`,
        old: { pointer: ptr(old, a.has(name)) },
        new: { pointer: ptr(neu, b.has(name)) },
      });
    }
  },
};
