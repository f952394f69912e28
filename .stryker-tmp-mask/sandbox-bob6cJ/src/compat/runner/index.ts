/**
 * The compat runner: for each generator, generate and compile a client (cached), call every operation of the spec
 * through it against a server that validates each exchange, compare what the client decoded with what the server
 * sent, and assemble the generator × operation matrix. Generators run in parallel, each with its own server.
 */
// @ts-nocheck

import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import type { Json, JsonObject } from '../../openapi/types.js';
import type { ValidationFinding } from '../../openapi/validate/index.js';
import type { OperationRef } from '../exchange/index.js';
import { type CallPlan, type CallResult, type GeneratorAdapter, prepareClient, type PreparedClient } from '../generators/index.js';
import { normalisationFor } from './compare.js';
import { resolvePatches } from './patches.js';
import { pool } from './pool.js';
import { correlate } from './correlate.js';
import { collectServerFindings, evaluateCall, type Evaluation, reportExchanges, runtimeText } from './evaluate.js';
import { filterOperations, operationInfo, operationLabel, planCall, specOperations } from './plan.js';
import { capture, expectedStatuses, MissingCapture, pollBounds, pollMatches, pollText, type Scenario, type ScenarioStep, stepOperation, substitute } from './scenario.js';
import { clientDir, writeClientSources } from './sources.js';
import { attributeCompileErrors, collectSpecProblems, type CompileAttribution } from './spec-problems.js';
import { specIdentity } from './spec-id.js';
import { type CallTarget, type ServerChoice, startTarget, type TargetExchange } from './target.js';
import {
  type CallVariant,
  CELL_STATUSES,
  COMPAT_REPORT_FORMAT,
  type Cell,
  type CompatReport,
  type CompatSummary,
  type GeneratorSummary,
  type GeneratorTotals,
  type OperationInfo,
  type ProgressEvent,
  type PollOutcome,
  type ScenarioCell,
  VERDICTS,
} from './types.js';

export type * from './types.js';
export { type ServerChoice } from './target.js';
export { loadScenario, parseScenario, type Scenario, type ScenarioStep } from './scenario.js';
export { specIdentity, specIdStem, slug, type SpecIdentity } from './spec-id.js';
export { clientDir, clientSourceFiles, MANIFEST, type ClientManifest, writeClientSources } from './sources.js';
export { compareDecoded, normalisationFor } from './compare.js';
export { correlate } from './correlate.js';
export { collectServerFindings, pointerPattern } from './evaluate.js';
export { filterOperations, planCall, specOperations } from './plan.js';
export { resolvePatches } from './patches.js';
export { checkClients, diffDirectories, type DriftEntry, type DriftReport, type DriftState, generateClients, type ClientsOptions, type PinnedSpec, type WrittenClient } from './committed.js';

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

export interface CompatRunOptions {
  doc: JsonObject;
  /** The spec file the generators read (absolute or relative to the current directory). */
  specPath: string;
  /** What the user gave (file, URL, version shorthand …), for the report. */
  source: string;
  generators: readonly GeneratorAdapter[];
  /** Default: the built-in reference server. */
  server?: ServerChoice;
  /** Sent with every call (credentials). */
  headers?: Record<string, string>;
  /** Globs on operationId or `METHOD /path`. */
  operations?: string[];
  excludeOperations?: string[];
  scenario?: Scenario;
  /** Where client sources are written (`<out>/<generator>/<spec-id>/`); undefined: not written. */
  outDir?: string;
  /** `NAME` (every selected generator offering it), `GENERATOR=NAME`, or `all`. */
  patches?: string[];
  /** Generators prepared and run at the same time (default: the number of CPUs). */
  concurrency?: number;
  /** Client cache (default: the generators' default). */
  cacheDir?: string;
  /** Regenerate clients even when cached. */
  refresh?: boolean;
  /** Per call (default 30 s). */
  timeoutMs?: number;
  /**
   * Built-in server: sample int64 values as 9007199254740993 (above 2^53) where the schema allows, so a client that
   * decodes them into doubles fails with `int64 9007199254740993 decoded as 9007199254740992`. The CLI turns it on.
   */
  sampleLargeIntegers?: boolean;
  /** Findings of `validateSpec` for the report (the pipeline validates before running). */
  validation?: ValidationFinding[];
  toolVersion?: string;
  onProgress?: (event: ProgressEvent) => void;
}

const emptyTotals = (): GeneratorTotals => ({ pass: 0, fail: 0, notGenerated: 0, notCompiled: 0, driverUnsupported: 0, unavailable: 0, skipped: 0 });
const TOTAL_KEY: Record<Cell['status'], keyof GeneratorTotals> = {
  pass: 'pass',
  fail: 'fail',
  'not-generated': 'notGenerated',
  'not-compiled': 'notCompiled',
  'driver-unsupported': 'driverUnsupported',
  unavailable: 'unavailable',
  skipped: 'skipped',
};
const oneLine = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(' ');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface PlannedOperation {
  op: OperationRef;
  info: OperationInfo;
  /** The minimal call: required parameters only, the body only when required. */
  plan?: CallPlan;
  /** Further calls with what the minimal one leaves out. */
  variants?: { variant: CallVariant; plan: CallPlan }[];
  /** Why no request could be sampled. */
  skipped?: string;
}

interface GeneratorOutcome {
  summary: GeneratorSummary;
  cells: Cell[];
  scenarioCells: ScenarioCell[];
  attributions: CompileAttribution[];
  failure?: string;
}

export async function runCompat(opts: CompatRunOptions): Promise<CompatReport> {
  const started = Date.now();
  const { doc } = opts;
  const specBytes = await readFile(opts.specPath).catch((error: NodeJS.ErrnoException) => {
    throw new SpecdriftError(`cannot read ${opts.specPath}: ${error.code ?? error.message}`, ExitCode.sourceNotFound);
  });
  const identity = specIdentity(doc, specBytes);
  // Generators run in their output directories: a relative spec path would point nowhere.
  const specPath = resolve(opts.specPath);
  const server = opts.server ?? { kind: 'builtin' };
  const patches = resolvePatches(opts.generators, opts.patches);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const headers = opts.headers ?? {};
  const progress = (event: ProgressEvent) => opts.onProgress?.(event);

  const allOps = specOperations(doc);
  const chosen = filterOperations(allOps, opts.operations, opts.excludeOperations);
  const seen = new Map<string, OperationRef>();
  const planned: PlannedOperation[] = chosen.map((op) => {
    const first = seen.get(op.operationId!);
    if (first) {
      // Generators emit one function per operationId: a duplicate cannot be called on its own. Its row gets a unique label.
      const info = { ...operationInfo(op), operationId: `${op.operationId} (${operationLabel(op)})` };
      return { op, info, skipped: `duplicate operationId: ${op.operationId} is also ${operationLabel(first)}` };
    }
    seen.set(op.operationId!, op);
    try {
      return { op, info: operationInfo(op), ...planWithVariants(doc, op) };
    } catch (error) {
      return { op, info: operationInfo(op), skipped: `no valid request could be built: ${oneLine((error as Error).message)}` };
    }
  });
  const scenarioSteps = (opts.scenario?.steps ?? []).map((step, index) => ({ step, index, op: stepOperation(step, index, allOps, opts.scenario!.source) }));

  for (const g of opts.generators) progress({ generator: g.id, phase: 'queued' });
  const outcomes = await pool(opts.generators, opts.concurrency ?? availableParallelism(), (adapter) =>
    runOneGenerator(adapter, {
      ...opts,
      specPath,
      identity,
      planned,
      scenarioSteps,
      server,
      headers,
      timeoutMs,
      patches: patches.get(adapter.id) ?? [],
      progress,
    }),
  );

  const cells = outcomes.flatMap((o) => o.cells);
  const scenarioCells = outcomes.flatMap((o) => o.scenarioCells);
  const operations = planned.map((p) => p.info);
  const validation = opts.validation ?? [];
  const withVariants = cells.flatMap((c) => [c, ...(c.variants ?? [])]);
  const specProblems = collectSpecProblems({
    doc,
    operations,
    cells: withVariants,
    generatorFailures: outcomes.filter((o) => o.failure !== undefined).map((o) => ({ generator: o.summary.id, reason: o.failure! })),
    compileAttributions: outcomes.flatMap((o) => o.attributions),
    validation,
  });
  const report: CompatReport = {
    format: COMPAT_REPORT_FORMAT,
    tool: { name: 'specdrift', version: opts.toolVersion ?? '0.0.0' },
    spec: { source: opts.source, id: identity.id, title: identity.title, ...(identity.versionTag ? { versionTag: identity.versionTag } : {}), sha256: identity.sha256, operations: operations.length },
    server,
    filters: { operations: opts.operations ?? [], excludeOperations: opts.excludeOperations ?? [] },
    validation,
    generators: outcomes.map((o) => o.summary),
    operations,
    cells,
    ...(opts.scenario
      ? {
          scenario: {
            source: opts.scenario.source,
            steps: scenarioSteps.map(({ step, index, op }) => ({ index, operationId: op.operationId!, title: step.name ?? operationLabel(op) })),
            cells: scenarioCells,
          },
        }
      : {}),
    specProblems,
    ...(server.kind === 'external' ? { serverFindings: collectServerFindings([...withVariants, ...scenarioCells]) } : {}),
    summary: summarize(cells, outcomes.map((o) => o.summary)),
    ms: Date.now() - started,
  };
  return report;
}

const VARIANT_TEXT: Record<CallVariant, string> = { 'optional-parameters': 'with optional parameters', 'optional-body': 'with the optional body' };

/** The minimal call and its variants (see {@link CallVariant}); a variant only when it adds something. */
function planWithVariants(doc: JsonObject, op: OperationRef): Pick<PlannedOperation, 'plan' | 'variants'> {
  const plan = planCall(doc, op, { includeOptional: false, includeOptionalBody: false });
  const variants: { variant: CallVariant; plan: CallPlan }[] = [];
  const count = (p: CallPlan) => Object.keys(p.pathParams).length + Object.keys(p.query).length + Object.keys(p.headers).length;
  try {
    const withOptional = planCall(doc, op, { includeOptional: true, includeOptionalBody: false });
    if (count(withOptional) > count(plan)) variants.push({ variant: 'optional-parameters', plan: withOptional });
    const withBody = planCall(doc, op, { includeOptional: false, includeOptionalBody: true });
    if (withBody.body !== undefined && plan.body === undefined) variants.push({ variant: 'optional-body', plan: withBody });
  } catch {
    // an optional part that cannot be sampled is simply not exercised; the minimal call still runs
  }
  return { plan, ...(variants.length > 0 ? { variants } : {}) };
}

function summarize(cells: readonly Cell[], generators: readonly GeneratorSummary[]): CompatSummary {
  const byStatus = Object.fromEntries(CELL_STATUSES.map((s) => [s, 0])) as CompatSummary['byStatus'];
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as CompatSummary['byVerdict'];
  for (const cell of cells) {
    byStatus[cell.status]++;
    if (cell.verdict) byVerdict[cell.verdict]++;
  }
  const run = generators.filter((g) => g.status !== 'unavailable');
  return {
    cells: cells.length,
    byStatus,
    byVerdict,
    generatorsRun: run.length,
    generatorsAllPass: run.filter((g) => g.totals.pass > 0 && g.totals.fail + g.totals.notGenerated + g.totals.notCompiled === 0).length,
  };
}

interface GeneratorJob extends CompatRunOptions {
  identity: ReturnType<typeof specIdentity>;
  planned: PlannedOperation[];
  scenarioSteps: { step: Scenario['steps'][number]; index: number; op: OperationRef }[];
  server: ServerChoice;
  headers: Record<string, string>;
  timeoutMs: number;
  patches: string[];
  progress: (event: ProgressEvent) => void;
}

async function runOneGenerator(adapter: GeneratorAdapter, job: GeneratorJob): Promise<GeneratorOutcome> {
  const started = Date.now();
  const base = { id: adapter.id, title: adapter.title, language: adapter.language };
  const everyCell = (status: Cell['status'], reason: string): Cell[] =>
    job.planned.map((p) => ({ generator: adapter.id, operationId: p.info.operationId, status: p.skipped ? 'skipped' : status, reason: p.skipped ?? reason }));
  const finish = (summary: Omit<GeneratorSummary, 'totals' | 'ms'>, cells: Cell[], extra: Partial<GeneratorOutcome> = {}): GeneratorOutcome => {
    const totals = emptyTotals();
    for (const cell of cells) totals[TOTAL_KEY[cell.status]]++;
    const ms = Date.now() - started;
    job.progress({ generator: adapter.id, phase: summary.status === 'unavailable' ? 'unavailable' : extra.failure ? 'failed' : 'done', detail: summary.reason ?? totalsLine(totals) });
    return { summary: { ...summary, ms, totals }, cells, scenarioCells: [], attributions: [], ...extra };
  };

  const unavailable = await adapter.unavailable();
  if (unavailable) return finish({ ...base, status: 'unavailable', reason: unavailable }, everyCell('unavailable', unavailable));

  job.progress({ generator: adapter.id, phase: 'preparing' });
  let prepared: PreparedClient;
  try {
    prepared = await prepareClient(adapter, job.specPath, { cacheDir: job.cacheDir, refresh: job.refresh, patches: job.patches });
  } catch (error) {
    if (error instanceof SpecdriftError && error.exitCode === ExitCode.usage) throw error;
    const reason = oneLine((error as Error).message);
    const version = await adapter.version().catch(() => undefined);
    return finish({ ...base, ...(version ? { version } : {}), status: 'generate-failed', reason }, everyCell('not-generated', `generator failed: ${reason}`), { failure: reason });
  }
  const compileOk = prepared.compile.ok;
  job.progress({
    generator: adapter.id,
    phase: 'prepared',
    detail: prepared.cached ? 'cached' : `generated in ${seconds(prepared.generate.ms)}, compiled in ${seconds(prepared.compile.ms)}${compileOk ? '' : ` with ${prepared.compile.errors.length} error(s)`}`,
  });

  let dir: string | undefined;
  if (job.outDir !== undefined) {
    const target = clientDir(job.outDir, adapter.id, job.identity.id);
    await writeClientSources(prepared.dir, target, { generator: adapter.id, version: prepared.version, spec: job.source, specSha256: job.identity.sha256, patches: job.patches });
    dir = relative(process.cwd(), target) || '.';
  }
  const found = await adapter.listOperations(prepared.dir, job.doc);
  const attributions = compileOk ? [] : await attributeCompileErrors(job.doc, adapter.id, prepared.dir, prepared.compile.errors);
  const compileReason = compileOk ? undefined : `does not compile: ${prepared.compile.errors[0] ?? 'unknown error'}${prepared.compile.errors.length > 1 ? ` (+${prepared.compile.errors.length - 1} more)` : ''}`;
  const norm = normalisationFor(adapter);
  const runOptions = (target: CallTarget) => ({ baseUrl: target.url, headers: job.headers, timeoutMs: job.timeoutMs, doc: job.doc });

  const cellFrom = (operationId: string, result: CallResult, exchanges: TargetExchange[], evaluation: Evaluation): Cell => {
    const symbol = found.get(operationId);
    const cell: Cell = {
      generator: adapter.id,
      operationId,
      status: evaluation.status,
      ...(evaluation.reason ? { reason: evaluation.reason } : {}),
      ...(evaluation.verdict ? { verdict: evaluation.verdict } : {}),
      ...(symbol ? { symbol } : {}),
      call: { outcome: result.outcome, ...(result.status !== undefined ? { status: result.status } : {}), ...(result.error ? { error: result.error } : {}), ...(result.ms !== undefined ? { ms: result.ms } : {}) },
      ...(exchanges.length > 0 ? { exchanges: reportExchanges(exchanges) } : {}),
      ...(evaluation.mismatches ? { mismatches: evaluation.mismatches } : {}),
    };
    if (!compileOk && evaluation.status !== 'not-generated') {
      cell.status = 'not-compiled';
      cell.reason = compileReason;
      cell.runtime = runtimeText(evaluation);
    }
    return cell;
  };

  job.progress({ generator: adapter.id, phase: 'running', detail: `${job.planned.filter((p) => p.plan).length} operations` });
  const target = await startTarget(job.doc, job.server, { sampleLargeIntegers: job.sampleLargeIntegers });
  const cells: Cell[] = [];
  const scenarioCells: ScenarioCell[] = [];
  try {
    const callable = job.planned.filter((p) => p.plan);
    // One driver run for every call: each operation's minimal call, then its variants, in spec order.
    const calls = callable.flatMap((p) => [{ p, plan: p.plan!, variant: undefined as CallVariant | undefined }, ...(p.variants ?? []).map((v) => ({ p, plan: v.plan, variant: v.variant as CallVariant | undefined }))]);
    const results = calls.length > 0 ? await adapter.run(prepared.dir, calls.map((c) => c.plan), runOptions(target)) : [];
    const { byCall } = correlate(
      results.map((r) => ({ operationId: r.operationId, reached: r.status !== undefined })),
      target.exchanges(),
    );
    const byOperation = new Map<string, { cell: Cell; fault?: 'client' | 'server' }>();
    calls.forEach((c, i) => {
      const result = results[i];
      if (!result) return;
      const evaluation = evaluateCall(result, byCall[i], { norm });
      const cell = cellFrom(c.p.info.operationId, result, byCall[i], evaluation);
      if (c.variant === undefined) {
        byOperation.set(c.p.info.operationId, { cell });
        return;
      }
      const main = byOperation.get(c.p.info.operationId);
      if (!main) return;
      cell.variant = c.variant;
      (main.cell.variants ??= []).push(cell);
      if (main.cell.status === 'pass' && evaluation.status === 'fail' && evaluation.fault === 'client') {
        main.cell.status = 'fail';
        main.cell.reason = `${VARIANT_TEXT[c.variant]}: ${evaluation.reason ?? ''}`;
        if (evaluation.verdict && main.cell.verdict === 'conforms') main.cell.verdict = evaluation.verdict;
      }
    });
    for (const p of job.planned) {
      const done = byOperation.get(p.info.operationId);
      if (!done) {
        cells.push({ generator: adapter.id, operationId: p.info.operationId, status: 'skipped', reason: p.skipped ?? 'not called' });
        continue;
      }
      cells.push(done.cell);
    }

    if (job.scenarioSteps.length > 0) {
      job.progress({ generator: adapter.id, phase: 'scenario', detail: `${job.scenarioSteps.length} steps` });
      const vars = new Map<string, Json>();
      for (const { step, index, op } of job.scenarioSteps) {
        const operationId = op.operationId!;
        let plan: CallPlan;
        try {
          plan = planCall(job.doc, op, {
            includeOptional: false,
            pathParams: substitute(step.pathParams as Json | undefined, vars) as Record<string, string | number> | undefined,
            queryParams: substitute(step.query as Json | undefined, vars) as Record<string, Json> | undefined,
            body: substitute(step.body, vars),
          });
          if (step.headers) plan.headers = { ...plan.headers, ...(substitute(step.headers, vars) as Record<string, string>) };
        } catch (error) {
          const reason = error instanceof MissingCapture ? error.message : `no valid request could be built: ${oneLine((error as Error).message)}`;
          scenarioCells.push({ generator: adapter.id, operationId, step: index, status: 'skipped', reason });
          continue;
        }
        const before = target.exchanges().length;
        const polled = await callScenarioStep(step, () => adapter.run(prepared.dir, [plan], runOptions(target)).then(([r]) => r));
        const result = polled.result;
        const exchanges = target.exchanges().slice(before);
        const evaluation = evaluateCall(result, exchanges, { norm, expect: expectedStatuses(step) });
        const cell: ScenarioCell = { ...cellFrom(operationId, result, exchanges, evaluation), step: index, ...(polled.poll ? { poll: polled.poll } : {}) };
        if (polled.poll && !polled.poll.met && cell.status === 'pass') {
          cell.status = 'fail';
          cell.reason = polled.poll.reason;
        }
        if (step.capture) {
          const answered = exchanges.at(-1)?.responseBody;
          const body = answered !== undefined && answered.trim() !== '' ? safeJson(answered) : plainJson(result.decoded);
          const got = capture(step, body);
          for (const [name, value] of Object.entries(got.values)) vars.set(name, value);
          if (Object.keys(got.values).length > 0) cell.captured = got.values;
          if (got.missing.length > 0 && cell.status === 'pass') {
            cell.status = 'fail';
            cell.reason = `nothing to capture for ${got.missing.join(', ')} in the response`;
          }
        }
        scenarioCells.push(cell);
      }
    }
  } catch (error) {
    // A driver or server failure is this generator's finding, not the end of the whole run.
    if (error instanceof SpecdriftError && error.exitCode === ExitCode.usage) throw error;
    const reason = `could not run the client: ${oneLine((error as Error).message)}`;
    for (const p of job.planned) {
      if (!cells.some((c) => c.operationId === p.info.operationId)) cells.push({ generator: adapter.id, operationId: p.info.operationId, status: p.skipped ? 'skipped' : 'fail', reason: p.skipped ?? reason });
    }
  } finally {
    await target.close();
  }

  return finish(
    {
      ...base,
      version: prepared.version,
      status: compileOk ? 'ok' : 'not-compiled',
      ...(compileOk ? {} : { reason: compileReason }),
      ...(dir !== undefined ? { dir } : {}),
      generation: {
        ms: prepared.generate.ms,
        cached: prepared.cached,
        files: prepared.generate.files,
        warnings: prepared.generate.warnings,
        patchesApplied: prepared.generate.patchesApplied,
      },
      compile: { ok: compileOk, ms: prepared.compile.ms, errors: prepared.compile.errors },
      operationsFound: found.size,
    },
    cells,
    { scenarioCells, attributions },
  );
}

/**
 * One scenario step's call; a step with `until` repeats it (every `every`, at most `attempts` times and `timeout` long)
 * until the decoded response matches. Every attempt's exchanges count for the cell, so a server that breaks the spec
 * on any attempt is seen. Polling stops early when an attempt got no decoded answer (client error, not generated).
 */
async function callScenarioStep(step: ScenarioStep, call: () => Promise<CallResult>): Promise<{ result: CallResult; poll?: PollOutcome }> {
  if (!step.until) return { result: await call() };
  const { everyMs, timeoutMs, attempts } = pollBounds(step);
  const started = Date.now();
  let result: CallResult;
  let attempt = 0;
  let last: unknown;
  for (;;) {
    attempt++;
    result = await call();
    const check = pollMatches(step.until, plainJson(result.decoded));
    last = check.value;
    const ms = Date.now() - started;
    if (check.matched) return { result, poll: { attempts: attempt, ms, met: true } };
    const outOfTime = ms + everyMs > timeoutMs;
    if (result.outcome !== 'ok' || attempt >= attempts || outOfTime) {
      const why = result.outcome !== 'ok' ? `stopped: the call gave ${result.outcome}` : `not met after ${attempt} call(s) in ${(ms / 1000).toFixed(1)} s`;
      const seen = last === undefined ? 'nothing there' : `last value ${JSON.stringify(last)}`;
      return { result, poll: { attempts: attempt, ms, met: false, reason: `until ${pollText(step.until)}: ${why} (${seen})` } };
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Decoded values with bigints (exact large integers) as numbers, for captures and polls, which hold plain JSON. */
const plainJson = (value: unknown): unknown =>
  typeof value === 'bigint'
    ? Number(value)
    : Array.isArray(value)
      ? value.map(plainJson)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]))
        : value;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function totalsLine(t: GeneratorTotals): string {
  const parts = [
    `${t.pass} pass`,
    t.fail ? `${t.fail} fail` : '',
    t.notGenerated ? `${t.notGenerated} not generated` : '',
    t.notCompiled ? `${t.notCompiled} not compiled` : '',
    t.driverUnsupported ? `${t.driverUnsupported} driver-unsupported` : '',
    t.unavailable ? `${t.unavailable} unavailable` : '',
    t.skipped ? `${t.skipped} skipped` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
