/**
 * The compat report: generator × operation matrix, per-generator totals, scenario results, spec problems and the
 * spec's validation findings. `json` output is this object as is (documented in docs/compat.md).
 */
// @ts-nocheck

import type { ValidationFinding } from '../../openapi/validate/index.js';
import type { CallOutcome, GeneratorLanguage } from '../generators/index.js';

export const COMPAT_REPORT_FORMAT = 'specdrift-compat/1';

/**
 * `pass`: the call went through the generated client, the exchange conforms to the spec, and what the client
 * decoded equals what the server sent. `fail`: anything else after a call (reason says what). `not-generated`:
 * the generator emitted no function for the operation (or failed to generate at all). `not-compiled`: the client
 * does not compile (type-check / import), so a user cannot build it; the call is still made and kept in `run`.
 * `driver-unsupported`: the client exists, but specdrift's driver cannot express what it needs (a parameter it cannot
 * fill; the reason says what): a limit of specdrift, never the generator's failure.
 * `unavailable`: the generator cannot run here (no java, no python modules …). `skipped`: not called on purpose.
 */
export type CellStatus = 'pass' | 'fail' | 'not-generated' | 'not-compiled' | 'driver-unsupported' | 'unavailable' | 'skipped';
export const CELL_STATUSES: readonly CellStatus[] = ['pass', 'fail', 'not-generated', 'not-compiled', 'driver-unsupported', 'unavailable', 'skipped'];

/**
 * Who broke the spec in the exchange(s) of a cell (issue 5): the request (`client-broke-spec`), the response
 * (`server-broke-spec`), both, or neither (`conforms`). `no-request`: nothing reached the server.
 */
export type Verdict = 'conforms' | 'client-broke-spec' | 'server-broke-spec' | 'both-broke-spec' | 'no-request';
export const VERDICTS: readonly Verdict[] = ['conforms', 'client-broke-spec', 'server-broke-spec', 'both-broke-spec', 'no-request'];

/** One way a message broke the spec (from the reference server or the validating proxy). */
export interface ObservedViolation {
  where: 'request' | 'response';
  rule: string;
  /** Pointer into the message (`/query/flags`, `/jobs/0/job_id`). */
  pointer: string;
  /** Pointer into the spec: what was violated. */
  schemaPointer: string;
  message: string;
}

/** One HTTP exchange the server (or proxy) saw for a cell. Bodies are not kept in the report. */
export interface ObservedExchange {
  seq: number;
  method: string;
  url: string;
  /** The operation the request routed to. */
  operationId?: string;
  status: number;
  violations: ObservedViolation[];
}

/** A difference between the body the server sent and what the client returned, after the adapter's normalisation. */
export interface DecodeMismatch {
  /** Pointer into the server's body. */
  pointer: string;
  /** `precision`: an integer beyond 2^53 decoded into the nearest double (`int64 9007199254740993 decoded as 9007199254740992`). */
  kind: 'missing' | 'renamed' | 'changed' | 'extra' | 'type' | 'precision';
  /** One line, exact: `/jobs/0/job_id: key renamed to jobId`. */
  message: string;
}

export interface CallRecord {
  outcome: CallOutcome;
  status?: number;
  error?: string;
  ms?: number;
}

/**
 * The calls made for one operation: the cell's own call has the required parameters only (and the body when it is
 * required); `optional-parameters` adds every optional parameter, `optional-body` an optional body (examples first,
 * else sampled). Each variant is a sub-cell of its own.
 */
export type CallVariant = 'optional-parameters' | 'optional-body';
export const CALL_VARIANTS: readonly CallVariant[] = ['optional-parameters', 'optional-body'];

export interface Cell {
  generator: string;
  operationId: string;
  /** Set on variant sub-cells only (see {@link CallVariant}). */
  variant?: CallVariant;
  status: CellStatus;
  /** Why it is not `pass`, one line (the first problem; the rest is in `exchanges` / `mismatches`). */
  reason?: string;
  verdict?: Verdict;
  /** The client symbol called (`SlurmApi.slurmV0041GetJobs`). */
  symbol?: string;
  /** What the driver reported. */
  call?: CallRecord;
  exchanges?: ObservedExchange[];
  mismatches?: DecodeMismatch[];
  /** For `not-compiled` cells: what the call did at run time anyway (`pass` or `fail: reason`). */
  runtime?: string;
  /**
   * The variant calls (sub-cells). A variant that fails by the client's doing (its request broke the spec, it threw,
   * it decoded differently) fails this cell too (`with optional parameters: …`); one the server refused (a sampled
   * optional value a real server does not take: `HTTP 422: …`) stays in its sub-cell.
   */
  variants?: Cell[];
}

export type GeneratorStatus = 'ok' | 'unavailable' | 'generate-failed' | 'not-compiled';

export interface GeneratorTotals {
  pass: number;
  fail: number;
  notGenerated: number;
  notCompiled: number;
  driverUnsupported: number;
  unavailable: number;
  skipped: number;
}

export interface GeneratorSummary {
  id: string;
  title: string;
  language: GeneratorLanguage;
  version?: string;
  status: GeneratorStatus;
  /** Why the generator is unavailable or failed, one line. */
  reason?: string;
  /** Client source directory written for the user (`generated-clients/orval/slurm-rest-api-v0.0.41-1a2b3c4d`). */
  dir?: string;
  generation?: { ms: number; cached: boolean; files: number; warnings: string[]; patchesApplied: string[] };
  compile?: { ok: boolean; ms: number; errors: string[] };
  /** Operations the generated client exposes (by the generator's naming convention). */
  operationsFound?: number;
  /** Wall time of this generator's part of the run (preparation, calls, scenario). */
  ms: number;
  totals: GeneratorTotals;
}

export interface OperationInfo {
  operationId: string;
  /** Upper case. */
  method: string;
  path: string;
  /** Pointer to the operation object in the spec. */
  pointer: string;
}

export type SpecProblemKind =
  | 'generator-failed'
  | 'operation-not-generated'
  | 'operation-not-compiled'
  | 'schema-not-compiled'
  | 'request-not-sent'
  | 'request-rejected'
  | 'response-not-decoded'
  | 'response-decoded-differently'
  | 'server-broke-spec';

/**
 * A place in the spec where at least one generator failed: the "standards compliance" list for the spec's authors.
 * The spec may be perfectly valid there; the entry says which generators could not follow it.
 */
export interface SpecProblem {
  kind: SpecProblemKind;
  /** Pointer into the spec (operation, parameter, schema, response); `` for the whole spec. */
  pointer: string;
  /** When the same failure (kind, rule, generators) happened at several places: all of them, `pointer` first. */
  pointers?: string[];
  /** Violation rule or TypeScript error code, when there is one. */
  rule?: string;
  /** One line: what failed there. */
  message: string;
  generators: string[];
  operations: string[];
  /** Up to three exact messages (violations, compile errors, client errors). */
  examples: string[];
  /** Validation findings at or under `pointer` (rule ids), when the spec itself is wrong there. */
  findings?: string[];
}

export interface ScenarioStepInfo {
  index: number;
  operationId: string;
  /** `name` of the step, else `METHOD path`. */
  title: string;
}

/** How a polling step (`until`) went: calls made, time taken, whether the condition was met (else why not). */
export interface PollOutcome {
  attempts: number;
  ms: number;
  met: boolean;
  reason?: string;
}

export interface ScenarioCell extends Cell {
  step: number;
  /** Values captured from this step's response. */
  captured?: Record<string, unknown>;
  /** Polling steps only. */
  poll?: PollOutcome;
}

/**
 * One way a real server broke its spec, for one operation, at one place (real servers only). The findings of every
 * cell (matrix and scenario) are grouped by operation, rule and `pattern`, so a list of jobs that all break the spec
 * at `time_limit` is one entry.
 */
export interface ServerFinding {
  operationId: string;
  rule: string;
  /** The first exact pointer into the response body (`/partitions/0/default_time_limit`). */
  pointer: string;
  /** `pointer` with each array index replaced by `*`: what the entries are grouped by. */
  pattern: string;
  schemaPointer: string;
  /** The first message, exact. */
  message: string;
  /** HTTP statuses of the answers with this finding. */
  statuses: number[];
  /** Exchanges with this finding. */
  count: number;
  /** Generators whose calls got such an answer (the server's fault, so usually all of them). */
  generators: string[];
}

export interface CompatSummary {
  cells: number;
  byStatus: Record<CellStatus, number>;
  byVerdict: Record<Verdict, number>;
  /** Generators that could run (not unavailable) and how many of them passed every operation. */
  generatorsRun: number;
  generatorsAllPass: number;
}

export interface CompatReport {
  format: typeof COMPAT_REPORT_FORMAT;
  tool: { name: 'specdrift'; version: string };
  spec: {
    source: string;
    /** `slurm-rest-api-v0.0.41-1a2b3c4d`: slug of info.title, dominant version tag, first 8 hex of the sha256. */
    id: string;
    title: string;
    versionTag?: string;
    sha256: string;
    operations: number;
  };
  server: { kind: 'builtin' } | { kind: 'external'; url: string };
  /** `--operations` / `--exclude-operations` globs as given. */
  filters: { operations: string[]; excludeOperations: string[] };
  validation: ValidationFinding[];
  generators: GeneratorSummary[];
  operations: OperationInfo[];
  /** Generator-major, in the order of `generators` × `operations`. */
  cells: Cell[];
  scenario?: { source: string; steps: ScenarioStepInfo[]; cells: ScenarioCell[] };
  specProblems: SpecProblem[];
  /** Against a real server (`server.kind` external): what its answers broke, by operation and place. */
  serverFindings?: ServerFinding[];
  summary: CompatSummary;
  /** Wall time of the whole run; the only field (with the `ms` fields) that differs between identical runs. */
  ms: number;
}

/** Progress of a run, for the CLI's status lines (never part of the report). */
export interface ProgressEvent {
  generator: string;
  phase: 'queued' | 'unavailable' | 'preparing' | 'prepared' | 'running' | 'scenario' | 'done' | 'failed';
  /** One line: `cached`, `generated in 2.6 s, compiled in 1.1 s`, `12 pass, 3 fail`, … */
  detail?: string;
}
