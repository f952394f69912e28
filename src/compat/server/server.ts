/**
 * The built-in reference server: serves every operation of a spec on 127.0.0.1, rejects requests that
 * break the spec, answers valid ones with deterministic responses that validate against the spec, and
 * records every exchange. node:http only: routing and validation are the exchange validator's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { LOOPBACK, listenOnLoopback } from '../loopback.js';
import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { createExchangeValidator, responseKeyFor, type OperationRef, type Violation } from '../exchange/index.js';
import { isJsonMediaType, parseMediaType } from '../exchange/media.js';
import { sampleMedia, validatorFor } from './sample.js';
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
   * `answered`: valid request, spec response. `rejected`: the request broke the spec (400/404/405/415/413).
   * `gone`: the item was deleted earlier (404). `error`: the server could not build a response (500).
   */
  outcome: 'answered' | 'rejected' | 'gone' | 'error';
  /** Request violations (why it was rejected), then violations of the server's own response (none expected). */
  violations: Violation[];
}

export interface ReferenceServerOptions {
  /** Port to listen on; 0 or absent: a free port. */
  port?: number;
  /** Only 127.0.0.1 is allowed: the server is for local compat runs. */
  host?: '127.0.0.1';
  /** Called with every exchange once its response is sent (the CLI writes them as JSON lines). Must not throw. */
  log?: (exchange: ExchangeRecord) => void;
  /** Keep at most this many exchanges in memory (oldest dropped first; default 10000). */
  maxExchanges?: number;
  /** ...and at most this many body bytes in them (request + response; default 64 MiB). */
  maxExchangeBytes?: number;
  /** A JSON body nested deeper is answered 400 (default 256; --max-depth). */
  maxDepth?: number;
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
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

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
  body: string;
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

export async function startReferenceServer(doc: JsonObject, opts: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  if (opts.host !== undefined && opts.host !== LOOPBACK) {
    throw new SpecdriftError(`the reference server listens on ${LOOPBACK} only, not ${String(opts.host)}`, ExitCode.usage, { hint: 'drop the host option' });
  }
  const validator = opts.maxDepth === undefined ? validatorFor(doc) : createExchangeValidator(doc, { maxDepth: opts.maxDepth });
  const state = new ResourceState(doc, validator.operations);
  const exchanges: ExchangeRecord[] = [];
  const maxExchanges = opts.maxExchanges ?? 10_000;
  const maxExchangeBytes = opts.maxExchangeBytes ?? 64 * 1024 * 1024;
  let exchangeBytes = 0;
  const bytesOf = (r: ExchangeRecord) => r.request.body.length + r.response.body.length;
  /** Sampled bodies per media pointer (sampling and repair run once; each answer gets a copy). */
  const bodies = new Map<string, Json>();
  let seq = 0;

  const bodyFor = (mediaPointer: string): Json => {
    let body = bodies.get(mediaPointer);
    if (body === undefined) {
      body = sampleMedia(doc, mediaPointer, 'response', { largeIntegers: opts.sampleLargeIntegers }).value;
      bodies.set(mediaPointer, body);
    }
    return structuredClone(body);
  };

  /** A documented answer for `operation` with the response under `key`, or a bare JSON body when the key is missing. */
  const documentedAnswer = (operation: OperationRef, status: number, key: string | undefined, shape?: (body: Json) => Json): PlannedResponse => {
    const responsesPointer = childPointer(operation.pointer, 'responses');
    const raw = key === undefined ? undefined : resolvePointer(doc, childPointer(responsesPointer, key));
    const resolved = raw === undefined ? undefined : derefLocal(doc, raw, childPointer(responsesPointer, key as string));
    if (!resolved || !isObject(resolved.node)) return jsonResponse(status, { status, error: 'not found' });
    const content = isObject(resolved.node.content) ? resolved.node.content : {};
    const mediaKey = Object.keys(content).find((k) => { const m = parseMediaType(k); return m !== undefined && isJsonMediaType(m); }) ?? Object.keys(content)[0];
    const headers: Record<string, string> = {};
    if (isObject(resolved.node.headers)) {
      for (const [name, header] of Object.entries(resolved.node.headers)) {
        const h = derefLocal(doc, header, childPointer(resolved.pointer, 'headers', name))?.node;
        if (isObject(h) && h.required === true && isObject(h.schema)) {
          const sampled = sampleMedia(doc, childPointer(resolved.pointer, 'headers', name), 'response').value;
          headers[name.toLowerCase()] = Array.isArray(sampled) ? sampled.join(',') : typeof sampled === 'string' ? sampled : JSON.stringify(sampled);
        }
      }
    }
    if (mediaKey === undefined) return { status, headers, body: '' };
    let body = bodyFor(childPointer(resolved.pointer, 'content', mediaKey));
    if (shape) body = shape(body);
    const media = parseMediaType(mediaKey);
    const contentType = mediaKey.includes('*') ? 'application/json' : mediaKey;
    const text = typeof body === 'string' && !(media && (isJsonMediaType(media) || mediaKey.includes('*'))) ? body : stringifyLossless(body);
    return { status, headers: { ...headers, 'content-type': contentType }, body: text };
  };

  const handle = async (request: IncomingMessage): Promise<Omit<ExchangeRecord, 'seq'>> => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const requestHeaders = flatHeaders(request.headers);
    const raw = await readBody(request);
    const recordedRequest = { method, url, headers: requestHeaders, body: raw === 'too-large' ? '' : raw.toString('utf8') };
    if (raw === 'too-large') {
      return { request: recordedRequest, response: jsonResponse(413, { error: `request body over ${MAX_BODY_BYTES} bytes` }), outcome: 'rejected', violations: [] };
    }

    const match = validator.matchOperation(method, url);
    const requestViolations = validator.validateRequest({ method, url, headers: request.headers, body: raw });
    const operation = match ? { path: match.path, method: match.method, ...(match.operationId ? { operationId: match.operationId } : {}), pointer: match.pointer } : undefined;
    const base = { request: recordedRequest, ...(operation ? { operation } : {}) };

    if (requestViolations.length > 0) {
      const first = requestViolations[0];
      const status =
        first.rule === 'request-path-unknown' ? 404
        : first.rule === 'request-method-not-allowed' ? 405
        : requestViolations.some((v) => v.rule === 'request-content-type') ? 415
        : 400;
      const rule = status === 415 ? 'request-content-type' : first.rule;
      const allowed = validator.operations.filter((o) => o.pointer.startsWith(`${first.schemaPointer}/`)).map((o) => o.method.toUpperCase());
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

    const responsesNode = resolvePointer(doc, childPointer(match.pointer, 'responses'));
    const responses = isObject(responsesNode) ? responsesNode : {};
    const decision = state.check(match, match.pathParams);
    let planned: PlannedResponse;
    let outcome: ExchangeRecord['outcome'] = 'answered';
    if (decision.kind === 'gone') {
      planned = documentedAnswer(match, 404, responseKeyFor(responses, 404));
      outcome = 'gone';
    } else {
      const success = successStatus(responses);
      planned = success
        ? documentedAnswer(match, success.status, success.key, (body) => state.apply(match, match.pathParams, body))
        : jsonResponse(200, {});
    }
    const responseViolations = validator.validateResponse(match, planned);
    return { ...base, response: planned, outcome, violations: responseViolations };
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    handle(request)
      .catch((error: unknown): Omit<ExchangeRecord, 'seq'> => ({
        request: { method: request.method ?? 'GET', url: request.url ?? '/', headers: flatHeaders(request.headers), body: '' },
        response: jsonResponse(500, { error: error instanceof Error ? error.message : String(error) }),
        outcome: 'error',
        violations: [],
      }))
      .then((partial) => {
        const record: ExchangeRecord = { seq: ++seq, ...partial };
        const tooLarge = record.response.status === 413;
        // A body we stopped reading: close the connection after the answer instead of draining the rest.
        response.writeHead(record.response.status, { ...record.response.headers, 'content-length': Buffer.byteLength(record.response.body), ...(tooLarge ? { connection: 'close' } : {}) });
        response.end(record.response.body, () => {
          if (tooLarge) request.socket.destroy();
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
    url: origin + validator.basePath,
    origin,
    port,
    exchanges,
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
