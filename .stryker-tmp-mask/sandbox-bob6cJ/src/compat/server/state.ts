/**
 * The reference server's small amount of state: resource collections found by path shape.
 *
 * A collection is a create operation (POST to a literal path, e.g. `/slurm/v0.0.42/job/submit`) whose
 * success response has an id property, plus the item path next to it whose template parameter has the
 * same name (`/slurm/v0.0.42/job/{job_id}`). Created ids are handed out in order; an item that was
 * deleted answers 404 afterwards. Ids the server never handed out are answered with plain samples, so
 * that every operation can be called without a create first.
 */
// @ts-nocheck

import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import type { OperationRef } from '../exchange/index.js';

interface Collection {
  /** Item path template, e.g. `/slurm/v0.0.42/job/{job_id}`. */
  itemPath: string;
  /** Template parameter and response property that carry the id. */
  idName: string;
  idType: 'integer' | 'string';
  live: Set<string>;
  deleted: Set<string>;
}

export type StateDecision =
  | { kind: 'pass' }
  /** The item was deleted: answer 404. */
  | { kind: 'gone'; id: string };

const FIRST_ID = 1001;

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
const parentPath = (path: string) => trimSlash(path).replace(/\/[^/]*$/, '');

/** Type of the top-level property `name` in the operation's first 2xx JSON response schema. */
function createdIdType(doc: JsonObject, operation: OperationRef, name: string): 'integer' | 'string' | undefined {
  const op = resolvePointer(doc, operation.pointer);
  if (!isObject(op) || !isObject(op.responses)) return undefined;
  const status = Object.keys(op.responses).filter((k) => /^2/.test(k)).sort()[0];
  if (status === undefined) return undefined;
  const responsePointer = childPointer(operation.pointer, 'responses', status);
  const response = derefLocal(doc, op.responses[status], responsePointer)?.node;
  const media = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
  const schema = isObject(media) && media.schema !== undefined ? derefLocal(doc, media.schema, responsePointer)?.node : undefined;
  const property = isObject(schema) && isObject(schema.properties) ? schema.properties[name] : undefined;
  const target = property === undefined ? undefined : derefLocal(doc, property, responsePointer)?.node;
  if (!isObject(target)) return undefined;
  if (target.type === 'integer' || target.type === 'number') return 'integer';
  if (target.type === 'string') return 'string';
  return undefined;
}

export class ResourceState {
  private readonly collections: Collection[] = [];
  /** Create operation pointer → collection. */
  private readonly creators = new Map<string, Collection>();
  private nextId = FIRST_ID;

  constructor(doc: JsonObject, operations: readonly OperationRef[]) {
    const byPath = new Map<string, OperationRef[]>();
    for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    for (const create of operations) {
      if (create.method !== 'post' || /\}$/.test(trimSlash(create.path))) continue;
      for (const base of [parentPath(create.path), trimSlash(create.path)]) {
        for (const [itemPath, itemOperations] of byPath) {
          const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\{([^}/]+)\\}/?$`).exec(itemPath);
          if (!match || !itemOperations.some((o) => o.method === 'get' || o.method === 'delete')) continue;
          const idName = match[1];
          const idType = createdIdType(doc, create, idName) ?? createdIdType(doc, create, 'id');
          if (!idType) continue;
          let collection = this.collections.find((c) => c.itemPath === itemPath);
          if (!collection) {
            collection = { itemPath, idName, idType, live: new Set(), deleted: new Set() };
            this.collections.push(collection);
          }
          this.creators.set(create.pointer, collection);
        }
      }
    }
  }

  /** Item paths with state, for docs and diagnostics. */
  describe(): { itemPath: string; idName: string; creators: string[] }[] {
    return this.collections.map((c) => ({
      itemPath: c.itemPath,
      idName: c.idName,
      creators: [...this.creators].filter(([, col]) => col === c).map(([pointer]) => pointer),
    }));
  }

  /** Before answering: is this an item request for a deleted id? */
  check(operation: OperationRef, pathParams: Record<string, string>): StateDecision {
    const collection = this.collections.find((c) => c.itemPath === operation.path);
    if (!collection) return { kind: 'pass' };
    const id = pathParams[collection.idName];
    return id !== undefined && collection.deleted.has(id) ? { kind: 'gone', id } : { kind: 'pass' };
  }

  /**
   * After a successful answer is built: a create hands out the next id (written into the response's id
   * properties); an item response for a live id carries that id; a DELETE of a live id removes it.
   * Returns the body to send (`body` itself, changed in place).
   */
  apply(operation: OperationRef, pathParams: Record<string, string>, body: Json): Json {
    const creator = this.creators.get(operation.pointer);
    if (creator) {
      const id = String(this.nextId++);
      creator.live.add(id);
      writeId(body, creator.idName, creator.idType === 'integer' ? Number(id) : id, 2);
      return body;
    }
    const collection = this.collections.find((c) => c.itemPath === operation.path);
    const id = collection ? pathParams[collection.idName] : undefined;
    if (!collection || id === undefined || !collection.live.has(id)) return body;
    if (operation.method === 'delete') {
      collection.live.delete(id);
      collection.deleted.add(id);
      return body;
    }
    writeId(body, collection.idName, collection.idType === 'integer' ? Number(id) : id, 3);
    return body;
  }
}

/** Set every property called `name` (objects and arrays, up to `depth` levels down) to `id`, keeping its JSON type. */
function writeId(node: Json, name: string, id: string | number, depth: number): void {
  if (depth < 0) return;
  if (Array.isArray(node)) {
    for (const item of node) writeId(item, name, id, depth - 1);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === name && typeof value === 'number' && Number.isFinite(Number(id))) node[key] = Number(id);
    else if (key === name && typeof value === 'string') {
      node[key] = String(id);
    } else writeId(value, name, id, depth - 1);
  }
}
