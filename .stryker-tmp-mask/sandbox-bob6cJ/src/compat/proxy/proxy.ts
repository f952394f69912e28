/**
 * The validating proxy: sits between clients and a real server (slurmrestd), forwards every
 * exchange unchanged, and checks the request (client findings) and the response (server findings)
 * against the spec with the exchange validator.
 */
// @ts-nocheck

import { Agent as HttpAgent, createServer, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { listenOnLoopback } from '../loopback.js';
import type { JsonObject } from '../../openapi/types.js';
import { DEFAULT_MAX_DEPTH, measureDepth } from '../../openapi/depth.js';
import { createExchangeValidator, type HeaderMap } from '../exchange/index.js';
import { PROXY_FAILURE_STATUS, type ProxyFailureCause, type ProxyRecord, type ProxyVerdict, type ProxyViolation, type ValidatingProxy, type ValidatingProxyOptions } from './types.js';
import { bodySchemaPointer, findUndocumentedProperties } from './undocumented.js';

/** Defaults of the limits in ValidatingProxyOptions (the CLI's flags show them too). */
export const PROXY_DEFAULTS = { timeoutMs: 60_000, maxBodyBytes: 32 * 1024 * 1024, maxInFlight: 64 } as const;

/** Headers that belong to one connection, not to the exchange (RFC 9110 §7.6.1), plus the ones the proxy recomputes. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

export function verdictOf(clientViolations: readonly ProxyViolation[], serverViolations: readonly ProxyViolation[], answered: boolean): ProxyVerdict {
  if (!answered) return 'no-response';
  if (clientViolations.length > 0) return serverViolations.length > 0 ? 'both-broke-spec' : 'client-broke-spec';
  return serverViolations.length > 0 ? 'server-broke-spec' : 'conforms';
}

function parseTarget(target: string): URL {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new SpecdriftError(`proxy target "${target}" is not a URL`, ExitCode.usage, { hint: 'give the real server as http://HOST:PORT, e.g. --target http://127.0.0.1:6820' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SpecdriftError(`proxy target "${target}" is ${url.protocol.replace(/:$/, '')}, not http or https`, ExitCode.usage, { hint: 'give the real server as http://HOST:PORT' });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SpecdriftError(`proxy target "${target}" has a query or fragment`, ExitCode.usage, { hint: 'give only scheme, host, port and (optionally) a base path' });
  }
  return url;
}

/** Names listed in a Connection header are hop-by-hop too. */
function connectionTokens(value: string | string[] | undefined): Set<string> {
  const text = Array.isArray(value) ? value.join(',') : value ?? '';
  return new Set(text.split(',').map((token) => token.trim().toLowerCase()).filter((token) => token !== ''));
}

/**
 * The whole body, or 'too-large' as soon as it is known to pass `limit` (a declared Content-Length, or the running
 * count): reading stops there, so an endless body costs at most the limit.
 */
function readBody(message: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(message.headers['content-length'] ?? 0) > limit) {
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      message.off('data', onData);
      message.pause();
      resolve('too-large');
    };
    message.on('data', onData);
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('close', () => {
      if (!message.complete) reject(new Error('the connection closed before the whole message arrived'));
    });
  });
}

/** The client's request headers minus hop-by-hop ones, with the configured headers put over them (names lower-cased). */
function forwardedRequestHeaders(incoming: IncomingHttpHeaders, injected: Record<string, string>): Record<string, string | string[]> {
  const dropped = connectionTokens(incoming.connection);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || HOP_BY_HOP.has(name) || dropped.has(name)) continue;
    headers[name] = value;
  }
  for (const [name, value] of Object.entries(injected)) headers[name.toLowerCase()] = value;
  return headers;
}

/** The server's raw headers (names as sent, in order) minus hop-by-hop ones, as a flat [name, value, …] list. */
function forwardedResponseHeaders(upstream: IncomingMessage, bodyLength: number): string[] {
  const dropped = connectionTokens(upstream.headers.connection);
  const raw = upstream.rawHeaders;
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (HOP_BY_HOP.has(name) || dropped.has(name)) continue;
    out.push(raw[i], raw[i + 1]);
  }
  out.push('Content-Length', String(bodyLength));
  return out;
}

interface UpstreamAnswer {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  message: IncomingMessage;
}

class UpstreamError extends Error {
  constructor(
    message: string,
    readonly failure: Exclude<ProxyFailureCause, 'request-body-too-large' | 'too-many-in-flight'>,
  ) {
    super(message);
  }
}

/** What a failed exchange with the target was: parser errors are HPE_*, a dropped connection ECONNRESET/EPIPE, the rest never got through. */
function upstreamFailure(code: string | undefined): UpstreamError['failure'] {
  if (code?.startsWith('HPE_')) return 'upstream-invalid-response';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'upstream-reset';
  return 'upstream-unreachable';
}

/**
 * One deadline for a whole exchange with the target (connect, send, headers, every byte of the body, and the
 * one retry): http.request's `timeout` is an idle timeout, which a body trickling one byte at a time never hits.
 */
class Deadline {
  passed = false;
  private current: ClientRequest | undefined;
  private readonly timer: NodeJS.Timeout;
  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.passed = true;
      this.current?.destroy();
    }, ms);
  }
  watch(outgoing: ClientRequest): void {
    this.current = outgoing;
    if (this.passed) outgoing.destroy();
  }
  clear(): void {
    clearTimeout(this.timer);
  }
}

/** Answer the client; resolves once the answer is handed over or the client is gone (then `end`'s callback never comes). */
function deliver(response: ServerResponse, status: number, headers: Record<string, string | number> | string[], body: Buffer | string | undefined, statusMessage?: string): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) return resolve();
    response.once('close', resolve);
    if (statusMessage !== undefined) response.writeHead(status, statusMessage, headers);
    else response.writeHead(status, headers);
    response.end(body, resolve);
  });
}

export async function startValidatingProxy(doc: JsonObject, opts: ValidatingProxyOptions): Promise<ValidatingProxy> {
  const target = parseTarget(opts.target);
  const validator = createExchangeValidator(doc);
  const injected = opts.headers ?? {};
  const timeoutMs = positive('timeoutMs', opts.timeoutMs ?? PROXY_DEFAULTS.timeoutMs, MAX_PROXY_TIMEOUT_MS);
  const maxBodyBytes = positive('maxBodyBytes', opts.maxBodyBytes ?? PROXY_DEFAULTS.maxBodyBytes);
  const maxInFlight = positive('maxInFlight', opts.maxInFlight ?? PROXY_DEFAULTS.maxInFlight);
  const maxRecords = opts.maxRecords ?? 10_000;
  const records: ProxyRecord[] = [];
  const keepBodies = opts.keepResponseBodies;
  let keptBodyBytes = 0;
  let seq = 0;
  let inFlight = 0;
  // node:http with keep-alive rather than a new connection per request: slurmrestd 22.05 answers a
  // `Connection: close` request with that header after the body, which node's parser rejects
  // (HPE_INVALID_CONSTANT). node:http rather than fetch: fetch decompresses bodies and hides raw headers.
  // No socket cap (node's default, Infinity): a capped pool (it was 16) queued every request behind 16 hung
  // ones; maxInFlight bounds the connections instead, and answers past it at once.
  const secure = target.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;

  const sendOnce = (method: string, path: string, headers: Record<string, string | string[]>, body: Buffer, deadline: Deadline): Promise<UpstreamAnswer> =>
    new Promise((resolve, reject) => {
      const outgoing = send(
        {
          protocol: target.protocol,
          hostname: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          method,
          path,
          agent,
          headers: body.length > 0 || !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method) ? { ...headers, 'content-length': String(body.length) } : headers,
        },
        (message) => {
          readBody(message, maxBodyBytes).then(
            (responseBody) => {
              if (responseBody === 'too-large') {
                reject(new UpstreamError(`response body over ${maxBodyBytes} bytes`, 'upstream-response-too-large'));
                outgoing.destroy();
                return;
              }
              resolve({
                status: message.statusCode ?? 0,
                statusMessage: message.statusMessage ?? '',
                headers: message.headers,
                rawHeaders: message.rawHeaders,
                body: responseBody,
                message,
              });
            },
            (error: NodeJS.ErrnoException) => reject(Object.assign(new Error(`reading the response failed: ${error.message}`), { code: error.code ?? 'ECONNRESET' })),
          );
        },
      );
      deadline.watch(outgoing);
      outgoing.on('error', (error: NodeJS.ErrnoException) => reject(Object.assign(error, { staleSocket: outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') })));
      outgoing.end(body);
    });

  /** Forward under one deadline; a kept-alive socket the server closed meanwhile gets one retry on a fresh one. */
  const forward = async (method: string, path: string, headers: Record<string, string | string[]>, body: Buffer): Promise<UpstreamAnswer> => {
    const deadline = new Deadline(timeoutMs);
    try {
      try {
        return await sendOnce(method, path, headers, body, deadline);
      } catch (error) {
        if (!deadline.passed && (error as { staleSocket?: boolean }).staleSocket === true) return await sendOnce(method, path, headers, body, deadline);
        throw error;
      }
    } catch (error) {
      if (deadline.passed) throw new UpstreamError(`no complete answer within ${timeoutMs} ms`, 'upstream-timeout');
      if (error instanceof UpstreamError) throw error;
      const { code, message } = error as NodeJS.ErrnoException;
      throw new UpstreamError(message, upstreamFailure(code));
    } finally {
      deadline.clear();
    }
  };

  const targetBase = target.pathname.replace(/\/+$/, '');
  const reportUndocumented = opts.undocumentedProperties ?? true;

  /** Undocumented properties of a JSON body (nothing when the body is not JSON: the validator says so already). */
  const undocumented = (where: 'request' | 'response', operationPointer: string, contentType: string | undefined, body: Buffer, status?: number): ProxyViolation[] => {
    if (!reportUndocumented || body.length === 0) return [];
    const schemaPointer = bodySchemaPointer(doc, operationPointer, contentType, status);
    if (schemaPointer === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch {
      return [];
    }
    if (measureDepth(value, DEFAULT_MAX_DEPTH, { followRefs: false }).tooDeep) return []; // the validator reports it (body-parse)
    return findUndocumentedProperties(doc, schemaPointer, value).map((found) => ({
      where,
      rule: where === 'request' ? 'request-body-undocumented-property' : 'response-body-undocumented-property',
      pointer: found.pointer,
      schemaPointer: found.schemaPointer,
      message: found.message,
    }));
  };

  /** The JSON answer the proxy gives in the server's place: what happened, the cause, and the limit passed if one was. */
  const failureAnswer = (cause: ProxyFailureCause, message: string) => {
    const limit =
      cause === 'upstream-timeout' ? { limitMs: timeoutMs }
      : cause === 'too-many-in-flight' ? { limit: maxInFlight }
      : cause === 'request-body-too-large' || cause === 'upstream-response-too-large' ? { limit: maxBodyBytes }
      : {};
    return { status: PROXY_FAILURE_STATUS[cause], text: JSON.stringify({ error: `specdrift proxy: ${message}`, cause, ...limit }) };
  };

  /**
   * After answering a request whose body was not read (all of it or the rest): no keep-alive, stop reading, and
   * close. Ending first lets the answer reach the client; the destroy bounds a client that keeps sending.
   */
  const closeUnread = (request: IncomingMessage) => {
    request.pause();
    request.socket.end();
    setTimeout(() => request.socket.destroy(), 1_000).unref();
  };

  const hasBody = (request: IncomingMessage) => request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

  const operationOf = (match: ReturnType<typeof validator.matchOperation>) =>
    match ? { operation: { path: match.path, method: match.method, ...(match.operationId !== undefined ? { operationId: match.operationId } : {}) } } : {};

  /**
   * Answer a request without forwarding it (413 over the body limit, 503 over the in-flight limit), closing the
   * connection when a body is left unread, and record it as `no-response`.
   */
  const refuse = async (
    request: IncomingMessage,
    response: ServerResponse,
    cause: 'request-body-too-large' | 'too-many-in-flight',
    message: string,
    arrived: number,
    startedAt: string,
  ): Promise<ProxyRecord> => {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = request.url ?? '/';
    const answer = failureAnswer(cause, message);
    const close = cause === 'request-body-too-large' || hasBody(request);
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer.text), ...(cause === 'too-many-in-flight' ? { 'retry-after': '1' } : {}), ...(close ? { connection: 'close' } : {}) };
    await deliver(response, answer.status, headers, answer.text);
    if (close) closeUnread(request);
    return {
      seq: ++seq,
      startedAt,
      method,
      url,
      ...operationOf(validator.matchOperation(method, url)),
      status: answer.status,
      durations: { totalMs: round(performance.now() - arrived), upstreamMs: 0, validationMs: 0 },
      requestBytes: 0,
      responseBytes: Buffer.byteLength(answer.text),
      clientViolations: [],
      serverViolations: [],
      verdict: 'no-response',
      upstreamError: message,
      cause,
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<ProxyRecord> => {
    const arrived = performance.now();
    const startedAt = new Date().toISOString();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = request.url ?? '/';
    const read = await readBody(request, maxBodyBytes);
    if (read === 'too-large') return refuse(request, response, 'request-body-too-large', `request body over ${maxBodyBytes} bytes: not forwarded`, arrived, startedAt);

    let validationMs = 0;
    const timed = <T>(work: () => T): T => {
      const begin = performance.now();
      try {
        return work();
      } finally {
        validationMs += performance.now() - begin;
      }
    };
    const body = read;
    const headers = forwardedRequestHeaders(request.headers, injected);
    // one pass routes and validates the request (readRequest); the route is taken from it
    const reading = timed(() => validator.readRequest({ method, url, headers: headers as HeaderMap, body }));
    const match = reading.operation;
    const clientViolations: ProxyViolation[] = timed(() => [
      ...reading.violations,
      ...(match ? undocumented('request', match.pointer, firstHeader(headers['content-type']), body) : []),
    ]);

    let answer: UpstreamAnswer | undefined;
    let upstreamError: UpstreamError | undefined;
    let keptBody: string | undefined;
    const sent = performance.now();
    try {
      answer = await forward(method, url, headers, body);
    } catch (error) {
      upstreamError = error instanceof UpstreamError ? error : new UpstreamError(error instanceof Error ? error.message : String(error), 'upstream-unreachable');
    }
    const upstreamMs = answer ? performance.now() - sent : 0;

    let status: number;
    let serverViolations: ProxyViolation[] = [];
    let responseBytes: number;
    if (answer) {
      const documented = answer;
      if (match) {
        serverViolations = timed(() => [
          ...validator.validateResponse(match, { status: documented.status, headers: documented.headers as HeaderMap, body: documented.body }),
          ...undocumented('response', match.pointer, documented.headers['content-type'], documented.body, documented.status),
        ]);
      }
      status = answer.status;
      responseBytes = answer.body.length;
      const encoding = firstHeader(answer.headers['content-encoding'] as string | string[] | undefined);
      if (keepBodies && answer.body.length <= keepBodies.maxBytes && (encoding === undefined || encoding === 'identity')) keptBody = answer.body.toString('utf8');
      await deliver(response, answer.status, forwardedResponseHeaders(answer.message, answer.body.length), method === 'HEAD' ? undefined : answer.body, answer.statusMessage);
    } else {
      const failure = upstreamError as UpstreamError;
      const failed = failureAnswer(failure.failure, `${target.origin} gave no response: ${failure.message}`);
      status = failed.status;
      responseBytes = Buffer.byteLength(failed.text);
      await deliver(response, status, { 'content-type': 'application/json', 'content-length': responseBytes }, failed.text);
    }

    return {
      seq: ++seq,
      startedAt,
      method,
      url,
      ...operationOf(match),
      status,
      durations: { totalMs: round(performance.now() - arrived), upstreamMs: round(upstreamMs), validationMs: round(validationMs) },
      requestBytes: body.length,
      responseBytes,
      clientViolations,
      serverViolations,
      verdict: verdictOf(clientViolations, serverViolations, answer !== undefined),
      ...(upstreamError ? { upstreamError: upstreamError.message, cause: upstreamError.failure } : {}),
      ...(keptBody !== undefined ? { responseBody: keptBody } : {}),
    };
  };

  const keep = (record: ProxyRecord) => {
    records.push(record);
    if (records.length > maxRecords) {
      for (const dropped of records.splice(0, records.length - maxRecords)) keptBodyBytes -= Buffer.byteLength(dropped.responseBody ?? '');
    }
    if (keepBodies && record.responseBody !== undefined) {
      keptBodyBytes += Buffer.byteLength(record.responseBody);
      // over the total: drop the oldest kept bodies (the records stay)
      for (let i = 0; keptBodyBytes > keepBodies.maxTotalBytes && i < records.length; i++) {
        const old = records[i];
        if (old.responseBody === undefined) continue;
        keptBodyBytes -= Buffer.byteLength(old.responseBody);
        delete old.responseBody;
      }
    }
    try {
      opts.log?.(record);
    } catch {
      // A failing log sink must not take the proxy down; the record stays in `records`.
    }
  };

  // The client, too, has the deadline to send its whole request (node answers 408 when its periodic check finds
  // the request late); a client that stops reading its answer is dropped after three times the deadline (socket
  // idle timeout). The check runs every quarter deadline so it always finds a late request well before the idle
  // timeout would close the socket silently — with both at twice the deadline the 408 lost that race under load.
  const checkEveryMs = Math.min(30_000, Math.max(50, Math.floor(timeoutMs / 4)));
  const server = createServer({ requestTimeout: timeoutMs, headersTimeout: Math.min(60_000, timeoutMs), connectionsCheckingInterval: checkEveryMs }, (request, response) => {
    if (inFlight >= maxInFlight) {
      const message = `${maxInFlight} requests already in flight: not forwarded, try again`;
      refuse(request, response, 'too-many-in-flight', message, performance.now(), new Date().toISOString()).then(keep, () => response.destroy());
      return;
    }
    inFlight++;
    handle(request, response)
      .then(keep, (error: unknown) => {
        // Only reading the client's request can fail here (the client went away mid-body): nothing was forwarded.
        if (!response.headersSent && !response.destroyed) {
          const text = JSON.stringify({ error: `specdrift proxy: ${error instanceof Error ? error.message : String(error)}` });
          response.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
          response.end(text);
        } else {
          response.destroy();
        }
      })
      .finally(() => inFlight--);
  });
  server.timeout = 3 * timeoutMs;

  const { port, origin } = await listenOnLoopback(server, opts.port ?? 0);
  return {
    url: origin + targetBase,
    origin,
    port,
    records,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

function positive(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!(Number.isFinite(value) && value > 0 && value <= max)) throw new SpecdriftError(`proxy option ${name} must be a positive number${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, not ${value}`, ExitCode.usage);
  return value;
}

/** Node's timers take at most 2^31 - 1 ms (a longer one fires at once); the idle timeout is twice the deadline. */
export const MAX_PROXY_TIMEOUT_MS = 1_000_000_000;

const round = (ms: number): number => Math.round(ms * 100) / 100;

const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
