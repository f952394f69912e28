/**
 * Shared logic for numeric bounds (maximum, minLength, maxItems, …). For an upper bound, decreasing it or
 * adding it narrows the accepted values (breaks request writers); increasing or removing it widens the values
 * a response may carry (can break readers). Lower bounds mirror that.
 */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule, type SchemaRule } from './define.js';

export interface LimitRules {
  increased: SchemaRule;
  decreased: SchemaRule;
  set: SchemaRule;
  removed: SchemaRule;
}

/** Declares the four rules of one bound keyword; `what` is the id stem, e.g. `max-length`. */
export function limitRules(what: string, keyword: string, bound: 'upper' | 'lower', article = 'a'): LimitRules {
  const narrows = { request: 'breaking', response: 'info' } as const;
  const widens = { request: 'info', response: 'warning' } as const;
  const upper = bound === 'upper';
  return {
    increased: schemaRule({
      what: `${what}-increased`, kind: 'changed', ...(upper ? widens : narrows), family: what, polarity: '+',
      doc: `the ${keyword} of a {in} was increased`,
    }),
    decreased: schemaRule({
      what: `${what}-decreased`, kind: 'changed', ...(upper ? narrows : widens), family: what, polarity: '-',
      doc: `the ${keyword} of a {in} was decreased`,
    }),
    set: schemaRule({
      what: `${what}-set`, kind: 'changed', ...narrows, family: `${what}-bound`, polarity: '+',
      doc: `${article} ${keyword} was added to a {in}`,
    }),
    removed: schemaRule({
      what: `${what}-removed`, kind: 'changed', ...widens, family: `${what}-bound`, polarity: '-',
      doc: `the ${keyword} of a {in} was removed`,
    }),
  };
}

export function limitCheck(keyword: string, rules: LimitRules): SchemaCheck {
  return {
    name: keyword,
    rules: [rules.increased, rules.decreased, rules.set, rules.removed],
    check({ old, new: neu, emit }) {
      const raw = [old.kw(keyword), neu.kw(keyword)];
      const [o, n] = raw.map((v) => (typeof v === 'number' ? v : undefined));
      if (o === n) return;
      const sides = { old: { pointer: old.kwPtr(keyword), value: o }, new: { pointer: neu.kwPtr(keyword), value: n } };
      if (o === undefined) emit(rules.set, { detail: '', message: `${keyword} set to ${n}`, ...sides });
      else if (n === undefined) emit(rules.removed, { detail: '', message: `${keyword} ${o} removed`, ...sides });
      else emit(n > o ? rules.increased : rules.decreased, { detail: '', message: `${keyword} ${n > o ? 'increased' : 'decreased'} from ${o} to ${n}`, ...sides });
    },
  };
}
