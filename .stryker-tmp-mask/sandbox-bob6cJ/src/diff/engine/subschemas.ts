/**
 * The JSON Schema 2020-12 keywords that hold sub-schemas, paired old ↔ new for the comparer to recurse into
 * (compare.ts `fill`), so that a change deep inside one is reported at its own place. Whether a keyword
 * appeared or disappeared is the rules' business (schema-contains.ts, schema-conditional.ts, …); here only
 * sub-schemas present on both sides (or standing for "anything" on one side) are paired.
 *
 * Direction: every sub-schema constrains the same instance data (or part of it) as its parent, so it keeps
 * the parent's direction — except `not`, whose sub-schema describes what is refused: narrowing it widens
 * what the schema accepts, so it is compared in the opposite direction (`flip`). An `if` condition written
 * differently is the one `if-changed` warning (its effect cannot be judged); one written identically is still
 * compared, without a direction (`undirected`), so that a change in a schema it references is not lost.
 */
// @ts-nocheck

import { isObject, type Json } from '../../openapi/types.js';
import { jsonEqual } from './identical.js';
import { ptrJoin } from './doc.js';
import type { Located, SchemaView } from './types.js';

export interface SubSchemaPair {
  old: Located;
  new: Located;
  /** Compare in the opposite direction (request ↔ response): inside `not`. */
  flip?: boolean;
  /** Compare without a direction (`schema-…` rules): what an `if` refers to. */
  undirected?: boolean;
}

const EMPTY = Object.freeze({});

/** A schema value (object, or `true` = `{}`) found at `ptr`; undefined for `false`, absent or not a schema. */
const schemaAt = (v: Json | undefined, ptr: string): Located | undefined =>
  isObject(v) ? { node: v, ptr } : v === true ? { node: EMPTY, ptr } : undefined;

/** A fresh `{}` (anything allowed) standing for an absent keyword, located where it would be written. */
const anything = (ptr: string): Located => ({ node: {}, ptr });

/** A keyword's sub-schema on one side (keyword looked up through merged allOf branches). */
const one = (v: SchemaView, key: string): Located | undefined => schemaAt(v.kw(key), v.kwPtr(key));

/** What applies to items past `prefixItems`: false (nothing), a schema, or anything. */
function itemsAfterPrefix(v: SchemaView): Located | false {
  const items = v.kw('items');
  if (items === false) return false;
  return schemaAt(items, v.kwPtr('items')) ?? anything(ptrJoin(v.at.ptr, 'items'));
}

/** Sub-schemas of a map keyword (dependentSchemas, patternProperties, $defs) present under the same name on both sides. */
function byName(ov: SchemaView, nv: SchemaView, key: string, out: SubSchemaPair[]): void {
  const a = ov.kw(key);
  const b = nv.kw(key);
  if (!isObject(a) || !isObject(b)) return;
  const aPtr = ov.kwPtr(key);
  const bPtr = nv.kwPtr(key);
  for (const name of Object.keys(a)) {
    if (!(name in b)) continue;
    const x = schemaAt(a[name], ptrJoin(aPtr, name));
    const y = schemaAt(b[name], ptrJoin(bPtr, name));
    if (x && y) out.push({ old: x, new: y });
  }
}

/** The keywords subSchemaPairs looks at: without any of them on either side there is nothing to pair. */
export const SUB_SCHEMA_KEYWORDS: readonly string[] = [
  'contains', 'propertyNames', 'then', 'else', 'contentSchema', 'if', 'not', 'unevaluatedProperties', 'unevaluatedItems',
  'prefixItems', 'dependentSchemas', 'patternProperties', '$defs',
];

/** Every sub-schema pair below the 2020-12 keywords of two compared schemas. */
export function subSchemaPairs(ov: SchemaView, nv: SchemaView): SubSchemaPair[] {
  const out: SubSchemaPair[] = [];
  // Single sub-schemas compared only when both sides have one (set / removed are rules of their own).
  for (const key of ['contains', 'propertyNames', 'then', 'else', 'contentSchema'] as const) {
    const a = one(ov, key);
    const b = one(nv, key);
    if (a && b) out.push({ old: a, new: b });
  }
  const ifA = one(ov, 'if');
  const ifB = one(nv, 'if');
  if (ifA && ifB && jsonEqual(ifA.node, ifB.node)) out.push({ old: ifA, new: ifB, undirected: true });
  const notA = one(ov, 'not');
  const notB = one(nv, 'not');
  if (notA && notB) out.push({ old: notA, new: notB, flip: true });
  // unevaluatedProperties / unevaluatedItems: like additionalProperties, an absent one allows anything;
  // `false` on either side is the closed-set / closed-removed rule, not a schema comparison.
  for (const key of ['unevaluatedProperties', 'unevaluatedItems'] as const) {
    const a = ov.kw(key);
    const b = nv.kw(key);
    if (a === false || b === false || (!isObject(a) && !isObject(b))) continue;
    out.push({ old: one(ov, key) ?? anything(ptrJoin(ov.at.ptr, key)), new: one(nv, key) ?? anything(ptrJoin(nv.at.ptr, key)) });
  }
  // prefixItems: position i is governed by prefixItems[i] when there is one, else by `items` (or nothing when
  // `items: false`). A position that exists on one side only is compared with what governed it on the other.
  const pa = ov.kw('prefixItems');
  const pb = nv.kw('prefixItems');
  if (Array.isArray(pa) || Array.isArray(pb)) {
    const la = Array.isArray(pa) ? pa : [];
    const lb = Array.isArray(pb) ? pb : [];
    for (let i = 0; i < Math.max(la.length, lb.length); i++) {
      const a = i < la.length ? schemaAt(la[i], ptrJoin(ov.kwPtr('prefixItems'), i)) : itemsAfterPrefix(ov);
      const b = i < lb.length ? schemaAt(lb[i], ptrJoin(nv.kwPtr('prefixItems'), i)) : itemsAfterPrefix(nv);
      // A position refused on one side (`false`, or `items: false` past the tuple) is the prefix-items rule.
      if (a && b) out.push({ old: a, new: b });
    }
  }
  for (const key of ['dependentSchemas', 'patternProperties', '$defs'] as const) byName(ov, nv, key, out);
  return out;
}
