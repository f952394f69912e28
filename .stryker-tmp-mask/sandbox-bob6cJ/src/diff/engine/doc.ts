/**
 * One side of a diff: the document, `$ref` resolution (cached per ref string) and normalised schema views
 * (cached per schema object, so that each schema is normalised once however many paths reach it).
 */
// @ts-nocheck

import { escapePointerToken, isLocalRef, parseRef, resolvePointer, unescapePointerToken } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { isAnnotation } from './identical.js';
import type { Located, MergedBranch, SchemaView } from './types.js';

/** Appends one token to a pointer. */
export const ptrJoin = (ptr: string, token: string | number): string => {
  const t = String(token);
  return t.includes('~') || t.includes('/') ? `${ptr}/${escapePointerToken(t)}` : `${ptr}/${t}`;
};

/** Siblings of `$ref` that change nothing a rule checks: pure annotations, and a Reference Object's `summary`. */
const nonSemanticSibling = (key: string): boolean => key === 'summary' || isAnnotation(key);

/** Does this `$ref` object carry keywords that are laid over its target (see SpecDoc.resolve)? */
export function hasSiblings(ref: JsonObject): boolean {
  for (const key in ref) if (key !== '$ref' && !nonSemanticSibling(key)) return true;
  return false;
}

/** The one branch of `{allOf: [X]}` (beside wording keywords only), located; otherwise undefined. */
export function soleAllOf(at: Located): Located | undefined {
  const list = at.node.allOf;
  if (!Array.isArray(list) || list.length !== 1 || !isObject(list[0])) return undefined;
  for (const key in at.node) if (key !== 'allOf' && !nonSemanticSibling(key)) return undefined;
  return { node: list[0], ptr: ptrJoin(ptrJoin(at.ptr, 'allOf'), 0) };
}

const EMPTY_SCHEMA: JsonObject = Object.freeze({}) as JsonObject;

export class SpecDoc {
  readonly root: JsonObject;
  private readonly refTargets = new Map<string, Located | null>();
  // Plain Maps, not WeakMaps: a SpecDoc lives for one diff, and weak tables cost far more at GC time.
  private readonly views = new Map<JsonObject, SchemaView>();
  private readonly building = new Set<JsonObject>();
  private readonly shapes: Map<JsonObject, string>[] = [];

  /** Swagger 2.0 keeps bodies in parameters, schemas under `definitions`, schemes under `securityDefinitions`. */
  readonly isSwagger2: boolean;

  constructor(root: JsonObject) {
    this.root = root;
    this.isSwagger2 = root.swagger !== undefined && root.openapi === undefined;
  }

  private readonly refNodes = new Map<string, JsonObject>();

  /** One `{ $ref }` object per ref text, so that resolving the same text twice yields the same object. */
  refNode(ref: string): Located {
    let node = this.refNodes.get(ref);
    if (node === undefined) {
      node = { $ref: ref };
      this.refNodes.set(ref, node);
    }
    return { node, ptr: '' };
  }

  /** The object a local `$ref` names, or undefined when it is external or dangles. */
  private refTarget(ref: string): Located | undefined {
    let hit = this.refTargets.get(ref);
    if (hit === undefined) {
      hit = null;
      if (isLocalRef(ref)) {
        const ptr = parseRef(ref).pointer;
        const node = resolvePointer(this.root, ptr);
        if (isObject(node)) hit = { node, ptr };
      }
      this.refTargets.set(ref, hit);
    }
    return hit ?? undefined;
  }

  /**
   * Follows `$ref` chains; an unresolvable ref stays as the `{ $ref }` object itself (compared by its text).
   * Keywords written next to a `$ref` (`{$ref, deprecated: true}`: ignored by OpenAPI 3.0, honoured by 3.1,
   * and how slurmrestd marks a referenced property deprecated) are laid over the target, so that such a
   * ref and an inlined copy carrying the keyword compare equal.
   */
  resolve(at: Located): Located {
    let current = at;
    // Refs along the chain carrying keywords (`A: {$ref: B, maxLength: 5}` reached through `{$ref: A}`).
    let sites: Located[] | undefined;
    for (let hops = 0; hops < 64 && typeof current.node.$ref === 'string'; hops++) {
      const next = this.refTarget(current.node.$ref);
      if (next === undefined) return current;
      if (hasSiblings(current.node)) (sites ??= []).push(current);
      current = next;
    }
    // The ref nearest the start wins where two set the same keyword.
    if (sites) for (let i = sites.length - 1; i >= 0; i--) current = this.overlay(sites[i].node, current, sites[i].ptr);
    return current;
  }

  private readonly overlays = new Map<JsonObject, Located>();
  /** Overlay node → pointer of the `{$ref, …}` object whose siblings it carries (where those keywords are written). */
  private readonly siblingSites = new Map<JsonObject, Map<string, string>>();

  /**
   * The target with the ref's sibling keywords laid over it; one object per ref site, located at the target.
   * A sibling replaces the target's keyword of the same name (an approximation of 3.1's "both apply" that is
   * exact for the flags and bounds written there in practice).
   */
  private overlay(ref: JsonObject, target: Located, site: string): Located {
    let hit = this.overlays.get(ref);
    if (hit === undefined) {
      const node: JsonObject = { ...target.node };
      // Keyword → pointer where it is written, for keywords brought by refs (this one and any inside `target`).
      const written = new Map(this.siblingSites.get(target.node));
      for (const key of Object.keys(ref)) {
        if (key === '$ref' || nonSemanticSibling(key)) continue;
        node[key] = ref[key];
        written.set(key, ptrJoin(site, key));
      }
      hit = { node, ptr: target.ptr };
      this.overlays.set(ref, hit);
      this.siblingSites.set(node, written);
    }
    return hit;
  }

  /**
   * The pointer of the `{$ref, …}` object when `pointer` names a keyword written beside that `$ref`
   * (`…/Mid/maxLength` with `Mid: {$ref: Leaf, maxLength: 5}`), at whatever hop of a ref chain; else undefined.
   */
  refSiteOf(pointer: string | undefined): string | undefined {
    if (pointer === undefined) return undefined;
    const cut = pointer.lastIndexOf('/');
    if (cut <= 0) return undefined;
    const key = unescapePointerToken(pointer.slice(cut + 1));
    if (key === '$ref' || nonSemanticSibling(key)) return undefined;
    const parent = pointer.slice(0, cut);
    return this.isRefAt(parent) && Object.hasOwn(resolvePointer(this.root, parent) as JsonObject, key) ? parent : undefined;
  }

  /** Is a `$ref` object written at this pointer? */
  isRefAt(pointer: string): boolean {
    const node = resolvePointer(this.root, pointer);
    return isObject(node) && typeof node.$ref === 'string';
  }

  /** A child value as a Located object (non-objects, e.g. boolean schemas, become `{}` or undefined). */
  child(at: Located, key: string | number): Located | undefined {
    const v = (at.node as Record<string, Json | undefined>)[key as string];
    if (isObject(v)) return { node: v, ptr: ptrJoin(at.ptr, key) };
    if (v === true) return { node: EMPTY_SCHEMA, ptr: ptrJoin(at.ptr, key) };
    return undefined;
  }

  /** Located children of an array-valued key (allOf, oneOf, parameters, …). */
  children(at: Located, key: string): Located[] {
    const v = at.node[key];
    if (!Array.isArray(v)) return [];
    const out: Located[] = [];
    v.forEach((item, i) => {
      if (isObject(item)) out.push({ node: item, ptr: ptrJoin(ptrJoin(at.ptr, key), i) });
    });
    return out;
  }

  /** Is `flag` (readOnly / writeOnly) true on this schema? Cheap unless allOf may bring it from a branch. */
  hasFlag(raw: Located, flag: 'readOnly' | 'writeOnly' | undefined): boolean {
    if (flag === undefined) return false;
    const at = this.resolve(raw);
    return at.node.allOf === undefined ? at.node[flag] === true : this.view(at).kw(flag) === true;
  }

  /** Memo for branch shape keys (see branches.ts), per resolved schema object. */
  shapeMemo(depth: number): Map<JsonObject, string> {
    return (this.shapes[depth] ??= new Map());
  }

  /** The normalised view of a schema (resolving `$ref` first). */
  view(raw: Located): SchemaView {
    const at = this.resolve(raw);
    let v = this.views.get(at.node);
    if (v === undefined) {
      v = this.buildView(at);
      this.views.set(at.node, v);
    }
    return v;
  }

  private buildView(at: Located): SchemaView {
    const node = at.node;
    // allOf: merge object-like branches into one view; anything else is compared branch by branch.
    const branches = this.children(at, 'allOf');
    let merged: MergedBranch[] | undefined;
    if (branches.length > 0) {
      const targets = branches.map((b) => this.resolve(b));
      // A branch that is being built right now is an allOf cycle: leave the allOf unmerged.
      if (!targets.some((b) => this.building.has(b.node) || b.node === node)) {
        this.building.add(node);
        try {
          const views = targets.map((b) => this.view(b));
          if (views.every(isMergeable)) merged = branches.map((raw, i) => ({ raw, view: views[i], isRef: typeof raw.node.$ref === 'string' }));
        } finally {
          this.building.delete(node);
        }
      }
    }

    const ownProperties = new Map<string, Located>();
    const props = this.child(at, 'properties');
    if (props) {
      for (const name of Object.keys(props.node)) {
        const p = this.child(props, name);
        if (p) ownProperties.set(name, p);
      }
    }
    const ownRequired = stringArray(node.required);
    // A property written in two branches would need an intersection of its schemas: not merged then.
    if (merged && mergeProperties(ownProperties, merged) === undefined) merged = undefined;
    const { properties, required } = merged ? combine(ownProperties, ownRequired, merged) : { properties: ownProperties, required: new Set(ownRequired) };
    const branchViews = merged ? merged.map((b) => b.view) : [];
    const own = node as Record<string, Json | undefined>;
    const kw = (name: string): Json | undefined => {
      if (own[name] !== undefined || name === 'allOf') return own[name];
      for (const bv of branchViews) {
        const v = bv.kw(name);
        if (v !== undefined) return v;
      }
      return undefined;
    };
    // Where the keyword is written; the schema itself when it is written nowhere (so the pointer resolves).
    const site = this.siblingSites.get(node);
    const kwPtr = (name: string): string => {
      // A keyword written beside the `$ref` (see overlay) is pointed at there, not in the target.
      const there = site?.get(name);
      if (there !== undefined) return there;
      if (own[name] !== undefined) return ptrJoin(at.ptr, name);
      for (const bv of branchViews) if (bv.kw(name) !== undefined) return bv.kwPtr(name);
      return at.ptr;
    };

    // type: a string or (3.1) an array; `null` in it and 3.0 `nullable` both mean nullable.
    let nullable = kw('nullable') === true;
    let types: Set<string> | undefined;
    const t = kw('type');
    if (typeof t === 'string') types = new Set([t]);
    else if (Array.isArray(t)) types = new Set(t.filter((x): x is string => typeof x === 'string'));
    if (types?.has('null')) {
      nullable = true;
      types.delete('null');
    }
    // `type: []` means nothing, `type: null` (alone) means "only null": an empty set of other types.
    if (types && types.size === 0 && !(t === 'null' || (Array.isArray(t) && t.length > 0))) types = undefined;
    // Generators often omit `type: object` next to `properties` (and `type: array` next to `items`): same meaning.
    if (types === undefined && (properties.size > 0 || kw('additionalProperties') !== undefined)) types = new Set(['object']);
    else if (types === undefined && kw('items') !== undefined) types = new Set(['array']);

    const oneOf = this.children(at, 'oneOf');
    const anyOf = this.children(at, 'anyOf');
    // A oneOf/anyOf without a type of its own has the types of its branches (and is nullable if one is).
    const alternatives = oneOf.length > 0 ? oneOf : anyOf;
    if (types === undefined && alternatives.length > 0) {
      const targets = alternatives.map((b) => this.resolve(b));
      if (!targets.some((b) => this.building.has(b.node) || b.node === node)) {
        this.building.add(node);
        try {
          const views = targets.map((b) => this.view(b));
          if (views.every((bv) => bv.types !== undefined)) types = new Set(views.flatMap((bv) => [...(bv.types as Set<string>)]));
          if (views.some((bv) => bv.nullable)) nullable = true;
        } finally {
          this.building.delete(node);
        }
      }
    }

    let additionalProperties: false | Located | undefined;
    if (node.additionalProperties === false) additionalProperties = false;
    else if (isObject(node.additionalProperties)) additionalProperties = this.child(at, 'additionalProperties');

    const items = isObject(node.items) ? this.child(at, 'items') : undefined;
    const not = this.child(at, 'not');
    return {
      at,
      types,
      nullable,
      properties,
      required,
      additionalProperties,
      items,
      oneOf: oneOf.length > 0 ? oneOf : undefined,
      anyOf: anyOf.length > 0 ? anyOf : undefined,
      allOf: branches.length > 0 && !merged ? branches : undefined,
      merged,
      ownProperties,
      ownRequired,
      not,
      kw,
      kwPtr,
    };
  }
}

/** All properties of a schema and its merged allOf branches, or undefined when two of them clash. */
function mergeProperties(own: ReadonlyMap<string, Located>, merged: readonly MergedBranch[]): Map<string, Located> | undefined {
  const all = new Map(own);
  for (const b of merged) {
    for (const [name, p] of b.view.properties) {
      const prev = all.get(name);
      if (prev !== undefined && prev.node !== p.node) return undefined;
      all.set(name, p);
    }
  }
  return all;
}

/** Properties and required names of a schema with (some of) its merged allOf branches. */
export function combine(
  ownProperties: ReadonlyMap<string, Located>,
  ownRequired: readonly string[],
  branches: readonly MergedBranch[],
): { properties: ReadonlyMap<string, Located>; required: ReadonlySet<string> } {
  const properties = mergeProperties(ownProperties, branches) ?? new Map(ownProperties);
  const required = new Set(ownRequired);
  for (const b of branches) for (const r of b.view.required) required.add(r);
  return { properties, required };
}

/** Can this allOf branch be folded into its parent without changing meaning? */
function isMergeable(v: SchemaView): boolean {
  if (v.oneOf || v.anyOf || v.allOf || v.not) return false;
  if (v.types && !(v.types.size === 1 && v.types.has('object'))) return false;
  return v.kw('enum') === undefined;
}

const stringArray = (v: Json | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

