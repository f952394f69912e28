/**
 * `additionalProperties: false` closes an object: clients sending unknown properties are refused, and readers
 * of an object that was closed may now see properties they do not know. A schema for the extra properties is
 * compared like any other schema (by the engine, as the `*` child).
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';

export const additionalPropertiesClosedSet = schemaRule({
  what: 'additional-properties-closed-set', kind: 'changed', request: 'breaking', response: 'info', family: 'additional-properties', polarity: '-',
  doc: 'a {in} now refuses unknown properties (additionalProperties: false)',
});
export const additionalPropertiesClosedRemoved = schemaRule({
  what: 'additional-properties-closed-removed', kind: 'changed', request: 'info', response: 'warning', family: 'additional-properties', polarity: '+',
  doc: 'a {in} now allows unknown properties (additionalProperties: false was removed)',
});

export const additionalPropertiesCheck: SchemaCheck = {
  name: 'additionalProperties',
  rules: [additionalPropertiesClosedSet, additionalPropertiesClosedRemoved],
  check({ old, new: neu, emit }) {
    const o = old.additionalProperties === false;
    const n = neu.additionalProperties === false;
    if (o === n) return;
    emit(n ? additionalPropertiesClosedSet : additionalPropertiesClosedRemoved, {
      detail: '',
      message: n ? 'additionalProperties set to false' : 'additionalProperties: false removed',
      old: { pointer: old.kwPtr('additionalProperties'), value: old.at.node.additionalProperties },
      new: { pointer: neu.kwPtr('additionalProperties'), value: neu.at.node.additionalProperties },
    });
  },
};
