/**
 * Matches oneOf / anyOf / allOf branches between two versions by structure, so that an inlined branch and a
 * `$ref` to the same schema pair up, and reordering branches is no change. Hand-written: no library matches
 * JSON Schema branches modulo `$ref`.
 */
// @ts-nocheck

import type { JsonObject } from '../../openapi/types.js';
import type { SpecDoc } from './doc.js';
import { identicalModuloRefs } from './identical.js';
import type { Located, SchemaView } from './types.js';

export interface BranchMatch {
  pairs: [Located, Located][];
  removed: Located[];
  added: Located[];
}

const SHAPE_DEPTH = 1;

/** A structural key of a schema (refs resolved, a few levels deep): equal keys mean "same branch". */
export function shapeKey(doc: SpecDoc, at: Located, depth = SHAPE_DEPTH): string {
  const v = doc.view(at);
  const memo = doc.shapeMemo(depth);
  const known = memo.get(v.at.node);
  if (known !== undefined) return known;
  const parts: string[] = [
    v.types ? [...v.types].sort().join('|') : '*',
    v.nullable ? '?' : '',
    JSON.stringify(v.kw('enum') ?? null),
    JSON.stringify(v.kw('format') ?? null),
    JSON.stringify(v.kw('const') ?? null),
    [...v.required].sort().join(','),
  ];
  if (depth > 0) {
    const names = [...v.properties.keys()].sort();
    parts.push(names.map((n) => `${n}:${shapeKey(doc, v.properties.get(n) as Located, depth - 1)}`).join(','));
    if (v.items) parts.push(`[${shapeKey(doc, v.items, depth - 1)}]`);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      const list = v[key];
      if (list) parts.push(`${key}(${list.map((b) => shapeKey(doc, b, depth - 1)).sort().join(';')})`);
    }
  } else {
    parts.push([...v.properties.keys()].sort().join(','));
  }
  const key = parts.join('/');
  memo.set(v.at.node, key);
  return key;
}

const refName = (node: JsonObject): string | undefined => (typeof node.$ref === 'string' ? node.$ref.replace(/^.*\//, '') : undefined);

/** How alike two branch schemas look, 0 (unrelated) … 1; used only for branches with no exact partner. */
function similarity(a: SchemaView, b: SchemaView, aRaw: JsonObject, bRaw: JsonObject): number {
  const ta = a.types ? [...a.types].sort().join('|') : '*';
  const tb = b.types ? [...b.types].sort().join('|') : '*';
  if (ta !== tb) return 0;
  const ra = refName(aRaw);
  if (ra !== undefined && ra === refName(bRaw)) return 1;
  const na = [...a.properties.keys()];
  const nb = new Set(b.properties.keys());
  if (na.length === 0 && nb.size === 0) {
    // Scalars of one type: alike unless both are distinct titled / enum'ed variants.
    const ta2 = a.kw('title');
    const tb2 = b.kw('title');
    return ta2 !== undefined && tb2 !== undefined && ta2 !== tb2 ? 0 : 0.5;
  }
  const shared = na.filter((n) => nb.has(n)).length;
  const union = na.length + nb.size - shared;
  return union === 0 ? 0 : shared / union;
}

const MIN_SIMILARITY = 0.5;

const NO_BRANCHES: BranchMatch = { pairs: [], removed: [], added: [] };

export function matchBranches(oldDoc: SpecDoc, newDoc: SpecDoc, oldList: readonly Located[], newList: readonly Located[]): BranchMatch {
  if (oldList.length === 0 && newList.length === 0) return NO_BRANCHES;
  const pairs: [Located, Located][] = [];
  const oldLeft = new Set(oldList.map((_, i) => i));
  const newLeft = new Set(newList.map((_, i) => i));
  // 1. written the same way (the common case, and cheap): same `$ref`, or identical inline schemas; first at
  // the same position, then anywhere
  const same = (a: Located, b: Located) =>
    typeof a.node.$ref === 'string' ? a.node.$ref === b.node.$ref : b.node.$ref === undefined && identicalModuloRefs(a.node, b.node, undefined) !== undefined;
  const take = (i: number, j: number) => {
    pairs.push([oldList[i], newList[j]]);
    oldLeft.delete(i);
    newLeft.delete(j);
  };
  for (let i = 0; i < oldList.length && i < newList.length; i++) if (same(oldList[i], newList[i])) take(i, i);
  for (const i of [...oldLeft]) {
    for (const j of newLeft) {
      if (!same(oldList[i], newList[j])) continue;
      take(i, j);
      break;
    }
  }
  // 2. same structure (covers inline ↔ $ref and reordering)
  const newByShape = new Map<string, number[]>();
  if (oldLeft.size > 0) newList.forEach((b, j) => {
    if (!newLeft.has(j)) return;
    const k = shapeKey(newDoc, b);
    const list = newByShape.get(k);
    if (list) list.push(j);
    else newByShape.set(k, [j]);
  });
  oldList.forEach((b, i) => {
    if (!oldLeft.has(i) || newLeft.size === 0) return;
    const candidates = newByShape.get(shapeKey(oldDoc, b));
    const j = candidates?.find((c) => newLeft.has(c));
    if (j !== undefined) {
      pairs.push([b, newList[j]]);
      oldLeft.delete(i);
      newLeft.delete(j);
    }
  });
  // 3. best remaining by similarity, greedily
  if (oldLeft.size > 0 && newLeft.size > 0) {
    const scored: [number, number, number][] = [];
    for (const i of oldLeft) {
      const a = oldDoc.view(oldList[i]);
      for (const j of newLeft) {
        const s = similarity(a, newDoc.view(newList[j]), oldList[i].node, newList[j].node);
        if (s >= MIN_SIMILARITY) scored.push([s, i, j]);
      }
    }
    scored.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    for (const [, i, j] of scored) {
      if (!oldLeft.has(i) || !newLeft.has(j)) continue;
      pairs.push([oldList[i], newList[j]]);
      oldLeft.delete(i);
      newLeft.delete(j);
    }
  }
  return {
    pairs,
    removed: [...oldLeft].sort((a, b) => a - b).map((i) => oldList[i]),
    added: [...newLeft].sort((a, b) => a - b).map((j) => newList[j]),
  };
}
