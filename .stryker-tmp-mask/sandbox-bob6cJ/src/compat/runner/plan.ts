/**
 * What the runner calls: every operation of the spec (optionally filtered by globs), each with a deterministic valid
 * request from the reference server's sampler (examples first, else schema samples).
 */
// @ts-nocheck

import picomatch from 'picomatch';
import { usageError } from '../../errors.js';
import type { Json, JsonObject } from '../../openapi/types.js';
import { createExchangeValidator, type OperationRef } from '../exchange/index.js';
import type { CallPlan } from '../generators/index.js';
import { sampleRequest, type SampleRequestOptions } from '../server/index.js';
import type { OperationInfo } from './types.js';

/** `GET /slurm/v0.0.41/jobs`. */
export const operationLabel = (op: { method: string; path: string }): string => `${op.method.toUpperCase()} ${op.path}`;

/** Every operation of the spec with an operationId, in document order (generators key their functions on it). */
export function specOperations(doc: JsonObject): OperationRef[] {
  return createExchangeValidator(doc).operations.filter((op) => op.operationId !== undefined);
}

/**
 * Keep operations whose operationId or `METHOD /path` matches one of `include` (all when empty) and none of
 * `exclude`. Globs are case-insensitive; `*` does not cross `/` in paths (`GET /slurm/*\/jobs`), `**` does.
 */
export function filterOperations(ops: readonly OperationRef[], include: readonly string[] = [], exclude: readonly string[] = []): OperationRef[] {
  const compile = (globs: readonly string[]) => globs.map((g) => picomatch(g, { nocase: true, dot: true }));
  const inc = compile(include);
  const exc = compile(exclude);
  const names = (op: OperationRef) => [op.operationId ?? '', operationLabel(op)];
  const kept = ops.filter((op) => (inc.length === 0 || names(op).some((n) => inc.some((m) => m(n)))) && !names(op).some((n) => exc.some((m) => m(n))));
  if (include.length > 0 && kept.length === 0) {
    throw usageError(`--operations ${include.join(' ')} matches no operation of the spec`, 'give operationId globs (slurm_*_get_jobs) or "METHOD /path" globs ("GET /slurm/*/jobs")');
  }
  return kept;
}

export const operationInfo = (op: OperationRef): OperationInfo => ({
  operationId: op.operationId!,
  method: op.method.toUpperCase(),
  path: op.path,
  pointer: op.pointer,
});

const headerText = (value: Json): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.map((v) => String(v)).join(',') : JSON.stringify(value));

/** A valid request for the operation as the drivers take it (values keyed by the spec's parameter names). */
export function planCall(doc: JsonObject, op: OperationRef, opts: SampleRequestOptions = {}): CallPlan {
  const sampled = sampleRequest(doc, op, opts);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(sampled.params.header)) headers[name] = headerText(value);
  return {
    operationId: op.operationId!,
    method: op.method,
    path: op.path,
    pathParams: sampled.params.path,
    query: sampled.params.query,
    headers,
    ...(sampled.body !== undefined ? { body: sampled.body } : {}),
  };
}
