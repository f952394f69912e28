/**
 * The `req` a handler receives: parameters read per style/explode (the exchange validator's readers) and
 * converted to their schema's types, and the parsed body. Only built for requests that already validated.
 */
import { derefLocal, resolvePointer } from '../../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../../openapi/types.js';
import { isFormMediaType, isJsonMediaType, isTextMediaType, parseMediaType } from '../../exchange/media.js';
import {
  headerValue,
  operationParameters,
  parseCookies,
  parseQuery,
  readCookieParameter,
  readHeaderParameter,
  readPathParameter,
  readQueryParameter,
  type ParameterSpec,
} from '../../exchange/params.js';
import { createRouter, splitUrl, type Router } from '../../exchange/router.js';
import type { OperationRef } from '../../exchange/index.js';
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

/** Per document: the router (for raw path segments) and the parameter lists. */
export class RequestReader {
  private readonly router: Router;
  private readonly parameters = new Map<string, ParameterSpec[]>();

  constructor(private readonly doc: JsonObject) {
    this.router = createRouter(doc);
  }

  read(operation: OperationRef, request: { method: string; url: string; headers: Record<string, string>; body: Buffer }): HandlerRequest {
    const routed = this.router.route(request.method, request.url);
    const rawPath = routed.kind === 'match' ? routed.rawPathParams : {};
    const { query } = splitUrl(request.url);
    const pairs = parseQuery(query);
    const cookies = parseCookies(headerValue(request.headers, 'cookie'));
    let specs = this.parameters.get(operation.pointer);
    if (!specs) {
      specs = operationParameters(this.doc, operation.pointer);
      this.parameters.set(operation.pointer, specs);
    }
    const params: HandlerRequest['params'] = { path: {}, query: {}, header: {}, cookie: {} };
    for (const spec of specs) {
      const read =
        spec.in === 'path' ? readPathParameter(spec, rawPath[spec.name])
        : spec.in === 'query' ? readQueryParameter(spec, pairs)
        : spec.in === 'header' ? readHeaderParameter(spec, headerValue(request.headers, spec.name))
        : readCookieParameter(spec, cookies);
      if (read.value === undefined) continue;
      let value: unknown = read.value;
      if (spec.mediaType !== undefined && typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          // validated already; keep the text
        }
      } else if (spec.schemaPointer !== undefined) {
        value = coerceToSchema(this.doc, value, resolvePointer(this.doc, spec.schemaPointer), spec.schemaPointer);
      }
      params[spec.in][spec.name] = value;
    }
    const contentType = request.body.length > 0 ? headerValue(request.headers, 'content-type') : undefined;
    return {
      operation: { operationId: operation.operationId ?? `${operation.method} ${operation.path}`, method: operation.method, path: operation.path },
      method: request.method,
      url: request.url,
      params,
      body: request.body.length === 0 ? undefined : parseBody(request.body, contentType),
      ...(contentType !== undefined ? { contentType: contentType.split(';')[0].trim() } : {}),
      headers: request.headers,
    };
  }
}

function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const media = parseMediaType(contentType);
  const text = body.toString('utf8');
  if (media && isJsonMediaType(media)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (media && isFormMediaType(media)) {
    const form: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      const previous = form[k];
      form[k] = previous === undefined ? v : ([] as string[]).concat(previous, v);
    }
    return form;
  }
  if (media && isTextMediaType(media)) return text;
  return body;
}
