/**
 * Attributes operations to schema changes: each pair node learns which operations reach it. Only "dirty"
 * nodes (a change at or below them) are walked, so unchanged parts of big specs cost nothing here.
 */
// @ts-nocheck

import type { PairNode } from './compare.js';

export function attributeOperations(nodes: readonly PairNode[], roots: readonly (readonly PairNode[])[]): void {
  // dirty = can reach a node with changes: walk the reversed graph upwards from every changed node.
  const parents = new Map<PairNode, PairNode[]>();
  for (const p of nodes) {
    for (const c of p.children) {
      const list = parents.get(c);
      if (list) list.push(p);
      else parents.set(c, [p]);
    }
  }
  const stack: PairNode[] = [];
  for (const p of nodes) {
    if (p.changes.length > 0 && !p.dirty) {
      p.dirty = true;
      stack.push(p);
    }
    while (stack.length > 0) {
      const c = stack.pop() as PairNode;
      for (const parent of parents.get(c) ?? []) {
        if (!parent.dirty) {
          parent.dirty = true;
          stack.push(parent);
        }
      }
    }
  }
  roots.forEach((opRoots, opIndex) => {
    const walk = opRoots.filter((r) => r.dirty);
    while (walk.length > 0) {
      const p = walk.pop() as PairNode;
      if (p.stamp === opIndex) continue;
      p.stamp = opIndex;
      if (p.changes.length > 0) (p.ops ??= new Set()).add(opIndex);
      for (const c of p.children) if (c.dirty && c.stamp !== opIndex) walk.push(c);
    }
  });
}
