/**
 * Undocumented properties: keys a real message carries that its schema does not list. JSON Schema
 * allows them (Slurm's schemas never say `additionalProperties: false`), so the exchange validator
 * is silent about them; but they are where a spec drifts from its server: slurmrestd 22.05 sends
 * `"min nodes per job"` where the spec documents `min_nodes_per_job`, and error objects with fields
 * the spec never mentions. Hand-written (a walk of value and schema side by side) because ajv can
 * only reject such keys, not list them against a schema that allows them.
 */
// @ts-nocheck

import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { responseKeyFor } from '../exchange/index.js';
import { isJsonMediaType, matchMediaType, parseMediaType } from '../exchange/media.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { generalizePointer } from './summary.js';

export interface UndocumentedProperty {
  /** Pointer into the value (`/partitions/0/min nodes per job`). */
  pointer: string;
  /** Pointer into the spec of the object schema at that place (`$ref`s followed; for `allOf`, the composed schema). */
  schemaPointer: string;
  /** The undocumented key. */
  name: string;
  /** A documented property the key looks like (same letters and digits, ignoring case and separators). */
  lookalike?: string;
  /** One line, starting with the pointer. */
  message: string;
}

interface Branch {
  node: JsonObject;
  pointer: string;
}

/** The schema, with `$ref`s followed, and every `allOf`/`anyOf`/`oneOf` member under it (a union: which member matched is ajv's business). */
function branchesOf(doc: JsonObject, schema: Json, pointer: string, into: Branch[] = [], seen = new Set<string>()): Branch[] {
  const resolved = derefLocal(doc, schema, pointer);
  if (!resolved || !isObject(resolved.node) || seen.has(resolved.pointer)) return into;
  seen.add(resolved.pointer);
  into.push({ node: resolved.node, pointer: resolved.pointer });
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = resolved.node[keyword];
    if (!Array.isArray(members)) continue;
    members.forEach((member, index) => branchesOf(doc, member, childPointer(resolved.pointer, keyword, index), into, seen));
  }
  return into;
}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Every key in `value` that the schema at `schemaPointer` does not document, at any depth the schema
 * describes. An object schema is closed for this purpose when some member lists `properties` and none
 * allows more (`additionalProperties: true` or a schema); free-form objects (`type: object` alone) are
 * open. Each undocumented key is reported once per body: `/jobs/0/x` stands for `/jobs/1/x` too.
 */
export function findUndocumentedProperties(doc: JsonObject, schemaPointer: string, value: unknown, basePointer = ''): UndocumentedProperty[] {
  const found = new Map<string, UndocumentedProperty>();
  const node = resolvePointer(doc, schemaPointer);
  const schema = node === undefined ? undefined : derefLocal(doc, node, schemaPointer);
  if (!schema) return [];

  const walk = (schemaNode: Json, at: string, current: unknown, pointer: string): void => {
    const branches = branchesOf(doc, schemaNode, at);
    if (branches.length === 0) return;
    if (Array.isArray(current)) {
      const items = branches.find((branch) => branch.node.items !== undefined);
      if (items) current.forEach((item, index) => walk(items.node.items as Json, childPointer(items.pointer, 'items'), item, childPointer(pointer, index)));
      return;
    }
    if (!isObject(current)) return;
    const documented = new Map<string, { schema: Json; pointer: string }>();
    let listed = false;
    let extra: { schema: Json; pointer: string } | undefined;
    let open = false;
    for (const branch of branches) {
      const properties = branch.node.properties;
      if (isObject(properties)) {
        listed = true;
        for (const [name, propertySchema] of Object.entries(properties)) {
          if (!documented.has(name)) documented.set(name, { schema: propertySchema, pointer: childPointer(branch.pointer, 'properties', name) });
        }
      }
      const additional = branch.node.additionalProperties;
      if (additional === true) open = true;
      else if (isObject(additional)) extra ??= { schema: additional, pointer: childPointer(branch.pointer, 'additionalProperties') };
    }
    for (const [name, child] of Object.entries(current)) {
      const childPointerInValue = childPointer(pointer, name);
      const known = documented.get(name);
      if (known) {
        walk(known.schema, known.pointer, child, childPointerInValue);
      } else if (extra) {
        walk(extra.schema, extra.pointer, child, childPointerInValue);
      } else if (listed && !open) {
        // Array items collapse (`/partitions/*/x` once), but the key itself stays literal: `{"0": …, "1": …}` are two keys.
        const key = childPointer(generalizePointer(pointer), name);
        if (found.has(key)) continue;
        const lookalike = [...documented.keys()].find((candidate) => squash(candidate) === squash(name) && squash(name) !== '');
        const like = lookalike !== undefined ? `; the schema has '${lookalike}'` : '';
        // The schema at this place (for allOf, the composed one, not the member that lists properties).
        const where = branches[0].pointer;
        found.set(key, {
          pointer: childPointerInValue,
          schemaPointer: where,
          name,
          ...(lookalike !== undefined ? { lookalike } : {}),
          message: `${childPointerInValue}: property '${name}' is not in the schema (#${where})${like}`,
        });
      }
    }
  };

  walk(schema.node, schema.pointer, value, basePointer);
  return [...found.values()];
}

/** The object at `pointer` with `$ref`s followed, and where it really is. */
function objectAt(doc: JsonObject, pointer: string): Branch | undefined {
  const node = resolvePointer(doc, pointer);
  const resolved = node === undefined ? undefined : derefLocal(doc, node, pointer);
  return resolved && isObject(resolved.node) ? { node: resolved.node, pointer: resolved.pointer } : undefined;
}

/**
 * Pointer of the JSON schema a message body is checked against: the documented media type the
 * Content-Type falls under, in the request body (`status` undefined) or in the response for `status`.
 * Undefined when there is none or the media type is not JSON.
 */
export function bodySchemaPointer(doc: JsonObject, operationPointer: string, contentType: string | undefined, status?: number): string | undefined {
  let holder: Branch | undefined;
  if (status === undefined) {
    holder = objectAt(doc, childPointer(operationPointer, 'requestBody'));
  } else {
    const responses = objectAt(doc, childPointer(operationPointer, 'responses'));
    const key = responses ? responseKeyFor(responses.node, status) : undefined;
    holder = responses && key !== undefined ? objectAt(doc, childPointer(responses.pointer, key)) : undefined;
  }
  const content = holder?.node.content;
  const sent = parseMediaType(contentType);
  if (!holder || !isObject(content) || !sent || !isJsonMediaType(sent)) return undefined;
  const key = matchMediaType(sent, Object.keys(content));
  const media = key === undefined ? undefined : content[key];
  return key !== undefined && isObject(media) && media.schema !== undefined ? childPointer(holder.pointer, 'content', key, 'schema') : undefined;
}
