/** Turns the engine's findings into a DiffReport: operations attributed, fingerprints, stable order. */
import * as crypto from 'node:crypto';
import { unescapePointerToken } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { SEVERITY, type Change, type ChangeUse, type DiffReport, type Level, type OperationRef, type Section, type SpecSummary } from '../model.js';
import { CTX_PREFIX, type SchemaCtx, type SchemaRuleDef } from '../rules/define.js';
import { attributeOperations } from './attribute.js';
import type { DiffRun } from './run.js';
import type { PendingChange } from './types.js';

const SECTION_ORDER: Record<Section, number> = { paths: 0, webhooks: 1, components: 2, security: 3, servers: 4, info: 5 };

/** sha256 of rule id + location + detail, 16 hex: independent of wording, levels and run order. */
export const fingerprintOf = (id: string, location: string, detail: string): string => sha256Hex(`${id}\u0000${location}\u0000${detail}`).slice(0, 16);

// crypto.hash (Node ≥ 20.12) is a one-shot digest, several times cheaper than createHash per call.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = (text: string): string => (oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex'));

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

/**
 * One old schema compared with several new ones (a named schema inlined in many places) makes the same
 * change once per copy. Those copies are one change, made to the old schema: report it there, once, with
 * every affected operation. (The opposite, many old copies extracted into one new schema, already shares
 * the new location.)
 */
const valueKey = (v: Json | undefined): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);

function mergeFannedOut(collected: { p: PendingChange; ops: Iterable<number> }[]): void {
  const groups = new Map<string, PendingChange[]>();
  for (const { p } of collected) {
    if (p.oldLocation === undefined) continue;
    const key = `${p.def.id}\u0000${p.oldLocation}\u0000${p.old?.pointer}\u0000${p.detail}\u0000${valueKey(p.old?.value)}\u0000${valueKey(p.new?.value)}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2 || group.every((p) => p.location === group[0].location)) continue;
    for (const p of group) p.location = p.oldLocation as string;
  }
}

/**
 * A schema that operations use can also be reached from an unused component (or from an unused copy of
 * itself on the other side), and is then compared a second time without a direction. The same change at
 * the same place was already reported in its direction(s): the `schema-…` restatement is dropped.
 */
function dropRestated(collected: { p: PendingChange; ops: Iterable<number> }[]): { p: PendingChange; ops: Iterable<number> }[] {
  const ctxOf = (def: PendingChange['def']): SchemaCtx | undefined => (def as Partial<SchemaRuleDef>).ctx;
  const key = (p: PendingChange, ctx: SchemaCtx) => `${p.def.id.slice(CTX_PREFIX[ctx].length)}\u0000${p.location}\u0000${p.detail}`;
  const directed = new Set<string>();
  for (const { p } of collected) {
    const ctx = ctxOf(p.def);
    if (ctx !== undefined && ctx !== 'schema') directed.add(key(p, ctx));
  }
  if (directed.size === 0) return collected;
  return collected.filter(({ p }) => ctxOf(p.def) !== 'schema' || !directed.has(key(p, 'schema')));
}

type Entry = { change: Change; detail: string; ops: Set<number>; raw: PendingChange };

const USE_ORDER: Record<SchemaCtx, number> = { request: 0, response: 1, parameter: 2, header: 3, schema: 4, 'webhook-request': 5, 'webhook-response': 6 };

/**
 * One schema change seen in several directions (a schema used by a request body and a response, or a
 * parameter) is one finding: the most severe use's id and level, the other uses in `alsoAs`, the union of
 * the operations. Only the same rule (e.g. enum-value-added) at the same place with the same values merges.
 */
function mergeUses(entries: Entry[]): Entry[] {
  const groups = new Map<string, Entry[]>();
  const out: Entry[] = [];
  for (const e of entries) {
    const def = e.raw.def as Partial<SchemaRuleDef>;
    const prefix = def.ctx !== undefined && def.ctx !== 'schema' ? `${CTX_PREFIX[def.ctx]}-` : undefined;
    if (prefix === undefined || !def.id?.startsWith(prefix)) {
      out.push(e);
      continue;
    }
    // The same places too: keywords written beside two `$ref`s to one schema share a location but are two
    // changes. Only one old schema inlined as many new copies (located at the old schema) is one change
    // whatever the new pointers.
    const inside = (pointer: string | undefined) => pointer !== undefined && `#${pointer}`.startsWith(e.change.location);
    const manyCopies = inside(e.raw.old?.pointer) && !inside(e.raw.new?.pointer);
    const places = `${e.raw.old?.pointer ?? ''}\u0000${manyCopies ? '' : (e.raw.new?.pointer ?? '')}`;
    const key = `${def.id.slice(prefix.length)}\u0000${e.change.location}\u0000${e.detail}\u0000${places}\u0000${valueKey(e.raw.old?.value)}\u0000${valueKey(e.raw.new?.value)}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const ctxOf = (e: Entry) => (e.raw.def as SchemaRuleDef).ctx;
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    group.sort((a, b) => SEVERITY[b.change.level] - SEVERITY[a.change.level] || USE_ORDER[ctxOf(a)] - USE_ORDER[ctxOf(b)]);
    const [first, ...rest] = group;
    first.change.alsoAs = rest.map((e): ChangeUse => ({ id: e.change.id, level: e.change.level }));
    for (const e of rest) for (const i of e.ops) first.ops.add(i);
    out.push(first);
  }
  return out;
}

export function buildReport(run: DiffRun, sources: { old: string; new: string }): DiffReport {
  attributeOperations(run.comparer.nodes, run.roots);
  let collected: { p: PendingChange; ops: Iterable<number> }[] = run.fixed.map((f) => ({ p: f.change, ops: f.ops }));
  for (const node of run.comparer.nodes) for (const p of node.changes) collected.push({ p, ops: node.ops ?? [] });

  mergeFannedOut(collected);
  collected = dropRestated(collected);
  // The same change found through two different old/new pairings (e.g. one new schema replacing two old
  // ones) has one fingerprint: keep it once, with the union of the operations.
  const byFingerprint = new Map<string, Entry>();
  for (const { p, ops } of collected) {
    const fingerprint = fingerprintOf(p.def.id, p.location, p.detail);
    const prev = byFingerprint.get(fingerprint);
    if (prev) {
      for (const i of ops) prev.ops.add(i);
      // Keep the sides of the first copy in pointer order, whatever order the documents list things in.
      const side = (c: { old?: { pointer: string }; new?: { pointer: string } }) => `${c.new?.pointer ?? ''}\u0000${c.old?.pointer ?? ''}`;
      if (side(p) < side(prev.raw)) {
        prev.raw = p;
        if (p.old) prev.change.old = { ...p.old, pointer: existingPointer(run.oldDoc.root, p.old.pointer) };
        if (p.new) prev.change.new = { ...p.new, pointer: existingPointer(run.newDoc.root, p.new.pointer) };
      }
      continue;
    }
    const change: Change = {
      id: p.def.id,
      level: p.level ?? p.def.level,
      kind: p.def.kind,
      section: p.def.section,
      message: p.message,
      location: p.location,
      operations: [],
      fingerprint,
    };
    if (p.old) change.old = { ...p.old, pointer: existingPointer(run.oldDoc.root, p.old.pointer) };
    if (p.new) change.new = { ...p.new, pointer: existingPointer(run.newDoc.root, p.new.pointer) };
    byFingerprint.set(fingerprint, { change, detail: p.detail, ops: new Set(ops), raw: p });
  }
  const entries = mergeUses([...byFingerprint.values()]);
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
