/**
 * `patternProperties` (JSON Schema 2020-12; OpenAPI 3.1): a schema for every property whose name matches a
 * regular expression. By analogy with additionalProperties:
 *
 * - In an open object (additionalProperties not `false`), a new pattern constrains properties that were free:
 *   it narrows (request breaking, response info); a dropped pattern widens (response warning).
 * - In a closed object (additionalProperties: false), a pattern is what lets matching names in at all: a new
 *   pattern widens (request info, response warning), a dropped one narrows (request breaking).
 * - A pattern present on both sides has its schema compared like any schema, in the same direction (the engine
 *   recurses into it). A pattern rewritten to another expression is one removed and one added.
 */
// @ts-nocheck

import { isObject } from '../../openapi/types.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { ptrJoin } from '../engine/doc.js';
import { schemaRule } from './define.js';

export const patternPropertyAdded = schemaRule({
  what: 'pattern-property-added', kind: 'changed', request: 'breaking', response: 'info', family: 'pattern-property', polarity: '+',
  doc: 'an open {in} constrains the properties whose names match a new patternProperties pattern',
});
export const patternPropertyRemoved = schemaRule({
  what: 'pattern-property-removed', kind: 'changed', request: 'info', response: 'warning', family: 'pattern-property', polarity: '-',
  doc: 'an open {in} no longer constrains the properties matching a patternProperties pattern',
});
export const patternPropertyOpened = schemaRule({
  what: 'pattern-property-opened', kind: 'changed', request: 'info', response: 'warning', family: 'pattern-property-closed', polarity: '+',
  doc: 'a closed {in} (additionalProperties: false) now allows the properties matching a new patternProperties pattern',
});
export const patternPropertyClosed = schemaRule({
  what: 'pattern-property-closed', kind: 'changed', request: 'breaking', response: 'info', family: 'pattern-property-closed', polarity: '-',
  doc: 'a closed {in} (additionalProperties: false) no longer allows the properties matching a removed patternProperties pattern',
});

const patterns = (v: SchemaView): string[] => {
  const m = v.kw('patternProperties');
  return isObject(m) ? Object.keys(m) : [];
};

export const patternPropertiesCheck: SchemaCheck = {
  name: 'patternProperties',
  rules: [patternPropertyAdded, patternPropertyRemoved, patternPropertyOpened, patternPropertyClosed],
  check({ old, new: neu, emit }) {
    const a = new Set(patterns(old));
    const b = new Set(patterns(neu));
    if (a.size === 0 && b.size === 0) return;
    const ptr = (v: SchemaView, has: boolean, p: string) => (has ? ptrJoin(v.kwPtr('patternProperties'), p) : v.kwPtr('patternProperties'));
    for (const p of [...new Set([...a, ...b])].sort()) {
      if (a.has(p) === b.has(p)) continue;
      const added = b.has(p);
      // The side that has the pattern decides what it does there.
      const closed = (added ? neu : old).additionalProperties === false;
      emit(added ? (closed ? patternPropertyOpened : patternPropertyAdded) : closed ? patternPropertyClosed : patternPropertyRemoved, {
        detail: p,
        message: `patternProperties ${JSON.stringify(p)} ${added ? 'added' : 'removed'}${closed ? ' (object closed by additionalProperties: false)' : ''}`,
        old: { pointer: ptr(old, a.has(p), p) },
        new: { pointer: ptr(neu, b.has(p), p) },
      });
    }
  },
};
