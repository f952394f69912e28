/** Turns the engine's findings into a DiffReport: operations attributed, fingerprints, stable order. */
import { crypto } from '../../builtins.js';
import { resolvePointer, unescapePointerToken } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { SEVERITY, type Change, type ChangeUse, type DiffReport, type OperationRef, type Section, type SpecSummary } from '../model.js';
import { componentSchemaRenamed } from '../rules/component-schema.js';
import { CTX_PREFIX, type SchemaCtx, type SchemaRuleDef } from '../rules/define.js';
import { attributeOperations } from './attribute.js';
import { isAnnotation, jsonEqual } from './identical.js';
import type { PairNode } from './compare.js';
import type { SpecDoc } from './doc.js';
import type { DiffRun } from './run.js';
import type { PendingChange } from './types.js';

const SECTION_ORDER: Record<Section, number> = { paths: 0, webhooks: 1, components: 2, security: 3, servers: 4, info: 5 };

/** sha256 of rule id + location + detail, 16 hex: independent of wording, levels and run order. */
export const fingerprintOf = (id: string, location: string, detail: string): string => sha256Hex(`${id}\u0000${location}\u0000${detail}`).slice(0, 16);

// crypto.hash (Node ≥ 20.12) is a one-shot digest, several times cheaper than createHash per call.
type OneShot = (algorithm: string, data: string, encoding: 'hex') => string;
let oneShot: OneShot | false | undefined;
const sha256Hex = (text: string): string => {
  oneShot ??= (crypto() as { hash?: OneShot }).hash ?? false;
  return oneShot ? oneShot('sha256', text, 'hex') : crypto().createHash('sha256').update(text).digest('hex');
};

export function summaryOf(doc: JsonObject, source: string): SpecSummary {
  const out: SpecSummary = { source };
  const info = doc.info;
  if (isObject(info)) {
    if (typeof info.title === 'string') out.title = info.title;
    if (typeof info.version === 'string') out.version = info.version;
  }
  const version = doc.openapi ?? doc.swagger;
  if (typeof version === 'string') out.openapi = version;
  return out;
}

/**
 * The pointer, or its nearest ancestor that exists: a keyword that is absent on one side (no `required`, no
 * `deprecated`) is pointed at through the object that would hold it.
 */
function existingPointer(root: JsonObject, pointer: string): string {
  if (pointer === '' || pointer[0] !== '/') return '';
  let node: Json | undefined = root;
  let start = 1; // where the current token starts
  while (start <= pointer.length) {
    let end = pointer.indexOf('/', start);
    if (end === -1) end = pointer.length;
    const raw = pointer.slice(start, end);
    const token = raw.includes('~') ? unescapePointerToken(raw) : raw;
    const next: Json | undefined = Array.isArray(node) ? node[Number(token)] : isObject(node) && Object.hasOwn(node, token) ? node[token] : undefined;
    if (next === undefined) return pointer.slice(0, start - 1);
    node = next;
    start = end + 1;
  }
  return pointer;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareOps = (a: OperationRef, b: OperationRef): number => cmp(a.path, b.path) || cmp(a.method, b.method);
const valueKey = (v: Json | undefined): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);
/** Is `pointer` the place `location` (`#/…`) names, or inside it? */
const inside = (pointer: string | undefined, location: string): boolean => pointer !== undefined && (`#${pointer}` === location || `#${pointer}`.startsWith(`${location}/`));

/** A change as the engine found it, the operations reaching it, and the schema pair it was found in. */
interface Found {
  p: PendingChange;
  ops: Iterable<number>;
  node?: PairNode;
}

/**
 * Where each change is reported when one schema is written as several copies on one side (a document that
 * inlines a named schema wherever it is used): the copies' identical changes are one change of that schema,
 * moved to its place so that they become one finding (mergeFindings).
 */
function placeCopies(found: readonly Found[], run: DiffRun): void {
  groupWhere(found, (f) => f.p.oldLocation !== undefined && `${f.p.oldLocation}\u0000${f.p.old?.pointer}\u0000${sameChange(f.p)}`, (group) => {
    // One old schema compared with several new copies makes the same change once per copy: report it at the old schema.
    if (!group.every((f) => f.p.location === group[0].p.location)) for (const f of group) f.p.location = f.p.oldLocation as string;
  });
  const renamedFrom = renamedComponents(run);
  groupWhere(found, (f) => namedSchemaOf(f) ?? false, (group) => {
    // Several old copies written where the new document uses one named schema (`$ref`): a type change at
    // those places (compare.ts files it at each place, PairNode.site) is one change of that schema when the
    // copies are its old version. When they are not, each place changed (issue 8, item 9). Evidence, all of:
    if (group.every((f) => f.p.location === group[0].p.location)) return;
    const schema = (group[0].node as PairNode).new;
    // - the copies are written like the schema but for the type (same keywords, same property names), and
    if (!group.every((f) => sameShape((f.node as PairNode).old.node, schema.node))) return;
    // - the schema's own old version (same name, or the component it was renamed from), if any, had the old type.
    const renamed = [...renamedFrom].find(([to]) => schema.ptr === to || schema.ptr.startsWith(`${to}/`));
    const oldPtr = renamed ? renamed[1] + schema.ptr.slice(renamed[0].length) : schema.ptr;
    const counterpart = resolvePointer(run.oldDoc.root, oldPtr);
    if (isObject(counterpart) && jsonEqual(run.oldDoc.resolve({ node: counterpart, ptr: oldPtr }).node.type, schema.node.type)) return;
    for (const f of group) f.p.location = `#${schema.ptr}`;
  });
}

/** Written alike but for the type: the same keywords other than `type` and `nullable`, the same property names. */
function sameShape(a: JsonObject, b: JsonObject): boolean {
  const keys = (s: JsonObject) =>
    Object.keys(s)
      .filter((k) => !isAnnotation(k) && k !== 'type' && k !== 'nullable')
      .sort()
      .join('\u0000');
  const props = (s: JsonObject) => (isObject(s.properties) ? Object.keys(s.properties).sort().join('\u0000') : '');
  return keys(a) === keys(b) && props(a) === props(b);
}

/** Renamed components: new pointer → old pointer. */
function renamedComponents(run: DiffRun): Map<string, string> {
  const out = new Map<string, string>();
  for (const { change } of run.fixed) if (change.def === componentSchemaRenamed && change.old && change.new) out.set(change.new.pointer, change.old.pointer);
  return out;
}

/** The grouping key of a change filed at a place where the new side uses a named schema (compare.ts typeSite). */
function namedSchemaOf({ p, node }: Found): string | undefined {
  const site = node?.site;
  if (site === undefined || p.location !== `#${site.new.ptr}` || site.new.ptr === node?.new.ptr) return undefined;
  if (!inside(p.new?.pointer, `#${node?.new.ptr}`)) return undefined;
  return `${node?.new.ptr}\u0000${p.new?.pointer}\u0000${sameChange(p)}`;
}

/** What makes two changes the same change, wherever they are: rule, detail and both values. */
const sameChange = (p: PendingChange): string => `${p.def.id}\u0000${whatChanged(p)}`;
const whatChanged = (p: PendingChange): string => `${p.detail}\u0000${valueKey(p.old?.value)}\u0000${valueKey(p.new?.value)}`;

/** Calls `merge` on every group of two or more changes with the same key (changes keyed `false` are left alone). */
function groupWhere(found: readonly Found[], keyOf: (f: Found) => string | false, merge: (group: Found[]) => void): void {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = keyOf(f);
    if (key === false) continue;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  for (const group of groups.values()) if (group.length > 1) merge(group);
}

type Entry = { change: Change; detail: string; ops: Set<number>; raw: PendingChange };

const USE_ORDER: Record<SchemaCtx, number> = { request: 0, response: 1, parameter: 2, header: 3, schema: 4, 'webhook-request': 5, 'webhook-response': 6 };

/** A rule's id without its direction (`request-type-changed` → `-type-changed`), so that its uses group. */
function familyOf(def: PendingChange['def']): string {
  const ctx = ctxOf(def);
  return ctx === undefined ? `\u0001${def.id}` : def.id.slice(CTX_PREFIX[ctx].length);
}

/** The schema context of a `schema…`, `request…`, … rule whose id follows the naming convention. */
function ctxOf(def: PendingChange['def']): SchemaCtx | undefined {
  const ctx = (def as Partial<SchemaRuleDef>).ctx;
  return ctx !== undefined && def.id.startsWith(`${CTX_PREFIX[ctx]}-`) ? ctx : undefined;
}

/**
 * One finding per change, wherever the engine met it more than once. Changes with the same rule family
 * (the id without its direction), location and detail are one change:
 * - a `schema-…` change (compared without a direction, e.g. through an unused component or an unused copy)
 *   restates a directed one and is dropped;
 * - the same id found through several old/new pairings (one new schema replacing two old ones) is kept once,
 *   with the union of the operations and the sides of the first pairing in pointer order;
 * - the same change in several directions (a schema used by a request body and a response, or a parameter)
 *   is one finding: the most severe use's id and level, the other uses in `alsoAs`, the union of the
 *   operations. Only uses with the same values at the same places merge: keywords written beside two `$ref`s
 *   to one schema share a location but are two changes; where one side's pointer lies inside the location
 *   and the other's does not (one schema, many copies on the other side), that side's pointer alone counts.
 */
function mergeFindings(found: readonly Found[], run: DiffRun): Entry[] {
  const families = new Map<string, Found[]>();
  for (const f of found) {
    const key = `${familyOf(f.p.def)}\u0000${f.p.location}\u0000${f.p.detail}`;
    const list = families.get(key);
    if (list) list.push(f);
    else families.set(key, [f]);
  }
  const out: Entry[] = [];
  for (const family of families.values()) {
    const directed = family.some((f) => ctxOf(f.p.def) !== undefined && ctxOf(f.p.def) !== 'schema');
    const byId = new Map<string, Entry>();
    for (const { p, ops } of family) {
      if (directed && ctxOf(p.def) === 'schema') continue;
      const prev = byId.get(p.def.id);
      if (prev === undefined) {
        byId.set(p.def.id, entryOf(p, ops, run));
        continue;
      }
      for (const i of ops) prev.ops.add(i);
      // Keep the sides of the first copy in pointer order, whatever order the documents list things in.
      const side = (c: PendingChange) => `${c.new?.pointer ?? ''}\u0000${c.old?.pointer ?? ''}`;
      if (side(p) < side(prev.raw)) {
        prev.raw = p;
        setSides(prev.change, p, run);
      }
    }
    const uses = new Map<string, Entry[]>();
    for (const e of byId.values()) {
      const ctx = ctxOf(e.raw.def);
      if (ctx === undefined || ctx === 'schema') {
        out.push(e);
        continue;
      }
      const oldIn = inside(e.raw.old?.pointer, e.change.location);
      const newIn = inside(e.raw.new?.pointer, e.change.location);
      const places = `${oldIn && !newIn ? '' : (e.raw.new?.pointer ?? '')}\u0000${newIn && !oldIn ? '' : (e.raw.old?.pointer ?? '')}`;
      const key = `${places}\u0000${valueKey(e.raw.old?.value)}\u0000${valueKey(e.raw.new?.value)}`;
      const group = uses.get(key);
      if (group) group.push(e);
      else uses.set(key, [e]);
    }
    for (const group of uses.values()) {
      const useOrder = (e: Entry) => USE_ORDER[ctxOf(e.raw.def) as SchemaCtx];
      group.sort((a, b) => SEVERITY[b.change.level] - SEVERITY[a.change.level] || useOrder(a) - useOrder(b));
      const [first, ...rest] = group;
      if (rest.length > 0) first.change.alsoAs = rest.map((e): ChangeUse => ({ id: e.change.id, level: e.change.level }));
      for (const e of rest) for (const i of e.ops) first.ops.add(i);
      out.push(first);
    }
  }
  return out;
}

function entryOf(p: PendingChange, ops: Iterable<number>, run: DiffRun): Entry {
  const change: Change = {
    id: p.def.id,
    level: p.level ?? p.def.level,
    kind: p.def.kind,
    section: p.def.section,
    message: p.message,
    location: p.location,
    operations: [],
    fingerprint: fingerprintOf(p.def.id, p.location, p.detail),
  };
  if (p.qualifiers) change.qualifiers = p.qualifiers;
  setSides(change, p, run);
  return { change, detail: p.detail, ops: new Set(ops), raw: p };
}

function setSides(change: Change, p: PendingChange, run: DiffRun): void {
  if (p.old) change.old = { ...p.old, pointer: existingPointer(run.oldDoc.root, p.old.pointer) };
  if (p.new) change.new = { ...p.new, pointer: existingPointer(run.newDoc.root, p.new.pointer) };
}

export function buildReport(run: DiffRun, sources: { old: string; new: string }): DiffReport {
  attributeOperations(run.comparer.nodes, run.roots);
  const found: Found[] = run.fixed.map((f) => ({ p: f.change, ops: f.ops }));
  for (const node of run.comparer.nodes) for (const p of node.changes) found.push({ p, ops: node.ops ?? [], node });
  placeCopies(found, run);
  const entries = mergeFindings(found, run);
  for (const e of entries) e.change.operations = [...e.ops].map((i) => run.ops[i]).sort(compareOps);
  entries.sort(
    (a, b) =>
      SECTION_ORDER[a.change.section] - SECTION_ORDER[b.change.section] ||
      cmp(a.change.location, b.change.location) ||
      cmp(a.change.id, b.change.id) ||
      cmp(a.detail, b.detail) ||
      cmp(a.change.fingerprint, b.change.fingerprint),
  );
  const changes = entries.map((e) => e.change);
  const summary = { breaking: 0, warning: 0, info: 0, accepted: 0, total: changes.length };
  for (const c of changes) summary[c.level]++;
  return {
    reportVersion: 1,
    old: summaryOf(run.oldDoc.root, sources.old),
    new: summaryOf(run.newDoc.root, sources.new),
    changes,
    summary,
  };
}
