/** Shapes shared by the exchange validator, the reference server and (later) the validating proxy. */
// @ts-nocheck

import type { ParameterSpec } from './params.js';

/** One way a request or response breaks the spec. */
export interface Violation {
  where: 'request' | 'response';
  /**
   * Stable rule id, e.g. `request-content-type`, `request-query-style`, `request-body-schema`,
   * `response-status-undocumented`, `response-body-schema`. Full list: {@link VIOLATION_RULES}.
   */
  rule: ViolationRule;
  /**
   * JSON pointer into the message: into the parsed body for body rules (`/meta/slurm/version/major`),
   * `/<in>/<name>[/…]` for parameters (`/query/flags`, `/path/job_id`, `/header/x-slurm-user-name`),
   * `` for findings about the message as a whole (status, content type, unknown path).
   */
  pointer: string;
  /** JSON pointer into the spec document: the keyword that failed (`/components/schemas/x/properties/y/type`) or the spec object concerned. */
  schemaPointer: string;
  /** One line, exact: `/jobs/0/job_resources: null where the schema (#/components/schemas/…) does not allow null`. */
  message: string;
}

export const VIOLATION_RULES = [
  'request-path-unknown',
  'request-method-not-allowed',
  'request-path-required',
  'request-path-style',
  'request-path-schema',
  'request-query-required',
  'request-query-style',
  'request-query-schema',
  'request-header-required',
  'request-header-style',
  'request-header-schema',
  'request-cookie-required',
  'request-cookie-style',
  'request-cookie-schema',
  'request-content-type',
  'request-body-required',
  'request-body-undocumented',
  'request-body-parse',
  'request-body-schema',
  // checked by the reference server only (serve), not by the exchange validator itself
  'request-security',
  'request-accept',
  'response-status-undocumented',
  'response-content-type',
  'response-body-undocumented',
  'response-body-parse',
  'response-body-schema',
  'response-header-required',
  'response-header-schema',
] as const;
export type ViolationRule = (typeof VIOLATION_RULES)[number];

/** Header values as node:http gives them (lower- or mixed-case names; matched case-insensitively). */
export type HeaderMap = Record<string, string | string[] | number | undefined>;

export interface ExchangeRequest {
  method: string;
  /** Path plus query string as sent on the wire (`/slurm/v0.0.41/jobs?flags=ALL&flags=DETAIL`); an absolute URL is accepted too. */
  url: string;
  headers: HeaderMap;
  /** Raw body; empty or undefined for none. */
  body?: Buffer | string;
}

export interface ExchangeResponse {
  status: number;
  headers: HeaderMap;
  body?: Buffer | string;
}

/** An operation of the spec. */
export interface OperationRef {
  /** Path template as written in the spec (`/slurm/v0.0.41/job/{job_id}`), without the server base path. */
  path: string;
  /** Lower-case method (`get`, `post`, …). */
  method: string;
  operationId?: string;
  /** JSON pointer to the operation object (`/paths/~1slurm~1v0.0.41~1jobs/get`). */
  pointer: string;
}

export interface OperationMatch extends OperationRef {
  /** Path parameters, percent-decoded but not yet deserialized (`{ job_id: '1001' }`). */
  pathParams: Record<string, string>;
}

/** A body as the validator parsed it: JSON as a value, a form as an object of strings, text as a string. */
export interface ParsedBody {
  /** The documented media type key it matched (`application/json`). */
  mediaKey: string;
  value: unknown;
}

/**
 * A request as the validator read it while checking it: where it routed, and the values it read on the way, so
 * that a consumer (the handler layer of `serve --handlers`) does not route, read or parse it again.
 */
export interface RequestReading {
  /** The operation the request routed to; absent when it routed nowhere (the first violation says why). */
  operation?: OperationMatch;
  violations: Violation[];
  /**
   * Every parameter present, as read per style/explode (strings, arrays or objects of strings; not converted
   * to its schema's types), in the operation's parameter order. Parameters with a style problem are left out.
   */
  parameters: { spec: ParameterSpec; value: unknown }[];
  /** The body as parsed for validation; absent without a body, when it did not parse, or for media read as bytes (binary). */
  body?: ParsedBody;
}

export interface ExchangeValidator {
  /** Every operation of the spec, in document order. */
  readonly operations: readonly OperationRef[];
  /** Server base path from `servers[0].url` (`` for `/`, `/api` for `https://host/api`). */
  readonly basePath: string;
  /** The operation a request line routes to, or undefined. Literal path segments beat templated ones. */
  matchOperation(method: string, url: string): OperationMatch | undefined;
  /** Route, read and validate a request in one pass; hands back what it read (see {@link RequestReading}). */
  readRequest(request: ExchangeRequest): RequestReading;
  /** `readRequest(request).violations`. */
  validateRequest(request: ExchangeRequest): Violation[];
  validateResponse(operation: OperationRef, response: ExchangeResponse): Violation[];
  /**
   * Validate a value against the schema at `schemaPointer` (e.g. an operation's response schema), with
   * readOnly/writeOnly applied for `direction`. For callers that build messages themselves (sample fix-up, tests).
   */
  validateValue(schemaPointer: string, value: unknown, direction: 'request' | 'response'): SchemaIssue[];
}

/** One condensed schema problem (before it becomes a Violation with a rule and a prefix). */
export interface SchemaIssue {
  /** Pointer into the validated value. */
  pointer: string;
  /** Pointer into the spec: schema object + `/keyword`. */
  schemaPointer: string;
  /** Pointer into the spec of the schema object the keyword belongs to. */
  schemaObjectPointer: string;
  keyword: string;
  /** One line, starting with the pointer (or `(root)`). */
  message: string;
  /** Keyword-specific details from ajv (`missingProperty`, `allowedValues`, …), for fix-ups. */
  params: Record<string, unknown>;
}
