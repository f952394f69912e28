/**
 * `--select` on a path, an operation, a response or a request body: the diff of that selection only.
 *
 * The documents are diffed whole (only the selected operation is trimmed to the selected part), and the
 * report keeps the changes that list a selected operation. So a selected operation reports exactly the
 * findings the unselected diff lists for it — same locations, levels and fingerprints (an accept-list
 * entry matches either way) — and nothing from unused components, renames, other operations, document-wide
 * security or servers. Diffing a copy that held only the selected path item instead would keep every
 * component, and unused-component comparisons and renames would flood in.
 */
// @ts-nocheck

import { summarize } from '../diff/classify/index.js';
import { diffSpecs, type DiffSpecsOptions } from '../diff/engine/index.js';
import type { Change, DiffReport, OperationRef } from '../diff/model.js';
import { isObject, type Json, type JsonObject } from '../openapi/types.js';

/** Where in the OpenAPI structure an operation-level selection sits. */
export interface OperationPart {
  kind: 'operation-part';
  path: string;
  method?: string;
  keep?: 'responses' | 'requestBody' | 'parameters';
  status?: string;
}

/**
 * The operation reduced to the selected part. Everything else that could change is dropped on both sides
 * (deprecation, tags, security, callbacks, servers, the other parts); the operationId is taken from one side
 * for both, so it labels the operation without counting as a change.
 */
function narrowOperation(op: JsonObject, sel: OperationPart, operationId: Json | undefined): JsonObject {
  if (!sel.keep) return op;
  const out: JsonObject = {};
  if (operationId !== undefined) out.operationId = operationId;
  const responses = isObject(op.responses) ? op.responses : {};
  if (sel.keep === 'responses') {
    out.responses = sel.status !== undefined ? { [sel.status]: responses[sel.status] } : responses;
  } else {
    out.responses = {};
    if (sel.keep === 'requestBody' && op.requestBody !== undefined) out.requestBody = op.requestBody;
    if (sel.keep === 'parameters' && op.parameters !== undefined) out.parameters = op.parameters;
  }
  return out;
}

/** The path item with the selected operation trimmed (path-level parameters only survive when parameters are selected). */
function narrowPathItem(item: JsonObject, sel: OperationPart, asMethod: string, operationId: Json | undefined): JsonObject {
  if (!sel.method) return item;
  const op = narrowOperation(item[sel.method] as JsonObject, sel, operationId);
  const out: JsonObject = { ...item };
  if (sel.method !== asMethod) delete out[sel.method];
  out[asMethod] = op;
  if (sel.keep && sel.keep !== 'parameters') delete out.parameters;
  return out;
}

const pathItemOf = (doc: JsonObject, path: string): JsonObject => (doc.paths as JsonObject)[path] as JsonObject;

/**
 * Old and new selection must be the same kind of part (checked by the caller). When both name the same path
 * and method, the documents keep every other path; otherwise the new selection is moved under the old one's
 * path and method so the two line up, and the other paths are left out (they would only be added/removed noise).
 */
export function diffOperationSelection(oldDoc: JsonObject, newDoc: JsonObject, o: OperationPart, n: OperationPart, opts: DiffSpecsOptions): DiffReport {
  const method = o.method;
  const oldOp = method ? pathItemOf(oldDoc, o.path)[method] : undefined;
  const newOp = n.method ? pathItemOf(newDoc, n.path)[n.method] : undefined;
  const operationId = isObject(newOp) && newOp.operationId !== undefined ? newOp.operationId : isObject(oldOp) ? oldOp.operationId : undefined;
  const samePlace = o.path === n.path && o.method === n.method;
  const narrowed = (doc: JsonObject, sel: OperationPart): JsonObject => {
    const item = narrowPathItem(pathItemOf(doc, sel.path), sel, method ?? '', operationId);
    if (samePlace) return { ...doc, paths: { ...(doc.paths as JsonObject), [o.path]: item } };
    // Only the selected operation of the path item: its siblings would not line up.
    const only: JsonObject = method ? { [method]: item[method] } : item;
    if (method && Array.isArray(item.parameters)) only.parameters = item.parameters;
    return { ...doc, paths: { [o.path]: only } };
  };
  const report = diffSpecs(narrowed(oldDoc, o), narrowed(newDoc, n), opts);

  const upper = method?.toUpperCase();
  const selected = (op: OperationRef): boolean => op.path === o.path && (upper === undefined || op.method === upper);
  const changes: Change[] = [];
  for (const change of report.changes) {
    if (!change.operations.some(selected)) continue;
    // Selected operations first, so grouped reports file the change under the selection.
    const operations = [...change.operations.filter(selected), ...change.operations.filter((op) => !selected(op))];
    changes.push({ ...change, operations });
  }
  return { ...report, changes, summary: summarize(changes) };
}
