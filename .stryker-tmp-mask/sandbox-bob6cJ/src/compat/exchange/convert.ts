/**
 * OpenAPI Schema Objects → JSON Schema for ajv, for one message direction.
 *
 * Hand-written rather than @openapi-contrib/openapi-schema-to-json-schema (checked, 5.1.0): that library
 * targets draft-04 (boolean exclusiveMinimum stays, which ajv's draft-07 class rejects), drops `required`
 * names that are not in `properties` (real slurmrestd specs have such names, and the validator must see
 * them), deletes readOnly properties instead of only un-requiring them, keeps `$ref` siblings, and pulls
 * prettier, openapi-typescript and yargs in as runtime dependencies. The rules below are the whole list.
 *
 * Every converted schema object is recorded with the JSON pointer of the spec object it came from, so
 * that ajv errors (which carry the schema object with `verbose: true`) map back to the spec exactly.
 */
// @ts-nocheck

import { derefLocal } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { childPointer } from '../../openapi/refs.js';

export type Direction = 'request' | 'response';
export type OasVersion = '3.0' | '3.1';

export interface ConvertedDocument {
  /** A copy of the document whose schema objects are JSON Schema; everything else is shared with the input. */
  root: JsonObject;
  /** Spec pointer of each converted schema object. */
  pointerOf: WeakMap<object, string>;
}

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is one schema (or, for `items` before 2020-12, possibly an array of schemas). */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contentSchema',
]);
const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** OpenAPI 3.0 keywords that are annotations only, or that JSON Schema reads differently. */
const OAS30_DROPPED = new Set(['nullable', 'discriminator', 'example', 'xml', 'externalDocs']);

export const oasVersionOf = (doc: JsonObject): OasVersion =>
  typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1') ? '3.1' : '3.0';

export function convertDocument(doc: JsonObject, direction: Direction): ConvertedDocument {
  const version = oasVersionOf(doc);
  const pointerOf = new WeakMap<object, string>();

  const convertSchema = (node: Json, pointer: string): Json => {
    if (!isObject(node)) return node; // boolean schemas (3.1) and malformed nodes stay as they are
    if (version === '3.0' && typeof node.$ref === 'string') {
      // 3.0: siblings of $ref are ignored by definition
      const ref: JsonObject = { $ref: node.$ref };
      pointerOf.set(ref, pointer);
      return ref;
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (version === '3.0' && OAS30_DROPPED.has(key)) continue;
      if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
        const map: JsonObject = {};
        for (const [name, sub] of Object.entries(value)) map[name] = convertSchema(sub, childPointer(pointer, key, name));
        out[key] = map;
      } else if (SCHEMA_KEYWORDS.has(key)) {
        out[key] = Array.isArray(value)
          ? value.map((sub, i) => convertSchema(sub, childPointer(pointer, key, i)))
          : convertSchema(value, childPointer(pointer, key));
      } else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value)) {
        out[key] = value.map((sub, i) => convertSchema(sub, childPointer(pointer, key, i)));
      } else {
        out[key] = value;
      }
    }
    if (version === '3.0') convertOas30Keywords(node, out);
    pruneRequired(doc, node, out, pointer, direction);
    pointerOf.set(out, pointer);
    if (version === '3.0' && node.nullable === true && out.type === undefined) {
      // nullable without a type: allow null next to whatever the schema says (lenient reading of 3.0.3)
      const wrapper: JsonObject = { anyOf: [{ type: 'null' }, out] };
      pointerOf.set(wrapper, pointer);
      return wrapper;
    }
    return out;
  };

  const walk = (node: Json, pointer: string): Json => {
    if (Array.isArray(node)) return node.map((item, i) => walk(item, childPointer(pointer, i)));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const at = childPointer(pointer, key);
      if (key.startsWith('x-') || key === 'example' || key === 'examples') out[key] = value;
      else if (key === 'schema' && isObject(value)) out[key] = convertSchema(value, at);
      else if (key === 'schemas' && pointer === '/components' && isObject(value)) {
        const schemas: JsonObject = {};
        for (const [name, schema] of Object.entries(value)) schemas[name] = convertSchema(schema, childPointer(at, name));
        out[key] = schemas;
      } else out[key] = walk(value, at);
    }
    return out;
  };

  const root = walk(doc, '') as JsonObject;
  return { root, pointerOf };
}

/** nullable → type union, boolean exclusiveMinimum/Maximum (draft-04 style) → numeric (draft-06+). */
function convertOas30Keywords(node: JsonObject, out: JsonObject): void {
  if (node.nullable === true && out.type !== undefined) {
    out.type = Array.isArray(out.type) ? [...out.type, 'null'] : [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[flag] !== 'boolean') continue;
    delete out[flag];
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
    }
  }
}

/** readOnly properties are not required in requests, writeOnly ones not in responses (OpenAPI 3.x). */
function pruneRequired(doc: JsonObject, node: JsonObject, out: JsonObject, pointer: string, direction: Direction): void {
  if (!Array.isArray(node.required) || !isObject(node.properties)) return;
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  const properties = node.properties;
  const kept = node.required.filter((name) => {
    if (typeof name !== 'string') return true;
    const property = properties[name];
    if (property === undefined) return true;
    const target = derefLocal(doc, property, childPointer(pointer, 'properties', name))?.node ?? property;
    return !(isObject(property) && property[flag] === true) && !(isObject(target) && target[flag] === true);
  });
  if (kept.length !== node.required.length) out.required = kept;
}
