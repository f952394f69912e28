/**
 * Where the generated clients send their calls: the built-in reference server, or a real server behind the
 * validating proxy. One target per generator, so each generator's exchanges (and the reference server's state:
 * created and deleted jobs) are its own and never mix with another generator running in parallel.
 */
// @ts-nocheck

import type { JsonObject } from '../../openapi/types.js';
import type { ObservedExchange, ObservedViolation } from './types.js';

/** `handlers`: a `serve --handlers` module for the built-in server (loaded per target, so each generator has its own state). */
export type ServerChoice = { kind: 'builtin'; handlers?: string } | { kind: 'external'; url: string };

/** An exchange as the runner needs it: the report's view plus the body the server sent (for decode checks). */
export interface TargetExchange extends ObservedExchange {
  /** Undefined when the target did not keep it (the proxy keeps bodies up to 8 MiB each, 256 MiB in all). */
  responseBody?: string;
}

export interface CallTarget {
  /** Base URL for the generated clients. */
  url: string;
  /** Exchanges so far, in arrival order. */
  exchanges(): TargetExchange[];
  close(): Promise<void>;
}

const violationOf = (v: { where?: 'request' | 'response'; rule: string; pointer: string; schemaPointer: string; message: string }, where: 'request' | 'response'): ObservedViolation => ({
  where: v.where ?? where,
  rule: v.rule,
  pointer: v.pointer,
  schemaPointer: v.schemaPointer,
  message: v.message,
});

export interface TargetOptions {
  /** Built-in server only: sample int64 values above 2^53 (see `ReferenceServerOptions.sampleLargeIntegers`). */
  sampleLargeIntegers?: boolean;
}

export async function startTarget(doc: JsonObject, choice: ServerChoice, opts: TargetOptions = {}): Promise<CallTarget> {
  if (choice.kind === 'builtin') {
    const { loadHandlers, startReferenceServer } = await import('../server/index.js');
    const handlers = choice.handlers === undefined ? undefined : await loadHandlers(choice.handlers);
    const server = await startReferenceServer(doc, { maxExchanges: 100_000, sampleLargeIntegers: opts.sampleLargeIntegers, ...(handlers ? { handlers } : {}) });
    return {
      url: server.url,
      exchanges: () =>
        server.exchanges.map((record) => ({
          seq: record.seq,
          method: record.request.method,
          url: record.request.url,
          ...(record.operation?.operationId !== undefined ? { operationId: record.operation.operationId } : {}),
          status: record.response.status,
          violations: record.violations.map((v) => violationOf(v, v.where)),
          responseBody: record.response.body,
        })),
      close: () => server.close(),
    };
  }
  const { startValidatingProxy } = await import('../proxy/index.js');
  // Bodies are kept (bounded) so what the clients decoded is compared with what the real server sent.
  const proxy = await startValidatingProxy(doc, { target: choice.url, maxRecords: 100_000, keepResponseBodies: { maxBytes: 8 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 } });
  return {
    url: proxy.url,
    exchanges: () =>
      proxy.records.map((record) => ({
        seq: record.seq,
        method: record.method,
        url: record.url,
        ...(record.operation?.operationId !== undefined ? { operationId: record.operation.operationId } : {}),
        status: record.status,
        violations: [
          ...record.clientViolations.map((v) => violationOf(v, 'request')),
          ...record.serverViolations.map((v) => violationOf(v, 'response')),
          ...(record.upstreamError !== undefined
            ? [{ where: 'response' as const, rule: 'no-response', pointer: '', schemaPointer: '', message: `the server gave no response: ${record.upstreamError}` }]
            : []),
        ],
        ...(record.responseBody !== undefined ? { responseBody: record.responseBody } : {}),
      })),
    close: () => proxy.close(),
  };
}
