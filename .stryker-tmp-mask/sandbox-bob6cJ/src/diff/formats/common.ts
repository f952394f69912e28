// @ts-nocheck
import type { FailOn } from '../classify/classify.js';
import { LEVELS, SEVERITY, type Change, type DiffReport, type OperationRef, type RuleDef, type Section, type SpecSummary } from '../model.js';

export interface RenderOptions {
  /** ANSI colour in the text format (the CLI passes TTY/--color/NO_COLOR); other formats ignore it. */
  color: boolean;
  /** Rule catalogue: SARIF lists it as tool.driver.rules; html shows each rule's doc. */
  rules?: readonly RuleDef[];
  /** Which changes count as failures in junit (failing testcases); default `breaking`. */
  failOn?: FailOn;
  /** specdrift's version, for SARIF tool.driver.version. */
  toolVersion?: string;
  /** text only: one line for a run of changes with the same rule, level and place (no per-change fingerprints). */
  compact?: boolean;
  /** markdown, html, text: how changes are grouped (default `level` for diff, `resource` for changelog). */
  groupBy?: GroupBy;
  /** markdown: longest output in characters (GitHub's comment limit is 65,536); 0 or undefined = no limit. */
  maxChars?: number;
  /** markdown, html: a user's layout (`--template FILE`, docs/templates.md) instead of the built-in one. */
  template?: { source: string; origin: string };
}

export const GROUP_BY = ['operation', 'resource', 'level'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** How many affected operations are listed before `and N more`. */
export const OPERATIONS_SHOWN = 3;

/** `A, B, C and 4 more` from labels already formatted. */
export function listCollapsed(labels: readonly string[], shown = OPERATIONS_SHOWN): string {
  if (labels.length <= shown + 1) return labels.join(', ');
  return `${labels.slice(0, shown).join(', ')} and ${labels.length - shown} more`;
}

/**
 * The title release notes use: `Slurm REST API v0.0.40 → v0.0.41` from the version tags, else the specs'
 * info.version when they differ; never file paths (those go in the footer).
 */
export function reportTitle(report: Pick<DiffReport, 'old' | 'new'>): string {
  const name = report.new.title ?? report.old.title ?? 'API';
  const [from, to] = versionNames(report.old, report.new);
  return from !== undefined && to !== undefined ? `${name} ${from} → ${to}` : `${name} changes`;
}

/** The two sides' version names: tags, else differing info.version values; undefined when neither tells them apart. */
export function versionNames(old: SpecSummary, neu: SpecSummary): [string | undefined, string | undefined] {
  if (old.tag && neu.tag && old.tag !== neu.tag) return [old.tag, neu.tag];
  if (old.version && neu.version && old.version !== neu.version) return [old.version, neu.version];
  return [undefined, undefined];
}

/** `Slurm REST API v0.0.41 (Slurm-24.11.5) from /path/v0.0.41.json`: a side for the sources footer. */
export function sourceLine(spec: SpecSummary): string {
  const name = [spec.title, spec.tag].filter(Boolean).join(' ');
  const version = spec.version && spec.version !== spec.tag ? ` (${spec.version})` : '';
  return `${name || 'spec'}${version} from ${spec.source}`;
}

/** The readable location relative to a heading that already names the operation (`200 → jobs[]` under `GET /jobs`); undefined when the heading says it all. */
export function whereUnder(change: Change, heading: string | undefined): string | undefined {
  const where = change.where ?? change.location;
  if (heading === undefined) return where;
  if (where === heading) return undefined;
  if (where.startsWith(`${heading} → `)) return where.slice(heading.length + 3);
  return where;
}

/** Which uses of a schema one change was seen through: `requests and responses` (undefined for one use). */
export function usesText(change: Change): string | undefined {
  if (!change.alsoAs || change.alsoAs.length === 0) return undefined;
  const names: string[] = [];
  for (const id of [change.id, ...change.alsoAs.map((u) => u.id)]) {
    const use = id.startsWith('request-parameter-')
      ? 'parameters'
      : id.startsWith('response-header-')
        ? 'response headers'
        : id.startsWith('request-')
          ? 'requests'
          : id.startsWith('response-')
            ? 'responses'
            : id.startsWith('webhook-')
              ? 'webhooks'
              : 'schemas';
    if (!names.includes(use)) names.push(use);
  }
  return names.length < 2 ? undefined : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export type Category = 'Breaking' | 'Deprecated' | 'Added' | 'Changed' | 'Renamed' | 'Removed';
/** The order release notes list them in. */
export const CATEGORIES: Category[] = ['Breaking', 'Deprecated', 'Added', 'Changed', 'Renamed', 'Removed'];

/** Breaking changes (accepted ones too: they still break clients) first; everything else by kind. */
export function categoryOf(change: Change): Category {
  if (change.level === 'breaking') return 'Breaking';
  switch (change.kind) {
    case 'deprecated':
      return 'Deprecated';
    case 'added':
      return 'Added';
    case 'removed':
      return 'Removed';
    case 'renamed':
      return 'Renamed';
    default:
      return 'Changed';
  }
}

/**
 * Groups by resource (set by the pipeline: the OpenAPI tag, else the path segment after the version); changes
 * with no single resource (shared schemas, servers, …) by their section, after the resources.
 */
export function groupByResource(changes: readonly Change[]): { title: string; resource: boolean; changes: Change[] }[] {
  const groups = new Map<string, { title: string; resource: boolean; changes: Change[] }>();
  for (const change of changes) {
    const key = change.resource !== undefined ? `0${change.resource}` : `1${SECTION_ORDER.indexOf(change.section)}`;
    let group = groups.get(key);
    if (!group) {
      // A change in operations of several resources (a shared schema) goes after the resources, by its section.
      const title = change.resource ?? (change.section === 'paths' ? 'several resources' : change.section);
      group = { title, resource: change.resource !== undefined, changes: [] };
      groups.set(key, group);
    }
    group.changes.push(change);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

const SECTION_ORDER: Section[] = ['paths', 'webhooks', 'components', 'security', 'servers', 'info'];
const METHOD_ORDER = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

/** `GET /jobs`, or `WEBHOOK newPet POST` for a webhook (the engine's location for it, too). */
export const operationLabel = (operation: OperationRef) =>
  operation.webhook ? `WEBHOOK ${operation.path} ${operation.method.toUpperCase()}` : `${operation.method.toUpperCase()} ${operation.path}`;

/** A block of the grouped reports: one operation, or one non-operation section (components, security, …). */
export interface ChangeGroup {
  /** `GET /slurm/{v}/jobs`, or the section name. */
  title: string;
  operation?: OperationRef;
  section: Section;
  /** Most severe first; the engine's order is kept within a level. */
  changes: Change[];
}

/** Path- and webhook-section changes are grouped by the operation they were made in; every other change by its section. */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const operation = change.section === 'paths' || change.section === 'webhooks' ? change.operations[0] : undefined;
    const title = operation ? operationLabel(operation) : change.section;
    let group = groups.get(title);
    if (!group) {
      group = { title, operation, section: change.section, changes: [] };
      groups.set(title, group);
    }
    group.changes.push(change);
  }
  const methodRank = (method: string) => {
    const rank = METHOD_ORDER.indexOf(method.toUpperCase());
    return rank < 0 ? METHOD_ORDER.length : rank;
  };
  const sorted = [...groups.values()].sort((a, b) => {
    const sectionDelta = SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section);
    if (sectionDelta !== 0 || !a.operation || !b.operation) return sectionDelta;
    if (a.operation.path !== b.operation.path) return a.operation.path < b.operation.path ? -1 : 1;
    return methodRank(a.operation.method) - methodRank(b.operation.method);
  });
  for (const group of sorted) group.changes = sortByLevel(group.changes);
  return sorted;
}

export const sortByLevel = (changes: readonly Change[]) =>
  changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => SEVERITY[b.change.level] - SEVERITY[a.change.level] || a.index - b.index)
    .map(({ change }) => change);

/** `3 breaking, 2 warnings, 5 info (1 accepted)`; the counts exclude accepted changes. */
export function summaryLine(summary: DiffReport['summary']): string {
  if (summary.total === 0) return 'no changes';
  const warnings = `${summary.warning} warning${summary.warning === 1 ? '' : 's'}`;
  const accepted = summary.accepted > 0 ? ` (${summary.accepted} accepted)` : '';
  return `${summary.breaking} breaking, ${warnings}, ${summary.info} info${accepted}`;
}

/** `Slurm REST API Slurm-24.11.0 (v0.0.40.json)`: what a side of the diff was. */
export function specLabel(spec: SpecSummary): string {
  const name = [spec.title, spec.version].filter(Boolean).join(' ');
  return name ? `${name} (${spec.source})` : spec.source;
}

/** Short name of a side for headings: its version, else its source. */
export const specShortName = (spec: SpecSummary) => spec.version ?? spec.source;

/** The location a change points at in its spec: the new side, or the old side when the thing was removed. */
export function changeSide(change: Change): { spec: 'old' | 'new'; pointer?: string } {
  if (change.new) return { spec: 'new', pointer: change.new.pointer };
  if (change.old) return { spec: 'old', pointer: change.old.pointer };
  return { spec: change.kind === 'removed' ? 'old' : 'new' };
}

/** Operations a change affects, when that adds to its location (components changes, or several operations). */
export function affectedOperations(change: Change): string[] {
  const labels = change.operations.map(operationLabel);
  return labels.length === 1 && labels[0] === change.location ? [] : labels;
}

/**
 * For grouped formats: `affects A, B` under a section, `also affects B` under operation A's heading,
 * nothing when the heading already says it all.
 */
export function affectsNote(change: Change, group: ChangeGroup): { label: string; operations: string[] } | undefined {
  const operations = affectedOperations(change).filter((label) => label !== (group.operation ? group.title : undefined));
  if (operations.length === 0) return undefined;
  return { label: group.operation ? 'also affects' : 'affects', operations };
}

/** `also as request-enum-value-added (info)`: the other uses of a schema change (request and response), or undefined. */
export const alsoAsText = (change: Change): string | undefined =>
  change.alsoAs && change.alsoAs.length > 0 ? `also as ${change.alsoAs.map((u) => `${u.id} (${u.level})`).join(', ')}` : undefined;

export const acceptedText = (accepted: NonNullable<Change['accepted']>) => `accepted: ${accepted.reason} (${accepted.entry})`;

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes spec-provided text safe for one terminal/log line: control characters (including ESC,
 * so no ANSI injection), line separators and bidi overrides become visible escapes like `\n` or `\u202e`.
 */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like oneLine, but keeps line breaks (for formats that encode them themselves). */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, (char) => (char === '\n' || char === '\r' ? char : (NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)));
}

export { LEVELS };
