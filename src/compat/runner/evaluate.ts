/** One cell's verdict from what the driver reported, what the server saw, and what the client decoded. */
import type { CallResult, TypedAccessPlan } from '../generators/index.js';
import { checkTypedAccess } from './typed-access.js';
import { compareDecoded, type Normalisation, parseBody } from './compare.js';
import type { TargetExchange } from './target.js';
import type { Cell, CellStatus, DecodeMismatch, ObservedExchange, ServerFinding, Verdict } from './types.js';

export function verdictOf(exchanges: readonly ObservedExchange[]): Verdict {
  if (exchanges.length === 0) return 'no-request';
  const client = exchanges.some((e) => e.violations.some((v) => v.where === 'request'));
  const server = exchanges.some((e) => e.violations.some((v) => v.where === 'response'));
  return client && server ? 'both-broke-spec' : client ? 'client-broke-spec' : server ? 'server-broke-spec' : 'conforms';
}

const firstViolation = (exchanges: readonly ObservedExchange[], where: 'request' | 'response') =>
  exchanges.flatMap((e) => e.violations).find((v) => v.where === where);

export interface EvaluateOptions {
  norm: Normalisation;
  /** Statuses that count as success (scenario `expect`); default any 2xx. */
  expect?: number[];
  /** Typed access check (TypeScript: the plan from the client's types; Python: names come with the value). */
  typed?: { language: string; plan?: TypedAccessPlan };
}

export interface Evaluation {
  status: Extract<CellStatus, 'pass' | 'fail' | 'not-generated' | 'driver-unsupported'>;
  reason?: string;
  verdict?: Verdict;
  mismatches?: DecodeMismatch[];
  /**
   * Whose doing a `fail` is: `client` (its request broke the spec, it threw, it decoded differently) or `server`
   * (it refused a conforming request, or its answer broke the spec). A variant call's failure counts against its
   * cell only when the client is at fault.
   */
  fault?: 'client' | 'server';
}

const errorTextMax = 300;
const flatText = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(' ');
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The server's own words in an error body: Slurm's `errors: [{ error, description }]`, else the usual
 * `error` / `message` / `detail` / `title` string, else a short text body. Undefined when there is nothing readable.
 */
export function serverErrorText(body: unknown): string | undefined {
  const clip = (text: string) => {
    const one = flatText(text);
    return one === '' ? undefined : one.length > errorTextMax ? `${one.slice(0, errorTextMax - 1)}…` : one;
  };
  if (typeof body === 'string') return clip(body);
  if (!isRecord(body)) return undefined;
  if (Array.isArray(body.errors)) {
    const texts = body.errors
      .map((e) => (typeof e === 'string' ? e : isRecord(e) ? [e.error, e.description, e.message].filter((t): t is string => typeof t === 'string' && t.trim() !== '').join(': ') : ''))
      .filter(Boolean);
    if (texts.length > 0) return clip(texts.join('; '));
  }
  for (const key of ['error', 'message', 'detail', 'title', 'description']) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return clip(value);
    if (isRecord(value) && typeof value.message === 'string') return clip(value.message);
  }
  return undefined;
}

/** Decide pass / fail (with the first reason) for one call. Compilation is the caller's business. */
export function evaluateCall(result: CallResult, exchanges: readonly TargetExchange[], opts: EvaluateOptions): Evaluation {
  if (result.outcome === 'not-generated') return { status: 'not-generated', reason: result.error ?? 'not in the generated client' };
  // specdrift's limit, not the generator's: say what the driver could not do, and count nothing against the client.
  if (result.outcome === 'driver-unsupported') return { status: 'driver-unsupported', reason: `driver cannot call it: ${result.error ?? 'unsupported'}` };
  const verdict = verdictOf(exchanges);
  const request = firstViolation(exchanges, 'request');
  const response = firstViolation(exchanges, 'response');
  const fail = (reason: string, fault: 'client' | 'server', mismatches?: DecodeMismatch[]): Evaluation => ({ status: 'fail', reason, verdict, fault, ...(mismatches ? { mismatches } : {}) });
  // The spec is the judge: a request that broke it fails the cell even when a lenient server answered 2xx.
  if (request) return fail(`request broke the spec: [${request.rule}] ${request.message}`, 'client');

  const status = result.status ?? exchanges.at(-1)?.status;
  const expected = opts.expect;
  const statusOk = (s: number | undefined) => (s === undefined ? false : expected ? expected.includes(s) : s >= 200 && s < 300);
  // A refused call says so first: the status and the server's own words, then what else was wrong with the answer
  // (an error body that breaks the spec must not hide that the server said 422).
  const refused = exchanges.length > 0 && status !== undefined && !statusOk(status) && !(result.outcome === 'client-error' && status >= 200 && status < 300);
  if (refused) {
    const wanted = expected ? `expected ${expected.join(' or ')}` : 'expected 2xx';
    const body = parseBody(exchanges.at(-1)?.responseBody);
    const said = serverErrorText(body !== undefined ? body.value : result.decoded);
    const clientSide = result.outcome === 'client-error' ? `; client error: ${result.error ?? 'unknown'}` : '';
    const alsoBroke = response ? `; the answer also broke the spec: [${response.rule}] ${response.message}` : '';
    return fail(`HTTP ${status}${said ? `: ${said}` : ''} (${wanted})${alsoBroke}${clientSide}`, 'server');
  }
  if (response) return fail(`server broke the spec: [${response.rule}] ${response.message}`, 'server');
  if (result.outcome === 'client-error') {
    // A client that throws on a documented non-2xx answer the step expects is doing its job.
    if (expected && statusOk(status) && !(status! >= 200 && status! < 300)) return { status: 'pass', verdict };
    return fail(`client error: ${result.error ?? 'unknown'}`, 'client');
  }
  if (exchanges.length === 0) return fail('the client reported an answer but no request reached the server', 'client');
  if (!statusOk(status)) return fail(`HTTP ${status ?? '?'} (${expected ? `expected ${expected.join(' or ')}` : 'expected 2xx'})`, 'server');
  if (status! >= 200 && status! < 300) {
    const sent = parseBody(exchanges.at(-1)?.responseBody);
    if (sent !== undefined) {
      const mismatches = compareDecoded(sent.value, result.decoded, opts.norm);
      if (mismatches.length > 0) {
        const more = mismatches.length > 1 ? ` (+${mismatches.length - 1} more)` : '';
        return fail(`decoded body differs from the server's: ${mismatches[0].message}${more}`, 'client', mismatches);
      }
      if (opts.typed) {
        const failures = checkTypedAccess(sent.value, result.typed !== undefined ? result.typed : result.decoded, opts.typed.plan, opts.typed.language);
        if (failures.length > 0) {
          const more = failures.length > 1 ? ` (+${failures.length - 1} more)` : '';
          return fail(`${failures[0].message}${more}`, 'client', failures.map((f) => ({ pointer: f.path, kind: 'typed', message: f.message })));
        }
      }
    }
  }
  return { status: 'pass', verdict };
}

/** The report's view of exchanges (bodies dropped). */
export const reportExchanges = (exchanges: readonly TargetExchange[]): ObservedExchange[] =>
  exchanges.map(({ responseBody: _body, ...rest }) => rest);

/** `pass`, or `fail: reason`, for the `runtime` note of not-compiled cells. */
export const runtimeText = (e: Evaluation): string => (e.status === 'pass' ? 'pass' : `${e.status}: ${e.reason ?? ''}`);


/** A pointer with each array index replaced by `*`: the same place in every item of a list. */
export const pointerPattern = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

/** The server's violations in every cell, grouped by operation, rule and place (see ServerFinding). */
export function collectServerFindings(cells: readonly Cell[]): ServerFinding[] {
  const byKey = new Map<string, ServerFinding>();
  for (const cell of cells) {
    for (const exchange of cell.exchanges ?? []) {
      const seen = new Set<string>();
      for (const v of exchange.violations) {
        if (v.where !== 'response') continue;
        const operationId = exchange.operationId ?? cell.operationId;
        const pattern = pointerPattern(v.pointer);
        const key = `${operationId}\u0000${v.rule}\u0000${pattern}`;
        let finding = byKey.get(key);
        if (!finding) {
          finding = { operationId, rule: v.rule, pointer: v.pointer, pattern, schemaPointer: v.schemaPointer, message: v.message, statuses: [], count: 0, generators: [] };
          byKey.set(key, finding);
        }
        if (seen.has(key)) continue; // once per exchange, however many list items broke it
        seen.add(key);
        finding.count++;
        if (!finding.statuses.includes(exchange.status)) finding.statuses.push(exchange.status);
        if (!finding.generators.includes(cell.generator)) finding.generators.push(cell.generator);
      }
    }
  }
  return [...byKey.values()];
}
