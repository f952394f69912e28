/**
 * One-edit mutations of an OpenAPI document, and what the diff of (old, mutated new) must then report.
 * Every edit is applied to a fresh copy of the new document; the place it touched is a JSON pointer in
 * that copy (the change's new pointer, or its old pointer when the old document is the same one, must lie
 * at or inside it), or an operation (the change's location).
 */
// @ts-nocheck

import type { Level } from '../../../src/diff/model.js';
import { childPointer, escapePointerToken, parseRef, resolvePointer } from '../../../src/openapi/refs.js';
import { HTTP_METHODS, isObject, type Json, type JsonObject } from '../../../src/openapi/types.js';
import {
  CTX_PREFIX,
  PENDING,
  UNUSED_NOTE,
  type Pending,
  OPERATION_TABLE,
  ORPHAN,
  REMOVED,
  RENAME,
  SCHEMA_TABLE,
  schemaLevel,
  wireTypeChange,
  type NoChangeKind,
  type OperationEditKind,
  type SchemaEditKind,
} from './expectations.js';
import { structureKey, type Ctx, type DocModel, type SchemaSite } from './model.js';

/** One expected finding, or one use of it: expected findings with the same `what` are one change (issue 8, item 11). */
export interface ExpectedFinding {
  id: string;
  level: Level;
  ctx?: Ctx;
  /** Rule id without its direction prefix: the uses of one schema change share it and are reported as one finding. */
  what?: string;
  /** Exact location, for a finding elsewhere than the edited place (a component the edit orphaned). */
  location?: string;
  /** The PENDING item this expectation is subject to. */
  pending?: string;
  /** Text the message must contain. */
  messageIncludes?: string;
}

/** The mutated copy, for expectations that depend on what the edit left behind. */
export interface After {
  doc: JsonObject;
  use: { components: Set<string>; unused: Set<string> };
}

export interface Expectation {
  /** Findings expected, each exactly once; empty: no finding at all. */
  findings: ExpectedFinding[];
  /** Pointer (in the new document) at or inside which each finding must point. */
  place?: string;
  /** Operation location (`GET /path`) the finding may name instead. */
  opLocation?: string;
}

export interface Edit {
  kind: SchemaEditKind | OperationEditKind | NoChangeKind | 'component-renamed';
  /** Human-readable: what was edited where. */
  label: string;
  /** Mutates `doc` (a copy of the new document). */
  apply(doc: JsonObject): void;
  /** Can the edit change which components exist or are used (drop or add a `$ref`, add or rename one)? */
  touchesComponents?: boolean;
  /** `issue`: PENDING items (expectations.ts) to expect at issue 8's level rather than today's. */
  expect(old: DocModel, after: After, issue: ReadonlySet<string>): Expectation;
}

const at = (doc: JsonObject, ptr: string): JsonObject => {
  const node = resolvePointer(doc, ptr);
  if (!isObject(node)) throw new Error(`no object at ${ptr}`);
  return node;
};

/** The site's JSON types (3.1 arrays folded), without null. */
const typesOf = (node: JsonObject): string[] => {
  const t = node.type;
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  return list.filter((x): x is string => typeof x === 'string' && x !== 'null');
};
const isNullable = (node: JsonObject): boolean => node.nullable === true || (Array.isArray(node.type) && node.type.includes('null'));
const singleType = (node: JsonObject): string | undefined => {
  const t = typesOf(node);
  return t.length === 1 ? t[0] : undefined;
};
/** Replaces the non-null type, keeping a 3.1 `null` member where there was one. */
const setType = (node: JsonObject, type: string): void => {
  node.type = Array.isArray(node.type) ? node.type.map((x) => (x === 'null' ? x : type)) : type;
};

const INCOMPATIBLE: Record<string, string> = { string: 'integer', integer: 'string', number: 'string', boolean: 'string', object: 'string', array: 'string' };
const FORMAT_SWAP: Record<string, string> = { int32: 'int64', int64: 'int32', 'date-time': 'date', date: 'date-time', float: 'double', double: 'float' };

const MUT = 'mut_added';

/** `issue`: the PENDING items to expect at issue 8's level; the others are expected at today's level. */
function schemaFindings(editKind: SchemaEditKind, site: SchemaSite, after: JsonObject, issue: ReadonlySet<string>): ExpectedFinding[] {
  return [...site.ctxs].flatMap((ctx) => {
    let kind = editKind;
    // Issue 8, item 7: a parameter or header type change between plain scalars is judged as text on the wire.
    if (kind === 'type-changed' && (ctx === 'parameter' || ctx === 'header')) {
      const wire = wireTypeChange(site.node, after);
      if (wire === 'none') return [];
      if (wire !== undefined) kind = wire;
    }
    const pending = PENDING.find((p) => p.applies(kind, ctx));
    const atIssueLevel = pending === undefined || issue.has(pending.item);
    const what = SCHEMA_TABLE[kind].what;
    const f: ExpectedFinding = { id: `${CTX_PREFIX[ctx]}-${what}`, what, level: atIssueLevel ? schemaLevel(kind, ctx) : (pending as Pending).today(kind, ctx), ctx };
    if (pending !== undefined) f.pending = pending.item;
    if (ctx === 'schema' && atIssueLevel) f.messageIncludes = UNUSED_NOTE;
    return [f];
  });
}

interface SchemaEditSpec {
  kind: SchemaEditKind;
  applies(node: JsonObject, m: DocModel, site: SchemaSite): boolean;
  /** `pick` is a random number for choosing among the node's properties / values. */
  mutate(node: JsonObject, pick: number, m: DocModel): string;
}

const propNames = (node: JsonObject): string[] => (isObject(node.properties) ? Object.keys(node.properties) : []);
const requiredOf = (node: JsonObject): string[] => (Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : []);
/** Properties that are declared, not deprecated (removing a deprecated one follows the deprecation policy), and not readOnly/writeOnly. */
const plainProps = (node: JsonObject, m: DocModel): string[] =>
  propNames(node).filter((n) => {
    let p = (node.properties as JsonObject)[n];
    if (isObject(p) && typeof p.$ref === 'string') {
      if (p.deprecated === true) return false;
      p = resolvePointer(m.doc, parseRef(p.$ref).pointer) as Json;
    }
    return isObject(p) && p.deprecated !== true && p.readOnly !== true && p.writeOnly !== true;
  });
const choose = <T>(list: readonly T[], pick: number): T => list[pick % list.length];

const num = (v: Json | undefined): v is number => typeof v === 'number';
const bound = (kw: string, kind: SchemaEditKind, types: string[], when: (v: Json | undefined) => boolean, to: (v: number | undefined) => number | undefined): SchemaEditSpec => ({
  kind,
  applies: (node) => types.includes(singleType(node) ?? '') && when(node[kw]),
  mutate: (node) => {
    const next = to(node[kw] as number | undefined);
    if (next === undefined) delete node[kw];
    else node[kw] = next;
    return `${kw} ${String(node[kw])}`;
  },
});

const SCHEMA_EDITS: SchemaEditSpec[] = [
  {
    kind: 'property-added',
    applies: (node) => singleType(node) === 'object' || isObject(node.properties),
    mutate: (node) => {
      node.properties = { ...(isObject(node.properties) ? node.properties : {}), [MUT]: { type: 'string' } };
      return `+${MUT}`;
    },
  },
  {
    kind: 'required-property-added',
    applies: (node) => singleType(node) === 'object' || isObject(node.properties),
    mutate: (node) => {
      node.properties = { ...(isObject(node.properties) ? node.properties : {}), [MUT]: { type: 'string' } };
      node.required = [...requiredOf(node), MUT];
      return `+${MUT} (required)`;
    },
  },
  {
    kind: 'property-removed',
    applies: (node, m) => plainProps(node, m).length > 0,
    mutate: (node, pick, m) => {
      const name = choose(plainProps(node, m), pick);
      delete (node.properties as JsonObject)[name];
      if (requiredOf(node).includes(name)) node.required = requiredOf(node).filter((r) => r !== name);
      return `-${name}`;
    },
  },
  {
    kind: 'required-added',
    applies: (node, m) => plainProps(node, m).some((n) => !requiredOf(node).includes(n)),
    mutate: (node, pick, m) => {
      const name = choose(plainProps(node, m).filter((n) => !requiredOf(node).includes(n)), pick);
      node.required = [...requiredOf(node), name];
      return `required +${name}`;
    },
  },
  {
    kind: 'required-removed',
    applies: (node, m) => plainProps(node, m).some((n) => requiredOf(node).includes(n)),
    mutate: (node, pick, m) => {
      const name = choose(plainProps(node, m).filter((n) => requiredOf(node).includes(n)), pick);
      node.required = requiredOf(node).filter((r) => r !== name);
      if ((node.required as Json[]).length === 0) delete node.required;
      return `required -${name}`;
    },
  },
  {
    kind: 'type-changed',
    applies: (node) => singleType(node) !== undefined && singleType(node) as string in INCOMPATIBLE,
    mutate: (node) => {
      const from = singleType(node) as string;
      setType(node, INCOMPATIBLE[from]);
      return `type ${from} → ${INCOMPATIBLE[from]}`;
    },
  },
  {
    kind: 'type-widened',
    applies: (node) => singleType(node) === 'integer',
    mutate: (node) => {
      setType(node, 'number');
      return 'type integer → number';
    },
  },
  {
    kind: 'type-narrowed',
    applies: (node) => singleType(node) === 'number',
    mutate: (node) => {
      setType(node, 'integer');
      return 'type number → integer';
    },
  },
  {
    kind: 'format-changed',
    applies: (node) => typeof node.format === 'string' && node.format in FORMAT_SWAP,
    mutate: (node) => {
      const from = node.format as string;
      node.format = FORMAT_SWAP[from];
      return `format ${from} → ${node.format}`;
    },
  },
  {
    kind: 'format-set',
    applies: (node) => singleType(node) === 'string' && node.format === undefined && node.enum === undefined,
    mutate: (node) => {
      node.format = 'uuid';
      return 'format uuid';
    },
  },
  {
    kind: 'format-removed',
    applies: (node) => typeof node.format === 'string',
    mutate: (node) => {
      const from = node.format as string;
      delete node.format;
      return `format ${from} removed`;
    },
  },
  {
    kind: 'enum-value-added',
    applies: (node) => Array.isArray(node.enum) && node.enum.length > 0 && node.enum.every((v) => typeof v === 'string'),
    mutate: (node) => {
      node.enum = [...(node.enum as Json[]), 'MUT_VALUE'];
      return 'enum +MUT_VALUE';
    },
  },
  {
    kind: 'enum-value-removed',
    applies: (node) => Array.isArray(node.enum) && node.enum.length > 1,
    mutate: (node, pick) => {
      const list = node.enum as Json[];
      const i = pick % list.length;
      node.enum = list.filter((_, j) => j !== i);
      return `enum -${JSON.stringify(list[i])}`;
    },
  },
  {
    kind: 'nullable-set',
    applies: (node, m) => singleType(node) !== undefined && !isNullable(node) && (m.is31 || node.nullable === undefined),
    mutate: (node, _pick, m) => {
      if (m.is31) node.type = [...typesOf(node), 'null'];
      else node.nullable = true;
      return 'nullable';
    },
  },
  {
    kind: 'nullable-removed',
    applies: (node) => singleType(node) !== undefined && isNullable(node),
    mutate: (node) => {
      if (node.nullable === true) delete node.nullable;
      else node.type = typesOf(node)[0];
      return 'not nullable';
    },
  },
  bound('maxLength', 'maxLength-set', ['string'], (v) => v === undefined, () => 16),
  bound('maxLength', 'maxLength-decreased', ['string'], (v) => num(v) && v > 1, (v) => (v as number) - 1),
  bound('maxLength', 'maxLength-increased', ['string'], num, (v) => (v as number) + 1),
  bound('maxLength', 'maxLength-removed', ['string'], num, () => undefined),
  bound('minLength', 'minLength-set', ['string'], (v) => v === undefined, () => 1),
  bound('minLength', 'minLength-increased', ['string'], num, (v) => (v as number) + 1),
  bound('minLength', 'minLength-removed', ['string'], num, () => undefined),
  bound('minimum', 'minimum-set', ['integer', 'number'], (v) => v === undefined, () => 0),
  bound('minimum', 'minimum-increased', ['integer', 'number'], num, (v) => (v as number) + 1),
  bound('minimum', 'minimum-decreased', ['integer', 'number'], num, (v) => (v as number) - 1),
  bound('minimum', 'minimum-removed', ['integer', 'number'], num, () => undefined),
  bound('maximum', 'maximum-set', ['integer', 'number'], (v) => v === undefined, () => 1000),
  bound('maximum', 'maximum-decreased', ['integer', 'number'], num, (v) => (v as number) - 1),
  bound('maximum', 'maximum-increased', ['integer', 'number'], num, (v) => (v as number) + 1),
  bound('maximum', 'maximum-removed', ['integer', 'number'], num, () => undefined),
  bound('maxItems', 'maxItems-set', ['array'], (v) => v === undefined, () => 100),
  bound('maxItems', 'maxItems-increased', ['array'], num, (v) => (v as number) + 1),
  bound('minItems', 'minItems-set', ['array'], (v) => v === undefined, () => 1),
];

/** A schema that a `$ref` elsewhere in the document shares is edited where it is written. */
const editableSchemaSites = (m: DocModel): SchemaSite[] => [...m.schemas.values()].filter((s) => !s.underCombinator && s.ctxs.size > 0);

// 3.0 exclusiveMinimum/exclusiveMaximum booleans ride on minimum/maximum, and a 3.1 numeric one may be the
// effective bound instead of minimum/maximum (issue 8, item 4): such nodes are left out of bound edits, whose
// table assumes the edited keyword is the bound. (None of our fixtures or the slurmrestd documents has one.)
const hasExclusive = (node: JsonObject): boolean => node.exclusiveMinimum !== undefined || node.exclusiveMaximum !== undefined;

/** Every applicable schema edit kind with its candidate sites. */
function schemaCandidates(m: DocModel): Map<string, { spec: SchemaEditSpec; sites: SchemaSite[] }> {
  const out = new Map<string, { spec: SchemaEditSpec; sites: SchemaSite[] }>();
  const sites = editableSchemaSites(m);
  for (const spec of SCHEMA_EDITS) {
    const ok = sites.filter((s) => {
      const node = s.node;
      if (/^(minimum|maximum)/.test(spec.kind) && hasExclusive(node)) return false;
      return spec.applies(node, m, s);
    });
    if (ok.length > 0) out.set(spec.kind, { spec, sites: ok });
  }
  return out;
}

function schemaEdit(spec: SchemaEditSpec, site: SchemaSite, pick: number, m: DocModel): Edit {
  // Dry run on a copy, so the label says exactly what will be edited.
  const probe = structuredClone(site.node);
  const what = spec.mutate(probe, pick, m);
  return {
    kind: spec.kind,
    label: `${spec.kind} at ${site.ptr} (${what}) [${[...site.ctxs].join('+')}]`,
    touchesComponents: spec.kind === 'property-removed',
    apply: (doc) => {
      spec.mutate(at(doc, site.ptr), pick, m);
    },
    expect: (_old, _after, issue) => ({ findings: schemaFindings(spec.kind, site, probe, issue), place: site.ptr }),
  };
}

/** `$ref` objects (whose target is a schema component) that can be replaced by a copy of their target. */
function inlineEdits(m: DocModel): Edit[] {
  return m.refs
    .filter((r) => r.ref.startsWith('#/components/schemas/'))
    .map((r) => ({
      kind: 'ref-inlined' as const,
      touchesComponents: true,
      label: `inline ${r.ref} at ${r.ptr}`,
      apply: (doc: JsonObject) => {
        const refNode = at(doc, r.ptr);
        const target = at(doc, parseRef(r.ref).pointer);
        const siblings = Object.fromEntries(Object.entries(refNode).filter(([k]) => k !== '$ref'));
        const copy = { ...structuredClone(target), ...siblings };
        replaceAt(doc, r.ptr, copy);
      },
      expect: () => ({ findings: [] }),
    }));
}

/** Inline object schemas (not component roots) that can be moved into a new component and referenced. */
function extractEdits(m: DocModel): Edit[] {
  return editableSchemaSites(m)
    .filter((s) => s.componentRoot === undefined && isObject(s.node.properties))
    .map((s) => ({
      kind: 'schema-extracted' as const,
      touchesComponents: true,
      label: `extract ${s.ptr} into components/schemas/mut_extracted`,
      apply: (doc: JsonObject) => {
        const node = at(doc, s.ptr);
        const components = (doc.components ??= {}) as JsonObject;
        const schemas = (components.schemas ??= {}) as JsonObject;
        schemas.mut_extracted = node;
        replaceAt(doc, s.ptr, { $ref: '#/components/schemas/mut_extracted' });
      },
      // No API change; but see arrival().
      expect: (old, after) => ({ findings: arrival(old, after, 'mut_extracted'), place: '/components/schemas/mut_extracted' }),
    }));
}

/** Components renamed, with every `$ref` to them rewritten. */
function renameEdits(m: DocModel): Edit[] {
  return m.components.map((name) => {
    const newName = `${name}_mut_renamed`;
    const newPtr = childPointer('/components/schemas', newName);
    return {
      kind: 'component-renamed' as const,
      touchesComponents: true,
      label: `rename component ${name} → ${newName}${m.unused.has(name) ? ' (unused)' : ''}`,
      apply: (doc: JsonObject) => {
        const schemas = (doc.components as JsonObject).schemas as JsonObject;
        // Rebuild the map so the new name takes the old one's place in key order.
        const next: JsonObject = {};
        for (const [k, v] of Object.entries(schemas)) next[k === name ? newName : k] = v;
        (doc.components as JsonObject).schemas = next;
        const from = `#/components/schemas/${escapePointerToken(name)}`;
        const to = `#/components/schemas/${escapePointerToken(newName)}`;
        rewriteRefs(doc, from, to);
      },
      expect: (old, after) => {
        const findings = arrival(old, after, newName);
        // Not seen as a rename: the old document's unused component of the old name was removed.
        if (findings[0]?.id !== RENAME.id && old.components.includes(name) && old.unused.has(name)) {
          findings.push({ ...REMOVED, location: `#${childPointer('/components/schemas', name)}` });
        }
        return { findings, place: newPtr };
      },
    };
  });
}

/**
 * What a component new to the document (`name`) shows: a rename (one info) when the old document has a
 * component of the same structure that the new one lacks; else, when no operation uses it, an unused
 * component added (one info); else nothing (a used schema that got a name is no API change).
 */
function arrival(old: DocModel, after: After, name: string): ExpectedFinding[] {
  if (renamedFrom(old, after, name)) return [{ ...RENAME }];
  if (after.use.unused.has(name) && !old.components.includes(name)) return [{ ...ORPHAN, location: `#${childPointer('/components/schemas', name)}` }];
  return [];
}

/** Does the old document have a component that is gone from the new one and written like `name` there? */
function renamedFrom(old: DocModel, after: After, name: string): boolean {
  const schemas = (after.doc.components as JsonObject).schemas as JsonObject;
  const key = structureKey(after.doc, schemas[name]);
  const oldSchemas = (old.doc.components as JsonObject).schemas as JsonObject;
  let keys = OLD_KEYS.get(old);
  if (keys === undefined) {
    keys = new Map();
    OLD_KEYS.set(old, keys);
  }
  const keyOf = (c: string): string => {
    let k = (keys as Map<string, string>).get(c);
    if (k === undefined) {
      k = structureKey(old.doc, oldSchemas[c]);
      (keys as Map<string, string>).set(c, k);
    }
    return k;
  };
  return old.components.some((c) => !after.use.components.has(c) && keyOf(c) === key);
}
const OLD_KEYS = new WeakMap<DocModel, Map<string, string>>();

function rewriteRefs(node: Json, from: string, to: string): void {
  if (Array.isArray(node)) {
    for (const x of node) rewriteRefs(x, from, to);
    return;
  }
  if (!isObject(node)) return;
  if (node.$ref === from) node.$ref = to;
  else if (typeof node.$ref === 'string' && node.$ref.startsWith(`${from}/`)) node.$ref = to + node.$ref.slice(from.length);
  for (const v of Object.values(node)) rewriteRefs(v, from, to);
}

function replaceAt(doc: JsonObject, ptr: string, value: JsonObject): void {
  const cut = ptr.lastIndexOf('/');
  const parent = resolvePointer(doc, ptr.slice(0, cut));
  const key = ptr.slice(cut + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else if (isObject(parent)) parent[key] = value;
  else throw new Error(`no parent for ${ptr}`);
}

const opLocation = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/** Operation and parameter edits. */
function operationCandidates(m: DocModel): Map<string, Edit[]> {
  const out = new Map<string, Edit[]>();
  const add = (kind: OperationEditKind, e: Omit<Edit, 'kind' | 'expect'> & { place: string; location: string }) => {
    const list = out.get(kind) ?? [];
    const row = OPERATION_TABLE[kind];
    list.push({
      kind,
      label: e.label,
      apply: e.apply,
      touchesComponents: kind === 'operation-removed' || kind === 'parameter-removed',
      expect: () => ({ findings: [{ id: row.id, level: row.level }], place: e.place, opLocation: e.location }),
    });
    out.set(kind, list);
  };
  const paths = isObject(m.doc.paths) ? m.doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const free = HTTP_METHODS.filter((x) => x !== 'head' && x !== 'options' && x !== 'trace' && item[x] === undefined);
    if (free.length === 0) continue;
    const method = free[0];
    const ptr = childPointer('/paths', path, method);
    add('operation-added', {
      label: `add ${method.toUpperCase()} ${path}`,
      apply: (doc) => {
        at(doc, childPointer('/paths', path))[method] = { operationId: `mut_${method}`, responses: { '200': { description: 'ok' } } };
      },
      place: ptr,
      location: opLocation(method, path),
    });
  }
  for (const op of m.ops) {
    const location = opLocation(op.method, op.path);
    if (!op.deprecated) {
      add('operation-removed', {
        label: `remove ${location}`,
        apply: (doc) => {
          delete at(doc, childPointer('/paths', op.path))[op.method];
        },
        place: op.ptr,
        location,
      });
    }
    for (const [kind, required] of [['parameter-added', false], ['required-parameter-added', true]] as const) {
      add(kind, {
        label: `add ${required ? 'required ' : ''}query parameter mut_q to ${location}`,
        apply: (doc) => {
          const node = at(doc, op.ptr);
          node.parameters = [...(Array.isArray(node.parameters) ? node.parameters : []), { in: 'query', name: 'mut_q', required, schema: { type: 'string' } }];
        },
        place: op.ptr,
        location,
      });
    }
    if (op.pathLevelParams) continue; // a path-level parameter of the same name would stand in for a removed one
    op.params.forEach((p, i) => {
      if (p.in === 'path') return; // a path template variable cannot be removed or made optional
      const param = at(m.doc, p.ptr);
      if (param.deprecated === true) return; // removing a deprecated parameter follows the deprecation policy
      add('parameter-removed', {
        label: `remove ${p.in} parameter ${p.name} from ${location}`,
        apply: (doc) => {
          const node = at(doc, op.ptr);
          node.parameters = (node.parameters as Json[]).filter((_, j) => j !== i);
        },
        place: op.ptr,
        location,
      });
      add(p.required ? 'parameter-required-removed' : 'parameter-required-added', {
        label: `${p.in} parameter ${p.name} of ${location} made ${p.required ? 'optional' : 'required'}`,
        apply: (doc) => {
          at(doc, p.ptr).required = !p.required;
        },
        place: p.ptr,
        location,
      });
    });
  }
  return out;
}

/** Every edit kind that applies to the document, each with a function building the n-th candidate. */
export interface EditPool {
  kinds: string[];
  /** Builds an edit of `kind` from two random numbers (which target, which detail). */
  make(kind: string, target: number, detail: number): Edit;
  count(kind: string): number;
}

export function editPool(m: DocModel): EditPool {
  const schema = schemaCandidates(m);
  const fixed = new Map<string, Edit[]>([...operationCandidates(m)]);
  const inl = inlineEdits(m);
  if (inl.length > 0) fixed.set('ref-inlined', inl);
  const ext = extractEdits(m);
  if (ext.length > 0) fixed.set('schema-extracted', ext);
  const ren = renameEdits(m);
  if (ren.length > 0) fixed.set('component-renamed', ren);
  const kinds = [...schema.keys(), ...fixed.keys()];
  return {
    kinds,
    count: (kind) => schema.get(kind)?.sites.length ?? fixed.get(kind)?.length ?? 0,
    make(kind, target, detail) {
      const s = schema.get(kind);
      if (s) return schemaEdit(s.spec, s.sites[target % s.sites.length], detail, m);
      const list = fixed.get(kind) as Edit[];
      return list[target % list.length];
    },
  };
}
