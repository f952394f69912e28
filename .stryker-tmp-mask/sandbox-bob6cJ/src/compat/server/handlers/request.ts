/**
 * The `req` a handler receives, built from what the exchange validator read (`readRequest`): parameters as read
 * per style/explode, converted to their schema's types, and the body as parsed. Only for requests that validated.
 */
// @ts-nocheck

import { derefLocal, resolvePointer } from '../../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../../openapi/types.js';
import { headerValue } from '../../exchange/params.js';
import type { OperationRef, RequestReading } from '../../exchange/index.js';
import type { HandlerRequest } from './types.js';

const MAX_COERCE_DEPTH = 16;

/** Text from the wire → the schema's type (`"7"` → 7 for an integer, `"true"` → true), recursively for arrays and objects. */
export function coerceToSchema(doc: JsonObject, value: unknown, schema: Json | undefined, pointer: string, depth = 0): unknown {
  if (schema === undefined || depth > MAX_COERCE_DEPTH) return value;
  const resolved = derefLocal(doc, schema, pointer);
  const node = resolved?.node;
  if (!isObject(node)) return value;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key]) && node.type === undefined) {
      for (const [i, alternative] of (node[key] as Json[]).entries()) {
        const converted = coerceToSchema(doc, value, alternative, `${resolved!.pointer}/${key}/${i}`, depth + 1);
        if (converted !== value) return converted;
      }
      return value;
    }
  }
  const types = Array.isArray(node.type) ? node.type.map(String) : typeof node.type === 'string' ? [node.type] : [];
  if (Array.isArray(value)) {
    return node.items === undefined ? value : value.map((item) => coerceToSchema(doc, item, node.items as Json, `${resolved!.pointer}/items`, depth + 1));
  }
  if (isObject(value) || (typeof value === 'object' && value !== null)) {
    const properties = isObject(node.properties) ? node.properties : {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, properties[k] === undefined ? v : coerceToSchema(doc, v, properties[k], `${resolved!.pointer}/properties/${k}`, depth + 1)]),
    );
  }
  if (typeof value !== 'string' || types.includes('string')) return value;
  if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === '') return null;
  return value;
}

/**
 * The handler's `req` from what the exchange validator read while validating the request (no second routing,
 * parameter reading or body parse): parameter values converted to their schema's types, content-parameters
 * (`content: application/json`) parsed, and the body as parsed (bytes stay a Buffer).
 */
export function handlerRequest(
  doc: JsonObject,
  operation: OperationRef,
  reading: RequestReading,
  request: { method: string; url: string; headers: Record<string, string>; body: Buffer },
): HandlerRequest {
  const params: HandlerRequest['params'] = { path: {}, query: {}, header: {}, cookie: {} };
  for (const { spec, value: raw } of reading.parameters) {
    let value: unknown = raw;
    if (spec.mediaType !== undefined && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        // validated already; keep the text
      }
    } else if (spec.schemaPointer !== undefined) {
      value = coerceToSchema(doc, value, resolvePointer(doc, spec.schemaPointer), spec.schemaPointer);
    }
    params[spec.in][spec.name] = value;
  }
  const contentType = request.body.length > 0 ? headerValue(request.headers, 'content-type') : undefined;
  return {
    operation: { operationId: operation.operationId ?? `${operation.method} ${operation.path}`, method: operation.method, path: operation.path },
    method: request.method,
    url: request.url,
    params,
    body: request.body.length === 0 ? undefined : reading.body !== undefined ? reading.body.value : request.body,
    ...(contentType !== undefined ? { contentType: contentType.split(';')[0].trim() } : {}),
    headers: request.headers,
  };
}
