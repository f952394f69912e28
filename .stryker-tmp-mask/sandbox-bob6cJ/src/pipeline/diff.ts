/**
 * The diff pipeline: source → mask → select → diff → classify. The CLI parses arguments and prints;
 * this module composes the stages in their one direction, so no stage has to know about another.
 */
// @ts-nocheck

import { ExitCode, SpecdriftError, usageError } from '../errors.js';
import { classify, loadPolicy, type Policy } from '../diff/classify/index.js';
import { diffSchemas, diffSpecs } from '../diff/engine/index.js';
import { ALL_RULES } from '../diff/rules/index.js';
import type { DiffReport } from '../diff/model.js';
import type { JsonPatchOp } from '../diff/engine/structural.js';
import { autoMaskPair, maskDocument, maskText, parseVersionTag } from '../mask/index.js';
import type { LoadedConfig } from '../source/config.js';
import { excludeMarked } from '../openapi/filter.js';
import { select, type Selection } from '../openapi/select.js';
import { locateInReferencedFiles } from './external-locations.js';
import { diffOperationSelection, type OperationPart } from './selection.js';
import { tokensFromPointer } from '../openapi/refs.js';
import { isHttpMethod, isObject, type Json, type JsonObject, type LoadedSpec } from '../openapi/types.js';
import { parseRfc3339 } from '../diff/rules/deprecation.js';
import { displayReport } from './display.js';

export interface DiffPipelineOptions {
  /** `auto` (default): mask when the two specs carry different version tags; `off`; or `FROM:TO`. */
  mask?: string;
  selectOld?: string;
  selectNew?: string;
  /** For schema selections: how the schema is used (default: inferred from the selector, else unknown). */
  direction?: 'request' | 'response' | 'both';
  mode?: 'semantic' | 'structural';
  /** Drop parts marked with these `x-` extensions (x-internal, …) from both sides before comparing. */
  excludeExtensions?: string[];
  /** `--policy`: level preset (oasdiff, openapi-diff, specdrift); beats the config's `policy`. */
  policy?: string;
  severity?: string[];
  accept?: string[];
  includeRules?: string[];
  excludeRules?: string[];
  includePaths?: string[];
  excludePaths?: string[];
  /** `--deprecation-days N` (a whole number ≥ 0, as typed); overrides the config's `deprecationDays`. */
  deprecationDays?: string | number;
  /** `--deprecated-since DATE` (RFC 3339 date or date-time); overrides the config's `deprecatedSince`. */
  deprecatedSince?: string;
  /**
   * `false`: keep the names the diff compared (masked: the old version's) in locations, operations and messages,
   * so that reports of different steps line up. Default: each thing by its own version's name (displayReport).
   */
  displayNames?: boolean;
  /** "Today" for x-sunset and --deprecation-days (tests); default now. */
  now?: Date;
  config?: LoadedConfig;
}

export interface DiffPipelineResult {
  report: DiffReport;
  /** Structural mode only: RFC 6902 operations turning old into new. */
  patch?: JsonPatchOp[];
  /** One line each, for stderr: what masking did, expired accept entries, … */
  notes: string[];
}

interface MaskPlan {
  from: string;
  to: string;
  note: string;
  /** auto: the new spec carries FROM (detection said so); FROM:TO: either side may. */
  sides: 'new' | 'both';
}

function planMask(mode: string, oldDoc: JsonObject, newDoc: JsonObject, notes: string[]): MaskPlan | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'auto') {
    const decision = autoMaskPair(oldDoc, newDoc);
    if (decision.kind === 'mask') return { from: decision.from, to: decision.to, note: `masking v${decision.from} → v${decision.to} (${decision.reason})`, sides: 'new' };
    // Auto never fails a diff: a spec without one dominant tag is compared unmasked, and the user is told why.
    if (decision.kind === 'ambiguous') notes.push(`not masking version tags: ${decision.reason}`);
    return undefined;
  }
  const parts = mode.split(':');
  if (parts.length !== 2) throw usageError(`bad --mask "${mode}"`, 'use auto, off, or FROM:TO such as v0.0.41:v0.0.40');
  return { from: parseVersionTag(parts[0], '--mask FROM'), to: parseVersionTag(parts[1], '--mask TO'), note: `masking ${parts[0]} → ${parts[1]}`, sides: 'both' };
}

/** A side without FROM is left as it was (one walk: maskDocument counts what it rewrote). */
function applyMask(doc: JsonObject, plan: MaskPlan): JsonObject {
  const { doc: masked, report } = maskDocument(doc, { from: plan.from, to: plan.to, shareUnchanged: true });
  return report.total > 0 ? masked : doc;
}

/**
 * A selector may use the masked names or the side's own (`v0.0.41_job`, `/slurm/v0.0.41/jobs` in a v0.0.41 spec
 * masked to v0.0.40): it is tried as written, then with its tags masked like the document.
 * When neither finds anything, the error is the one for the text as written.
 */
function selectOwnOrMasked(doc: JsonObject, expr: string, plan: MaskPlan | undefined): Selection {
  try {
    return select(doc, expr);
  } catch (err) {
    const masked = plan && err instanceof SpecdriftError ? maskText(expr, plan.from, plan.to) : expr;
    if (masked === expr) throw err;
    try {
      return select(doc, masked);
    } catch {
      throw err;
    }
  }
}

/** Where a selection sits in the OpenAPI structure decides how it is compared. */
type SelectionKind =
  | { kind: 'schema'; direction?: 'request' | 'response' }
  | OperationPart;

function selectionKind(pointer: string): SelectionKind {
  const tokens = tokensFromPointer(pointer.replace(/^#/, '')) ?? [];
  if (tokens[0] === 'paths' && tokens.length >= 2) {
    const [, path, method, part, status] = tokens;
    if (tokens.length === 2) return { kind: 'operation-part', path };
    if (isHttpMethod(method)) {
      if (tokens.length === 3) return { kind: 'operation-part', path, method };
      if (part === 'responses' && tokens.length === 4) return { kind: 'operation-part', path, method, keep: 'responses' };
      if (part === 'responses' && tokens.length === 5) return { kind: 'operation-part', path, method, keep: 'responses', status };
      if ((part === 'requestBody' || part === 'parameters') && tokens.length === 4) return { kind: 'operation-part', path, method, keep: part };
    }
    return { kind: 'schema', direction: tokens.includes('requestBody') || tokens.includes('parameters') ? 'request' : tokens.includes('responses') ? 'response' : undefined };
  }
  return { kind: 'schema' };
}

/**
 * The deprecation policy from the command line (usage errors) or the config file (config errors):
 * `--deprecation-days` / `deprecationDays` and `--deprecated-since` / `deprecatedSince`.
 */
function deprecationPolicy(opts: DiffPipelineOptions): { deprecationDays?: number; deprecatedSince?: Date } {
  const config = (opts.config?.config ?? {}) as Record<string, unknown>;
  const where = opts.config?.path ?? 'config';
  const out: { deprecationDays?: number; deprecatedSince?: Date } = {};
  const days = opts.deprecationDays ?? config.deprecationDays;
  if (days !== undefined) {
    const text = String(days).trim();
    if (!/^\d+$/.test(text)) {
      const what = opts.deprecationDays !== undefined ? `bad --deprecation-days "${text}"` : `${where}: bad deprecationDays ${JSON.stringify(days)}`;
      throw new SpecdriftError(what, opts.deprecationDays !== undefined ? ExitCode.usage : ExitCode.config, { hint: 'give a whole number of days ≥ 0, e.g. --deprecation-days 90' });
    }
    out.deprecationDays = Number(text);
  }
  const since = opts.deprecatedSince ?? config.deprecatedSince;
  if (since !== undefined) {
    const date = parseRfc3339(since as Json);
    if (date === undefined) {
      const what = opts.deprecatedSince !== undefined ? `bad --deprecated-since "${String(since)}"` : `${where}: bad deprecatedSince ${JSON.stringify(since)}`;
      throw new SpecdriftError(what, opts.deprecatedSince !== undefined ? ExitCode.usage : ExitCode.config, {
        hint: 'give an RFC 3339 date (2025-06-30) or date-time (2025-06-30T12:00:00Z): the day the old spec was released',
      });
    }
    out.deprecatedSince = date;
  }
  return out;
}

/** Run the whole diff. Throws SpecdriftError for anything the user can fix. */
export async function runDiffPipeline(oldSpec: LoadedSpec, newSpec: LoadedSpec, opts: DiffPipelineOptions = {}): Promise<DiffPipelineResult> {
  const notes: string[] = [];
  const plan = planMask(opts.mask ?? 'auto', oldSpec.doc, newSpec.doc, notes);
  let oldDoc = oldSpec.doc;
  let newDoc = newSpec.doc;
  if (plan) {
    if (plan.sides === 'both') oldDoc = applyMask(oldDoc, plan);
    newDoc = applyMask(newDoc, plan);
    notes.push(plan.note);
  }
  const masked = plan ? { from: plan.from, to: plan.to, newMasked: newDoc !== newSpec.doc, oldMasked: oldDoc !== oldSpec.doc } : undefined;
  if (opts.excludeExtensions?.length) {
    oldDoc = excludeMarked(oldDoc, opts.excludeExtensions);
    newDoc = excludeMarked(newDoc, opts.excludeExtensions);
  }
  const sources = { oldSource: oldSpec.source, newSource: newSpec.source };
  const engine = { ...sources, ...deprecationPolicy(opts), ...(opts.now ? { now: opts.now } : {}) };

  let report: DiffReport;
  let patch: JsonPatchOp[] | undefined;
  if (opts.selectOld !== undefined || opts.selectNew !== undefined) {
    const oldSel = selectOwnOrMasked(oldDoc, opts.selectOld ?? opts.selectNew!, plan);
    const newSel = selectOwnOrMasked(newDoc, opts.selectNew ?? opts.selectOld!, plan);
    const oldKind = selectionKind(oldSel.pointer);
    const newKind = selectionKind(newSel.pointer);
    if (opts.mode === 'structural') {
      const wrap = (v: unknown) => (isObject(v as never) ? (v as JsonObject) : { value: v } as JsonObject);
      const { structuralDiff } = await import('../diff/engine/structural.js'); // jsondiffpatch: loaded on use
      ({ report, patch } = structuralDiff(wrap(oldSel.value), wrap(newSel.value), sources));
    } else if (oldSel.pointer === '#' && newSel.pointer === '#') {
      report = diffSpecs(oldDoc, newDoc, engine); // `.` or `#/`: the whole document, not a schema
    } else if (oldKind.kind === 'operation-part' && newKind.kind === 'operation-part') {
      if ((oldKind.method === undefined) !== (newKind.method === undefined) || oldKind.keep !== newKind.keep) {
        throw usageError('the old and new selections are different kinds of thing', 'select the same part (path, operation, response, …) on both sides');
      }
      report = diffOperationSelection(oldDoc, newDoc, oldKind, newKind, engine);
    } else {
      if (!isObject(oldSel.value) || !isObject(newSel.value)) {
        throw new SpecdriftError(`--select must name a schema, path, operation or response (got ${typeof (isObject(oldSel.value) ? newSel.value : oldSel.value)})`, ExitCode.usage);
      }
      const direction = opts.direction ?? (oldKind.kind === 'schema' ? oldKind.direction : undefined);
      report = diffSchemas(oldSel.value, newSel.value, {
        oldRoot: oldDoc,
        newRoot: newDoc,
        oldPointer: oldSel.pointer.replace(/^#/, ''),
        newPointer: newSel.pointer.replace(/^#/, ''),
        direction,
        ...engine,
      });
    }
    report.select = { old: oldSel.pointer, new: newSel.pointer };
  } else if (opts.mode === 'structural') {
    const { structuralDiff } = await import('../diff/engine/structural.js');
    ({ report, patch } = structuralDiff(oldDoc, newDoc, sources));
  } else {
    report = diffSpecs(oldDoc, newDoc, engine);
  }
  if (plan) report.mask = { from: `v${plan.from}`, to: `v${plan.to}` };
  report = locateInReferencedFiles(report, oldSpec.externalRefs, newSpec.externalRefs, plan ? (t) => maskText(t, plan.from, plan.to) : undefined);

  const policy: Policy = await loadPolicy({
    policy: opts.policy,
    severity: opts.severity,
    acceptFiles: opts.accept,
    config: opts.config?.config,
    configName: opts.config?.path,
    configDir: opts.config?.baseDir,
    includeRules: opts.includeRules,
    excludeRules: opts.excludeRules,
    includePaths: opts.includePaths,
    excludePaths: opts.excludePaths,
    rules: ALL_RULES,
  });
  report = classify(report, policy);
  // Masking was for comparing: the report names things as the version it describes does.
  report = displayReport(report, { oldDoc, newDoc, mask: opts.displayNames === false ? undefined : masked });
  if (plan?.sides === 'new') {
    report.old = { ...report.old, tag: `v${plan.to}` };
    report.new = { ...report.new, tag: `v${plan.from}` };
  }
  if (policy.preset) notes.push(`levels: ${policy.preset.name} preset (--severity still overrides; docs/diff.md)`);
  notes.push(...(report.warnings ?? []));
  return { report, patch, notes };
}
