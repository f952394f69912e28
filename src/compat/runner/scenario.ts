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
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { parseSpecText } from '../../spec/parse.js';
import { resolvePointer } from '../../spec/refs.js';
import type { Json } from '../../spec/types.js';
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
}

export interface Scenario {
  /** Where it came from (file path), for the report. */
  source: string;
  steps: ScenarioStep[];
}

const scenarioSchema = {
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
        },
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
