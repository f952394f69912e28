/** Calling a reference server in tests: one request, or every operation with a sampled valid request. */
// @ts-nocheck

import { expect } from 'vitest';
import type { ExchangeValidator } from '../../../src/compat/exchange/index.js';
import { describeExchange, sampleRequest, type ExchangeRecord, type ReferenceServer } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { independentResponseValidator } from './independent-validator.js';

export interface Reply {
  status: number;
  contentType: string | null;
  text: string;
  json: any;
  headers: Headers;
}

export async function call(server: ReferenceServer, method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const response = await fetch(server.origin + url, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json, headers: response.headers };
}

/**
 * Call every operation with a sampled valid request; check 2xx, no violations, a re-validation of the answer
 * by a fresh exchange validator, and a second opinion by another library (jsonschema, see independent-validator.ts).
 */
export async function callEveryOperation(doc: JsonObject, server: ReferenceServer, independent: ExchangeValidator) {
  const secondOpinion = independentResponseValidator(doc);
  const results: { operationId: string; status: number; recorded: ExchangeRecord; revalidated: unknown[]; disputed: string[] }[] = [];
  for (const operation of independent.operations) {
    const request = sampleRequest(doc, operation);
    const reply = await call(server, request.method, request.url, request.body === undefined ? undefined : JSON.stringify(request.body), request.headers);
    const recorded = server.exchanges[server.exchanges.length - 1];
    const revalidated = independent.validateResponse(operation, { status: reply.status, headers: { 'content-type': reply.contentType ?? undefined }, body: reply.text });
    const disputed = secondOpinion.check(operation.path, operation.method, reply.status, reply.text);
    results.push({ operationId: operation.operationId ?? operation.path, status: reply.status, recorded, revalidated, disputed });
  }
  return results;
}

export function expectAllAnswered(results: Awaited<ReturnType<typeof callEveryOperation>>) {
  const failures = results.filter((r) => r.status < 200 || r.status > 299 || r.recorded.violations.length > 0 || r.revalidated.length > 0 || r.disputed.length > 0);
  expect(failures.map((f) => `${f.operationId}: ${f.status} ${describeExchange(f.recorded)} ${JSON.stringify(f.revalidated)} ${f.disputed.join('; ')}`)).toEqual([]);
  expect(results.every((r) => r.recorded.outcome === 'answered')).toBe(true);
}
