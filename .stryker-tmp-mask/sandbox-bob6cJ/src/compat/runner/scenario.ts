/**
 * Scenario files: ordered calls where later steps use values captured from earlier responses, e.g. submit a job,
 * capture its id, GET it, DELETE it, GET it again (404). For real servers (and the built-in one, whose jobs are
 * stateful). Format (YAML or JSON):
 *
 *   steps:
 *     - operation: slurm_v0042_post_job_submit        # operationId, or "METHOD /path"
 *       body: { script: "#!/bin/sh\ntrue", job: { name: t, current_working_directory: /tmp, environment: [PATH=/bin] } }
 *       capture: { job_id: /job_id }                   # name: JSON pointer into the response body
 *     - operation: slurm_v0042_get_job
 *       pathParams: { job_id: "${job_id}" }            # a whole-string ${name} keeps the captured value's type
 *     - operation: slurm_v0042_delete_job
 *       pathParams: { job_id: "${job_id}" }
 *     - operation: slurm_v0042_get_job
 *       pathParams: { job_id: "${job_id}" }
 *       expect: { status: 404 }                        # default: any 2xx
 *
 * A step with `until` is a bounded poll: the call is repeated `every` (default 1s) until the value at `pointer` in the
 * response equals `equals` (or one of `in`), at most `attempts` times and for at most `timeout` (default 60s).
 */
// @ts-nocheck

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { parseSpecText } from '../../source/parse.js';
import { resolvePointer } from '../../openapi/refs.js';
import type { Json } from '../../openapi/types.js';
import type { OperationRef } from '../exchange/index.js';
import { operationLabel } from './plan.js';

export interface ScenarioStep {
  /** Shown in reports instead of the operation. */
  name?: string;
  operation: string;
  pathParams?: Record<string, Json>;
  query?: Record<string, Json>;
  headers?: Record<string, string>;
  body?: Json;
  capture?: Record<string, string>;
  expect?: { status?: number | number[] };
  /** Repeat the call until the response says so (a bounded poll). */
  until?: PollCondition;
  /** Pause between attempts of a poll: `500ms`, `1s`, `2m`, or milliseconds as a number. Default 1s. */
  every?: string | number;
  /** Give up a poll after this long (same forms). Default 60s. */
  timeout?: string | number;
  /** Give up a poll after this many calls. Default: as many as fit in `timeout`. */
  attempts?: number;
}

/**
 * When a poll stops: the value at `pointer` (into the response body as the client decoded it) equals `equals`, or is
 * one of `in`. An array value matches when one of its items does: Slurm ≥ 0.0.40 sends job states as flag arrays
 * (`["COMPLETED"]`), 0.0.38 as a string, and one scenario should read the same for both.
 */
export interface PollCondition {
  pointer: string;
  equals?: Json;
  in?: Json[];
}

export interface Scenario {
  /** Where it came from (file path), for the report. */
  source: string;
  steps: ScenarioStep[];
}

const scenarioSchema = {
  $defs: {
    duration: { oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m)$' }] },
  },
  type: 'object',
  required: ['steps'],
  additionalProperties: false,
  properties: {
    description: { type: 'string' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['operation'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          operation: { type: 'string', minLength: 1 },
          pathParams: { type: 'object' },
          query: { type: 'object' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          body: {},
          capture: { type: 'object', additionalProperties: { type: 'string', pattern: '^(/.*)?$' } },
          expect: {
            type: 'object',
            additionalProperties: false,
            properties: { status: { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1 }] } },
          },
          until: {
            type: 'object',
            required: ['pointer'],
            additionalProperties: false,
            properties: { pointer: { type: 'string', pattern: '^(/.*)?$' }, equals: {}, in: { type: 'array', minItems: 1 } },
            oneOf: [{ required: ['equals'] }, { required: ['in'] }],
          },
          every: { $ref: '#/$defs/duration' },
          timeout: { $ref: '#/$defs/duration' },
          attempts: { type: 'integer', minimum: 1, maximum: 10_000 },
        },
        dependencies: { every: ['until'], timeout: ['until'], attempts: ['until'] },
      },
    },
  },
} as const;

/** Parse and check a scenario; `where` names it in errors. Errors are config errors (exit 9) with the failing place. */
export function parseScenario(text: string, where: string): Scenario {
  const { value } = parseSpecText(text, where, where);
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const validate = new Ajv({ allErrors: false }).compile(scenarioSchema);
  if (!validate(value)) {
    const e = validate.errors![0];
    throw new SpecdriftError(`${where}: invalid scenario at ${e.instancePath || '/'}: ${e.message}`, ExitCode.config, { hint: 'see docs/compat.md (scenario files)' });
  }
  return { source: where, steps: (value as { steps: ScenarioStep[] }).steps };
}

export async function loadScenario(file: string): Promise<Scenario> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new SpecdriftError(`cannot read scenario ${file}: ${error.code ?? error.message}`, ExitCode.sourceNotFound, { hint: 'check --scenario' });
  });
  return parseScenario(text, file);
}

/** The operation a step names: operationId, or `METHOD /path` as in the spec. */
export function stepOperation(step: ScenarioStep, index: number, ops: readonly OperationRef[], source: string): OperationRef {
  const wanted = step.operation.trim();
  const found = ops.find((op) => op.operationId === wanted) ?? ops.find((op) => operationLabel(op).toLowerCase() === wanted.replace(/\s+/g, ' ').toLowerCase());
  if (!found) {
    throw new SpecdriftError(`${source}: step ${index + 1} names operation ${wanted}, which the spec does not have`, ExitCode.config, {
      hint: 'use an operationId or "METHOD /path" from the spec',
    });
  }
  return found;
}

export class MissingCapture extends Error {
  constructor(readonly variable: string) {
    super(`uses \${${variable}}, which no earlier step captured`);
  }
}

/** Replace `${name}` with captured values: a whole-string reference keeps the value's JSON type. */
export function substitute(value: Json | undefined, vars: ReadonlyMap<string, Json>): Json | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    if (whole) {
      if (!vars.has(whole[1])) throw new MissingCapture(whole[1]);
      return vars.get(whole[1])!;
    }
    return value.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      if (!vars.has(name)) throw new MissingCapture(name);
      const v = vars.get(name)!;
      return typeof v === 'string' ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars) as Json);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars) as Json]));
  return value;
}

/** Values for the step's `capture` from a response body; a pointer that finds nothing is reported by name. */
export function capture(step: ScenarioStep, body: unknown): { values: Record<string, Json>; missing: string[] } {
  const values: Record<string, Json> = {};
  const missing: string[] = [];
  for (const [name, pointer] of Object.entries(step.capture ?? {})) {
    const found = body === undefined ? undefined : resolvePointer(body as Json, pointer);
    if (found === undefined) missing.push(`${name} (${pointer || '(body)'})`);
    else values[name] = found;
  }
  return { values, missing };
}

/** Statuses the step accepts: its `expect.status`, or undefined for "any 2xx". */
export const expectedStatuses = (step: ScenarioStep): number[] | undefined =>
  step.expect?.status === undefined ? undefined : Array.isArray(step.expect.status) ? step.expect.status : [step.expect.status];

// -- Polling -------------------------------------------------------------------------------------------------------

export const DEFAULT_POLL_EVERY_MS = 1000;
export const DEFAULT_POLL_TIMEOUT_MS = 60_000;

/** `500ms`, `1s`, `1.5s`, `2m`, or a number of milliseconds (the schema has checked the form). */
export function durationMs(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value);
  if (!m) return fallback;
  return Math.round(Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000));
}

/** The bounds of a poll step: pause between calls, total time, and the number of calls. */
export function pollBounds(step: ScenarioStep): { everyMs: number; timeoutMs: number; attempts: number } {
  const everyMs = durationMs(step.every, DEFAULT_POLL_EVERY_MS);
  const timeoutMs = durationMs(step.timeout, DEFAULT_POLL_TIMEOUT_MS);
  const fit = everyMs > 0 ? Math.floor(timeoutMs / everyMs) + 1 : 10_000;
  return { everyMs, timeoutMs, attempts: Math.max(1, Math.min(step.attempts ?? fit, fit, 10_000)) };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The value at the condition's pointer, and whether it (or one of its items) matches. */
export function pollMatches(condition: PollCondition, body: unknown): { matched: boolean; value: unknown } {
  const value = body === undefined ? undefined : resolvePointer(body as Json, condition.pointer);
  if (value === undefined) return { matched: false, value };
  const wanted: unknown[] = condition.in ?? [condition.equals];
  const candidates: unknown[] = Array.isArray(value) ? [value, ...value] : [value];
  return { matched: candidates.some((c) => wanted.some((w) => sameJson(c, w))), value };
}

/** `/jobs/0/job_state equals "COMPLETED"` / `… in ["COMPLETED","FAILED"]`, for reasons and titles. */
export const pollText = (condition: PollCondition): string =>
  `${condition.pointer || '(body)'} ${condition.in ? `in ${JSON.stringify(condition.in)}` : `equals ${JSON.stringify(condition.equals)}`}`;
