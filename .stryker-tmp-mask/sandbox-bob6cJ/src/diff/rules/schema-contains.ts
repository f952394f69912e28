/**
 * `contains` / `minContains` / `maxContains` (JSON Schema 2020-12): an array must hold between minContains
 * (default 1) and maxContains items matching the `contains` schema.
 *
 * - `contains` added: arrays without a matching item are refused (narrows: breaks request writers); removed:
 *   readers relying on a matching item may miss it (warning). A `contains` schema on both sides is compared
 *   like any schema, in the same direction (the engine recurses into it): narrowing it narrows the array.
 * - minContains raised narrows (request breaking), lowered widens (response warning); maxContains is an
 *   upper bound like maxItems. Both only count while `contains` is there on both sides (without `contains`
 *   they mean nothing, and its coming or going is already the contains rule).
 */
// @ts-nocheck

import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';
import { limitRules } from './limits.js';

export const containsSet = schemaRule({
  what: 'contains-set', kind: 'changed', request: 'breaking', response: 'info', family: 'contains', polarity: '+',
  doc: 'a {in} now requires an item matching a `contains` schema',
});
export const containsRemoved = schemaRule({
  what: 'contains-removed', kind: 'changed', request: 'info', response: 'warning', family: 'contains', polarity: '-',
  doc: 'a {in} no longer requires an item matching its `contains` schema',
});
export const containsCheck = keywordCheck('contains', { set: containsSet, removed: containsRemoved });

export const minContainsIncreased = schemaRule({
  what: 'min-contains-increased', kind: 'changed', request: 'breaking', response: 'info', family: 'min-contains', polarity: '+',
  doc: 'a {in} requires more items matching `contains` (minContains raised; absent means 1)',
});
export const minContainsDecreased = schemaRule({
  what: 'min-contains-decreased', kind: 'changed', request: 'info', response: 'warning', family: 'min-contains', polarity: '-',
  doc: 'a {in} requires fewer items matching `contains` (minContains lowered; absent means 1)',
});

const hasContains = (v: SchemaView): boolean => v.kw('contains') !== undefined;
const count = (v: SchemaView, key: string): number | undefined => {
  const x = v.kw(key);
  return typeof x === 'number' ? x : undefined;
};

export const minContainsCheck: SchemaCheck = {
  name: 'minContains',
  rules: [minContainsIncreased, minContainsDecreased],
  check({ old, new: neu, emit }) {
    if (!hasContains(old) || !hasContains(neu)) return;
    const o = count(old, 'minContains') ?? 1;
    const n = count(neu, 'minContains') ?? 1;
    if (o === n) return;
    emit(n > o ? minContainsIncreased : minContainsDecreased, {
      detail: '',
      message: `minContains ${n > o ? 'raised' : 'lowered'} from ${o} to ${n}`,
      old: { pointer: old.kwPtr(old.kw('minContains') === undefined ? 'contains' : 'minContains'), value: o },
      new: { pointer: neu.kwPtr(neu.kw('minContains') === undefined ? 'contains' : 'minContains'), value: n },
    });
  },
};

export const maxContainsRules = limitRules('max-contains', 'maxContains', 'upper');
export const maxContainsCheck: SchemaCheck = {
  name: 'maxContains',
  rules: [maxContainsRules.increased, maxContainsRules.decreased, maxContainsRules.set, maxContainsRules.removed],
  check({ old, new: neu, emit }) {
    if (!hasContains(old) || !hasContains(neu)) return;
    const o = count(old, 'maxContains');
    const n = count(neu, 'maxContains');
    if (o === n) return;
    const sides = { old: { pointer: old.kwPtr('maxContains'), value: o }, new: { pointer: neu.kwPtr('maxContains'), value: n } };
    if (o === undefined) emit(maxContainsRules.set, { detail: '', message: `maxContains set to ${n}`, ...sides });
    else if (n === undefined) emit(maxContainsRules.removed, { detail: '', message: `maxContains ${o} removed`, ...sides });
    else emit(n > o ? maxContainsRules.increased : maxContainsRules.decreased, { detail: '', message: `maxContains ${n > o ? 'increased' : 'decreased'} from ${o} to ${n}`, ...sides });
  },
};
