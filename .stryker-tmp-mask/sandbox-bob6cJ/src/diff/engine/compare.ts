/**
 * The memoised, `$ref`-aware schema comparer. Every (old schema object × new schema object × context) pair is
 * compared once; the result is a node in a graph (children = nested pairs), so a recursive schema closes a
 * cycle instead of looping, and a change inside a shared schema is recorded once, on the pair where it was
 * made. Operations are attributed to pair nodes afterwards (attribute.ts).
 */
// @ts-nocheck

import type { JsonObject } from '../../openapi/types.js';
import type { RuleDef } from '../model.js';
import { SCHEMA_CTXS, type SchemaCtx, type SchemaRule } from '../rules/define.js';
import type { DeprecationPolicy } from '../rules/deprecation.js';
import { ONLY_WHEN_WRITTEN, SCHEMA_CHECKS, TYPE_CHECKS, unmodelledCheck } from '../rules/index-schema.js';
import { schemaKeys } from '../rules/schema-keyword-changed.js';
import { compareAsText, compareTypes } from '../rules/schema-type.js';
import { matchBranches, type BranchMatch } from './branches.js';
import { combine, hasSiblings, ptrJoin, soleAllOf, type SpecDoc } from './doc.js';
import { identicalModuloRefs, type IdenticalCache, type SharedRef } from './identical.js';
import { SUB_SCHEMA_KEYWORDS, subSchemaPairs } from './subschemas.js';
import { summarize } from './values.js';
import { ANY_WIRE, childWire, JSON_WIRE, positional, scalarsAsText, type Edge, type Wire } from './wire.js';
import type { BranchKey, EmitInput, Located, PendingChange, SchemaCheckInput, SchemaView } from './types.js';

export interface PairNode {
  ctx: SchemaCtx;
  /** How the values are serialised where this pair is compared (wire.ts). */
  wire: Wire;
  old: Located;
  new: Located;
  changes: PendingChange[];
  children: PairNode[];
  /** This node or a descendant has changes (set by attribution). */
  dirty: boolean;
  /** Indices of operations reaching this node (set by attribution). */
  ops: Set<number> | undefined;
  /** Last operation index that visited this node during attribution. */
  stamp: number;
  /**
   * Set when one side was reached through a `$ref` and the other was written inline (or the reverse): the
   * two places as written. A type change of such a pair happened there (the property stopped using the
   * named schema), not in the named schema, which did not change; the node is keyed by this site.
   */
  site?: { old: Located; new: Located };
  /**
   * Set when a side is a `$ref` with keywords beside it (`{$ref: flags, deprecated: true}`): both places as
   * written. A change of such a keyword happened at that place, not in the referenced schema.
   */
  written?: { old: Located; new: Located };
}

/** Builds a pending change with pointers defaulting to the compared nodes and values summarised. */
export function pendingChange(def: RuleDef, location: string, e: EmitInput, oldPtr: string, newPtr: string): PendingChange {
  const side = (s: EmitInput['old'], ptr: string) => {
    const out: { pointer: string; value?: ReturnType<typeof summarize> } = { pointer: s?.pointer ?? ptr };
    if (s?.value !== undefined) out.value = summarize(s.value);
    return out;
  };
  const pending: PendingChange = { def, location, detail: e.detail, message: e.message, old: side(e.old, oldPtr), new: side(e.new, newPtr) };
  if (e.qualifiers?.length) pending.qualifiers = e.qualifiers;
  return pending;
}

type Memo = Map<JsonObject, Map<JsonObject, PairNode>>;

export class SchemaComparer {
  readonly nodes: PairNode[] = [];
  /** Per context, then per wire. */
  private readonly memo = new Map<SchemaCtx, Map<Wire, Memo>>(SCHEMA_CTXS.map((c) => [c, new Map()]));

  private memoFor(ctx: SchemaCtx, wire: Wire): Memo {
    const byWire = this.memo.get(ctx) as Map<Wire, Memo>;
    let memo = byWire.get(wire);
    if (memo === undefined) {
      memo = new Map();
      byWire.set(wire, memo);
    }
    return memo;
  }
  /** Pairs with a site (PairNode.site), by context and the two places. */
  private readonly siteMemo = new Map<string, PairNode>();

  constructor(
    readonly oldDoc: SpecDoc,
    readonly newDoc: SpecDoc,
    readonly deprecation: DeprecationPolicy = { now: new Date() },
  ) {}

  /** Pairs compared in some direction (request, response, parameter, header): old node → new nodes. */
  private readonly directed = new Map<JsonObject, Set<JsonObject>>();

  /** Every pair of (resolved) schema objects compared in a direction, old → new. */
  *directedPairs(): Iterable<[JsonObject, JsonObject]> {
    for (const [o, ns] of this.directed) for (const n of ns) yield [o, n];
  }

  /** Was this pair of schema objects compared in a context other than `schema`? */
  comparedInDirection(oldNode: JsonObject, newNode: JsonObject): boolean {
    return this.directed.get(oldNode)?.has(newNode) === true;
  }

  /** `wire`: how a body's media type serialises it (wire.ts); without a direction the media type is unknown. */
  compare(oldRaw: Located, newRaw: Located, ctx: SchemaCtx, wire: Wire = ctx === 'schema' ? ANY_WIRE : JSON_WIRE): PairNode {
    const [o, n] = this.unwrapSoleAllOf(this.oldDoc.resolve(oldRaw), this.newDoc.resolve(newRaw));
    return this.compareResolved(o, n, ctx, wire, undefined, siteOf(oldRaw, o, newRaw, n), writtenOf(oldRaw, newRaw));
  }

  /**
   * `{allOf: [X]}` (nothing else but wording) on one side and no allOf on the other: X is what is compared, so
   * wrapping a schema in a single-branch allOf (inline or `$ref`) is no change. Both sides allOf: branch matching.
   */
  private unwrapSoleAllOf(o: Located, n: Located): [Located, Located] {
    for (let hops = 0; hops < 16; hops++) {
      const oSole = n.node.allOf === undefined ? soleAllOf(o) : undefined;
      const nSole = o.node.allOf === undefined ? soleAllOf(n) : undefined;
      if (oSole === undefined && nSole === undefined) break;
      if (oSole) o = this.oldDoc.resolve(oSole);
      if (nSole) n = this.newDoc.resolve(nSole);
    }
    return [o, n];
  }

  private readonly identicalCaches = new Map<string, IdenticalCache>();

  /** The fast path, with its cache for this hiding flag. */
  private identical(o: JsonObject, n: JsonObject, flag: 'readOnly' | 'writeOnly' | undefined): SharedRef[] | undefined {
    let cache = this.identicalCaches.get(String(flag));
    if (cache === undefined) {
      cache = new Map();
      this.identicalCaches.set(String(flag), cache);
    }
    return identicalModuloRefs(o, n, flag, cache);
  }

  /** Identical schema objects with no `$ref` inside (per hiding flag): no node is needed for them. */
  private readonly sameLeaves = new Map<string, Map<JsonObject, JsonObject>>();

  /**
   * Adds the comparison of a nested pair to `pair`, unless the two are written identically with nothing
   * referenced below them: most of a big spec is unchanged, and such pairs can hold no change at all.
   */
  private addChild(pair: PairNode, oldRaw: Located, newRaw: Located, ctx: SchemaCtx = pair.ctx, edge: Edge = OTHER): void {
    const wire = childWire(pair.wire, edge);
    const [o, n] = this.unwrapSoleAllOf(this.oldDoc.resolve(oldRaw), this.newDoc.resolve(newRaw));
    const flag = HIDDEN_FLAG[ctx];
    let leaves = this.sameLeaves.get(String(flag));
    if (leaves === undefined) {
      leaves = new Map();
      this.sameLeaves.set(String(flag), leaves);
    }
    if (leaves.get(o.node) === n.node) return;
    const site = siteOf(oldRaw, o, newRaw, n);
    const known = site ? this.siteMemo.get(siteKey(ctx, wire, site)) : this.memoFor(ctx, wire).get(o.node)?.get(n.node);
    if (known) {
      pair.children.push(known);
      return;
    }
    const shared = this.identical(o.node, n.node, flag);
    if (shared?.length === 0) {
      leaves.set(o.node, n.node);
      return;
    }
    pair.children.push(this.compareResolved(o, n, ctx, wire, shared ?? null, site, writtenOf(oldRaw, newRaw)));
  }

  /** `shared`: the fast-path result when already known (null: not identical), undefined: not computed yet. */
  private compareResolved(
    o: Located,
    n: Located,
    ctx: SchemaCtx,
    wire: Wire,
    shared: SharedRef[] | null | undefined,
    site: PairNode['site'],
    written: PairNode['written'],
  ): PairNode {
    const pair: PairNode = { ctx, wire, old: o, new: n, changes: [], children: [], dirty: false, ops: undefined, stamp: -1 };
    if (written) pair.written = written;
    if (site) {
      // One side through a `$ref`: one node per pair of places (an inline object may sit at several places
      // when a document shares objects, e.g. YAML aliases).
      const key = siteKey(ctx, wire, site);
      const hit = this.siteMemo.get(key);
      if (hit) return hit;
      pair.site = site;
      this.siteMemo.set(key, pair);
    } else {
      const memo = this.memoFor(ctx, wire);
      let byNew = memo.get(o.node);
      if (byNew === undefined) {
        byNew = new Map();
        memo.set(o.node, byNew);
      }
      const hit = byNew.get(n.node);
      if (hit) return hit;
      byNew.set(n.node, pair);
    }
    this.nodes.push(pair);
    if (ctx !== 'schema') {
      const seen = this.directed.get(o.node);
      if (seen) seen.add(n.node);
      else this.directed.set(o.node, new Set([n.node]));
    }
    // Unreached components are compared without a direction; what an operation reaches was reported with one.
    if (ctx === 'schema' && this.comparedInDirection(o.node, n.node)) return pair;
    this.fill(pair, shared === undefined ? this.identical(o.node, n.node, HIDDEN_FLAG[ctx]) : shared);
    return pair;
  }

  private fill(pair: PairNode, shared: SharedRef[] | null | undefined): void {
    const { ctx, wire, old: o, new: n } = pair;
    // A referenced property that became hidden or visible in this direction is judged by the parent (slow path);
    // so is a body root whose properties are serialised differently from itself (wire.ts).
    if (shared && !positional(wire) && !this.visibilityChanged(shared, HIDDEN_FLAG[ctx])) {
      this.compareSharedRefs(pair, shared);
      return;
    }
    let ov = this.oldDoc.view(o);
    let nv = this.newDoc.view(n);
    // allOf branches that are `$ref`s on both sides are compared as schemas of their own, so a change in a
    // shared base schema is reported once, at the base, not again in every schema that extends it.
    if (ov.merged?.some((b) => b.isRef) && nv.merged?.some((b) => b.isRef)) {
      const oRefs = (ov.merged ?? []).filter((b) => b.isRef);
      const nRefs = (nv.merged ?? []).filter((b) => b.isRef);
      const m = matchBranches(this.oldDoc, this.newDoc, oRefs.map((b) => b.raw), nRefs.map((b) => b.raw));
      if (m.pairs.length > 0) {
        const oSplit = new Set(m.pairs.map(([a]) => a.node));
        const nSplit = new Set(m.pairs.map(([, b]) => b.node));
        for (const [a, b] of m.pairs) this.addChild(pair, a, b);
        ov = withoutBranches(ov, oSplit);
        nv = withoutBranches(nv, nSplit);
      }
    }
    // A type change between a `$ref` and an inline schema belongs to the place that stopped (or started)
    // using the named schema; everything else is a change of the compared schemas themselves.
    const typeSite = pair.site !== undefined && compareTypes(ov.types, nv.types) !== 'same' ? pair.site : undefined;
    let location = `#${(typeSite?.new ?? n).ptr}`;
    let oldLocation = `#${(typeSite?.old ?? o).ptr}`;
    const emit = (rule: SchemaRule, e: EmitInput) => {
      const beside = this.besideRef(pair, e);
      if (beside) {
        pair.changes.push({ ...pendingChange(rule.byCtx[ctx], `#${beside.new}`, beside.e, beside.old, beside.new), oldLocation: `#${beside.old}` });
        return;
      }
      pair.changes.push({ ...pendingChange(rule.byCtx[ctx], location, e, o.ptr, n.ptr), oldLocation });
    };
    const branchCache = new Map<BranchKey, BranchMatch>();
    const branches = (key: BranchKey): BranchMatch => {
      let m = branchCache.get(key);
      if (m === undefined) {
        m = matchBranches(this.oldDoc, this.newDoc, ov[key] ?? [], nv[key] ?? []);
        branchCache.set(key, m);
      }
      return m;
    };
    const keys = schemaKeys(ov, nv);
    const input: SchemaCheckInput = {
      ctx,
      wire,
      old: ov,
      new: nv,
      keys,
      oldView: (at) => this.oldDoc.view(at),
      newView: (at) => this.newDoc.view(at),
      emit,
      unmatchedBranches: (key) => branches(key),
      deprecation: this.deprecation,
    };
    for (const check of TYPE_CHECKS) check.check(input);
    // Plain scalars compared as text (parameters, headers): the type check said everything there is.
    if (compareAsText(scalarsAsText(ctx, wire), ov, nv) !== undefined) return;
    // Incompatible types: comparing the insides would only restate the type change.
    if (compareTypes(ov.types, nv.types) === 'changed') return;
    location = `#${n.ptr}`;
    oldLocation = `#${o.ptr}`;
    // A plain schema became a oneOf/anyOf of alternatives (or the reverse): the plain one is compared with
    // the alternative it matches, and the other alternatives are new (or gone).
    const oWrapper = isWrapper(ov);
    if (oWrapper !== isWrapper(nv)) {
      const key = (oWrapper ? ov : nv).oneOf ? 'oneOf' : 'anyOf';
      const m = matchWrapped(this.oldDoc, this.newDoc, oWrapper ? (ov[key] ?? []) : [o], oWrapper ? [n] : (nv[key] ?? []));
      branchCache.set(key, m);
      for (const check of SCHEMA_CHECKS) if (check.name === key || check === unmodelledCheck) check.check(input);
      for (const [a, b] of m.pairs) this.addChild(pair, a, b);
      return;
    }
    for (const check of SCHEMA_CHECKS) {
      if (ONLY_WHEN_WRITTEN.has(check) && !(check.keywords ?? [check.name]).some((k) => keys.has(k))) continue;
      check.check(input);
    }

    for (const [name, oProp] of ov.properties) {
      const nProp = nv.properties.get(name);
      if (nProp === undefined) continue;
      const flag = HIDDEN_FLAG[ctx];
      if (this.oldDoc.hasFlag(oProp, flag) || this.newDoc.hasFlag(nProp, flag)) continue;
      this.addChild(pair, oProp, nProp, ctx, { kind: 'property', name });
    }
    // `items: false` on either side is the items-closed rule, not a schema comparison.
    if ((ov.items || nv.items) && ov.kw('items') !== false && nv.kw('items') !== false) {
      this.addChild(pair, ov.items ?? anySchema(o, 'items'), nv.items ?? anySchema(n, 'items'), ctx, ITEMS);
    }
    const oAdd = ov.additionalProperties;
    const nAdd = nv.additionalProperties;
    if ((oAdd || nAdd) && oAdd !== false && nAdd !== false) {
      this.addChild(pair, oAdd ?? anySchema(o, 'additionalProperties'), nAdd ?? anySchema(n, 'additionalProperties'), ctx, ITEMS);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (!ov[key] && !nv[key]) continue;
      for (const [a, b] of branches(key).pairs) this.addChild(pair, a, b);
    }
    // JSON Schema 2020-12 sub-schemas (contains, prefixItems, if/then/else, not, …): see subschemas.ts.
    if (SUB_SCHEMA_KEYWORDS.some((k) => keys.has(k))) {
      for (const s of subSchemaPairs(ov, nv)) this.addChild(pair, s.old, s.new, s.undirected ? 'schema' : s.flip ? FLIPPED[ctx] : ctx);
    }
  }

  /**
   * A keyword written beside a `$ref` changed, at any hop of a ref chain (`{$ref: Flags, deprecated: true}` at a
   * property, or `Mid: {$ref: Leaf, maxLength: 5}` reached through `{$ref: Mid}`): the change happened at that
   * `{$ref, …}` object, not in the referenced schema. Returns both places and the change with the side that has
   * no such keyword pointed at its place; undefined for every other change.
   */
  private besideRef(pair: PairNode, e: EmitInput): { old: string; new: string; e: EmitInput } | undefined {
    const { old: o, new: n, written: w } = pair;
    // A pointer inside the compared schema is its own keyword; one outside it came with a `$ref` (doc.ts overlay).
    const site = (doc: SpecDoc, at: Located, pointer: string | undefined) =>
      pointer === undefined || pointer === at.ptr || pointer.startsWith(`${at.ptr}/`) ? undefined : doc.refSiteOf(pointer);
    const oSite = site(this.oldDoc, o, e.old?.pointer);
    const nSite = site(this.newDoc, n, e.new?.pointer);
    if (oSite === undefined && nSite === undefined) return undefined;
    // The side without the keyword: the first hop's counterpart as written, or the same `$ref` object in that document.
    const counterpart = (from: string, fromRaw: Located | undefined, toRaw: Located | undefined, toDoc: SpecDoc, fallback: Located): string =>
      fromRaw && toRaw && from === fromRaw.ptr ? toRaw.ptr : toDoc.isRefAt(from) ? from : fallback.ptr;
    const oldPlace = oSite ?? counterpart(nSite as string, w?.new, w?.old, this.oldDoc, o);
    const newPlace = nSite ?? counterpart(oSite as string, w?.old, w?.new, this.newDoc, n);
    // A keyword absent on that side is pointed at through its place (not the referenced schema).
    const side = (s: EmitInput['old'], place: string, at: Located) => (s?.pointer === undefined || s.pointer === at.ptr ? { ...s, pointer: place } : s);
    return {
      old: oldPlace,
      new: newPlace,
      e: { ...e, old: oSite ? e.old : side(e.old, oldPlace, o), new: nSite ? e.new : side(e.new, newPlace, n) },
    };
  }

  /** Does a property written as the same `$ref` on both sides carry the hiding flag on one side only? */
  private visibilityChanged(shared: readonly SharedRef[], flag: 'readOnly' | 'writeOnly' | undefined): boolean {
    if (flag === undefined) return false;
    for (const { ref, property } of shared) {
      if (property && this.oldDoc.hasFlag(this.oldDoc.refNode(ref), flag) !== this.newDoc.hasFlag(this.newDoc.refNode(ref), flag)) return true;
    }
    return false;
  }

  /** Identical schemas: only what they `$ref` can differ. */
  private compareSharedRefs(pair: PairNode, shared: readonly SharedRef[]): void {
    const done = new Set<string>();
    for (const { ref, property, flip, undirected } of shared) {
      const key = `${property ? 'p' : ''}${flip ? 'n' : ''}${undirected ? 'u' : ''} ${ref}`;
      if (done.has(key)) continue;
      done.add(key);
      const a = this.oldDoc.resolve(this.oldDoc.refNode(ref));
      const b = this.newDoc.resolve(this.newDoc.refNode(ref));
      // The same dangling ref on both sides: nothing to compare.
      if (a.node.$ref === ref && b.node.$ref === ref) continue;
      const ctx = undirected ? 'schema' : flip ? FLIPPED[pair.ctx] : pair.ctx;
      const flag = HIDDEN_FLAG[ctx];
      if (property && (this.oldDoc.hasFlag(a, flag) || this.newDoc.hasFlag(b, flag))) continue;
      this.addChild(pair, a, b, ctx);
    }
  }
}

/** The sites as written when exactly one side came through a `$ref` (see PairNode.site), else undefined. */
function siteOf(oldRaw: Located, o: Located, newRaw: Located, n: Located): PairNode['site'] {
  const oRef = o.node !== oldRaw.node;
  const nRef = n.node !== newRaw.node;
  return oRef === nRef ? undefined : { old: oldRaw, new: newRaw };
}

/** Both places as written when either is a `$ref` with keywords beside it (see PairNode.written). */
function writtenOf(oldRaw: Located, newRaw: Located): PairNode['written'] {
  const beside = (raw: Located) => typeof raw.node.$ref === 'string' && hasSiblings(raw.node);
  return beside(oldRaw) || beside(newRaw) ? { old: oldRaw, new: newRaw } : undefined;
}

const siteKey = (ctx: SchemaCtx, wire: Wire, site: NonNullable<PairNode['site']>): string => `${ctx}\u0000${wire}\u0000${site.old.ptr}\u0000${site.new.ptr}`;
const OTHER: Edge = { kind: 'other' };
/** Array items and a map's extra values: each is one value of the same serialisation (wire.ts). */
const ITEMS: Edge = { kind: 'items' };

/** Only alternatives: a oneOf/anyOf with no properties or items of its own. */
const isWrapper = (v: SchemaView): boolean => (v.oneOf !== undefined || v.anyOf !== undefined) && v.properties.size === 0 && v.items === undefined && v.allOf === undefined;

/**
 * Branch matching where one side is a single plain schema: it pairs with its structural match, or failing
 * that with the first alternative of the same type.
 */
function matchWrapped(oldDoc: SpecDoc, newDoc: SpecDoc, oldList: readonly Located[], newList: readonly Located[]): BranchMatch {
  const m = matchBranches(oldDoc, newDoc, oldList, newList);
  if (m.pairs.length > 0 || m.removed.length === 0 || m.added.length === 0) return m;
  const typeKey = (doc: SpecDoc, at: Located) => [...(doc.view(at).types ?? [])].sort().join('|');
  for (const a of m.removed) {
    const b = m.added.find((x) => typeKey(newDoc, x) === typeKey(oldDoc, a));
    if (b) return { pairs: [[a, b]], removed: m.removed.filter((x) => x !== a), added: m.added.filter((x) => x !== b) };
  }
  return m;
}

/** The flag that hides a property in this direction. */
const HIDDEN_FLAG: Record<SchemaCtx, 'readOnly' | 'writeOnly' | undefined> = {
  request: 'readOnly',
  parameter: 'readOnly',
  response: 'writeOnly',
  header: 'writeOnly',
  schema: undefined,
  // Webhooks flip the direction: the API writes the request (readOnly data included) and reads the response.
  'webhook-request': 'writeOnly',
  'webhook-response': 'readOnly',
};

/** The opposite direction, for the sub-schema of `not` (what it matches is refused). */
const FLIPPED: Record<SchemaCtx, SchemaCtx> = {
  request: 'response',
  parameter: 'header',
  response: 'request',
  header: 'parameter',
  schema: 'schema',
  'webhook-request': 'webhook-response',
  'webhook-response': 'webhook-request',
};

/** A view without the merged allOf branches whose raw entries are in `split` (those are compared separately). */
function withoutBranches(v: SchemaView, split: ReadonlySet<JsonObject>): SchemaView {
  const kept = (v.merged ?? []).filter((b) => !split.has(b.raw.node));
  return { ...v, ...combine(v.ownProperties, v.ownRequired, kept) };
}

/** A fresh `{}` standing for a keyword that is absent (any value allowed), located where it would be. */
const anySchema = (parent: Located, key: string): Located => ({ node: {}, ptr: ptrJoin(parent.ptr, key) });
