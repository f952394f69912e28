/**
 * `components.schemas`: unused components are compared without a direction (`schema-…` rules, section
 * components); renamed components (same structure, new name) are reported once as a rename; unused
 * components that come or go are reported as added / removed. Used components that come or go are not:
 * inlining or extracting a schema is no API change, and what it contains is compared where it is used.
 */
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { componentSchemaAdded, componentSchemaRemoved, componentSchemaRenamed } from '../rules/component-schema.js';
import { SchemaComparer, type PairNode } from './compare.js';
import { ptrJoin, type SpecDoc } from './doc.js';
import { identicalModuloRefs } from './identical.js';
import { namesAlike, nameSimilarity, RENAME_MIN_SCORE, sameFacts, schemaFacts, similarity, type Facts } from './rename.js';
import type { DiffRun } from './run.js';
import type { Located } from './types.js';

/** Where named schemas live: `components.schemas`, or `definitions` in Swagger 2.0. */
function schemasOf(root: JsonObject): { schemas: JsonObject; base: string } {
  if (isObject(root.components) && isObject(root.components.schemas)) return { schemas: root.components.schemas, base: '/components/schemas' };
  if (isObject(root.definitions)) return { schemas: root.definitions, base: '/definitions' };
  return { schemas: {}, base: '/components/schemas' };
}

/**
 * Removed and added components paired as renames: structurally identical (score 1), or nearly so (score ≥
 * RENAME_MIN_SCORE) with names alike (namesAlike). Among candidates, the likest names pair first
 * (uint16_no_val → uint16_no_val_struct, not the equally shaped uint64_no_val_struct), then the higher
 * score; each component is paired at most once.
 */
function renamePairs(
  run: DiffRun,
  onlyOld: readonly string[],
  onlyNew: readonly string[],
  oldAt: (name: string) => Located,
  newAt: (name: string) => Located,
): { oldName: string; newName: string; score: number }[] {
  if (onlyOld.length === 0 || onlyNew.length === 0) return [];
  // The full facts walk RENAME_DEPTH levels (thousands of facts for a big webhook payload): it is taken only
  // for pairs that can still qualify, that is with names alike, or with the same own facts (score 1 needs them).
  const memo = (doc: SpecDoc, at: (name: string) => Located, depth?: number) => {
    const known = new Map<string, Facts>();
    return (name: string): Facts => {
      let facts = known.get(name);
      if (facts === undefined) {
        facts = schemaFacts(doc, at(name), depth);
        known.set(name, facts);
      }
      return facts;
    };
  };
  const oldOwn = memo(run.oldDoc, oldAt, 0);
  const newOwn = memo(run.newDoc, newAt, 0);
  const oldFacts = memo(run.oldDoc, oldAt);
  const newFacts = memo(run.newDoc, newAt);
  const candidates: { oldName: string; newName: string; score: number; names: number }[] = [];
  for (const oldName of onlyOld) {
    for (const newName of onlyNew) {
      const alike = namesAlike(oldName, newName);
      if (!alike && !sameFacts(oldOwn(oldName), newOwn(newName))) continue;
      const score = similarity(oldFacts(oldName), newFacts(newName));
      if (score < RENAME_MIN_SCORE || (score < 1 && !alike)) continue;
      candidates.push({ oldName, newName, score, names: nameSimilarity(oldName, newName) });
    }
  }
  candidates.sort((a, b) => b.names - a.names || b.score - a.score || (a.oldName < b.oldName ? -1 : a.oldName > b.oldName ? 1 : a.newName < b.newName ? -1 : 1));
  const usedOld = new Set<string>();
  const usedNew = new Set<string>();
  const out: { oldName: string; newName: string; score: number }[] = [];
  for (const c of candidates) {
    if (usedOld.has(c.oldName) || usedNew.has(c.newName)) continue;
    usedOld.add(c.oldName);
    usedNew.add(c.newName);
    out.push({ oldName: c.oldName, newName: c.newName, score: c.score });
  }
  return out;
}

/** Does any pair reachable from `root` carry a change? */
function anyChange(root: PairNode): boolean {
  const seen = new Set<PairNode>();
  const stack = [root];
  while (stack.length > 0) {
    const p = stack.pop() as PairNode;
    if (seen.has(p)) continue;
    seen.add(p);
    if (p.changes.length > 0) return true;
    stack.push(...p.children);
  }
  return false;
}

/**
 * Pairs of schemas that operations compared, by the content of their two sides: so that an unused
 * component that is an exact copy of an inline schema (an old spec that inlines everything under paths and
 * keeps component copies) is known to have been compared already. Built on first need only; each object is
 * hashed once (its hash is built from its children's), so the cost is at most one pass over each document.
 */
class TwinPairs {
  /** The compared pairs by their shallow shapes: only pairs of the same shapes are hashed (issue 12). */
  private byShape: Map<string, [JsonObject, JsonObject][]> | undefined;
  private readonly oldHash = contentHasher();
  private readonly newHash = contentHasher();

  constructor(private readonly run: DiffRun) {}

  compared(o: JsonObject, n: JsonObject): boolean {
    if (this.byShape === undefined) {
      this.byShape = new Map();
      for (const pair of this.run.comparer.directedPairs()) {
        const key = `${shallowShape(pair[0])} ${shallowShape(pair[1])}`;
        const list = this.byShape.get(key);
        if (list) list.push(pair);
        else this.byShape.set(key, [pair]);
      }
    }
    const candidates = this.byShape.get(`${shallowShape(o)} ${shallowShape(n)}`);
    if (candidates === undefined) return false;
    const ho = this.oldHash(o);
    const hn = this.newHash(n);
    return candidates.some(([a, b]) => this.oldHash(a) === ho && this.newHash(b) === hn);
  }
}

/**
 * An object's keys and property names, sorted: equal for equal content (key order aside), so a cheap filter
 * before the content hash, which walks the whole subtree.
 */
function shallowShape(value: JsonObject): string {
  const props = value.properties;
  const names = isObject(props) ? Object.keys(props).sort() : [];
  return JSON.stringify([Object.keys(value).sort(), names]);
}

/**
 * Content identity of JSON values (key order aside), memoised per object: equal content gets the same number.
 * Hash-consing rather than a digest: each object's text is built from its children's numbers, so it stays short,
 * and no two contents can collide (issue 12: sha1 of every object was a tenth of a GitHub-size diff).
 */
function contentHasher(): (value: Json) => string {
  const memo = new Map<object, string>();
  const ids = new Map<string, string>();
  const hash = (value: Json): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const known = memo.get(value);
    if (known !== undefined) return known;
    let text: string;
    if (Array.isArray(value)) {
      text = '[';
      for (let i = 0; i < value.length; i++) text += (i > 0 ? ',' : '') + hash(value[i]);
      text += ']';
    } else {
      text = '{';
      const keys = Object.keys(value).sort();
      for (let i = 0; i < keys.length; i++) text += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${hash(value[keys[i]])}`;
      text += '}';
    }
    let id = ids.get(text);
    if (id === undefined) {
      id = `#${ids.size}`;
      ids.set(text, id);
    }
    memo.set(value, id);
    return id;
  };
  return hash;
}

/** What a change in a component no operation uses says about it. */
export const UNUSED_NOTE = 'not used by any operation';

/**
 * Changes in components that no operation uses can break no client: they are info, whatever the rule's
 * level (that level, the more severe of request and response, is for `--select` without a direction), and
 * say why. Every pair below these roots was compared for them alone (context `schema`).
 */
function markUnused(roots: readonly PairNode[]): void {
  const seen = new Set<PairNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const p = stack.pop() as PairNode;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const c of p.changes) {
      c.level = 'info';
      c.message = `${c.message} (${UNUSED_NOTE})`;
    }
    stack.push(...p.children);
  }
}

export function diffComponents(run: DiffRun, reachedOld: ReadonlySet<JsonObject>, reachedNew: ReadonlySet<JsonObject>): void {
  const { schemas: os, base: oldBase } = schemasOf(run.oldDoc.root);
  const { schemas: ns, base: newBase } = schemasOf(run.newDoc.root);
  const located = (schemas: JsonObject, name: string): Located | undefined => {
    const node = schemas[name];
    return isObject(node) ? { node, ptr: ptrJoin(schemas === os ? oldBase : newBase, name) } : undefined;
  };
  const onlyOld: string[] = [];
  const onlyNew: string[] = [];
  const unusedRoots: PairNode[] = [];
  const twins = new TwinPairs(run);
  for (const name of Object.keys(ns).sort()) {
    const nAt = located(ns, name);
    if (!nAt) continue;
    const oAt = located(os, name);
    if (!oAt) {
      onlyNew.push(name);
      continue;
    }
    const oUsed = reachedOld.has(run.oldDoc.resolve(oAt).node);
    const nUsed = reachedNew.has(run.newDoc.resolve(nAt).node);
    if (oUsed && nUsed) continue;
    const o = run.oldDoc.resolve(oAt).node;
    const n = run.newDoc.resolve(nAt).node;
    // An unused copy of a schema that operations use inline (or the reverse) changed as that schema did:
    // the change is reported once, under the operations.
    if (identicalModuloRefs(o, n, undefined)?.length !== 0 && twins.compared(o, n)) continue;
    unusedRoots.push(run.comparer.compare(oAt, nAt, 'schema'));
  }
  for (const name of Object.keys(os).sort()) if (!(name in ns) && located(os, name)) onlyOld.push(name);

  // Renames need evidence: the same structure, or nearly so (rename.ts) under a similar name. A scratch
  // comparer tells identical from changed without reporting anything; a changed rename's changes are
  // reported where operations use it, or (unused) compared here without a direction.
  const scratch = new SchemaComparer(run.oldDoc, run.newDoc);
  const renamedNew = new Set<string>();
  const renamedOld = new Set<string>();
  for (const { oldName, newName, score } of renamePairs(run, onlyOld, onlyNew, (name) => located(os, name) as Located, (name) => located(ns, name) as Located)) {
    const oAt = located(os, oldName) as Located;
    const nAt = located(ns, newName) as Located;
    const changed = anyChange(scratch.compare(oAt, nAt, 'schema'));
    renamedNew.add(newName);
    renamedOld.add(oldName);
    const oUsed = reachedOld.has(run.oldDoc.resolve(oAt).node);
    const nUsed = reachedNew.has(run.newDoc.resolve(nAt).node);
    if (changed && !(oUsed && nUsed)) unusedRoots.push(run.comparer.compare(oAt, nAt, 'schema'));
    run.emitter(`#${ptrJoin(newBase, newName)}`, [], oAt.ptr, ptrJoin(newBase, newName))(componentSchemaRenamed, {
      detail: `${oldName} -> ${newName}`,
      message: changed
        ? `component schema '${oldName}' renamed to '${newName}', and changed (similarity ${score.toFixed(2)})`
        : `component schema '${oldName}' renamed to '${newName}'`,
      old: { value: oldName },
      new: { value: newName },
    });
  }
  markUnused(unusedRoots);
  run.detachedRoots.push(...unusedRoots);
  for (const name of onlyOld) {
    const oAt = located(os, name) as Located;
    if (renamedOld.has(name) || reachedOld.has(run.oldDoc.resolve(oAt).node)) continue;
    run.emitter(`#${oAt.ptr}`, [], oAt.ptr, newBase)(componentSchemaRemoved, { detail: name, message: `unused component schema '${name}' removed`, old: { value: oAt.node } });
  }
  for (const name of onlyNew) {
    const nAt = located(ns, name) as Located;
    if (renamedNew.has(name) || reachedNew.has(run.newDoc.resolve(nAt).node)) continue;
    run.emitter(`#${nAt.ptr}`, [], newBase, nAt.ptr)(componentSchemaAdded, { detail: name, message: `unused component schema '${name}' added`, new: { value: nAt.node } });
  }
}
