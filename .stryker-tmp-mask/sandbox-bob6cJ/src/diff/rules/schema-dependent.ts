/**
 * `dependentRequired` / `dependentSchemas` (JSON Schema 2020-12): when property P is present, other properties
 * become required / the object must also match a schema.
 *
 * Both are conditional `required` / `allOf`: a new dependency narrows what a client may send (request breaking)
 * and only adds guarantees to a response (info); a dropped one widens (a reader relying on "if P then Q" may
 * miss Q: warning). A dependent schema present on both sides is compared like any schema, in the same
 * direction (the engine recurses into it).
 */
// @ts-nocheck

import { isObject, type Json } from '../../openapi/types.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { ptrJoin } from '../engine/doc.js';
import { schemaRule } from './define.js';

export const dependentRequiredAdded = schemaRule({
  what: 'dependent-required-added', kind: 'changed', request: 'breaking', response: 'info', family: 'dependent-required', polarity: '+',
  doc: 'a {in} requires a property whenever another one is present (dependentRequired entry added)',
});
export const dependentRequiredRemoved = schemaRule({
  what: 'dependent-required-removed', kind: 'changed', request: 'info', response: 'warning', family: 'dependent-required', polarity: '-',
  doc: 'a {in} no longer requires a property whenever another one is present (dependentRequired entry removed)',
});
export const dependentSchemaAdded = schemaRule({
  what: 'dependent-schema-added', kind: 'changed', request: 'breaking', response: 'info', family: 'dependent-schema', polarity: '+',
  doc: 'a {in} must match an extra schema whenever a property is present (dependentSchemas entry added)',
});
export const dependentSchemaRemoved = schemaRule({
  what: 'dependent-schema-removed', kind: 'changed', request: 'info', response: 'warning', family: 'dependent-schema', polarity: '-',
  doc: 'a {in} no longer must match an extra schema when a property is present (dependentSchemas entry removed)',
});

const map = (v: SchemaView, key: string): Record<string, Json> => {
  const m = v.kw(key);
  return isObject(m) ? (m as Record<string, Json>) : {};
};

export const dependentRequiredCheck: SchemaCheck = {
  name: 'dependentRequired',
  rules: [dependentRequiredAdded, dependentRequiredRemoved],
  check({ old, new: neu, emit }) {
    const a = map(old, 'dependentRequired');
    const b = map(neu, 'dependentRequired');
    const names = (m: Record<string, Json>, p: string): Set<string> => new Set(Array.isArray(m[p]) ? (m[p] as Json[]).filter((x): x is string => typeof x === 'string') : []);
    for (const p of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const x = names(a, p);
      const y = names(b, p);
      const ptr = (v: SchemaView, m: Record<string, Json>) => (p in m ? ptrJoin(v.kwPtr('dependentRequired'), p) : v.kwPtr('dependentRequired'));
      const sides = { old: { pointer: ptr(old, a), value: [...x] }, new: { pointer: ptr(neu, b), value: [...y] } };
      for (const q of [...y].filter((n) => !x.has(n)).sort()) emit(dependentRequiredAdded, { detail: `${p}→${q}`, message: `${q} is now required whenever ${p} is present`, ...sides });
      for (const q of [...x].filter((n) => !y.has(n)).sort()) emit(dependentRequiredRemoved, { detail: `${p}→${q}`, message: `${q} is no longer required whenever ${p} is present`, ...sides });
    }
  },
};

export const dependentSchemasCheck: SchemaCheck = {
  name: 'dependentSchemas',
  rules: [dependentSchemaAdded, dependentSchemaRemoved],
  check({ old, new: neu, emit }) {
    const a = map(old, 'dependentSchemas');
    const b = map(neu, 'dependentSchemas');
    for (const p of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (p in a === p in b) continue;
      const ptr = (v: SchemaView, m: Record<string, Json>) => (p in m ? ptrJoin(v.kwPtr('dependentSchemas'), p) : v.kwPtr('dependentSchemas'));
      emit(p in b ? dependentSchemaAdded : dependentSchemaRemoved, {
        detail: p,
        message: p in b ? `dependent schema added for property ${p}` : `dependent schema for property ${p} removed`,
        old: { pointer: ptr(old, a) },
        new: { pointer: ptr(neu, b) },
      });
    }
  },
};
