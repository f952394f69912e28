/**
 * The public handler API of `specdrift serve --handlers FILE`: what a user's operation implementation receives
 * and returns. Kept free of imports so that scaffolded types (`specdrift scaffold handlers`) can mirror it.
 */
// @ts-nocheck

import type { JsonObject } from '../../../openapi/types.js';

/** The request as a handler sees it: already validated against the spec. */
export interface HandlerRequest {
  /** The operation the request routed to. */
  operation: { operationId: string; method: string; path: string };
  method: string;
  /** Path and query as sent (`/api/jobs/7?verbose=true`). */
  url: string;
  /**
   * Parameters by location, deserialized per style/explode and converted to their schema's types
   * (`{ path: { job_id: 7 }, query: { verbose: true } }`). Absent optional parameters are absent.
   */
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown>; cookie: Record<string, unknown> };
  /** Parsed body: JSON as a value, a form as an object of strings, text as a string, anything else as a Buffer; undefined without a body. */
  body: unknown;
  /** The body's media type (`application/json`), when there is a body. */
  contentType?: string;
  /** All request headers, names lower-case. */
  headers: Record<string, string>;
}

/** What a handler returns. `body` is serialized in the negotiated documented media type (JSON unless `contentType` says otherwise). */
export interface HandlerResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Force a media type (must be documented for the status, or the answer breaks `response-content-type`). */
  contentType?: string;
}

/** The spec's default answer for an operation, as `serve` without handlers would give it. */
export interface SampledAnswer {
  status: number;
  headers: Record<string, string>;
  /** The sampled body as a value (a fresh copy: change it freely); undefined when the response documents no content. */
  body: unknown;
}

export interface HandlerContext {
  /**
   * Per-server state, shared by every handler and kept across `--watch` reloads. Start with `{}`;
   * handlers keep what they need in it (`ctx.state.jobs ??= new Map()`).
   */
  state: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The spec document the server serves (do not change it). */
  spec: JsonObject;
  /**
   * The request's `Prefer` mock controls (`code=404`, `example=NAME`, `dynamic=true`), parsed; `{}` without them.
   * They do not change a handler's answer: a handler that wants to honour them reads them here
   * (`if (ctx.prefer.code) return ctx.sample(ctx.prefer.code)`).
   */
  prefer: { code?: number; example?: string; dynamic?: boolean };
  /**
   * The spec's default answer for this operation: `sample()` for the success response, `sample(404)` for another
   * documented status. Like an answer without a handler, it is generated data under `--dynamic` or
   * `Prefer: dynamic=true`, and the named example under `Prefer: example=NAME` when that response has it.
   */
  sample(status?: number): SampledAnswer;
  /** A line in the server's log (stderr unless --quiet). */
  log(message: string): void;
}

export type Handler = (req: HandlerRequest, ctx: HandlerContext) => HandlerResponse | Promise<HandlerResponse>;

/** A loaded handlers module: functions by operationId. */
export interface HandlerSet {
  /** Absolute path of the module. */
  file: string;
  handlers: Map<string, Handler>;
}
