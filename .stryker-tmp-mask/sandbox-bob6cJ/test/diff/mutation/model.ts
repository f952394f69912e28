/**
 * The mutation test's own reading of an OpenAPI document: which schema objects exist, which directions
 * (request body, response body, parameter, response header, or none: an unused component) reach each one,
 * the `$ref`s, the operations and their parameters. Written for the test, independently of the engine's
 * reach.ts / operations.ts, so that the expectations do not come from the code under test.
 */
// @ts-nocheck

import { childPointer, parseRef, resolvePointer } from '../../../src/openapi/refs.js';
import { HTTP_METHODS, isObject, type Json, type JsonObject } from '../../../src/openapi/types.js';

export type Ctx = 'request' | 'response' | 'parameter' | 'header' | 'schema';

export interface SchemaSite {
  ptr: string;
  node: JsonObject;
  /** Directions that reach the schema; `schema` only when no operation does (unused component). */
  ctxs: Set<Ctx>;
  /** Reached under `not` / `oneOf` / `anyOf`: changes there are judged by branch matching, not edited here. */
  underCombinator: boolean;
  /** Is this the root object of a component (`/components/schemas/X`)? */
  componentRoot?: string;
}

export interface RefSite {
  /** Pointer of the `{ $ref }` object. */
  ptr: string;
  ref: string;
  ctxs: Set<Ctx>;
}

export interface ParamSite {
  /** Pointer of the parameter object inside the operation's `parameters` array. */
  ptr: string;
  in: string;
  name: string;
  required: boolean;
}

export interface OpSite {
  path: string;
  method: string;
  ptr: string;
  deprecated: boolean;
  /** Operation-level parameters (written inline). */
  params: ParamSite[];
  /** Does the path item declare parameters shared by all its operations? */
  pathLevelParams: boolean;
}

export interface DocModel {
  doc: JsonObject;
  is31: boolean;
  schemas: Map<string, SchemaSite>;
  refs: RefSite[];
  ops: OpSite[];
  components: string[];
  /** Component names no operation reaches. */
  unused: Set<string>;
}

const SCHEMA_PREFIX = '#/components/schemas/';

const resolveRef = (doc: JsonObject, ref: string): { node: JsonObject; ptr: string } | undefined => {
  const ptr = parseRef(ref).pointer;
  const node = resolvePointer(doc, ptr);
  return isObject(node) ? { node, ptr } : undefined;
};

export function buildModel(doc: JsonObject): DocModel {
  const schemas = new Map<string, SchemaSite>();
  const refs = new Map<string, RefSite>();
  const seen = new Set<string>();
  const reachedComponents = new Set<string>();

  const site = (ptr: string, node: JsonObject): SchemaSite => {
    let s = schemas.get(ptr);
    if (!s) {
      s = { ptr, node, ctxs: new Set(), underCombinator: false };
      const m = /^\/components\/schemas\/([^/]+)$/.exec(ptr);
      if (m) s.componentRoot = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
      schemas.set(ptr, s);
    }
    return s;
  };

  const hidden = (ctx: Ctx, prop: JsonObject): boolean => {
    const target = typeof prop.$ref === 'string' ? (resolveRef(doc, prop.$ref)?.node ?? prop) : prop;
    const flag = (k: string) => prop[k] === true || target[k] === true;
    if (ctx === 'request' || ctx === 'parameter') return flag('readOnly');
    if (ctx === 'response' || ctx === 'header') return flag('writeOnly');
    return false;
  };

  const walk = (node: Json | undefined, ptr: string, ctx: Ctx, combinator: boolean): void => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      const r = refs.get(ptr) ?? { ptr, ref: node.$ref, ctxs: new Set<Ctx>() };
      r.ctxs.add(ctx);
      refs.set(ptr, r);
      if (node.$ref.startsWith(SCHEMA_PREFIX)) reachedComponents.add(node.$ref.slice(SCHEMA_PREFIX.length));
      const target = resolveRef(doc, node.$ref);
      if (target) walk(target.node, target.ptr, ctx, combinator);
      return;
    }
    const s = site(ptr, node);
    if (combinator) s.underCombinator = true;
    const key = `${ptr}\u0000${ctx}\u0000${combinator}`;
    if (seen.has(key)) return;
    seen.add(key);
    s.ctxs.add(ctx);
    if (isObject(node.properties)) {
      for (const [name, prop] of Object.entries(node.properties)) {
        if (isObject(prop) && !hidden(ctx, prop)) walk(prop, childPointer(ptr, 'properties', name), ctx, combinator);
      }
    }
    if (isObject(node.items)) walk(node.items, childPointer(ptr, 'items'), ctx, combinator);
    if (isObject(node.additionalProperties)) walk(node.additionalProperties, childPointer(ptr, 'additionalProperties'), ctx, combinator);
    if (Array.isArray(node.allOf)) node.allOf.forEach((b, i) => walk(b, childPointer(ptr, 'allOf', i), ctx, combinator));
    for (const k of ['oneOf', 'anyOf'] as const) {
      if (Array.isArray(node[k])) (node[k] as Json[]).forEach((b, i) => walk(b, childPointer(ptr, k, i), ctx, true));
    }
    if (isObject(node.not)) walk(node.not, childPointer(ptr, 'not'), ctx, true);
  };

  const deref = (node: Json | undefined): Json | undefined => (isObject(node) && typeof node.$ref === 'string' ? resolveRef(doc, node.$ref)?.node : node);
  const derefPtr = (node: Json | undefined, ptr: string): string => (isObject(node) && typeof node.$ref === 'string' ? (resolveRef(doc, node.$ref)?.ptr ?? ptr) : ptr);

  /** The schemas in a `content` map. */
  const content = (owner: JsonObject, ownerPtr: string, ctx: Ctx): void => {
    if (!isObject(owner.content)) return;
    for (const [mt, media] of Object.entries(owner.content)) {
      if (isObject(media)) walk(media.schema, childPointer(ownerPtr, 'content', mt, 'schema'), ctx, false);
    }
  };

  const ops: OpSite[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPtr = childPointer('/paths', path);
    const pathLevel = Array.isArray(item.parameters) ? item.parameters : [];
    pathLevel.forEach((p, i) => {
      const param = deref(p);
      if (isObject(param)) walk(param.schema, childPointer(derefPtr(p, childPointer(itemPtr, 'parameters', i)), 'schema'), 'parameter', false);
    });
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const opPtr = childPointer(itemPtr, method);
      const params: ParamSite[] = [];
      (Array.isArray(op.parameters) ? op.parameters : []).forEach((p, i) => {
        const pPtr = childPointer(opPtr, 'parameters', i);
        if (isObject(p) && typeof p.$ref !== 'string' && typeof p.in === 'string' && typeof p.name === 'string') {
          params.push({ ptr: pPtr, in: p.in, name: p.name, required: p.required === true });
        }
        const param = deref(p);
        if (!isObject(param)) return;
        const at = derefPtr(p, pPtr);
        if (param.schema !== undefined) walk(param.schema, childPointer(at, 'schema'), 'parameter', false);
        else content(param, at, 'parameter');
      });
      const body = deref(op.requestBody);
      if (isObject(body)) content(body, derefPtr(op.requestBody, childPointer(opPtr, 'requestBody')), 'request');
      if (isObject(op.responses)) {
        for (const [status, r] of Object.entries(op.responses)) {
          const resp = deref(r);
          if (!isObject(resp)) continue;
          const respPtr = derefPtr(r, childPointer(opPtr, 'responses', status));
          content(resp, respPtr, 'response');
          if (isObject(resp.headers)) {
            for (const [name, h] of Object.entries(resp.headers)) {
              const header = deref(h);
              if (isObject(header)) walk(header.schema, childPointer(derefPtr(h, childPointer(respPtr, 'headers', name)), 'schema'), 'header', false);
            }
          }
        }
      }
      ops.push({ path, method, ptr: opPtr, deprecated: op.deprecated === true, params, pathLevelParams: pathLevel.length > 0 });
    }
  }

  // What the operations reach, transitively through components.
  const usedByOps = new Set(reachedComponents);
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? Object.keys(doc.components.schemas) : [];
  const unused = new Set(components.filter((c) => !usedByOps.has(c)));
  for (const name of unused) walk((doc.components as JsonObject & { schemas: JsonObject }).schemas[name], childPointer('/components/schemas', name), 'schema', false);
  // A schema that some operation reaches is judged in that direction, whatever unused component also reaches it.
  for (const s of schemas.values()) if (s.ctxs.size > 1) s.ctxs.delete('schema');
  for (const r of refs.values()) if (r.ctxs.size > 1) r.ctxs.delete('schema');

  const version = typeof doc.openapi === 'string' ? doc.openapi : '';
  return { doc, is31: version.startsWith('3.1'), schemas, refs: [...refs.values()], ops, components, unused };
}

/** Keys whose values are data, not schemas: a `$ref` there is no reference. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** Component schema names, and those no operation reaches (a light walk for the mutated copies). */
export function componentUse(doc: JsonObject): { components: Set<string>; unused: Set<string> } {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const used = new Set<string>();
  const queue: string[] = [];
  const visit = (v: Json | undefined): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isObject(v)) return;
    if (typeof v.$ref === 'string' && v.$ref.startsWith(SCHEMA_PREFIX)) {
      const name = v.$ref.slice(SCHEMA_PREFIX.length).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!used.has(name)) {
        used.add(name);
        queue.push(name);
      }
    }
    for (const [k, x] of Object.entries(v)) if (!DATA_KEYS.has(k) && !k.startsWith('x-')) visit(x);
  };
  visit(doc.paths);
  while (queue.length > 0) visit(schemas[queue.pop() as string]);
  const components = new Set(Object.keys(schemas));
  return { components, unused: new Set([...components].filter((c) => !used.has(c))) };
}

const WORDING = new Set(['description', 'title', 'example', 'examples', '$comment']);

/**
 * A schema with every `$ref` replaced by its target and wording dropped, as text: two schemas with the same
 * key accept the same documents (a recursive reference becomes a marker naming how far up it points).
 */
export function structureKey(doc: JsonObject, node: Json, stack: string[] = []): string {
  if (Array.isArray(node)) return `[${node.map((x) => structureKey(doc, x, stack)).join(',')}]`;
  if (!isObject(node)) return JSON.stringify(node);
  if (typeof node.$ref === 'string') {
    const i = stack.indexOf(node.$ref);
    if (i !== -1) return `{"$cycle":${stack.length - i}}`;
    const target = resolveRef(doc, node.$ref);
    if (!target) return JSON.stringify(node.$ref);
    // Keywords beside a `$ref` (slurmrestd's `{$ref, deprecated: true}`) apply on top of the target.
    const siblings = Object.entries(node).filter(([k]) => k !== '$ref' && !WORDING.has(k) && !k.startsWith('x-'));
    return structureKey(doc, siblings.length > 0 ? { ...target.node, ...Object.fromEntries(siblings) } : target.node, [...stack, node.$ref]);
  }
  const keys = Object.keys(node)
    .filter((k) => !WORDING.has(k) && !k.startsWith('x-'))
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${DATA_KEYS.has(k) ? JSON.stringify(node[k]) : structureKey(doc, node[k], stack)}`).join(',')}}`;
}
