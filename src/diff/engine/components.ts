/**
 * `components.schemas`: unused components are compared without a direction (`schema-…` rules, section
 * components); renamed components (same structure, new name) are reported once as a rename; unused
 * components that come or go are reported as added / removed. Used components that come or go are not:
 * inlining or extracting a schema is no API change, and what it contains is compared where it is used.
 */
import { isObject, type JsonObject } from '../../spec/types.js';
import { componentSchemaAdded, componentSchemaRemoved, componentSchemaRenamed } from '../rules/component-schema.js';
import { shapeKey } from './branches.js';
import { SchemaComparer, type PairNode } from './compare.js';
import { ptrJoin } from './doc.js';
import type { DiffRun } from './run.js';
import type { Located } from './types.js';

/** Where named schemas live: `components.schemas`, or `definitions` in Swagger 2.0. */
function schemasOf(root: JsonObject): { schemas: JsonObject; base: string } {
  if (isObject(root.components) && isObject(root.components.schemas)) return { schemas: root.components.schemas, base: '/components/schemas' };
  if (isObject(root.definitions)) return { schemas: root.definitions, base: '/definitions' };
  return { schemas: {}, base: '/components/schemas' };
}

/** Rename candidates only need the top level to look alike: the scratch comparison decides. */
const RENAME_SHAPE_DEPTH = 0;

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
    unusedRoots.push(run.comparer.compare(oAt, nAt, 'schema'));
  }
  markUnused(unusedRoots);
  run.detachedRoots.push(...unusedRoots);
  for (const name of Object.keys(os).sort()) if (!(name in ns) && located(os, name)) onlyOld.push(name);

  // Renames: same structure under a new name, checked with a scratch comparer so nothing is reported twice.
  const scratch = new SchemaComparer(run.oldDoc, run.newDoc);
  const newByShape = new Map<string, string[]>();
  if (onlyOld.length > 0) for (const name of onlyNew) {
    const key = shapeKey(run.newDoc, located(ns, name) as Located, RENAME_SHAPE_DEPTH);
    newByShape.set(key, [...(newByShape.get(key) ?? []), name]);
  }
  const renamedNew = new Set<string>();
  const renamedOld = new Set<string>();
  for (const oldName of onlyOld) {
    const oAt = located(os, oldName) as Located;
    const candidates = newByShape.get(shapeKey(run.oldDoc, oAt, RENAME_SHAPE_DEPTH)) ?? [];
    const newName = candidates.find((c) => !renamedNew.has(c) && !anyChange(scratch.compare(oAt, located(ns, c) as Located, 'schema')));
    if (newName === undefined) continue;
    renamedNew.add(newName);
    renamedOld.add(oldName);
    run.emitter(`#${ptrJoin(newBase, newName)}`, [], oAt.ptr, ptrJoin(newBase, newName))(componentSchemaRenamed, {
      detail: `${oldName} -> ${newName}`,
      message: `component schema '${oldName}' renamed to '${newName}'`,
      old: { value: oldName },
      new: { value: newName },
    });
  }
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
