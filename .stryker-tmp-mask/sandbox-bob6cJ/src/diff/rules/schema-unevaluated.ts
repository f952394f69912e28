/**
 * `unevaluatedProperties` / `unevaluatedItems` (JSON Schema 2020-12): like additionalProperties / items past a
 * tuple, but seeing through allOf / anyOf / oneOf / if. `false` closes the object or array: request writers
 * sending what no other keyword covers are refused (breaking), readers are unaffected (info); removing `false`
 * lets readers see unknown members (warning). A schema is compared like additionalProperties' is (absent =
 * anything), in the same direction, by the engine.
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule, type SchemaRule } from './define.js';

function closedRules(what: string, keyword: string, noun: string): [SchemaRule, SchemaRule] {
  return [
    schemaRule({
      what: `${what}-closed-set`, kind: 'changed', request: 'breaking', response: 'info', family: `${what}-closed`, polarity: '-',
      doc: `a {in} now refuses ${noun} no other keyword covers (${keyword}: false)`,
    }),
    schemaRule({
      what: `${what}-closed-removed`, kind: 'changed', request: 'info', response: 'warning', family: `${what}-closed`, polarity: '+',
      doc: `a {in} now allows ${noun} no other keyword covers (${keyword}: false was removed)`,
    }),
  ];
}

function closedCheck(keyword: string, [set, removed]: [SchemaRule, SchemaRule]): SchemaCheck {
  return {
    name: keyword,
    rules: [set, removed],
    check({ old, new: neu, emit }) {
      const o = old.kw(keyword) === false;
      const n = neu.kw(keyword) === false;
      if (o === n) return;
      emit(n ? set : removed, {
        detail: '',
        message: n ? `${keyword} set to false` : `${keyword}: false removed`,
        old: { pointer: old.kwPtr(keyword), value: old.kw(keyword) },
        new: { pointer: neu.kwPtr(keyword), value: neu.kw(keyword) },
      });
    },
  };
}

export const [unevaluatedPropertiesClosedSet, unevaluatedPropertiesClosedRemoved] = closedRules('unevaluated-properties', 'unevaluatedProperties', 'properties');
export const [unevaluatedItemsClosedSet, unevaluatedItemsClosedRemoved] = closedRules('unevaluated-items', 'unevaluatedItems', 'items');

export const unevaluatedPropertiesCheck = closedCheck('unevaluatedProperties', [unevaluatedPropertiesClosedSet, unevaluatedPropertiesClosedRemoved]);
export const unevaluatedItemsCheck = closedCheck('unevaluatedItems', [unevaluatedItemsClosedSet, unevaluatedItemsClosedRemoved]);
