/**
 * The validating proxy: sits between clients and a real server (slurmrestd), forwards every
 * exchange unchanged, and checks the request (client findings) and the response (server findings)
 * against the spec with the exchange validator.
 */
import { Agent as HttpAgent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { listenOnLoopback } from '../loopback.js';
import type { JsonObject } from '../../openapi/types.js';
import { DEFAULT_MAX_DEPTH, measureDepth } from '../../openapi/depth.js';
import { createExchangeValidator, type HeaderMap } from '../exchange/index.js';
import type { ProxyRecord, ProxyVerdict, ProxyViolation, ValidatingProxy, ValidatingProxyOptions } from './types.js';
import { bodySchemaPointer, findUndocumentedProperties } from './undocumented.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;

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

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        message.destroy(new Error(`body over ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
    message.on('aborted', () => reject(new Error('the message was aborted')));
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
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

export async function startValidatingProxy(doc: JsonObject, opts: ValidatingProxyOptions): Promise<ValidatingProxy> {
  const target = parseTarget(opts.target);
  const validator = createExchangeValidator(doc);
  const injected = opts.headers ?? {};
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRecords = opts.maxRecords ?? 10_000;
  const records: ProxyRecord[] = [];
  let seq = 0;
  // node:http with keep-alive rather than a new connection per request: slurmrestd 22.05 answers a
  // `Connection: close` request with that header after the body, which node's parser rejects
  // (HPE_INVALID_CONSTANT). node:http rather than fetch: fetch decompresses bodies and hides raw headers.
  const secure = target.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 16 }) : new HttpAgent({ keepAlive: true, maxSockets: 16 });
  const send = secure ? httpsRequest : httpRequest;

  const sendOnce = (method: string, path: string, headers: Record<string, string | string[]>, body: Buffer): Promise<UpstreamAnswer & { reused: boolean }> =>
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
          timeout: timeoutMs,
        },
        (message) => {
          readBody(message).then(
            (responseBody) =>
              resolve({
                status: message.statusCode ?? 0,
                statusMessage: message.statusMessage ?? '',
                headers: message.headers,
                rawHeaders: message.rawHeaders,
                body: responseBody,
                message,
                reused: outgoing.reusedSocket,
              }),
            (error: Error) => reject(new UpstreamError(`reading the response failed: ${error.message}`, false)),
          );
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new UpstreamError(`no answer within ${timeoutMs} ms`, true)));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const wrapped = error instanceof UpstreamError ? error : new UpstreamError(error.message, false);
        Object.assign(wrapped, { code: error.code, reused: outgoing.reusedSocket });
        reject(wrapped);
      });
      outgoing.end(body);
    });

  /** Forward once; a kept-alive socket the server closed meanwhile gets one retry on a fresh one. */
  const forward = async (method: string, path: string, headers: Record<string, string | string[]>, body: Buffer): Promise<UpstreamAnswer> => {
    try {
      return await sendOnce(method, path, headers, body);
    } catch (error) {
      const { code, reused } = error as { code?: string; reused?: boolean };
      if (reused === true && (code === 'ECONNRESET' || code === 'EPIPE')) return sendOnce(method, path, headers, body);
      throw error;
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

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<ProxyRecord> => {
    const arrived = performance.now();
    const startedAt = new Date().toISOString();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = request.url ?? '/';
    const body = await readBody(request);
    const headers = forwardedRequestHeaders(request.headers, injected);

    let validationMs = 0;
    const timed = <T>(work: () => T): T => {
      const begin = performance.now();
      try {
        return work();
      } finally {
        validationMs += performance.now() - begin;
      }
    };
    const match = timed(() => validator.matchOperation(method, url));
    const clientViolations: ProxyViolation[] = timed(() => [
      ...validator.validateRequest({ method, url, headers: headers as HeaderMap, body }),
      ...(match ? undocumented('request', match.pointer, firstHeader(headers['content-type']), body) : []),
    ]);

    let answer: UpstreamAnswer | undefined;
    let upstreamError: UpstreamError | undefined;
    const sent = performance.now();
    try {
      answer = await forward(method, url, headers, body);
    } catch (error) {
      upstreamError = error instanceof UpstreamError ? error : new UpstreamError(error instanceof Error ? error.message : String(error), false);
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
      response.writeHead(answer.status, answer.statusMessage, forwardedResponseHeaders(answer.message, answer.body.length));
      await new Promise<void>((resolve) => response.end(method === 'HEAD' ? undefined : answer?.body, resolve));
    } else {
      const failure = upstreamError as UpstreamError;
      status = failure.timedOut ? 504 : 502;
      const text = JSON.stringify({ error: `specdrift proxy: ${target.origin} gave no response: ${failure.message}` });
      responseBytes = Buffer.byteLength(text);
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': responseBytes });
      await new Promise<void>((resolve) => response.end(text, resolve));
    }

    return {
      seq: ++seq,
      startedAt,
      method,
      url,
      ...(match ? { operation: { path: match.path, method: match.method, ...(match.operationId !== undefined ? { operationId: match.operationId } : {}) } } : {}),
      status,
      durations: { totalMs: round(performance.now() - arrived), upstreamMs: round(upstreamMs), validationMs: round(validationMs) },
      requestBytes: body.length,
      responseBytes,
      clientViolations,
      serverViolations,
      verdict: verdictOf(clientViolations, serverViolations, answer !== undefined),
      ...(upstreamError ? { upstreamError: upstreamError.message } : {}),
    };
  };

  const server = createServer((request, response) => {
    handle(request, response).then(
      (record) => {
        records.push(record);
        if (records.length > maxRecords) records.splice(0, records.length - maxRecords);
        try {
          opts.log?.(record);
        } catch {
          // A failing log sink must not take the proxy down; the record stays in `records`.
        }
      },
      (error: unknown) => {
        // Only reading the client's request can fail here (aborted, over 32 MiB): nothing was forwarded.
        if (!response.headersSent) {
          const text = JSON.stringify({ error: `specdrift proxy: ${error instanceof Error ? error.message : String(error)}` });
          response.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
          response.end(text);
        } else {
          response.destroy();
        }
      },
    );
  });

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

const round = (ms: number): number => Math.round(ms * 100) / 100;

const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
