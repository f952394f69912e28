/**
 * OpenAPI 3.x parameter serialization (style/explode) for path, query, header and cookie parameters:
 * read what the client sent, report serialization that breaks the declared style, and hand back the
 * value (strings, arrays of strings, objects of strings) for schema validation with type coercion.
 *
 * Hand-written: the checks need the raw wire form (a literal `,` vs `%2C`, a repeated key vs a joined
 * one), which qs/URLSearchParams-based parsers (openapi-backend, express-openapi-validator) throw away.
 */
// @ts-nocheck

import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type ValueShape = 'primitive' | 'array' | 'object';

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  style: string;
  explode: boolean;
  /** Spec pointer of the (dereferenced) parameter object. */
  pointer: string;
  /** Spec pointer of its schema (`…/schema` or `…/content/<type>/schema`), if any. */
  schemaPointer?: string;
  /** Set for `content`-style parameters: the value is a serialized document of this media type. */
  mediaType?: string;
  shape: ValueShape;
  /** Property names of an object-shaped schema (form-exploded objects arrive as one key per property). */
  properties: string[];
}

export interface StyleProblem {
  pointer: string;
  message: string;
}

export interface ReadResult {
  /** undefined: the parameter is absent. */
  value?: unknown;
  problem?: StyleProblem;
}

const DEFAULT_STYLE: Record<ParameterLocation, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };
/** Headers that OpenAPI says parameters must not describe (they are ignored). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
const decodeQueryComponent = (text: string) => safeDecode(text.replace(/\+/g, ' '));

function shapeOf(doc: JsonObject, schema: Json | undefined, pointer: string): { shape: ValueShape; properties: string[] } {
  const target = schema === undefined ? undefined : (derefLocal(doc, schema, pointer)?.node ?? schema);
  if (!isObject(target)) return { shape: 'primitive', properties: [] };
  const type = Array.isArray(target.type) ? target.type.find((t) => t !== 'null') : target.type;
  if (type === 'array' || (type === undefined && target.items !== undefined)) return { shape: 'array', properties: [] };
  if (type === 'object' || (type === undefined && isObject(target.properties))) {
    return { shape: 'object', properties: isObject(target.properties) ? Object.keys(target.properties) : [] };
  }
  return { shape: 'primitive', properties: [] };
}

/** Path-item and operation parameters merged (the operation's win), `$ref`s followed. */
export function operationParameters(doc: JsonObject, operationPointer: string): ParameterSpec[] {
  const itemPointer = operationPointer.replace(/\/[^/]+$/, '');
  const byKey = new Map<string, ParameterSpec>();
  for (const ownerPointer of [itemPointer, operationPointer]) {
    const found = resolvePointer(doc, ownerPointer);
    const owner = found === undefined ? undefined : derefLocal(doc, found, ownerPointer)?.node;
    if (!isObject(owner) || !Array.isArray(owner.parameters)) continue;
    owner.parameters.forEach((raw, i) => {
      const resolved = derefLocal(doc, raw, childPointer(ownerPointer, 'parameters', i));
      if (!resolved || !isObject(resolved.node)) return;
      const p = resolved.node;
      if (typeof p.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(p.in))) return;
      const location = p.in as ParameterLocation;
      if (location === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) return;
      const style = typeof p.style === 'string' ? p.style : DEFAULT_STYLE[location];
      let schemaPointer: string | undefined;
      let mediaType: string | undefined;
      let schema: Json | undefined;
      if (p.schema !== undefined) {
        schemaPointer = childPointer(resolved.pointer, 'schema');
        schema = p.schema;
      } else if (isObject(p.content)) {
        mediaType = Object.keys(p.content)[0];
        const media = mediaType === undefined ? undefined : p.content[mediaType];
        if (isObject(media) && media.schema !== undefined) {
          schemaPointer = childPointer(resolved.pointer, 'content', mediaType as string, 'schema');
          schema = media.schema;
        }
      }
      const { shape, properties } = mediaType ? { shape: 'primitive' as const, properties: [] } : shapeOf(doc, schema, schemaPointer ?? '');
      byKey.set(`${location}:${location === 'header' ? p.name.toLowerCase() : p.name}`, {
        name: p.name,
        in: location,
        required: location === 'path' ? true : p.required === true,
        style,
        explode: typeof p.explode === 'boolean' ? p.explode : style === 'form' || style === 'deepObject',
        pointer: resolved.pointer,
        ...(schemaPointer !== undefined ? { schemaPointer } : {}),
        ...(mediaType !== undefined ? { mediaType } : {}),
        shape,
        properties,
      });
    });
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Query

export interface QueryPair {
  /** Decoded key. */
  key: string;
  /** Raw (still percent-encoded) value: a literal `,` is a delimiter, `%2C` is data. */
  raw: string;
  value: string;
}

export function parseQuery(query: string): QueryPair[] {
  if (query === '') return [];
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawKey = eq === -1 ? part : part.slice(0, eq);
      const raw = eq === -1 ? '' : part.slice(eq + 1);
      return { key: decodeQueryComponent(rawKey), raw, value: decodeQueryComponent(raw) };
    });
}

const DELIMITERS: Record<string, RegExp> = {
  form: /,/,
  spaceDelimited: /%20|\+| /,
  pipeDelimited: /%7C|\|/i,
};
const DELIMITER_TEXT: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

const splitRaw = (raw: string, delimiter: RegExp): string[] => (raw === '' ? [] : raw.split(delimiter).map(decodeQueryComponent));

const example = (name: string, values: string[], explode: boolean, delimiter = ',') =>
  explode ? values.map((v) => `${name}=${v}`).join('&') : `${name}=${values.join(delimiter)}`;

export function readQueryParameter(spec: ParameterSpec, pairs: QueryPair[]): ReadResult {
  const pointer = childPointer('', 'query', spec.name);
  const own = pairs.filter((p) => p.key === spec.name);
  const styleLine = `style ${spec.style}, explode ${spec.explode}`;

  if (spec.mediaType !== undefined) {
    if (own.length === 0) return {};
    try {
      return { value: JSON.parse(own[0].value) };
    } catch {
      return { problem: { pointer, message: `${pointer}: value is not a ${spec.mediaType} document as the parameter's content requires` } };
    }
  }

  if (spec.shape === 'primitive') {
    if (own.length === 0) return {};
    if (own.length > 1) {
      return { problem: { pointer, message: `${pointer}: sent ${own.length} times (${own.map((p) => `${spec.name}=${p.raw}`).join('&')}) where the parameter is a single value` } };
    }
    return { value: own[0].value };
  }

  if (spec.shape === 'array') {
    if (own.length === 0) return {};
    const delimited = spec.style === 'spaceDelimited' || spec.style === 'pipeDelimited';
    if (spec.explode && !delimited) {
      const joined = own.find((p) => p.raw.includes(','));
      if (joined) {
        const items = splitRaw(joined.raw, /,/);
        return {
          problem: {
            pointer,
            message: `${pointer}: sent joined with commas (${spec.name}=${joined.raw}) where the spec says ${styleLine} — send ${example(spec.name, items, true)}`,
          },
        };
      }
      return { value: own.map((p) => p.value) };
    }
    const delimiter = DELIMITERS[spec.style] ?? DELIMITERS.form;
    if (own.length > 1) {
      const items = own.map((p) => p.value);
      return {
        problem: {
          pointer,
          message: `${pointer}: sent as repeated keys (${own.map((p) => `${spec.name}=${p.raw}`).join('&')}) where the spec says ${styleLine} — send ${example(spec.name, items, false, DELIMITER_TEXT[spec.style] ?? ',')}`,
        },
      };
    }
    return { value: splitRaw(own[0].raw, delimiter) };
  }

  // object
  if (spec.style === 'deepObject') {
    const prefix = `${spec.name}[`;
    const members = pairs.filter((p) => p.key.startsWith(prefix) && p.key.endsWith(']'));
    if (own.length > 0) {
      return { problem: { pointer, message: `${pointer}: sent as ${spec.name}=${own[0].raw} where the spec says style deepObject — send ${spec.name}[property]=value` } };
    }
    if (members.length === 0) return {};
    const value: Record<string, string> = {};
    for (const p of members) value[p.key.slice(prefix.length, -1)] = p.value;
    return { value };
  }
  if (spec.explode) {
    const members = pairs.filter((p) => spec.properties.includes(p.key));
    if (own.length > 0 && !spec.properties.includes(spec.name)) {
      return { problem: { pointer, message: `${pointer}: sent as ${spec.name}=${own[0].raw} where the spec says ${styleLine} — send each property as its own key (property=value)` } };
    }
    if (members.length === 0) return {};
    const value: Record<string, string> = {};
    for (const p of members) value[p.key] = p.value;
    return { value };
  }
  if (own.length === 0) return {};
  const parts = splitRaw(own[0].raw, DELIMITERS[spec.style] ?? DELIMITERS.form);
  if (parts.length % 2 !== 0) {
    return { problem: { pointer, message: `${pointer}: ${spec.name}=${own[0].raw} is not a list of key,value pairs as ${styleLine} requires` } };
  }
  const value: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 2) value[parts[i]] = parts[i + 1];
  return { value };
}

// ---------------------------------------------------------------------------------------------------------
// Path, header, cookie

function splitPairs(parts: string[], explode: boolean): Record<string, string> | undefined {
  const value: Record<string, string> = {};
  if (explode) {
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq === -1) return undefined;
      value[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return value;
  }
  if (parts.length % 2 !== 0) return undefined;
  for (let i = 0; i < parts.length; i += 2) value[parts[i]] = parts[i + 1];
  return value;
}

/** Deserialize a `simple`-style text (path segment or header value) into the parameter's shape. */
function readSimple(spec: ParameterSpec, text: string, pointer: string, trim: boolean): ReadResult {
  const parts = (text === '' ? [] : text.split(',')).map((p) => (trim ? p.trim() : p));
  if (spec.shape === 'primitive') return { value: text };
  if (spec.shape === 'array') return { value: parts };
  const value = splitPairs(parts, spec.explode);
  if (!value) return { problem: { pointer, message: `${pointer}: "${text}" is not an object in style ${spec.style}, explode ${spec.explode}` } };
  return { value };
}

/** `rawSegment` is the captured path text, still percent-encoded. */
export function readPathParameter(spec: ParameterSpec, rawSegment: string | undefined): ReadResult {
  const pointer = childPointer('', 'path', spec.name);
  if (rawSegment === undefined) return {};
  const decodeAll = (parts: string[]) => parts.map(safeDecode);
  if (spec.style === 'label') {
    if (!rawSegment.startsWith('.')) {
      return { problem: { pointer, message: `${pointer}: "${safeDecode(rawSegment)}" lacks the leading "." of style label` } };
    }
    const parts = decodeAll(rawSegment.slice(1).split(spec.explode ? '.' : ','));
    if (spec.shape === 'primitive') return { value: safeDecode(rawSegment.slice(1)) };
    if (spec.shape === 'array') return { value: parts };
    const value = splitPairs(parts, spec.explode);
    return value ? { value } : { problem: { pointer, message: `${pointer}: "${safeDecode(rawSegment)}" is not an object in style label` } };
  }
  if (spec.style === 'matrix') {
    const prefix = `;${spec.name}=`;
    if (!rawSegment.startsWith(prefix)) {
      return { problem: { pointer, message: `${pointer}: "${safeDecode(rawSegment)}" lacks the ";${spec.name}=" prefix of style matrix` } };
    }
    if (spec.shape === 'array' && spec.explode) return { value: decodeAll(rawSegment.slice(1).split(';').map((p) => p.slice(p.indexOf('=') + 1))) };
    const body = rawSegment.slice(prefix.length);
    if (spec.shape === 'primitive') return { value: safeDecode(body) };
    if (spec.shape === 'array') return { value: decodeAll(body.split(',')) };
    const value = splitPairs(decodeAll(body.split(',')), false);
    return value ? { value } : { problem: { pointer, message: `${pointer}: "${safeDecode(rawSegment)}" is not an object in style matrix` } };
  }
  if (spec.shape === 'primitive') return { value: safeDecode(rawSegment) };
  const parts = decodeAll(rawSegment === '' ? [] : rawSegment.split(','));
  if (spec.shape === 'array') return { value: parts };
  const value = splitPairs(parts, spec.explode);
  return value ? { value } : { problem: { pointer, message: `${pointer}: "${safeDecode(rawSegment)}" is not an object in style simple` } };
}

export function readHeaderParameter(spec: ParameterSpec, headerValue: string | undefined): ReadResult {
  const pointer = childPointer('', 'header', spec.name);
  if (headerValue === undefined) return {};
  if (spec.mediaType !== undefined) {
    try {
      return { value: JSON.parse(headerValue) };
    } catch {
      return { problem: { pointer, message: `${pointer}: value is not a ${spec.mediaType} document as the parameter's content requires` } };
    }
  }
  return readSimple(spec, headerValue, pointer, true);
}

export function parseCookies(header: string | undefined): QueryPair[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const raw = eq === -1 ? '' : part.slice(eq + 1);
      return { key: eq === -1 ? part : part.slice(0, eq), raw, value: safeDecode(raw) };
    });
}

export function readCookieParameter(spec: ParameterSpec, cookies: QueryPair[]): ReadResult {
  const pointer = childPointer('', 'cookie', spec.name);
  const own = cookies.filter((c) => c.key === spec.name);
  if (own.length === 0) return {};
  if (spec.shape === 'array' && spec.explode) return { value: own.map((c) => c.value) };
  if (own.length > 1) return { problem: { pointer, message: `${pointer}: cookie sent ${own.length} times where the parameter is a single value` } };
  if (spec.shape === 'primitive') return { value: own[0].value };
  const parts = own[0].raw === '' ? [] : own[0].raw.split(',').map(safeDecode);
  if (spec.shape === 'array') return { value: parts };
  const value = splitPairs(parts, false);
  return value ? { value } : { problem: { pointer, message: `${pointer}: "${own[0].value}" is not an object in style form` } };
}

/** Header value as one string (repeated headers joined the way HTTP folds them). */
export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value.join(', ') : String(value);
  }
  return undefined;
}
