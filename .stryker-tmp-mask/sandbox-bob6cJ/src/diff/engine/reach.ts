/**
 * Which objects of a document the operations (paths and webhooks) reach through `$ref`s (to tell used components from unused
 * ones). Hand-written rather than openapi/refs.ts collectRefs: that one builds a pointer string for every node,
 * which on a 10 MB spec costs more than the whole comparison; here only ref targets matter.
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import type { SpecDoc } from './doc.js';

/** Values that are data (instances), where `$ref` is not a reference. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'value']);
/** Maps from user-chosen names: a key there is a name, never a keyword. */
const NAMED_MAPS = new Set(['properties', 'patternProperties', 'responses', 'content', 'headers', 'links', 'callbacks', 'encoding', '$defs', 'schemas', 'definitions']);

export function reachedFromOperations(doc: SpecDoc): Set<JsonObject> {
  const reached = new Set<JsonObject>();
  const queue: JsonObject[] = [];
  // Only objects and arrays can hold refs: primitives are skipped before the call (most values are strings).
  const visit = (value: JsonObject | Json[], inNamedMap: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) visit(item, false);
      return;
    }
    if (!inNamedMap && typeof value.$ref === 'string') {
      const target = doc.resolve(doc.refNode(value.$ref));
      if (target.node !== value && !reached.has(target.node)) {
        reached.add(target.node);
        queue.push(target.node);
      }
    }
    for (const key in value) {
      const child = value[key];
      if (typeof child !== 'object' || child === null) continue;
      if (!inNamedMap && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
      visit(child, !inNamedMap && NAMED_MAPS.has(key));
    }
  };
  // Webhooks are operations too (compared with the direction flipped): what they reach is used.
  for (const section of ['paths', 'webhooks']) {
    const items = doc.root[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      visit(item, false);
    }
  }
  while (queue.length > 0) visit(queue.pop() as JsonObject, false);
  return reached;
}

