/** Shapes of the validating proxy: one record per exchange between a client and the real server. */
// @ts-nocheck

import type { Violation, ViolationRule } from '../exchange/index.js';

/** Rules the proxy adds to the exchange validator's: keys a body carries that its schema does not list (see undocumented.ts). */
export const UNDOCUMENTED_PROPERTY_RULES = ['request-body-undocumented-property', 'response-body-undocumented-property'] as const;
export type UndocumentedPropertyRule = (typeof UNDOCUMENTED_PROPERTY_RULES)[number];

/** A Violation of the exchange validator, or an undocumented property (same shape, its own rule). */
export type ProxyViolation = Omit<Violation, 'rule'> & { rule: ViolationRule | UndocumentedPropertyRule };

/**
 * Who broke the spec in one exchange. `no-response`: the proxy answered in the target's place (see
 * PROXY_FAILURE_STATUS); after a 502/504 the client may still have broken the spec, see `clientViolations`.
 */
export type ProxyVerdict = 'conforms' | 'client-broke-spec' | 'server-broke-spec' | 'both-broke-spec' | 'no-response';

export const PROXY_VERDICTS: readonly ProxyVerdict[] = ['conforms', 'client-broke-spec', 'server-broke-spec', 'both-broke-spec', 'no-response'];

/**
 * Why the proxy answered in the server's place, with the status the client got: the request was not forwarded
 * (413 body over `maxBodyBytes`, 503 over `maxInFlight`), or the server gave no usable answer (502 unreachable,
 * connection reset, bytes that are not HTTP, body over `maxBodyBytes`; 504 nothing complete within `timeoutMs`).
 */
export const PROXY_FAILURE_STATUS = {
  'request-body-too-large': 413,
  'too-many-in-flight': 503,
  'upstream-unreachable': 502,
  'upstream-reset': 502,
  'upstream-invalid-response': 502,
  'upstream-response-too-large': 502,
  'upstream-timeout': 504,
} as const;
export type ProxyFailureCause = keyof typeof PROXY_FAILURE_STATUS;

export interface ProxyRecord {
  /** 1, 2, 3, … in arrival order. */
  seq: number;
  /** When the request arrived (ISO 8601). */
  startedAt: string;
  method: string;
  /** Path and query as the client sent them (`/slurm/v0.0.38/jobs?update_time=0`). */
  url: string;
  /** The operation the request routed to; absent for paths and methods the spec does not have. */
  operation?: { path: string; method: string; operationId?: string };
  /** Status the client got: the server's, or the proxy's own (413/502/503/504) when `verdict` is `no-response`. */
  status: number;
  durations: {
    /** From the request's arrival to the last byte of the answer handed to the client. */
    totalMs: number;
    /** Waiting for the target (request sent → whole response read); 0 when it was not reached. */
    upstreamMs: number;
    /** Validating request and response. */
    validationMs: number;
  };
  requestBytes: number;
  responseBytes: number;
  /** The request (as forwarded, injected headers included) against the spec. */
  clientViolations: ProxyViolation[];
  /** The server's response against the spec (empty when the request matched no operation). */
  serverViolations: ProxyViolation[];
  verdict: ProxyVerdict;
  /** Why the target gave no response (`connect ECONNREFUSED 127.0.0.1:6820`, `no complete answer within 60000 ms`). */
  upstreamError?: string;
  /** With `no-response`: the cause, as in the JSON body the client got (`upstream-timeout`, `request-body-too-large`, …). */
  cause?: ProxyFailureCause;
  /**
   * The server's response body as text, when `keepResponseBodies` is set and it fit (uncompressed, within the
   * per-body and total bounds): compat compares it with what the client decoded.
   */
  responseBody?: string;
}

export interface ValidatingProxyOptions {
  /** The real server: `http://127.0.0.1:6820` (http or https). Requests go to its origin with the path unchanged. */
  target: string;
  /** Port on 127.0.0.1; 0 or absent: a free one. */
  port?: number;
  /** Headers added to every forwarded request, replacing the client's of the same name (e.g. `X-SLURM-USER-TOKEN`). */
  headers?: Record<string, string>;
  /** Called with every record once the client has its answer (the CLI writes JSON lines). Errors it throws are ignored. */
  log?: (record: ProxyRecord) => void;
  /**
   * Deadline for one exchange with the target, from connecting to the last byte of its body (default 60000 ms);
   * past it the connection is cut and the client gets 504. A trickling body does not extend it. The client,
   * too, must send its whole request within it (else node answers 408).
   */
  timeoutMs?: number;
  /** Largest request body and largest response body, in bytes (default 32 MiB): 413 resp. 502 past it. */
  maxBodyBytes?: number;
  /**
   * Requests handled at once (default 64); one more is answered 503 with `Retry-After: 1` at once rather than
   * queued. Each has its own connection to the target, so a hung call never holds up another.
   */
  maxInFlight?: number;
  /**
   * Report body properties the schema does not list (`*-body-undocumented-property`, once per
   * generalized pointer and body) as violations that count for the verdict. Default true.
   */
  undocumentedProperties?: boolean;
  /** Keep at most this many records in memory, oldest dropped first (default 10000). */
  maxRecords?: number;
  /**
   * Keep response bodies in the records (`responseBody`): each up to `maxBytes` (larger ones are not kept), all
   * together up to `maxTotalBytes` (the oldest kept bodies are dropped first). Off by default.
   */
  keepResponseBodies?: { maxBytes: number; maxTotalBytes: number };
}

export interface ValidatingProxy {
  /** `http://127.0.0.1:<port>` plus the target's path: use it wherever the target's URL was used. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** Every record so far, in order (the array is live). */
  records: ProxyRecord[];
  close(): Promise<void>;
}
