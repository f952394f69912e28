/**
 * The diff result model shared by the engine (src/diff/engine, src/diff/rules),
 * the classifier (src/diff/classify) and the report formats (src/diff/formats).
 * Every format renders exactly this data, so every format carries the same information.
 */
// @ts-nocheck

import type { Json } from '../openapi/types.js';

export type Level = 'breaking' | 'warning' | 'info';
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];
/** How severe a level is: higher is worse. */
export const SEVERITY: Readonly<Record<Level, number>> = { info: 0, warning: 1, breaking: 2 };

/** An operation as the diff keys it: method + path template (path-parameter names normalised, version masked). */
export interface OperationRef {
  method: string; // upper case: GET, POST, …
  path: string; // as written in the (masked) new spec, or the old one when removed; a webhook's name
  operationId?: string;
  /** A 3.1 webhook (sent by the API to subscribers): `path` is then the webhook's name. */
  webhook?: true;
}

/** One side of a change: a JSON pointer into that side's document, and the value there (omitted when absent). */
export interface ChangeSide {
  pointer: string;
  value?: Json;
}

/** Which part of the API a change belongs to (the text and markdown reports group by it). */
export type Section = 'paths' | 'components' | 'security' | 'servers' | 'info' | 'webhooks';

/** Broad kind, for release notes: Breaking / Deprecated / Added / Removed / Changed. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'deprecated' | 'renamed';

export interface Change {
  /** Stable rule id, kebab-case, e.g. `response-property-removed`. */
  id: string;
  /** Level after classification (severity overrides applied). */
  level: Level;
  kind: ChangeKind;
  section: Section;
  /** One line, human-readable, without colour. */
  message: string;
  /** Where the change was made, canonical and version-masked, e.g. `GET /slurm/{v}/jobs` or `#/components/schemas/job`. */
  location: string;
  /**
   * Where, as a reader says it, in the names of the version the thing lives in (set by the pipeline, which has the
   * documents): `GET /slurm/v0.0.41/jobs → 200 → jobs[].job_resources.nodes`, `schema \`v0.0.41_job_info\` property \`nodes\``.
   */
  where?: string;
  /**
   * The resource the change belongs to, for release notes grouped the way readers look things up: the operations'
   * OpenAPI tag, else the path segment after the version (`jobs`, `nodes`); absent when the change spans several.
   */
  resource?: string;
  /** Operations this change affects (a schema change lists every operation that reaches it, once). */
  operations: OperationRef[];
  old?: ChangeSide;
  new?: ChangeSide;
  /** Stable hash of rule id + location (+ detail), used by accept-lists. 16 hex chars. */
  fingerprint: string;
  /**
   * The same change seen through other uses of the schema (a schema used by a request and a response is
   * one finding): those uses' rule ids and levels. `id` and `level` are the most severe use's.
   */
  alsoAs?: ChangeUse[];
  /** Set when an accept-list entry matched: the change is kept in reports but does not trip --fail-on. */
  accepted?: { reason: string; entry: string };
  /**
   * Facts the rule id does not carry but a policy may judge by (presets narrow an entry with them), so nothing
   * ever depends on the wording of `message`. `required`: the removed property was required.
   */
  qualifiers?: readonly ChangeQualifier[];
}

export type ChangeQualifier = 'required';

/** One more use of a changed schema: the rule id and level the change has there. */
export interface ChangeUse {
  id: string;
  level: Level;
}

export interface SpecSummary {
  source: string;
  /** The spec's version tag (`v0.0.41`) when masking found one: the name release notes use for this side. */
  tag?: string;
  title?: string;
  version?: string;
  openapi?: string;
}

export interface DiffReport {
  /** Schema version of this JSON report (bump on incompatible change; documented in docs/report.schema.json). */
  reportVersion: 1;
  old: SpecSummary;
  new: SpecSummary;
  /** Version-tag masking applied before the diff, if any. */
  mask?: { from: string; to: string };
  /** jq/pointer selections applied before the diff, if any. */
  select?: { old?: string; new?: string };
  changes: Change[];
  /**
   * Counts partition the changes: breaking/warning/info count changes that are NOT accepted,
   * accepted counts accepted changes of any level, total = all changes.
   */
  summary: { breaking: number; warning: number; info: number; accepted: number; total: number };
  /** Problems the user should see but that did not stop the diff (e.g. an expired accept-list entry). Every format renders them. */
  warnings?: string[];
}

/** A rule's static definition: one per file under src/diff/rules/. */
export interface RuleDef {
  id: string;
  level: Level;
  kind: ChangeKind;
  section: Section;
  /** One-line documentation, rendered into `specdrift rules` and docs/rules.md. */
  doc: string;
}
