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
