/** Shared logic for rules about one schema keyword being set, removed or changed. */
// @ts-nocheck

import { jsonEqual } from '../engine/identical.js';
import type { Json } from '../../openapi/types.js';
import type { SchemaCheck } from '../engine/types.js';
import type { SchemaRule } from './define.js';
import { show } from './format.js';

export interface KeywordRules {
  set?: SchemaRule;
  removed?: SchemaRule;
  changed?: SchemaRule;
}

/** A check that reports `keyword` appearing, disappearing or changing value (values compared as JSON). */
export function keywordCheck(
  keyword: string,
  rules: KeywordRules,
  label = keyword,
  /** Maps values that mean "not set" (e.g. `exclusiveMaximum: false`) to undefined. */
  normalise: (v: Json | undefined) => Json | undefined = (v) => v,
): SchemaCheck {
  return {
    name: keyword,
    rules: [rules.set, rules.removed, rules.changed].filter((r): r is SchemaRule => r !== undefined),
    check({ old, new: neu, emit }) {
      const o = normalise(old.kw(keyword));
      const n = normalise(neu.kw(keyword));
      if (o === undefined && n === undefined) return;
      const sides = { old: { pointer: old.kwPtr(keyword), value: o }, new: { pointer: neu.kwPtr(keyword), value: n } };
      if (o === undefined) {
        if (rules.set) emit(rules.set, { detail: '', message: `${label} set to ${show(n)}`, ...sides });
      } else if (n === undefined) {
        if (rules.removed) emit(rules.removed, { detail: '', message: `${label} ${show(o)} removed`, ...sides });
      } else if (!jsonEqual(o, n) && rules.changed) {
        emit(rules.changed, { detail: '', message: `${label} changed from ${show(o)} to ${show(n)}`, ...sides });
      }
    },
  };
}

/** A check for a boolean keyword (readOnly, deprecated, …): `true` versus anything else. */
export function flagCheck(keyword: string, set: SchemaRule, removed: SchemaRule): SchemaCheck {
  return {
    name: keyword,
    rules: [set, removed],
    check({ old, new: neu, emit }) {
      const o = old.kw(keyword) === true;
      const n = neu.kw(keyword) === true;
      if (o === n) return;
      emit(n ? set : removed, {
        detail: '',
        message: `${keyword} ${n ? 'set' : 'removed'}`,
        old: { pointer: old.kwPtr(keyword), value: o },
        new: { pointer: neu.kwPtr(keyword), value: n },
      });
    },
  };
}
