/** Walks over the parts of an OpenAPI / Swagger document that the rules look at. */
// @ts-nocheck

import { childPointer, derefLocal } from '../refs.js';
import { isHttpMethod, isObject, type Json, type JsonObject } from '../types.js';
import type { SpecFlavor } from './types.js';


/** Non-method keys a path item may have, per flavour (plus `x-` extensions). */
export const PATH_ITEM_FIXED_KEYS: Record<SpecFlavor, ReadonlySet<string>> = {
  swagger2: new Set(['$ref', 'parameters']),
  openapi30: new Set(['$ref', 'summary', 'description', 'servers', 'parameters']),
  openapi31: new Set(['$ref', 'summary', 'description', 'servers', 'parameters']),
};

export function specFlavor(doc: JsonObject): SpecFlavor | undefined {
  if (doc.swagger === '2.0') return 'swagger2';
  if (typeof doc.openapi === 'string') {
    if (/^3\.0\.\d+$/.test(doc.openapi)) return 'openapi30';
    if (/^3\.1\.\d+$/.test(doc.openapi)) return 'openapi31';
  }
  return undefined;
}

/** Where components of a kind live: `schemas` → `/components/schemas` or `/definitions` (2.0). */
export function componentsPointer(flavor: SpecFlavor, kind: 'schemas' | 'parameters' | 'responses' | 'securitySchemes'): string {
  if (flavor !== 'swagger2') return `/components/${kind}`;
  return { schemas: '/definitions', parameters: '/parameters', responses: '/responses', securitySchemes: '/securityDefinitions' }[kind];
}

export interface OperationSite {
  path: string;
  method: string;
  operation: JsonObject;
  pointer: string;
  pathItem: JsonObject;
  pathItemPointer: string;
}

export interface PathItemSite {
  path: string;
  pathItem: JsonObject;
  pointer: string;
}

/** Path items under `/paths`, following a path item's `$ref` when it points inside the document. */
export function pathItems(doc: JsonObject): PathItemSite[] {
  if (!isObject(doc.paths)) return [];
  const out: PathItemSite[] = [];
  for (const [path, raw] of Object.entries(doc.paths)) {
    const pointer = childPointer('/paths', path);
    const resolved = derefLocal(doc, raw, pointer);
    if (resolved && isObject(resolved.node)) out.push({ path, pathItem: resolved.node, pointer: resolved.pointer });
  }
  return out;
}

export function operations(doc: JsonObject): OperationSite[] {
  const out: OperationSite[] = [];
  for (const { path, pathItem, pointer } of pathItems(doc)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (isHttpMethod(method) && isObject(operation)) {
        out.push({ path, method, operation, pointer: childPointer(pointer, method), pathItem, pathItemPointer: pointer });
      }
    }
  }
  return out;
}

export interface ParameterSite {
  /** The parameter after following `$ref`s. */
  parameter: JsonObject;
  /** Where it is listed (the array entry, which may be a `$ref`). */
  pointer: string;
}

/** Entries of a `parameters` array, refs followed; entries whose ref dangles are left out (ref-dangling reports them). */
export function parameterList(doc: JsonObject, list: Json | undefined, listPointer: string): ParameterSite[] {
  if (!Array.isArray(list)) return [];
  const out: ParameterSite[] = [];
  list.forEach((entry, i) => {
    const pointer = childPointer(listPointer, i);
    const resolved = derefLocal(doc, entry, pointer);
    if (resolved && isObject(resolved.node)) out.push({ parameter: resolved.node, pointer });
  });
  return out;
}

/** Keywords whose value is one subschema. */
const SUBSCHEMA_ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
/** Keywords whose value is an array of subschemas. */
const SUBSCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** Keywords whose value is a map of subschemas. */
const SUBSCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

export interface SchemaSite {
  schema: JsonObject;
  pointer: string;
  /** The schema whose `allOf` lists this one, if any (its siblings contribute properties). */
  allOfParent?: JsonObject;
}

/** Call `visit` for every schema object written in the document (refs are not followed: each is visited where it is written). */
export function forEachSchema(doc: JsonObject, flavor: SpecFlavor, visit: (site: SchemaSite) => void): void {
  const walkSchema = (schema: Json, pointer: string, allOfParent?: JsonObject): void => {
    if (!isObject(schema)) return;
    visit({ schema, pointer, allOfParent });
    for (const key of SUBSCHEMA_ONE) if (isObject(schema[key])) walkSchema(schema[key], childPointer(pointer, key));
    for (const key of SUBSCHEMA_LIST) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((s, i) => walkSchema(s, childPointer(pointer, key, i), key === 'allOf' ? schema : undefined));
    }
    for (const key of SUBSCHEMA_MAP) {
      const map = schema[key];
      if (isObject(map)) for (const [name, s] of Object.entries(map)) walkSchema(s, childPointer(pointer, key, name));
    }
  };
  const schemaRoots = flavor === 'swagger2' ? doc.definitions : isObject(doc.components) ? doc.components.schemas : undefined;
  const rootsPointer = componentsPointer(flavor, 'schemas');
  if (isObject(schemaRoots)) for (const [name, s] of Object.entries(schemaRoots)) walkSchema(s, childPointer(rootsPointer, name));

  // Elsewhere schemas hang under a `schema` key (parameters, media types, headers, 2.0 responses).
  const findSchemaKeys = (node: Json, pointer: string, inNamedMap: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => findSchemaKeys(item, childPointer(pointer, i), false));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-') && !inNamedMap) continue;
      if (!inNamedMap && (key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'value')) continue;
      const at = childPointer(pointer, key);
      if (key === 'schema' && !inNamedMap) walkSchema(child, at);
      else findSchemaKeys(child, at, !inNamedMap && MAP_KEYS.has(key));
    }
  };
  for (const key of ['paths', 'webhooks', 'parameters', 'responses']) if (doc[key] !== undefined) findSchemaKeys(doc[key], `/${key}`, true);
  if (isObject(doc.components)) {
    for (const [kind, map] of Object.entries(doc.components)) {
      if (kind !== 'schemas' && isObject(map)) findSchemaKeys(map, childPointer('/components', kind), true);
    }
  }
}

/** Maps from names to objects inside the non-schema part of a document. */
const MAP_KEYS = new Set(['paths', 'webhooks', 'responses', 'content', 'headers', 'callbacks', 'links', 'encoding', 'examples', 'pathItems', 'parameters', 'requestBodies']);
