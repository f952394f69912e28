/**
 * Can one JSON value be valid under two schemas? Used to find oneOf branches that would both accept a value
 * (oneOf then rejects it). Conservative towards "no": the answer is yes only when nothing tells the two
 * apart — disjoint types, const/enum values, different string formats or patterns, disjoint numeric or length
 * ranges, a required property one side lacks, or a required property whose schemas cannot share a value.
 * Hand-written: deciding schema intersection exactly is not something a JSON Schema library offers.
 */
// @ts-nocheck

import { jsonEqual } from '../engine/identical.js';
import type { Located, SchemaView } from '../engine/types.js';
import type { Json } from '../../openapi/types.js';

/** A schema view with the view function of its own document (to look into its properties). */
export interface Side {
  v: SchemaView;
  view: (at: Located) => SchemaView;
}

/** Formats that only name a size of number: never tell two schemas apart. */
const NUMERIC_FORMATS = new Set(['int32', 'int64', 'float', 'double']);

const jsonType = (x: Json): string =>
  x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'number' ? (Number.isInteger(x) ? 'integer' : 'number') : typeof x === 'object' ? 'object' : typeof x;

/** Types both allow (integer is a number); undefined: both allow any type. */
function commonTypes(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): Set<string> | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) return new Set(a ?? b);
  const out = new Set<string>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

const allows = (types: ReadonlySet<string> | undefined, nullable: boolean, x: Json): boolean => {
  const t = jsonType(x);
  if (t === 'null') return nullable || types === undefined;
  return types === undefined || types.has(t) || (t === 'integer' && types.has('number'));
};

const values = (v: SchemaView): readonly Json[] | undefined => {
  const c = v.kw('const');
  if (c !== undefined) return [c];
  const e = v.kw('enum');
  return Array.isArray(e) ? e : undefined;
};

const num = (x: Json | undefined): number | undefined => (typeof x === 'number' ? x : undefined);

/** [low, high] with exclusivity, from minimum/maximum and both forms of exclusiveMinimum/Maximum. */
function range(v: SchemaView): { lo: number; loEx: boolean; hi: number; hiEx: boolean } {
  let lo = num(v.kw('minimum')) ?? -Infinity;
  let hi = num(v.kw('maximum')) ?? Infinity;
  let loEx = v.kw('exclusiveMinimum') === true;
  let hiEx = v.kw('exclusiveMaximum') === true;
  const xmin = num(v.kw('exclusiveMinimum'));
  const xmax = num(v.kw('exclusiveMaximum'));
  if (xmin !== undefined && xmin >= lo) [lo, loEx] = [xmin, true];
  if (xmax !== undefined && xmax <= hi) [hi, hiEx] = [xmax, true];
  return { lo, loEx, hi, hiEx };
}

const disjointRanges = (a: ReturnType<typeof range>, b: ReturnType<typeof range>): boolean => {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  if (lo < hi) return false;
  if (lo > hi) return true;
  // A single point: shared only if neither side excludes it.
  const excluded = (r: ReturnType<typeof range>) => (r.lo === lo && r.loEx) || (r.hi === hi && r.hiEx);
  return excluded(a) || excluded(b);
};

const lengths = (v: SchemaView) => ({ lo: num(v.kw('minLength')) ?? 0, loEx: false, hi: num(v.kw('maxLength')) ?? Infinity, hiEx: false });

/**
 * `strictRequired`: `a` stands for values that were valid before, which carry only the properties `a`
 * declares; a property `b` requires and `a` does not declare then tells them apart.
 */
export function mayShareValues(a: Side, b: Side, strictRequired: boolean, depth = 3): boolean {
  if (depth <= 0) return true;
  const av = a.v;
  const bv = b.v;
  const types = commonTypes(av.types, bv.types);
  if (types !== undefined && types.size === 0) return av.nullable && bv.nullable;

  const aValues = values(av);
  const bValues = values(bv);
  if (aValues && bValues) return aValues.some((x) => bValues.some((y) => jsonEqual(x, y)));
  if (aValues) return aValues.some((x) => allows(bv.types, bv.nullable, x));
  if (bValues) return bValues.some((x) => allows(av.types, av.nullable, x));

  const only = (...ts: string[]) => types !== undefined && [...types].every((t) => ts.includes(t));
  if (only('string')) {
    const fa = av.kw('format');
    const fb = bv.kw('format');
    if (typeof fa === 'string' && typeof fb === 'string' && fa !== fb && !NUMERIC_FORMATS.has(fa) && !NUMERIC_FORMATS.has(fb)) return false;
    const pa = av.kw('pattern');
    const pb = bv.kw('pattern');
    if (pa !== undefined && pb !== undefined && pa !== pb) return false;
    if (disjointRanges(lengths(av), lengths(bv))) return false;
  }
  if (only('integer', 'number') && disjointRanges(range(av), range(bv))) return false;

  // Only when both must be objects: otherwise a value of another type may still be shared.
  if (types !== undefined && types.size === 1 && types.has('object') && !objectsMayShare(a, b, strictRequired, depth)) return false;
  return true;
}

function objectsMayShare(a: Side, b: Side, strictRequired: boolean, depth: number): boolean {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const name of x.v.required) {
      const yProp = y.v.properties.get(name);
      if (yProp === undefined) {
        // y closed (or y is the old side, whose values do not carry it): a value with the property is not one of y's.
        if (y.v.additionalProperties === false || (strictRequired && y === a)) return false;
        continue;
      }
      const xProp = x.v.properties.get(name);
      if (xProp !== undefined && !mayShareValues({ v: x.view(xProp), view: x.view }, { v: y.view(yProp), view: y.view }, strictRequired, depth - 1)) return false;
    }
  }
  return true;
}
