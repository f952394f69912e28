/**
 * Numeric bounds with their exclusive forms, compared as the EFFECTIVE bound: a value and whether the value
 * itself is excluded. OpenAPI 3.0 writes `minimum: 1, exclusiveMinimum: true`; OpenAPI 3.1 (JSON Schema
 * 2020-12) writes `exclusiveMinimum: 1`: the same bound, so rewriting one as the other is no change. When a 3.1
 * schema has both `minimum` and `exclusiveMinimum`, the tighter one is the bound.
 *
 * Direction logic as for every bound (limits.ts): narrowing the accepted values (a larger lower bound, a smaller
 * upper bound, a bound added, or the same value made exclusive) breaks request writers and is info for response
 * readers; widening warns response readers and is info for request writers.
 *
 * Values are compared as real numbers: for an integer schema `exclusiveMinimum: 0` and `minimum: 1` accept the
 * same values but are reported as a changed bound.
 */
// @ts-nocheck

import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { schemaRule } from './define.js';
import { limitRules, type LimitRules } from './limits.js';

export interface Bound {
  value: number;
  exclusive: boolean;
  /** Where the number is written, and where the exclusivity is (the 3.0 flag, else the number itself). */
  valuePtr: string;
  flagPtr: string;
}

type Side = 'lower' | 'upper';
const KEYS: Record<Side, { inclusive: string; exclusive: string }> = {
  lower: { inclusive: 'minimum', exclusive: 'exclusiveMinimum' },
  upper: { inclusive: 'maximum', exclusive: 'exclusiveMaximum' },
};

/** Is `a` a strictly tighter bound than `b`? */
function tighter(side: Side, a: Bound, b: Bound): boolean {
  if (a.value !== b.value) return side === 'lower' ? a.value > b.value : a.value < b.value;
  return a.exclusive && !b.exclusive;
}

/** The effective lower or upper bound of a schema (both OpenAPI 3.0 and 3.1 forms), or undefined. */
export function effectiveBound(v: SchemaView, side: Side): Bound | undefined {
  const { inclusive, exclusive } = KEYS[side];
  const inc = v.kw(inclusive);
  const ex = v.kw(exclusive);
  let best: Bound | undefined;
  if (typeof inc === 'number') {
    // 3.0: `exclusiveMinimum: true` makes `minimum` exclusive (alone it means nothing).
    const flag = ex === true;
    best = { value: inc, exclusive: flag, valuePtr: v.kwPtr(inclusive), flagPtr: flag ? v.kwPtr(exclusive) : v.kwPtr(inclusive) };
  }
  if (typeof ex === 'number') {
    const b: Bound = { value: ex, exclusive: true, valuePtr: v.kwPtr(exclusive), flagPtr: v.kwPtr(exclusive) };
    if (best === undefined || tighter(side, b, best)) best = b;
  }
  return best;
}

const show = (side: Side, b: Bound): string => `${side === 'lower' ? '>' : '<'}${b.exclusive ? '' : '='} ${b.value}`;

export interface BoundRules extends LimitRules {
  exclusiveSet: ReturnType<typeof schemaRule>;
  exclusiveRemoved: ReturnType<typeof schemaRule>;
}

export function boundRules(what: 'minimum' | 'maximum', side: Side): BoundRules {
  const { inclusive, exclusive } = KEYS[side];
  const noun = side === 'lower' ? 'lower' : 'upper';
  return {
    ...limitRules(what, `${noun} bound (${inclusive} or ${exclusive})`, side, side === 'upper' ? 'an' : 'a'),
    exclusiveSet: schemaRule({
      what: `exclusive-${what}-set`, kind: 'changed', request: 'breaking', response: 'info', family: `exclusive-${what}`, polarity: '+',
      doc: `the ${noun} bound of a {in} became exclusive: the bound value itself is refused (${exclusive})`,
    }),
    exclusiveRemoved: schemaRule({
      what: `exclusive-${what}-removed`, kind: 'changed', request: 'info', response: 'warning', family: `exclusive-${what}`, polarity: '-',
      doc: `the ${noun} bound of a {in} became inclusive: the bound value itself is allowed (${exclusive} removed)`,
    }),
  };
}

export function boundCheck(what: 'minimum' | 'maximum', side: Side, rules: BoundRules): SchemaCheck {
  const { inclusive, exclusive } = KEYS[side];
  return {
    name: inclusive,
    keywords: [inclusive, exclusive],
    rules: [rules.increased, rules.decreased, rules.set, rules.removed, rules.exclusiveSet, rules.exclusiveRemoved],
    check({ old, new: neu, emit }) {
      const o = effectiveBound(old, side);
      const n = effectiveBound(neu, side);
      if (o === undefined && n === undefined) return;
      const sides = (ptr: (b: Bound) => string) => ({
        old: o ? { pointer: ptr(o), value: show(side, o) } : { pointer: old.kwPtr(inclusive) },
        new: n ? { pointer: ptr(n), value: show(side, n) } : { pointer: neu.kwPtr(inclusive) },
      });
      const valueAt = (b: Bound) => b.valuePtr;
      if (o === undefined) emit(rules.set, { detail: '', message: `${what} set: ${show(side, n as Bound)}`, ...sides(valueAt) });
      else if (n === undefined) emit(rules.removed, { detail: '', message: `${what} ${show(side, o)} removed`, ...sides(valueAt) });
      else if (o.value !== n.value) {
        const up = n.value > o.value;
        emit(up ? rules.increased : rules.decreased, { detail: '', message: `${what} ${up ? 'increased' : 'decreased'} from ${show(side, o)} to ${show(side, n)}`, ...sides(valueAt) });
      } else if (o.exclusive !== n.exclusive) {
        emit(n.exclusive ? rules.exclusiveSet : rules.exclusiveRemoved, {
          detail: '',
          message: `${what} ${n.exclusive ? 'became exclusive' : 'became inclusive'}: ${show(side, o)} → ${show(side, n)}`,
          ...sides((b) => b.flagPtr),
        });
      }
    },
  };
}
