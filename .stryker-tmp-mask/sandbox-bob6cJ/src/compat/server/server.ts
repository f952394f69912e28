/**
 * The built-in reference server: serves every operation of a spec on 127.0.0.1, rejects requests that
 * break the spec, answers valid ones with the user's handlers (`--handlers`, validated both ways) or with
 * deterministic responses that validate against the spec, and records every exchange. node:http only:
 * routing and validation are the exchange validator's.
 */
// @ts-nocheck

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { LOOPBACK, listenOnLoopback } from '../loopback.js';
import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { createExchangeValidator, responseKeyFor, type ExchangeValidator, type OperationMatch, type OperationRef, type RequestReading, type Violation } from '../exchange/index.js';
import { isJsonMediaType, parseMediaType } from '../exchange/media.js';
import { chooseMediaKey, concreteType, isYamlType, renderBody } from './negotiate.js';
import { corsHeaders, isPreflight, preflightHeaders } from './cors.js';
import { dynamicSchemaSample, mixSeed } from './dynamic.js';
import { handlerRequest } from './handlers/request.js';
import type { HandlerContext, HandlerResponse, HandlerSet, SampledAnswer } from './handlers/types.js';
import { parsePrefer, type MockPreferences } from './prefer.js';
import { sampleMedia, validatorFor } from './sample.js';
import { checkSecurity } from './security.js';
import { stringifyLossless } from '../lossless.js';
import { ResourceState } from './state.js';
export interface ExchangeRecord {
  /** 1, 2, 3, … in arrival order. */
  seq: number;
  /** The operation the request routed to (absent for unknown paths and methods). */
  operation?: { path: string; method: string; operationId?: string; pointer: string };
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response: { status: number; headers: Record<string, string>; body: string };
  /**
   * `answered`: valid request, handler or spec response. `rejected`: the request broke the spec
   * (400/401/404/405/406/413/415). `gone`: the item was deleted earlier (404). `invalid-response`: a handler's
   * response broke the spec and was replaced by a 500 (`strictResponses`). `unimplemented`: no handler and
   * `unimplemented: '501'`. `error`: the server could not build a response, or a handler threw (500).
   */
  outcome: 'answered' | 'rejected' | 'gone' | 'invalid-response' | 'unimplemented' | 'error';
  /** Set when a handler answered (its operationId). */
  handler?: string;
  /** Request violations (why it was rejected), then violations of the response (a handler's or the sampler's). */
  violations: Violation[];
}

export interface ReferenceServerOptions {
  /** Port to listen on; 0 or absent: a free port. */
  port?: number;
  /** Only 127.0.0.1 is allowed: the server is for local compat runs. */
  host?: '127.0.0.1';
  /** Called with every exchange once its response is sent (the CLI writes them as JSON lines). Must not throw. */
  log?: (exchange: ExchangeRecord) => void;
  /** Lines for the operator: handler `ctx.log` calls, handlers that threw. Must not throw. */
  message?: (line: string) => void;
  /** Keep at most this many exchanges in memory (oldest dropped first; default 10000). */
  maxExchanges?: number;
  /** ...and at most this many body bytes in them (request + response; default 64 MiB). */
  maxExchangeBytes?: number;
  /** A JSON body nested deeper is answered 400 (default 256; --max-depth). */
  maxDepth?: number;
  /** The user's operation implementations (`--handlers`); operations without one get spec-driven answers. */
  handlers?: HandlerSet;
  /** A handler response that breaks the spec becomes a 500 naming the rule (default true); false: sent as is, only logged. */
  strictResponses?: boolean;
  /** Operations without a handler (when `handlers` is set): `sample` (default) answers from the spec, `501` refuses. */
  unimplemented?: 'sample' | '501';
  /** Answer 401 to requests without the credentials the operation's `security` asks for (default false; the CLI turns it on). */
  auth?: boolean;
  /** Answer CORS preflights and add CORS headers to every answer. */
  cors?: boolean;
  /** Generated (random, schema-valid) bodies instead of the fixed samples; repeatable for `seed`. */
  dynamic?: boolean;
  /** Seed for generated bodies (`dynamic` or `Prefer: dynamic=true`); default 1. */
  seed?: number;
  /** `--sample-large-integers`: sampled int64 values are 9007199254740993, which a double cannot hold (see sample.ts). */
  sampleLargeIntegers?: boolean;
}

export interface ReferenceServer {
  /** `http://127.0.0.1:<port>` plus the spec's server base path: what a generated client's base URL should be. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  close(): Promise<void>;
  /** Every exchange so far, in order (the array is live). */
  exchanges: ExchangeRecord[];
  /** The handlers' state store (`ctx.state`); it survives reloads. */
  state: Record<string, unknown>;
  /** Swap in a new spec and/or handlers (`serve --watch`); requests already running finish with the old ones. */
  reload(next: { doc?: JsonObject; handlers?: HandlerSet | null }): void;
  /** Which handlers match an operation, which export names match none, which operations have no handler. */
  handlerCoverage(): { matched: string[]; unknown: string[]; missing: string[] };
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** At most this many violations are named in the `x-specdrift-violations` header. */
const MAX_HEADER_VIOLATIONS = 10;

function flatHeaders(headers: IncomingMessage['headers'] | Record<string, string | number | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

/**
 * The request body, or 'too-large' as soon as it is known to exceed the limit (a declared Content-Length, or the
 * running count of a chunked body): reading stops there, so an endless body costs at most the limit.
 */
function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      resolve('too-large');
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

interface PlannedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const jsonResponse = (status: number, value: unknown, extra: Record<string, string> = {}): PlannedResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify(value),
});

/** The first documented success status: lowest 2xx code, then `2XX`, then `default` (both answered as 200). */
function successStatus(responses: JsonObject): { status: number; key: string } | undefined {
  const codes = Object.keys(responses).filter((k) => /^2\d\d$/.test(k)).sort();
  if (codes.length > 0) return { status: Number(codes[0]), key: codes[0] };
  const range = Object.keys(responses).find((k) => k.toUpperCase() === '2XX');
  if (range) return { status: 200, key: range };
  return responses.default !== undefined ? { status: 200, key: 'default' } : undefined;
}

const firstJsonKey = (keys: string[]): string | undefined =>
  keys.find((k) => { const m = parseMediaType(k); return m !== undefined && isJsonMediaType(m); }) ?? keys[0];

/** `rule pointer` of each response violation, for the `x-specdrift-violations` header (ASCII, one line). */
function violationsHeader(violations: Violation[]): string | undefined {
  const own = violations.filter((v) => v.where === 'response');
  if (own.length === 0) return undefined;
  const named = own.slice(0, MAX_HEADER_VIOLATIONS).map((v) => `${v.rule} ${encodeURI(v.pointer || '/')}`);
  return `${own.length}; ${named.join(', ')}${own.length > MAX_HEADER_VIOLATIONS ? ', …' : ''}`.replace(/[^\x20-\x7e]/g, '?');
}

/** Everything that depends on the spec document; replaced as a whole when `--watch` reloads the spec. */
interface Engine {
  doc: JsonObject;
  validator: ExchangeValidator;
  state: ResourceState;
  /** Sampled bodies per media pointer (sampling and repair run once; each answer gets a copy). */
  bodies: Map<string, Json>;
}

export async function startReferenceServer(initialDoc: JsonObject, opts: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  if (opts.host !== undefined && opts.host !== LOOPBACK) {
    throw new SpecdriftError(`the reference server listens on ${LOOPBACK} only, not ${String(opts.host)}`, ExitCode.usage, { hint: 'drop the host option' });
  }
  const makeEngine = (doc: JsonObject): Engine => {
    const validator = opts.maxDepth === undefined ? validatorFor(doc) : createExchangeValidator(doc, { maxDepth: opts.maxDepth });
    return { doc, validator, state: new ResourceState(doc, validator.operations), bodies: new Map() };
  };
  let engine = makeEngine(initialDoc);
  let handlerSet = opts.handlers;
  const userState: Record<string, unknown> = {};
  const strict = opts.strictResponses !== false;
  const seed = opts.seed ?? 1;
  const draws = new Map<string, number>();
  const exchanges: ExchangeRecord[] = [];
  const maxExchanges = opts.maxExchanges ?? 10_000;
  const maxExchangeBytes = opts.maxExchangeBytes ?? 64 * 1024 * 1024;
  let exchangeBytes = 0;
  const bytesOf = (r: ExchangeRecord) => r.request.body.length + r.response.body.length;
  let seq = 0;

  const bodyFor = (e: Engine, mediaPointer: string, dynamic: boolean): Json => {
    if (dynamic) {
      const count = draws.get(mediaPointer) ?? 0;
      draws.set(mediaPointer, count + 1);
      const media = resolvePointer(e.doc, mediaPointer);
      if (isObject(media) && media.schema !== undefined) return dynamicSchemaSample(e.doc, childPointer(mediaPointer, 'schema'), 'response', mixSeed(seed, mediaPointer, count)).value;
    }
    let body = e.bodies.get(mediaPointer);
    if (body === undefined) {
      body = sampleMedia(e.doc, mediaPointer, 'response', { largeIntegers: opts.sampleLargeIntegers }).value;
      e.bodies.set(mediaPointer, body);
    }
    return structuredClone(body);
  };

  /** The documented response object under `key` (followed through `$ref`), and where it is. */
  const responseAt = (e: Engine, operation: OperationRef, key: string | undefined) => {
    if (key === undefined) return undefined;
    const pointer = childPointer(operation.pointer, 'responses', key);
    const raw = resolvePointer(e.doc, pointer);
    const resolved = raw === undefined ? undefined : derefLocal(e.doc, raw, pointer);
    return resolved && isObject(resolved.node) ? { node: resolved.node, pointer: resolved.pointer } : undefined;
  };
  const mediaKeysAt = (response: { node: JsonObject } | undefined): string[] => (response && isObject(response.node.content) ? Object.keys(response.node.content) : []);
  const responsesOf = (e: Engine, operation: OperationRef): JsonObject => {
    const node = resolvePointer(e.doc, childPointer(operation.pointer, 'responses'));
    return isObject(node) ? node : {};
  };

  /** The documented required headers of a response, sampled. */
  const sampledHeaders = (e: Engine, response: { node: JsonObject; pointer: string }): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (!isObject(response.node.headers)) return headers;
    for (const [name, header] of Object.entries(response.node.headers)) {
      const h = derefLocal(e.doc, header, childPointer(response.pointer, 'headers', name))?.node;
      if (isObject(h) && h.required === true && isObject(h.schema)) {
        const sampled = sampleMedia(e.doc, childPointer(response.pointer, 'headers', name), 'response').value;
        headers[name.toLowerCase()] = Array.isArray(sampled) ? sampled.join(',') : typeof sampled === 'string' ? sampled : JSON.stringify(sampled);
      }
    }
    return headers;
  };

  /** The value of a named example of a media type, or undefined. */
  const namedExample = (e: Engine, mediaPointer: string, name: string): Json | undefined => {
    const media = resolvePointer(e.doc, mediaPointer);
    if (!isObject(media) || !isObject(media.examples) || media.examples[name] === undefined) return undefined;
    const example = derefLocal(e.doc, media.examples[name], childPointer(mediaPointer, 'examples', name))?.node;
    return isObject(example) && example.value !== undefined ? structuredClone(example.value) : undefined;
  };

  interface AnswerChoice {
    mediaKey?: string;
    dynamic?: boolean;
    example?: string;
    shape?: (body: Json) => Json;
  }
  /** The spec's answer for `operation` with the response under `key`, as a value (not yet rendered). */
  const sampledAnswer = (e: Engine, operation: OperationRef, status: number, key: string | undefined, choice: AnswerChoice = {}): SampledAnswer & { mediaKey?: string } => {
    const response = responseAt(e, operation, key);
    if (!response) return { status, headers: {}, body: { status, error: 'not found' }, mediaKey: 'application/json' };
    const keys = mediaKeysAt(response);
    const mediaKey = choice.mediaKey !== undefined && keys.includes(choice.mediaKey) ? choice.mediaKey : firstJsonKey(keys);
    const headers = sampledHeaders(e, response);
    if (mediaKey === undefined) return { status, headers, body: undefined };
    const mediaPointer = childPointer(response.pointer, 'content', mediaKey);
    let body: Json = (choice.example !== undefined ? namedExample(e, mediaPointer, choice.example) : undefined) ?? bodyFor(e, mediaPointer, choice.dynamic === true);
    if (choice.shape) body = choice.shape(body);
    return { status, headers, body, mediaKey };
  };

  /** Write an answer's value in its media type. */
  const render = (answer: { status: number; headers: Record<string, string>; body: unknown; mediaKey?: string; contentType?: string }): PlannedResponse => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) headers[name.toLowerCase()] = String(value);
    if (answer.body === undefined) {
      delete headers['content-type'];
      return { status: answer.status, headers, body: '' };
    }
    const contentType = answer.contentType ?? headers['content-type'] ?? (answer.mediaKey ? concreteType(answer.mediaKey) : 'application/json');
    return { status: answer.status, headers: { ...headers, 'content-type': contentType }, body: renderBody(contentType, answer.body) };
  };

  /** Response violations: the exchange validator's, plus a schema check of YAML bodies (it checks only JSON and text). */
  const checkResponse = (e: Engine, operation: OperationMatch, planned: PlannedResponse, value: unknown): Violation[] => {
    const found = e.validator.validateResponse(operation, planned);
    const media = parseMediaType(planned.headers['content-type']);
    if (found.length > 0 || !media || !isYamlType(media.essence) || value === undefined) return found;
    const response = responseAt(e, operation, responseKeyFor(responsesOf(e, operation), planned.status));
    const key = mediaKeysAt(response).find((k) => parseMediaType(k)?.essence === media.essence);
    if (!response || key === undefined) return found;
    const schemaPointer = childPointer(response.pointer, 'content', key, 'schema');
    if (resolvePointer(e.doc, schemaPointer) === undefined) return found;
    return e.validator.validateValue(schemaPointer, JSON.parse(stringifyLossless(value)), 'response').map((issue) => ({
      where: 'response' as const,
      rule: 'response-body-schema' as const,
      pointer: issue.pointer,
      schemaPointer: issue.schemaPointer,
      message: issue.message,
    }));
  };

  const notAcceptable = (operation: OperationRef, documented: string[], accept: string | undefined, responsePointer: string): PlannedResponse & { violation: Violation } => {
    const violation: Violation = {
      where: 'request',
      rule: 'request-accept',
      pointer: '/header/accept',
      schemaPointer: responsePointer,
      message: `/header/accept: Accept ${accept} matches none of the documented media types (#${responsePointer}): ${documented.join(', ')}`,
    };
    return { ...jsonResponse(406, { error: 'no documented media type is acceptable', rule: 'request-accept', violations: [violation] }), violation };
  };

  const contextFor = (e: Engine, operation: OperationMatch, prefer: MockPreferences): HandlerContext => ({
    state: userState,
    spec: e.doc,
    prefer,
    sample: (status?: number) => {
      const responses = responsesOf(e, operation);
      const success = successStatus(responses);
      const wanted = status ?? success?.status ?? 200;
      const key = status === undefined ? success?.key : responseKeyFor(responses, status);
      if (key === undefined) throw new Error(`ctx.sample(${wanted}): status ${wanted} is not documented for ${operation.operationId ?? operation.path}`);
      // as a fallback answer would be: generated with --dynamic or `Prefer: dynamic=true`, the named example if it has one
      const { mediaKey: _, ...answer } = sampledAnswer(e, operation, wanted, key, {
        dynamic: prefer.dynamic ?? opts.dynamic === true,
        ...(prefer.example !== undefined ? { example: prefer.example } : {}),
      });
      return answer;
    },
    log: (line: string) => opts.message?.(`[${operation.operationId ?? operation.path}] ${line}`),
  });

  type Partial = Omit<ExchangeRecord, 'seq' | 'response'> & { response: PlannedResponse };

  /** Run the user's handler; validate what it returns. */
  const runHandler = async (
    e: Engine,
    match: OperationMatch,
    name: string,
    reading: RequestReading,
    request: { method: string; url: string; headers: Record<string, string>; body: Buffer },
    base: Pick<Partial, 'request' | 'operation'>,
  ): Promise<Partial> => {
    const handler = handlerSet!.handlers.get(name)!;
    let result: HandlerResponse;
    try {
      result = await handler(handlerRequest(e.doc, match, reading, request), contextFor(e, match, parsePrefer(request.headers.prefer)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      opts.message?.(`handler ${name} threw: ${error instanceof Error && error.stack ? error.stack : message}`);
      return { ...base, handler: name, response: jsonResponse(500, { error: `handler ${name} threw: ${message}` }), outcome: 'error', violations: [] };
    }
    if (!isObject(result as unknown) || !Number.isInteger(result.status) || result.status < 100 || result.status > 599) {
      const got = JSON.stringify(result as unknown)?.slice(0, 80) ?? String(result);
      return { ...base, handler: name, response: jsonResponse(500, { error: `handler ${name} returned ${got}; expected { status, body?, headers? }` }), outcome: 'error', violations: [] };
    }
    const response = responseAt(e, match, responseKeyFor(responsesOf(e, match), result.status));
    const keys = mediaKeysAt(response);
    const mediaKey = result.contentType === undefined && keys.length > 0 ? (chooseMediaKey(keys, request.headers.accept) ?? firstJsonKey(keys)) : undefined;
    const planned = render({ status: result.status, headers: result.headers ?? {}, body: result.body, ...(mediaKey !== undefined ? { mediaKey } : {}), ...(result.contentType !== undefined ? { contentType: result.contentType } : {}) });
    const violations = checkResponse(e, match, planned, result.body);
    if (violations.length > 0 && strict) {
      const first = violations[0];
      return {
        ...base,
        handler: name,
        response: jsonResponse(
          500,
          { error: `the response of handler ${name} breaks the spec`, rule: first.rule, pointer: first.pointer, schemaPointer: first.schemaPointer, violations },
          { 'x-specdrift-violations': violationsHeader(violations)! },
        ),
        outcome: 'invalid-response',
        violations,
      };
    }
    return { ...base, handler: name, response: planned, outcome: 'answered', violations };
  };

  const handle = async (request: IncomingMessage): Promise<Partial> => {
    const e = engine;
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const requestHeaders = flatHeaders(request.headers);
    const raw = await readBody(request);
    const recordedRequest = { method, url, headers: requestHeaders, body: raw === 'too-large' ? '' : raw.toString('utf8') };
    if (raw === 'too-large') {
      return { request: recordedRequest, response: jsonResponse(413, { error: `request body over ${MAX_BODY_BYTES} bytes` }), outcome: 'rejected', violations: [] };
    }
    if (opts.cors && isPreflight(method, request.headers)) {
      const allowed = e.validator.operations.filter((o) => e.validator.matchOperation(o.method, url)?.path === o.path).map((o) => o.method.toUpperCase());
      return { request: recordedRequest, response: { status: 204, headers: preflightHeaders(request.headers, allowed.length > 0 ? allowed : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']), body: '' }, outcome: 'answered', violations: [] };
    }

    // routed, read and validated once; a handler's `req` is built from this reading
    const reading = e.validator.readRequest({ method, url, headers: request.headers, body: raw });
    const match = reading.operation;
    const requestViolations = reading.violations;
    const operation = match ? { path: match.path, method: match.method, ...(match.operationId ? { operationId: match.operationId } : {}), pointer: match.pointer } : undefined;
    const base = { request: recordedRequest, ...(operation ? { operation } : {}) };
    const routingFailure = requestViolations.length > 0 && (requestViolations[0].rule === 'request-path-unknown' || requestViolations[0].rule === 'request-method-not-allowed');

    if (match && !routingFailure && opts.auth) {
      const failure = checkSecurity(e.doc, match.pointer, { method, url, headers: requestHeaders });
      if (failure) {
        return {
          ...base,
          response: jsonResponse(401, { error: 'missing credentials', rule: 'request-security', violations: [failure.violation] }, failure.challenge ? { 'www-authenticate': failure.challenge } : {}),
          outcome: 'rejected',
          violations: [failure.violation],
        };
      }
    }
    if (requestViolations.length > 0) {
      const first = requestViolations[0];
      const status =
        first.rule === 'request-path-unknown' ? 404
        : first.rule === 'request-method-not-allowed' ? 405
        : requestViolations.some((v) => v.rule === 'request-content-type') ? 415
        : 400;
      const rule = status === 415 ? 'request-content-type' : first.rule;
      const allowed = e.validator.operations.filter((o) => o.pointer.startsWith(`${first.schemaPointer}/`)).map((o) => o.method.toUpperCase());
      const extra: Record<string, string> = status === 405 ? { allow: allowed.join(', ') } : {};
      return {
        ...base,
        response: jsonResponse(status, { error: 'the request does not match the spec', rule, violations: requestViolations }, extra),
        outcome: 'rejected',
        violations: requestViolations,
      };
    }
    if (!match || !operation) {
      return { ...base, response: jsonResponse(404, { error: 'no operation' }), outcome: 'rejected', violations: [] };
    }

    const responses = responsesOf(e, match);
    const accept = requestHeaders.accept;
    const handlerName = match.operationId !== undefined && handlerSet?.handlers.has(match.operationId) ? match.operationId : undefined;
    if (handlerName !== undefined) {
      // 406 before the handler runs (it may change state): none of the success responses' media types is acceptable
      const successKeys = Object.keys(responses).filter((k) => /^2/.test(k) || k === 'default');
      const documented = [...new Set(successKeys.flatMap((k) => mediaKeysAt(responseAt(e, match, k))))];
      if (documented.length > 0 && chooseMediaKey(documented, accept) === undefined) {
        const refused = notAcceptable(match, documented, accept, childPointer(match.pointer, 'responses'));
        return { ...base, response: refused, outcome: 'rejected', violations: [refused.violation] };
      }
      return runHandler(e, match, handlerName, reading, { method, url, headers: requestHeaders, body: raw }, base);
    }
    if (handlerSet && opts.unimplemented === '501') {
      const name = match.operationId ?? `${method} ${match.path}`;
      return { ...base, response: jsonResponse(501, { error: `not implemented: ${handlerSet.file} has no handler ${name}` }), outcome: 'unimplemented', violations: [] };
    }

    // spec-driven answer
    const prefer: MockPreferences = parsePrefer(requestHeaders.prefer);
    const decision = e.state.check(match, match.pathParams);
    let status: number;
    let key: string | undefined;
    let outcome: ExchangeRecord['outcome'] = 'answered';
    let shape: ((body: Json) => Json) | undefined;
    if (prefer.code !== undefined) {
      key = responseKeyFor(responses, prefer.code);
      if (key === undefined) {
        return { ...base, response: jsonResponse(400, { error: `Prefer: code=${prefer.code} is not documented for ${operation.operationId ?? match.path}; documented: ${Object.keys(responses).join(', ')}` }), outcome: 'rejected', violations: [] };
      }
      status = prefer.code;
    } else if (decision.kind === 'gone') {
      status = 404;
      key = responseKeyFor(responses, 404);
      outcome = 'gone';
    } else {
      const success = successStatus(responses);
      if (!success) return { ...base, response: jsonResponse(200, {}), outcome, violations: e.validator.validateResponse(match, jsonResponse(200, {})) };
      status = success.status;
      key = success.key;
      shape = (body) => e.state.apply(match, match.pathParams, body);
    }
    const response = responseAt(e, match, key);
    const keys = mediaKeysAt(response);
    const mediaKey = keys.length > 0 ? chooseMediaKey(keys, accept) : undefined;
    if (keys.length > 0 && mediaKey === undefined) {
      const refused = notAcceptable(match, keys, accept, response!.pointer);
      return { ...base, response: refused, outcome: 'rejected', violations: [refused.violation] };
    }
    if (prefer.example !== undefined && mediaKey !== undefined) {
      const examples = resolvePointer(e.doc, childPointer(response!.pointer, 'content', mediaKey, 'examples'));
      const names = isObject(examples) ? Object.keys(examples) : [];
      if (!names.includes(prefer.example)) {
        const documented = names.length > 0 ? `documented: ${names.join(', ')}` : 'it documents none';
        return { ...base, response: jsonResponse(400, { error: `Prefer: example=${prefer.example} is not an example of ${status} ${mediaKey} for ${operation.operationId ?? match.path}; ${documented}` }), outcome: 'rejected', violations: [] };
      }
    }
    const answer = sampledAnswer(e, match, status, key, {
      ...(mediaKey !== undefined ? { mediaKey } : {}),
      dynamic: prefer.dynamic ?? opts.dynamic === true,
      ...(prefer.example !== undefined ? { example: prefer.example } : {}),
      ...(shape ? { shape } : {}),
    });
    const planned = render(answer);
    return { ...base, response: planned, outcome, violations: checkResponse(e, match, planned, answer.body) };
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    handle(request)
      .catch((error: unknown): Partial => ({
        request: { method: request.method ?? 'GET', url: request.url ?? '/', headers: flatHeaders(request.headers), body: '' },
        response: jsonResponse(500, { error: error instanceof Error ? error.message : String(error) }),
        outcome: 'error',
        violations: [],
      }))
      .then((partial) => {
        const selfCheck = partial.response.headers['x-specdrift-violations'] ?? violationsHeader(partial.violations);
        const headers = { ...partial.response.headers, ...(selfCheck ? { 'x-specdrift-violations': selfCheck } : {}), ...(opts.cors ? corsHeaders(request.headers) : {}) };
        const body = partial.response.body;
        const record: ExchangeRecord = { seq: ++seq, ...partial, response: { status: partial.response.status, headers, body: typeof body === 'string' ? body : body.toString('utf8') } };
        const tooLarge = record.response.status === 413;
        // A body we stopped reading: close the connection after the answer instead of draining the rest.
        response.writeHead(record.response.status, { ...headers, 'content-length': Buffer.byteLength(body), ...(tooLarge ? { connection: 'close' } : {}) });
        response.end(body, () => {
          if (!tooLarge) return;
          // Stop reading and half-close, so the answer reaches a client still sending before the reset that closing
          // with unread data causes (an immediate destroy raced it: the client saw ECONNRESET instead of the 413).
          request.pause();
          request.socket.end();
          setTimeout(() => request.socket.destroy(), 1_000).unref();
        });
        exchanges.push(record);
        exchangeBytes += bytesOf(record);
        let drop = 0;
        while (exchanges.length - drop > maxExchanges || (exchangeBytes > maxExchangeBytes && exchanges.length - drop > 1)) exchangeBytes -= bytesOf(exchanges[drop++]);
        if (drop > 0) exchanges.splice(0, drop);
        opts.log?.(record);
      });
  });

  const { port, origin } = await listenOnLoopback(server, opts.port ?? 0);
  return {
    url: origin + engine.validator.basePath,
    origin,
    port,
    exchanges,
    state: userState,
    reload: (next) => {
      if (next.doc !== undefined) engine = makeEngine(next.doc);
      if (next.handlers !== undefined) handlerSet = next.handlers ?? undefined;
    },
    handlerCoverage: () => {
      const ids = engine.validator.operations.map((o) => o.operationId).filter((id): id is string => id !== undefined);
      const names = [...(handlerSet?.handlers.keys() ?? [])];
      return { matched: ids.filter((id) => handlerSet?.handlers.has(id)), unknown: names.filter((n) => !ids.includes(n)), missing: ids.filter((id) => !handlerSet?.handlers.has(id)) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** One line per exchange for a terminal: `200 GET /slurm/v0.0.41/jobs slurm_v0041_get_jobs`, plus the first violation. */
export function describeExchange(record: ExchangeRecord): string {
  const name = record.operation?.operationId ?? record.operation?.path ?? '-';
  const head = `${record.response.status} ${record.request.method} ${record.request.url} ${name}`;
  if (record.violations.length === 0) return head;
  const more = record.violations.length > 1 ? ` (+${record.violations.length - 1} more)` : '';
  return `${head} [${record.violations[0].rule}] ${record.violations[0].message}${more}`;
}
