/**
 * How deep a document nests, counting the levels a walker goes through when it follows local `$ref`s (a chain
 * of `allOf: [{$ref}]` is shallow as written but deep to walk). Every walker in specdrift recurses along the
 * document, so a document deeper than the limit is refused up front (docs/security.md, "Nesting depth").
 * Hand-written: one iterative pass, no recursion, so that measuring cannot itself overflow the stack.
 */
import { parseRef, pointerFromTokens, resolvePointer, tokensFromPointer } from './refs.js';
import type { Json } from './types.js';

/** Real specs nest under 30 levels (slurmrestd: 24; GitHub: 23): 256 leaves room, and every walker survives it. */
export const DEFAULT_MAX_DEPTH = 256;

export interface DepthReport {
  /** Number of object members in the document as parsed (each object counted once). */
  keys: number;
  /** Set when the document nests deeper than the limit: where the first level past the limit is. */
  tooDeep?: { pointer: string; refs: number };
}

type Container = Json[] | { [key: string]: Json };
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;
const IN_PROGRESS = -1;

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
 */
export function measureDepth(root: unknown, limit: number, opts: { followRefs?: boolean } = {}): DepthReport {
  if (!isContainer(root)) return { keys: 0 };
  const followRefs = opts.followRefs !== false;
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
  let keys = 0;
  const open = (node: Container): Frame => {
    heights.set(node, IN_PROGRESS);
    const own = Array.isArray(node) ? undefined : Object.keys(node);
    if (own) keys += own.length;
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
  if (deepest <= limit) return { keys };
  return { keys, tooDeep: whereTooDeep(stack, limit) };
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
