/**
 * How deep a document nests, counting the levels a walker goes through when it follows local `$ref`s (a chain
 * of `allOf: [{$ref}]` is shallow as written but deep to walk). Every walker in specdrift recurses along the
 * document, so a document deeper than the limit is refused up front (docs/security.md, "Nesting depth").
 * Hand-written: one iterative pass, no recursion, so that measuring cannot itself overflow the stack.
 */
// @ts-nocheck

import { parseRef, pointerFromTokens, resolvePointer, tokensFromPointer } from './refs.js';
import type { Json } from './types.js';

/** The slurmrestd specs nest 24 levels as written, 40 through `$ref`s: 256 leaves room, and every walker survives it. */
export const DEFAULT_MAX_DEPTH = 256;

export interface DepthReport {
  /** Number of object members in the document as parsed (each object counted once). */
  keys: number;
  /** Set when the document nests deeper than the limit: where the first level past the limit is. */
  tooDeep?: { pointer: string; refs: number };
}

type Container = Json[] | { [key: string]: Json };
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;
/** A height still being measured (a `$ref` cycle reaches it again), in both walks below; -1 is "not seen yet". */
const IN_PROGRESS = -2;
const UNSEEN = -1;

interface Frame {
  node: Container;
  keys: string[] | undefined;
  i: number;
  /** The `$ref` target still to visit after the members (undefined once visited or when there is none). */
  ref: Container | undefined;
  height: number;
}

/**
 * Height of `root` (a container is one level; a `$ref` object leads on to its target, one level further) and its
 * member count. `followRefs: false` measures the document as written (request bodies, referenced files).
 *
 * Two plain passes, no per-node bookkeeping (a 10 MB spec has ~1 million containers): the first counts members,
 * measures the depth as written and collects the `$ref`s; the second, only when there are refs, measures each
 * ref target's own height and the refs inside it; heights through refs then come from that small graph.
 * The child loop is written out in each walk rather than shared: a shared one costs a call per member, and
 * every load runs this on the whole document (once: parseSpecText; loadSpec again only after bundling other files).
 */
export function measureDepth(root: unknown, limit: number, opts: { followRefs?: boolean } = {}): DepthReport {
  if (!isContainer(root)) return { keys: 0 };
  const followRefs = opts.followRefs !== false;
  // Pass 1.
  let keys = 0;
  let depth = 0;
  const refs = new Set<string>();
  const nodes: Container[] = [root];
  const levels: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const level = levels.pop()!;
    if (level > depth) depth = level;
    // Past the limit already: stop here (a YAML alias can make the parsed value cyclic, so this walk might not end).
    if (depth > limit) break;
    if (Array.isArray(node)) {
      for (const child of node) if (isContainer(child)) (nodes.push(child), levels.push(level + 1));
    } else {
      for (const key in node) {
        keys++;
        const child = node[key];
        if (isContainer(child)) (nodes.push(child), levels.push(level + 1));
        else if (key === '$ref' && followRefs && typeof child === 'string' && child.startsWith('#')) refs.add(child);
      }
    }
  }
  const tooDeep = () => {
    const found = locateTooDeep(root, limit, followRefs);
    return found ? { keys, tooDeep: found } : { keys };
  };
  if (depth > limit) return tooDeep();
  if (refs.size === 0) return { keys };
  return heightThroughRefs(root, refs) > limit ? tooDeep() : { keys };
}

/** Pass 2 and the graph of ref targets: the height of `root` when every local `$ref` is followed (cycles once). */
function heightThroughRefs(root: Container, refs: ReadonlySet<string>): number {
  const targetByRef = new Map<string, Container>();
  const targets = new Map<Container, number>(); // target → index in `graph`
  interface TargetNode {
    level: number;
    deepest: number;
    /** [weight, target index]: levels from this target down to a place, then the target found there. */
    edges: [number, number][];
  }
  const graph: TargetNode[] = [{ level: 1, deepest: 1, edges: [] }]; // 0: the root
  for (const ref of refs) {
    const found = resolvePointer(root as Json, parseRef(ref).pointer);
    if (!isContainer(found)) continue;
    targetByRef.set(ref, found);
    if (!targets.has(found)) targets.set(found, targets.size + 1);
  }
  targets.set(root, 0);
  const EXIT = null;
  const nodes: (Container | null)[] = [root];
  const levels: number[] = [1];
  const open: number[] = []; // indexes of the targets enclosing the current node, innermost last
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const level = levels.pop()!;
    if (node === EXIT) {
      const closed = graph[open.pop()!];
      const outer = graph[open[open.length - 1]];
      if (outer && closed.deepest > outer.deepest) outer.deepest = closed.deepest;
      continue;
    }
    const index = targets.get(node);
    if (index !== undefined) {
      if (graph[index] === undefined) graph[index] = { level, deepest: level, edges: [] };
      if (open.length > 0) graph[open[open.length - 1]].edges.push([level - graph[open[open.length - 1]].level, index]);
      open.push(index);
      nodes.push(EXIT);
      levels.push(level);
    }
    const enclosing = graph[open[open.length - 1]];
    if (level > enclosing.deepest) enclosing.deepest = level;
    if (Array.isArray(node)) {
      for (const child of node) if (isContainer(child)) (nodes.push(child), levels.push(level + 1));
    } else {
      for (const key in node) {
        const child = node[key];
        if (isContainer(child)) (nodes.push(child), levels.push(level + 1));
        else if (key === '$ref' && typeof child === 'string') {
          const target = targetByRef.get(child);
          // This object (one level) leads on to the target: levels from the enclosing target, plus the target's height.
          if (target !== undefined) enclosing.edges.push([level - enclosing.level + 1, targets.get(target)!]);
        }
      }
    }
  }
  // Heights over the graph, depth-first without recursion; an edge back into a target being measured counts 0.
  const heights = new Array<number>(graph.length).fill(UNSEEN);
  const stack: [number, number][] = [[0, 0]];
  heights[0] = IN_PROGRESS;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [index, edge] = top;
    const node = graph[index];
    if (node === undefined || edge >= node.edges.length) {
      stack.pop();
      let height = node ? node.deepest - node.level + 1 : 0;
      for (const [weight, to] of node?.edges ?? []) if (heights[to] >= 0) height = Math.max(height, weight + heights[to]);
      heights[index] = height;
      continue;
    }
    top[1]++;
    const to = node.edges[edge][1];
    if (heights[to] === UNSEEN) {
      heights[to] = IN_PROGRESS;
      stack.push([to, 0]);
    }
  }
  return heights[0];
}

/**
 * The error path: walks again, one frame per level, keeping heights of everything (so slower), and stops at the
 * first level past the limit, whose path the stack then holds. Undefined when it finds none.
 */
function locateTooDeep(root: Container, limit: number, followRefs: boolean): { pointer: string; refs: number } | undefined {
  const heights = new Map<Container, number>();
  const targets = new Map<string, Container | undefined>();
  const targetOf = (node: Container): Container | undefined => {
    if (!followRefs || Array.isArray(node)) return undefined;
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    if (!targets.has(ref)) {
      const found = resolvePointer(root as Json, parseRef(ref).pointer);
      targets.set(ref, isContainer(found) ? found : undefined);
    }
    return targets.get(ref);
  };
  const open = (node: Container): Frame => {
    heights.set(node, IN_PROGRESS);
    const own = Array.isArray(node) ? undefined : Object.keys(node);
    return { node, keys: own, i: 0, ref: targetOf(node), height: 1 };
  };
  const stack: Frame[] = [open(root)];
  // Stop measuring once the limit is passed: the report then walks down to where.
  let deepest = 0;
  while (stack.length > 0 && deepest <= limit) {
    const frame = stack[stack.length - 1];
    const length = frame.keys ? frame.keys.length : (frame.node as Json[]).length;
    let next: Container | undefined;
    while (next === undefined && frame.i < length) {
      const child = frame.keys ? (frame.node as Record<string, Json>)[frame.keys[frame.i]] : (frame.node as Json[])[frame.i];
      frame.i++;
      if (isContainer(child)) next = child;
    }
    if (next === undefined && frame.ref !== undefined) {
      next = frame.ref;
      frame.ref = undefined;
    }
    if (next === undefined) {
      stack.pop();
      heights.set(frame.node, frame.height);
      if (stack.length > 0) stack[stack.length - 1].height = Math.max(stack[stack.length - 1].height, frame.height + 1);
      continue;
    }
    const known = heights.get(next);
    if (known === IN_PROGRESS) continue; // a cycle through $refs: walkers stop there too
    // Measured before (reached again through a `$ref`): counted without walking it again, unless from here it
    // goes past the limit; then it is walked again to find where.
    if (known !== undefined && stack.length + known <= limit) {
      frame.height = Math.max(frame.height, known + 1);
      continue;
    }
    stack.push(open(next));
    deepest = Math.max(deepest, stack.length);
  }
  return deepest <= limit ? undefined : whereTooDeep(stack, limit);
}

/** The stack holds the path to the first level past the limit: its pointer, restarted at each `$ref` followed. */
function whereTooDeep(stack: readonly Frame[], limit: number): { pointer: string; refs: number } {
  let tokens: (string | number)[] = [];
  let refs = 0;
  for (let level = 1; level <= limit; level++) {
    const parent = stack[level - 1];
    const child = stack[level].node;
    // The frame's cursor has moved one past the member it descended into; otherwise it went on to the `$ref` target.
    if (!isMember(parent, child)) {
      refs++;
      tokens = tokensFromPointer(parseRef((parent.node as Record<string, Json>).$ref as string).pointer) ?? [];
    } else {
      tokens.push(parent.keys ? parent.keys[parent.i - 1] : parent.i - 1);
    }
  }
  return { pointer: pointerFromTokens(tokens), refs };
}

function isMember(frame: Frame, child: Container): boolean {
  const at = frame.i - 1;
  if (at < 0) return false;
  return (frame.keys ? (frame.node as Record<string, Json>)[frame.keys[at]] : (frame.node as Json[])[at]) === child;
}

/** A long pointer shown in one line: its start and its end. */
export function shortPointer(pointer: string, max = 160): string {
  if (pointer.length <= max) return pointer;
  const tokens = pointer.split('/');
  let head = '';
  let tail = '';
  for (let i = 1; i < tokens.length && head.length + tokens[i].length < max / 2; i++) head += `/${tokens[i]}`;
  for (let i = tokens.length - 1; i > 0 && tail.length + tokens[i].length < max / 2; i--) tail = `/${tokens[i]}${tail}`;
  return `${head}/…${tail}`;
}
