/**
 * Deterministic sample values for a spec: response bodies for the reference server and whole valid
 * requests for the compat runner. Examples come first, openapi-sampler fills the rest; every sample is
 * then validated with the exchange validator and fixed where the sampler was wrong (it ignores
 * `required` names that are not in `properties`, formats it does not know, some bounds).
 */
// @ts-nocheck

import { sample } from 'openapi-sampler';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { childPointer, derefLocal, resolvePointer, tokensFromPointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { createExchangeValidator } from '../exchange/index.js';
import type { ExchangeValidator, OperationRef, SchemaIssue } from '../exchange/index.js';
import { operationParameters, type ParameterSpec } from '../exchange/params.js';
import { isJsonMediaType, parseMediaType } from '../exchange/media.js';

export type Direction = 'request' | 'response';

const validators = new WeakMap<JsonObject, ExchangeValidator>();
/** One validator per document object, shared by every sample taken from it. */
export function validatorFor(doc: JsonObject): ExchangeValidator {
  let validator = validators.get(doc);
  if (!validator) {
    validator = createExchangeValidator(doc);
    validators.set(doc, validator);
  }
  return validator;
}

export interface SampleResult {
  value: Json;
  /** Problems the fix-up could not repair (e.g. a `pattern` on a required string). Empty when the value validates. */
  unresolved: SchemaIssue[];
}

/** Canonical values for formats, used when the sampler's value for a format does not validate. */
const FORMAT_SAMPLES: Record<string, Json> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  hostname: 'node001.example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  'uri-reference': '/example',
  uuid: '00000000-0000-4000-8000-000000000000',
  byte: 'c3BlY2RyaWZ0',
  int32: 0,
  int64: 0,
};

const MAX_FIX_ROUNDS = 12;

function rawSample(doc: JsonObject, schema: Json | undefined, direction: Direction): Json {
  if (schema === undefined) return null;
  const options = { quiet: true, enablePatterns: true, ...(direction === 'request' ? { skipReadOnly: true } : { skipWriteOnly: true }) };
  try {
    return (sample(schema as never, options, doc) ?? null) as Json;
  } catch (error) {
    const where = isObject(schema) && typeof schema.$ref === 'string' ? ` (${schema.$ref})` : '';
    throw new SpecdriftError(`cannot sample a schema${where}: ${(error as Error).message}`, ExitCode.parse, {
      hint: 'run `specdrift validate` on the spec and fix its references',
      cause: error,
    });
  }
}

// -- JSON pointer edits on plain data --------------------------------------------------------------------

function parentOf(root: Json, pointer: string): { parent: JsonObject | Json[]; key: string } | undefined {
  const tokens = tokensFromPointer(pointer);
  if (!tokens || tokens.length === 0) return undefined;
  const parent = resolvePointer(root, pointer.slice(0, pointer.lastIndexOf('/')));
  if (!isObject(parent) && !Array.isArray(parent)) return undefined;
  return { parent, key: tokens[tokens.length - 1] };
}

/** Set the value at pointer; returns the (possibly new) root. */
function setAt(root: Json, pointer: string, value: Json): Json {
  if (pointer === '') return value;
  const at = parentOf(root, pointer);
  if (!at) return root;
  if (Array.isArray(at.parent)) at.parent[Number(at.key)] = value;
  else at.parent[at.key] = value;
  return root;
}

function deleteAt(root: Json, pointer: string): boolean {
  const at = parentOf(root, pointer);
  if (!at || Array.isArray(at.parent)) return false;
  delete at.parent[at.key];
  return true;
}

// -- Fix-up -------------------------------------------------------------------------------------------------

const propertiesOf = (doc: JsonObject, node: Json | undefined, at: string): JsonObject | undefined => {
  const resolved = node === undefined ? undefined : derefLocal(doc, node, at);
  return resolved && isObject(resolved.node) && isObject(resolved.node.properties) ? resolved.node.properties : undefined;
};

/** The spec schema that a `required` name stands for: `properties[name]`, else an `a/b` path through nested properties. */
function requiredPropertySchema(doc: JsonObject, schemaObjectPointer: string, name: string): Json | undefined {
  let node = resolvePointer(doc, schemaObjectPointer);
  const direct = propertiesOf(doc, node, schemaObjectPointer)?.[name];
  if (direct !== undefined) return direct;
  // slurmrestd writes nested names into `required` (`nodes/count`): follow them through the properties
  for (const part of name.split('/')) {
    node = propertiesOf(doc, node, schemaObjectPointer)?.[part];
    if (node === undefined) return undefined;
  }
  return node;
}

function fixOne(doc: JsonObject, root: Json, issue: SchemaIssue, direction: Direction): { root: Json; changed: boolean } {
  const current = resolvePointer(root, issue.pointer);
  const schema = resolvePointer(doc, issue.schemaObjectPointer);
  const set = (value: Json) => ({ root: setAt(root, issue.pointer, value), changed: true });
  const p = issue.params;
  switch (issue.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      const propertySchema = requiredPropertySchema(doc, issue.schemaObjectPointer, name);
      return set(propertySchema === undefined ? null : rawSample(doc, propertySchema, direction));
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return { root, changed: deleteAt(root, issue.pointer) };
    case 'enum':
      return Array.isArray(p.allowedValues) && p.allowedValues.length > 0 ? set(p.allowedValues[0] as Json) : { root, changed: false };
    case 'const':
      return set(p.allowedValue as Json);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(p.limit);
      const integer = isObject(schema) && (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')));
      const step = issue.keyword.startsWith('exclusive') ? (integer ? 1 : 1e-6) : 0;
      return set(issue.keyword.endsWith('inimum') ? limit + step : limit - step);
    }
    case 'multipleOf':
      return set(Number(p.multipleOf));
    case 'minLength':
      return set(String(current ?? '').padEnd(Number(p.limit), 'x'));
    case 'maxLength':
      return set(String(current ?? '').slice(0, Number(p.limit)));
    case 'minItems': {
      const list = Array.isArray(current) ? [...current] : [];
      const filler = list[0] ?? (isObject(schema) ? rawSample(doc, schema.items as Json, direction) : null);
      while (list.length < Number(p.limit)) list.push(structuredClone(filler));
      return set(list);
    }
    case 'maxItems':
      return set(Array.isArray(current) ? current.slice(0, Number(p.limit)) : []);
    case 'uniqueItems':
      return set(Array.isArray(current) ? current.slice(0, 1) : []);
    case 'format': {
      const known = FORMAT_SAMPLES[String(p.format)];
      if (known !== undefined) return set(known);
      break;
    }
    case 'type':
    case 'anyOf':
    case 'oneOf': {
      const fresh = rawSample(doc, resolvePointer(doc, issue.schemaObjectPointer), direction);
      if (JSON.stringify(fresh) !== JSON.stringify(current)) return set(fresh);
      break;
    }
  }
  // last resort: drop the property (if it was required, the next round reports that and samples it afresh)
  return { root, changed: issue.pointer !== '' && deleteAt(root, issue.pointer) };
}

/** Validate `value` against the schema at `schemaPointer` and repair it until it validates (or nothing more can be done). */
export function repairSample(doc: JsonObject, schemaPointer: string, value: Json, direction: Direction): SampleResult {
  const validator = validatorFor(doc);
  let root = value;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const issues = validator.validateValue(schemaPointer, root, direction);
    if (issues.length === 0) return { value: root, unresolved: [] };
    let changed = false;
    for (const issue of issues) {
      const fixed = fixOne(doc, root, issue, direction);
      root = fixed.root;
      changed ||= fixed.changed;
    }
    if (!changed) return { value: root, unresolved: issues };
  }
  return { value: root, unresolved: validator.validateValue(schemaPointer, root, direction) };
}

/** A valid value for the schema at `schemaPointer` (a pointer into the spec): sampled, then repaired. */
export function sampleSchema(doc: JsonObject, schemaPointer: string, direction: Direction): SampleResult {
  return repairSample(doc, schemaPointer, rawSample(doc, resolvePointer(doc, schemaPointer), direction), direction);
}

/** First example of a media type or parameter object (`example`, then `examples`), if any. */
function exampleOf(doc: JsonObject, holder: JsonObject): Json | undefined {
  if (holder.example !== undefined) return holder.example;
  if (isObject(holder.examples)) {
    for (const [name, raw] of Object.entries(holder.examples)) {
      const example = derefLocal(doc, raw, `/examples/${name}`)?.node;
      if (isObject(example) && example.value !== undefined) return example.value;
    }
  }
  return undefined;
}

export interface SampleOptions {
  /**
   * `--sample-large-integers`: every sampled `integer`/`int64` whose schema allows it (no enum, const, multipleOf,
   * and bounds that admit it) becomes {@link LARGE_INT64}, a `bigint`, so the body carries an integer that a double
   * cannot hold. Examples are kept as written. Serialise such a value with `stringifyLossless`.
   */
  largeIntegers?: boolean;
}

/** 2^53 + 1: the smallest positive integer a double cannot hold (it becomes 9007199254740992). */
export const LARGE_INT64 = 9007199254740993n;

function admitsLargeInteger(schema: JsonObject): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes('integer') || schema.format !== 'int64') return false;
  if (schema.enum !== undefined || schema.const !== undefined || schema.multipleOf !== undefined) return false;
  const big = Number(LARGE_INT64);
  const below = (limit: Json | undefined, exclusive: boolean) => typeof limit !== 'number' || (exclusive ? limit > big : limit >= big);
  const above = (limit: Json | undefined) => typeof limit !== 'number' || limit < big;
  return below(schema.maximum, schema.exclusiveMaximum === true) && (typeof schema.exclusiveMaximum !== 'number' || schema.exclusiveMaximum > big) && above(schema.minimum) && above(typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined);
}

/** `value` (valid for the schema) with its int64 integers replaced by {@link LARGE_INT64}; `oneOf`/`anyOf` branches are left alone (which one applies is ambiguous). */
function withLargeIntegers(doc: JsonObject, schemaNode: Json | undefined, pointer: string, value: unknown, depth = 0): unknown {
  if (schemaNode === undefined || depth > 64) return value;
  const resolved = derefLocal(doc, schemaNode, pointer);
  if (!resolved || !isObject(resolved.node)) return value;
  const schema = resolved.node;
  let out = value;
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((part, i) => (out = withLargeIntegers(doc, part, childPointer(resolved.pointer, 'allOf', i), out, depth + 1)));
  if (typeof out === 'number' && Number.isInteger(out) && admitsLargeInteger(schema)) return LARGE_INT64;
  if (Array.isArray(out) && schema.items !== undefined) return out.map((item) => withLargeIntegers(doc, schema.items as Json, childPointer(resolved.pointer, 'items'), item, depth + 1));
  if (out !== null && typeof out === 'object' && !Array.isArray(out)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const object = out as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const own = properties[key];
      if (own !== undefined) object[key] = withLargeIntegers(doc, own, childPointer(resolved.pointer, 'properties', key), object[key], depth + 1);
      else if (isObject(schema.additionalProperties)) object[key] = withLargeIntegers(doc, schema.additionalProperties, childPointer(resolved.pointer, 'additionalProperties'), object[key], depth + 1);
    }
  }
  return out;
}

/**
 * A valid value for a media type object (`…/content/application~1json`): its example when that validates
 * (repaired otherwise), else a sample of its schema.
 */
export function sampleMedia(doc: JsonObject, mediaPointer: string, direction: Direction, opts: SampleOptions = {}): SampleResult {
  const media = resolvePointer(doc, mediaPointer);
  if (!isObject(media) || media.schema === undefined) {
    return { value: isObject(media) ? (exampleOf(doc, media) ?? null) : null, unresolved: [] };
  }
  const schemaPointer = childPointer(mediaPointer, 'schema');
  const example = exampleOf(doc, media);
  if (example !== undefined) return repairSample(doc, schemaPointer, structuredClone(example), direction);
  const sampled = sampleSchema(doc, schemaPointer, direction);
  if (!opts.largeIntegers || sampled.unresolved.length > 0) return sampled;
  // bigints are not Json: only stringifyLossless (the reference server) writes this value
  return { value: withLargeIntegers(doc, media.schema, schemaPointer, sampled.value) as Json, unresolved: [] };
}

// -- Requests -----------------------------------------------------------------------------------------------

export interface SampledRequest {
  /** Upper-case method. */
  method: string;
  /** Concrete path including the server base path, path parameters filled in and encoded. */
  path: string;
  /** Query string without `?`, serialized per each parameter's style/explode; `` when none. */
  query: string;
  /** `path` + `?query`. */
  url: string;
  /** Header parameters, API-key security headers and Content-Type (when there is a body). */
  headers: Record<string, string>;
  /** Parsed body (undefined: no request body). */
  body?: Json;
  contentType?: string;
  /** Typed parameter values by location and name, for calling generated clients. */
  params: Record<'path' | 'query' | 'header' | 'cookie', Record<string, Json>>;
}

export interface SampleRequestOptions {
  /** Include optional parameters (default true: they exercise the serialization rules). */
  includeOptional?: boolean;
  /** Include a request body the operation does not require (default true). */
  includeOptionalBody?: boolean;
  /** Fixed values for path parameters (e.g. an id returned by a create call). */
  pathParams?: Record<string, string | number>;
  /** Fixed values for query parameters. */
  queryParams?: Record<string, Json>;
  /** Body to send instead of a sample. */
  body?: Json;
}

const encode = (value: Json): string => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
const scalarText = (value: Json): string => (typeof value === 'string' ? value : value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Wire form of a query parameter (`a=1&a=2`, `a=1,2`, `a[x]=1`, …); '' when the value is empty. */
export function serializeQueryParameter(spec: ParameterSpec, value: Json): string {
  const name = encodeURIComponent(spec.name);
  if (spec.mediaType !== undefined) return `${name}=${encodeURIComponent(JSON.stringify(value))}`;
  if (Array.isArray(value)) {
    const items = value.map((v) => encodeURIComponent(scalarText(v)));
    if (spec.explode && spec.style !== 'spaceDelimited' && spec.style !== 'pipeDelimited') return items.map((v) => `${name}=${v}`).join('&');
    const delimiter = spec.style === 'spaceDelimited' ? '%20' : spec.style === 'pipeDelimited' ? '|' : ',';
    return `${name}=${items.join(delimiter)}`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(scalarText(v))]);
    if (spec.style === 'deepObject') return entries.map(([k, v]) => `${name}[${k}]=${v}`).join('&');
    if (spec.explode) return entries.map(([k, v]) => `${k}=${v}`).join('&');
    return `${name}=${entries.flat().join(',')}`;
  }
  return `${name}=${encodeURIComponent(scalarText(value))}`;
}

/** Wire form of a path parameter segment for its style. */
export function serializePathParameter(spec: ParameterSpec, value: Json): string {
  const parts = Array.isArray(value)
    ? value.map((v) => encodeURIComponent(scalarText(v)))
    : isObject(value)
      ? Object.entries(value).flatMap(([k, v]) => (spec.explode ? [`${encodeURIComponent(k)}=${encodeURIComponent(scalarText(v))}`] : [encodeURIComponent(k), encodeURIComponent(scalarText(v))]))
      : [encodeURIComponent(scalarText(value))];
  if (spec.style === 'label') return `.${parts.join(spec.explode ? '.' : ',')}`;
  if (spec.style === 'matrix') {
    if (Array.isArray(value) && spec.explode) return parts.map((p) => `;${spec.name}=${p}`).join('');
    return `;${spec.name}=${parts.join(',')}`;
  }
  return parts.join(',');
}

function serializeHeaderParameter(spec: ParameterSpec, value: Json): string {
  if (spec.mediaType !== undefined) return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(scalarText).join(',');
  if (isObject(value)) return Object.entries(value).map(([k, v]) => (spec.explode ? `${k}=${scalarText(v)}` : `${k},${scalarText(v)}`)).join(',');
  return scalarText(value);
}

function sampleParameter(doc: JsonObject, spec: ParameterSpec): Json {
  const parameter = resolvePointer(doc, spec.pointer);
  const example = isObject(parameter) ? exampleOf(doc, parameter) : undefined;
  if (spec.schemaPointer === undefined) return example ?? 'x';
  if (example !== undefined) return repairSample(doc, spec.schemaPointer, structuredClone(example), 'request').value;
  const schema = derefLocal(doc, resolvePointer(doc, spec.schemaPointer) ?? null, spec.schemaPointer)?.node;
  if (isObject(schema) && spec.shape === 'array') {
    // two distinct items where the schema allows it, so that explode/join is visible on the wire
    const items = derefLocal(doc, schema.items ?? null, childPointer(spec.schemaPointer, 'items'))?.node;
    if (isObject(items) && Array.isArray(items.enum) && items.enum.length >= 2 && (typeof schema.maxItems !== 'number' || schema.maxItems >= 2)) {
      const two = repairSample(doc, spec.schemaPointer, items.enum.slice(0, 2), 'request');
      if (two.unresolved.length === 0) return two.value;
    }
  }
  return sampleSchema(doc, spec.schemaPointer, 'request').value;
}

/** Header names of apiKey security schemes the operation (or the document) asks for. */
function apiKeyHeaders(doc: JsonObject, operation: JsonObject): string[] {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(doc.security) ? doc.security : [];
  const first = requirements.find(isObject);
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  if (!first) return [];
  return Object.keys(first).flatMap((name) => {
    const scheme = derefLocal(doc, schemes[name] ?? null, `/components/securitySchemes/${name}`)?.node;
    return isObject(scheme) && scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string' ? [scheme.name] : [];
  });
}

/**
 * A request for `operation` that the exchange validator accepts: every required parameter (and by default
 * every optional one) with a sampled or example value serialized per its style, and a sampled JSON body.
 */
export function sampleRequest(doc: JsonObject, operation: OperationRef, opts: SampleRequestOptions = {}): SampledRequest {
  const validator = validatorFor(doc);
  const operationObject = resolvePointer(doc, operation.pointer);
  const op = isObject(operationObject) ? operationObject : {};
  const params: SampledRequest['params'] = { path: {}, query: {}, header: {}, cookie: {} };
  const queryParts: string[] = [];
  const cookieParts: string[] = [];
  const headers: Record<string, string> = {};
  let path = operation.path;

  for (const spec of operationParameters(doc, operation.pointer)) {
    if (!spec.required && opts.includeOptional === false) continue;
    const fixed = spec.in === 'path' ? opts.pathParams?.[spec.name] : spec.in === 'query' ? opts.queryParams?.[spec.name] : undefined;
    const value: Json = fixed !== undefined ? fixed : sampleParameter(doc, spec);
    params[spec.in][spec.name] = value;
    switch (spec.in) {
      case 'path':
        path = path.split(`{${spec.name}}`).join(serializePathParameter(spec, value));
        break;
      case 'query': {
        const part = serializeQueryParameter(spec, value);
        if (part !== '') queryParts.push(part);
        break;
      }
      case 'header':
        headers[spec.name] = serializeHeaderParameter(spec, value);
        break;
      case 'cookie':
        cookieParts.push(`${spec.name}=${encode(Array.isArray(value) ? value.map(scalarText).join(',') : scalarText(value))}`);
        break;
    }
  }
  if (cookieParts.length > 0) headers.Cookie = cookieParts.join('; ');
  for (const name of apiKeyHeaders(doc, op)) if (headers[name] === undefined) headers[name] = 'specdrift';

  let body: Json | undefined;
  let contentType: string | undefined;
  const requestBody = derefLocal(doc, op.requestBody ?? null, childPointer(operation.pointer, 'requestBody'));
  const bodyWanted = opts.body !== undefined || opts.includeOptionalBody !== false || (isObject(requestBody?.node) && requestBody.node.required === true);
  if (bodyWanted && requestBody && isObject(requestBody.node) && isObject(requestBody.node.content)) {
    const types = Object.keys(requestBody.node.content);
    const chosen = types.find((t) => { const m = parseMediaType(t); return m !== undefined && isJsonMediaType(m); }) ?? types[0];
    if (chosen !== undefined) {
      contentType = chosen.includes('*') ? 'application/json' : chosen;
      body = opts.body !== undefined ? opts.body : sampleMedia(doc, childPointer(requestBody.pointer, 'content', chosen), 'request').value;
      headers['Content-Type'] = contentType;
    }
  }

  const fullPath = validator.basePath + path;
  const query = queryParts.join('&');
  return {
    method: operation.method.toUpperCase(),
    path: fullPath,
    query,
    url: query === '' ? fullPath : `${fullPath}?${query}`,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    params,
  };
}
