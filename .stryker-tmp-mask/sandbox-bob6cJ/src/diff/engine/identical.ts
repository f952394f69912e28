/**
 * Fast path of the comparer: are two schemas written identically, apart from wording (description, title,
 * examples, `x-` extensions)? Then no rule can fire on them, and only the schemas they `$ref` still need
 * comparing. On big specs most schemas are unchanged, and this walk (no allocation but the ref list) is far
 * cheaper than normalising and checking them. Must agree with the slow path: it only ever says "identical"
 * when the slow path would report nothing at this level.
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';

/**
 * Pure annotations: wording that changes nothing a client sends or receives. The one list both the fast path
 * and the `schema-keyword-changed` fallback skip; every other keyword that changes is reported by some rule.
 */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'externalDocs']);

/** Is `key` a pure annotation (a listed one or an `x-` extension)? */
export const isAnnotation = (key: string): boolean => ANNOTATIONS.has(key) || key.startsWith('x-');
// `not` and `if` are walked on their own: refs below `not` are compared in the opposite direction, refs below
// `if` without a direction (see subschemas.ts).
/** Keywords holding a map of schemas / a list of schemas / one schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema']);

/** Annotations are wording, except the sunset date the deprecation policy reads (rules/deprecation.ts). */
const relevant = (key: string): boolean => !isAnnotation(key) || key === 'x-sunset' || key === 'x-sunset-date';

/** A `$ref` found in both schemas at the same place, and whether it sits directly at a property (see compare.ts). */
export interface SharedRef {
  ref: string;
  property: boolean;
  /** Below an odd number of `not`s: compared in the opposite direction (see subschemas.ts). */
  flip?: boolean;
  /** Below an `if`: compared without a direction (see subschemas.ts). */
  undirected?: boolean;
}

/**
 * The shared `$ref`s when `a` and `b` are identical modulo wording (each ref then needs comparing), or
 * undefined when they differ anywhere a rule could see.
 */
export function identicalModuloRefs(
  a: JsonObject,
  b: JsonObject,
  hiddenFlag: 'readOnly' | 'writeOnly' | undefined,
  cache?: IdenticalCache,
): SharedRef[] | undefined {
  const refs: SharedRef[] = [];
  return sameSchema(a, b, refs, false, hiddenFlag, cache) ? refs : undefined;
}

/**
 * Object schemas already found identical (with the refs below them), for one hiding flag. A comparison that
 * fails deep down is repeated one level lower for each child; this keeps the children already walked from
 * being walked again.
 */
export type IdenticalCache = Map<JsonObject, { b: JsonObject; refs: SharedRef[] }>;

/**
 * `hiddenFlag`: a property carrying it (readOnly in a request, writeOnly in a response) is invisible in this
 * direction, so the refs below it are not collected (the slow path skips such properties too).
 */
function sameSchema(
  a: Json,
  b: Json,
  refs: SharedRef[],
  property: boolean,
  hiddenFlag: 'readOnly' | 'writeOnly' | undefined,
  cache: IdenticalCache | undefined,
): boolean {
  if (!isObject(a) || !isObject(b)) return jsonEqual(a, b);
  if (property) {
    // allOf may bring the hiding flag from a branch: leave such properties to the slow path.
    if (a.allOf !== undefined || b.allOf !== undefined) return false;
    if (hiddenFlag !== undefined && a[hiddenFlag] === true && b[hiddenFlag] === true) return isSameIgnoringRefs(a, b, hiddenFlag);
  }
  // Only object schemas are worth remembering (their children get compared again); the result does not
  // depend on `property` past the checks above, nor on where the walk started.
  const cacheable = cache !== undefined && a.properties !== undefined && a.$ref === undefined;
  if (cacheable) {
    const hit = cache.get(a);
    if (hit !== undefined && hit.b === b) {
      for (const r of hit.refs) refs.push(r);
      return true;
    }
  }
  const start = refs.length;
  let count = 0;
  for (const key in a) {
    if (!relevant(key)) continue;
    count++;
    const av = a[key];
    const bv = b[key];
    if (bv === undefined) return false;
    if (key === '$ref') {
      if (av !== bv) return false;
      refs.push({ ref: av as string, property });
    } else if (SCHEMA_MAPS.has(key)) {
      if (!isObject(av) || !isObject(bv)) {
        if (!jsonEqual(av, bv)) return false;
        continue;
      }
      let n = 0;
      for (const name in av) {
        n++;
        if (!(name in bv) || !sameSchema(av[name], bv[name], refs, key === 'properties', hiddenFlag, cache)) return false;
      }
      for (const _ in bv) n--;
      if (n !== 0) return false;
    } else if (SCHEMA_LISTS.has(key)) {
      if (!Array.isArray(av) || !Array.isArray(bv) || av.length !== bv.length) {
        if (!jsonEqual(av, bv)) return false;
        continue;
      }
      for (let i = 0; i < av.length; i++) if (!sameSchema(av[i], bv[i], refs, false, hiddenFlag, cache)) return false;
    } else if (key === 'not' || key === 'if') {
      const from = refs.length;
      if (!sameSchema(av, bv, refs, false, hiddenFlag, cache)) return false;
      // New objects: the ones pushed may be shared with the cache, which holds them relative to their own schema.
      for (let i = from; i < refs.length; i++) refs[i] = key === 'not' ? { ...refs[i], flip: !refs[i].flip } : { ...refs[i], undirected: true };
    } else if (SCHEMA_ONE.has(key)) {
      if (!sameSchema(av, bv, refs, false, hiddenFlag, cache)) return false;
    } else if (av !== bv && (typeof av !== 'object' || !jsonEqual(av, bv))) {
      return false;
    }
  }
  for (const key in b) if (relevant(key)) count--;
  if (count !== 0) return false;
  if (cacheable) cache.set(a, { b, refs: refs.slice(start) });
  return true;
}

/** Same comparison, refs dropped (for a hidden property: its insides cannot matter in this direction). */
function isSameIgnoringRefs(a: JsonObject, b: JsonObject, hiddenFlag: 'readOnly' | 'writeOnly'): boolean {
  return sameSchema(a, b, [], false, hiddenFlag, undefined);
}

/**
 * Deep equality of JSON values. Hand-written: util.isDeepStrictEqual handles every JS type and is several
 * times slower on the many small arrays (required, enum) a spec is full of.
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let count = 0;
  for (const key in a) {
    count++;
    if (!(key in b) || !jsonEqual(a[key], (b as JsonObject)[key])) return false;
  }
  for (const _ in b) count--;
  return count === 0;
}
