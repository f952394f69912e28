// @ts-nocheck
import { isHttpMethod, isObject, type Json, type JsonObject } from './types.js';


const marked = (node: Json | undefined, extensions: readonly string[]): boolean =>
  isObject(node) && extensions.some((name) => node[name] !== undefined && node[name] !== false && node[name] !== null);

/**
 * Drop every part of a spec marked with one of the given `x-` extensions (`x-internal: true`, `x-beta: true`):
 * path items, operations (of paths and webhooks), parameters, schema properties (and the name in `required`), and components.
 * Runs before the diff on both sides, so hidden parts neither appear nor disappear in a report.
 */
export function excludeMarked(doc: JsonObject, extensions: readonly string[]): JsonObject {
  if (extensions.length === 0) return doc;
  const prune = (node: Json): Json => {
    if (Array.isArray(node)) return node.filter((item) => !marked(item, extensions)).map(prune);
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && isObject(value)) {
        const kept: JsonObject = {};
        for (const [name, schema] of Object.entries(value)) if (!marked(schema, extensions)) kept[name] = prune(schema);
        out[key] = kept;
      } else out[key] = prune(value);
    }
    if (Array.isArray(out.required) && isObject(out.properties) && isObject(node.properties)) {
      const dropped = new Set(Object.keys(node.properties).filter((name) => !(name in (out.properties as JsonObject))));
      out.required = out.required.filter((name) => !(typeof name === 'string' && dropped.has(name)));
    }
    return out;
  };
  // Path items and operations; the same for 3.1 webhooks (keyed by name).
  const operations = (items: Json | undefined): JsonObject => {
    const out: JsonObject = {};
    for (const [path, item] of Object.entries(isObject(items) ? items : {})) {
      if (marked(item, extensions) || !isObject(item)) continue;
      const kept: JsonObject = {};
      for (const [key, op] of Object.entries(item)) if (!(isHttpMethod(key) && marked(op, extensions))) kept[key] = op;
      if (Object.keys(kept).some(isHttpMethod) || typeof kept.$ref === 'string') out[path] = kept;
    }
    return out;
  };
  const paths = operations(doc.paths);
  const webhooks: JsonObject = isObject(doc.webhooks) ? { webhooks: operations(doc.webhooks) } : {};
  const components: JsonObject = {};
  for (const [kind, group] of Object.entries(isObject(doc.components) ? doc.components : {})) {
    components[kind] = isObject(group) ? Object.fromEntries(Object.entries(group).filter(([, v]) => !marked(v, extensions))) : group;
  }
  return prune({ ...doc, paths, ...webhooks, ...(isObject(doc.components) ? { components } : {}) }) as JsonObject;
}
