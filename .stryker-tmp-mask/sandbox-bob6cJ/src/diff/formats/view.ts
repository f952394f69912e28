/**
 * The variable model of the markdown and HTML templates (docs/templates.md): plain data, every string as the
 * report has it (templates escape with filters or, in HTML, by default). The built-in layouts use only this.
 */
// @ts-nocheck

import type { Json } from '../../openapi/types.js';
import type { Change, ChangeSide, DiffReport, RuleDef, SpecSummary } from '../model.js';
import {
  CATEGORIES,
  OPERATIONS_SHOWN,
  affectsNote,
  categoryOf,
  groupByResource,
  groupChanges,
  operationLabel,
  reportTitle,
  sourceLine,
  summaryLine,
  usesText,
  whereUnder,
  type ChangeGroup,
  type GroupBy,
} from './common.js';

/** A piece of a readable location: names (`code`) and words. */
export interface WherePiece {
  text: string;
  code: boolean;
}

export interface ChangeView {
  /** Stable HTML id (deep links): `c-<fingerprint>`, prefixed by the step in a range. */
  anchor: string;
  id: string;
  level: string;
  kind: string;
  /** Breaking / Deprecated / Added / Changed / Renamed / Removed. */
  category: string;
  message: string;
  where: string;
  location: string;
  fingerprint: string;
  resource: string | null;
  /** Every affected operation, `GET /path`. */
  operations: string[];
  /** The location under its heading (the heading's operation left out); empty when the heading or message says it. */
  place: string;
  /** `place` in `→` steps, each a list of pieces. */
  place_steps: WherePiece[][];
  /** Operations beyond the heading and location: label (`affects` / `also affects`), the first few, how many more. */
  affects: { label: string; shown: string[]; more: number } | null;
  /** `requests and responses` when one schema change is seen through several uses. */
  uses: string;
  also_as: { id: string; level: string }[];
  accepted: { reason: string; entry: string } | null;
  /** The rule's one-line doc. */
  doc: string;
  old: { pointer: string; value: string | null } | null;
  new: { pointer: string; value: string | null } | null;
}

export interface GroupView {
  title: string;
  /** The title is a name (an operation): show it as code. */
  code: boolean;
  operation_id: string;
  anchor: string;
  changes: ChangeView[];
}

export interface SectionView extends Omit<GroupView, 'changes'> {
  count: number;
  groups: GroupView[];
}

export interface SideView {
  title: string;
  version: string;
  tag: string;
  source: string;
  line: string;
}

export interface StepView {
  title: string;
  anchor: string;
  error: string;
  old_source: string;
  new_source: string;
  old: SideView | null;
  new: SideView | null;
  summary: { breaking: number; warning: number; info: number; accepted: number; total: number; line: string } | null;
  operations_added: number;
  operations_removed: number;
  mask: { from: string; to: string } | null;
  select: { old: string; new: string } | null;
  warnings: string[];
  changes: ChangeView[];
  sections: SectionView[];
}

export interface TemplateModel extends StepView {
  /** `Slurm REST API v0.0.40 → v0.0.41` (a range: first to last version). */
  title: string;
  range: boolean;
  /** How many steps failed (their `error` says why). */
  failed: number;
  group_by: GroupBy;
  /** Newest first. A two-spec report has one step, whose fields are also at the top level. */
  steps: StepView[];
  /** Every spec compared, once: `Slurm REST API v0.0.41 (…) from FILE`. */
  sources: SideView[];
  /** Levels and rule ids present, for filters. */
  levels: string[];
  rules: { id: string; count: number; doc: string }[];
  tool: { name: string; version: string };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';

export function sideView(spec: SpecSummary): SideView {
  return { title: spec.title ?? '', version: spec.version ?? '', tag: spec.tag ?? '', source: spec.source, line: sourceLine(spec) };
}

/** `GET /x → query parameter \`flags\``: each `→` step; a step with backquotes alternates words and names. */
export function whereSteps(where: string): WherePiece[][] {
  if (where === '') return [];
  return where.split(' → ').map((part) => (part.includes('`') ? part.split('`').map((text, i) => ({ text, code: i % 2 === 1 })) : [{ text: part, code: true }]));
}

const sideValue = (side: ChangeSide | undefined) => (side ? { pointer: side.pointer, value: side.value === undefined ? null : JSON.stringify(side.value as Json, null, 2) } : null);

/** Operations a change affects beyond its location, when no operation heading is above it. */
function affectsBeyond(change: Change): { label: string; operations: string[] } | undefined {
  const labels = change.operations.map(operationLabel);
  const where = change.where ?? change.location;
  const rest = labels.filter((label) => !(where === label || where.startsWith(`${label} `)));
  if (rest.length === 0) return undefined;
  return { label: rest.length < labels.length ? 'also affects' : 'affects', operations: rest };
}

interface ViewContext {
  prefix: string;
  rules: Map<string, RuleDef>;
  /** Each change's view as its section shows it: the flat `changes` list is the same objects. */
  views: Map<Change, ChangeView>;
}

function changeView(change: Change, group: ChangeGroup | undefined, ctx: ViewContext): ChangeView {
  const view = buildChangeView(change, group, ctx);
  ctx.views.set(change, view);
  return view;
}

function buildChangeView(change: Change, group: ChangeGroup | undefined, ctx: ViewContext): ChangeView {
  const under = whereUnder(change, group?.operation ? group.title : undefined);
  // `POST /items added` says where already.
  const place = under !== undefined && !change.message.startsWith(`${under} `) ? under : '';
  const affects = group ? affectsNote(change, group) : affectsBeyond(change);
  const shown = affects && affects.operations.length > OPERATIONS_SHOWN + 1 ? OPERATIONS_SHOWN : (affects?.operations.length ?? 0);
  return {
    anchor: `${ctx.prefix}c-${change.fingerprint}`,
    id: change.id,
    level: change.level,
    kind: change.kind,
    category: categoryOf(change),
    message: change.message,
    where: change.where ?? change.location,
    location: change.location,
    fingerprint: change.fingerprint,
    resource: change.resource ?? null,
    operations: change.operations.map(operationLabel),
    place,
    place_steps: whereSteps(place),
    affects: affects ? { label: affects.label, shown: affects.operations.slice(0, shown), more: affects.operations.length - shown } : null,
    uses: usesText(change) ?? '',
    also_as: (change.alsoAs ?? []).map((use) => ({ id: use.id, level: use.level })),
    accepted: change.accepted ? { reason: change.accepted.reason, entry: change.accepted.entry } : null,
    doc: ctx.rules.get(change.id)?.doc ?? '',
    old: sideValue(change.old),
    new: sideValue(change.new),
  };
}

const operationGroup = (group: ChangeGroup, title?: string) => ({
  title: title ?? (group.operation ? group.title : capitalise(group.title)),
  code: group.operation !== undefined,
  operation_id: group.operation?.operationId ?? '',
});

/** Sections and groups as --group-by orders them (the same for markdown and HTML). */
function sectionsOf(changes: readonly Change[], groupBy: GroupBy, ctx: ViewContext): SectionView[] {
  const byCategory = (list: readonly Change[], group: ChangeGroup | undefined, sectionAnchor: string): GroupView[] =>
    CATEGORIES.map((category) => ({ category, list: list.filter((change) => categoryOf(change) === category) }))
      .filter(({ list: inCategory }) => inCategory.length > 0)
      .map(({ category, list: inCategory }) => ({
        title: category,
        code: false,
        operation_id: '',
        anchor: `${sectionAnchor}-${slug(category)}`,
        changes: inCategory.map((change) => changeView(change, group, ctx)),
      }));
  if (groupBy === 'level') {
    return CATEGORIES.map((category) => ({ category, list: changes.filter((change) => categoryOf(change) === category) }))
      .filter(({ list }) => list.length > 0)
      .map(({ category, list }) => {
        const anchor = `${ctx.prefix}s-${slug(category)}`;
        return {
          title: category,
          code: false,
          operation_id: '',
          anchor,
          count: list.length,
          groups: groupChanges(list).map((group) => ({ ...operationGroup(group), anchor: `${anchor}-${slug(group.title)}`, changes: group.changes.map((change) => changeView(change, group, ctx)) })),
        };
      });
  }
  if (groupBy === 'resource') {
    return groupByResource(changes).map((group) => {
      const anchor = `${ctx.prefix}s-${slug(group.title)}`;
      return { title: group.resource ? group.title : capitalise(group.title), code: false, operation_id: '', anchor, count: group.changes.length, groups: byCategory(group.changes, undefined, anchor) };
    });
  }
  return groupChanges(changes).map((group) => {
    const anchor = `${ctx.prefix}s-${slug(group.title)}`;
    return { ...operationGroup(group), anchor, count: group.changes.length, groups: byCategory(group.changes, group, anchor) };
  });
}

/** Operations added and removed in a report (endpoint and webhook rules). */
export function operationCounts(report: DiffReport): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const change of report.changes) {
    if (change.id === 'endpoint-added' || change.id === 'webhook-added') added++;
    else if (change.id === 'endpoint-removed' || change.id === 'webhook-removed') removed++;
  }
  return { added, removed };
}

export interface StepInput {
  title: string;
  old: string;
  new: string;
  report?: DiffReport;
  error?: string;
}

function stepView(step: StepInput, groupBy: GroupBy, ctx: ViewContext): StepView {
  const report = step.report;
  const ops = report ? operationCounts(report) : { added: 0, removed: 0 };
  const sections = report ? sectionsOf(report.changes, groupBy, ctx) : [];
  return {
    title: step.title,
    anchor: `${ctx.prefix}step`,
    error: step.error ?? '',
    old_source: step.old,
    new_source: step.new,
    old: report ? sideView(report.old) : null,
    new: report ? sideView(report.new) : null,
    summary: report ? { ...report.summary, line: summaryLine(report.summary) } : null,
    operations_added: ops.added,
    operations_removed: ops.removed,
    mask: report?.mask ? { from: report.mask.from, to: report.mask.to } : null,
    select: report?.select?.old || report?.select?.new ? { old: report.select.old ?? '(all)', new: report.select.new ?? '(all)' } : null,
    warnings: report?.warnings ?? [],
    changes: report ? report.changes.map((change) => ctx.views.get(change) ?? changeView(change, undefined, ctx)) : [],
    sections,
  };
}

export interface ModelOptions {
  groupBy: GroupBy;
  rules?: readonly RuleDef[];
  toolVersion?: string;
  /** A range: its title (first to last version). */
  title?: string;
}

/** The model of one report (one step) or of a range (steps oldest first; the model lists them newest first). */
export function templateModel(steps: readonly StepInput[], options: ModelOptions): TemplateModel {
  const rules = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const range = steps.length > 1;
  const views = [...steps].reverse().map((step, index) => stepView(step, options.groupBy, { prefix: range ? `${steps.length - index}-` : '', rules, views: new Map() }));
  const sources = new Map<string, SideView>();
  for (const step of steps) if (step.report) for (const side of [step.report.old, step.report.new]) sources.set(side.source, sideView(side));
  const counts = new Map<string, number>();
  const levels = new Set<string>();
  for (const step of steps) {
    for (const change of step.report?.changes ?? []) {
      counts.set(change.id, (counts.get(change.id) ?? 0) + 1);
      levels.add(change.level);
    }
  }
  const first = views[0];
  const only = steps.length === 1 ? steps[0].report : undefined;
  return {
    ...first,
    title: options.title ?? (only ? reportTitle(only) : first.title),
    range,
    failed: steps.filter((step) => step.error !== undefined).length,
    group_by: options.groupBy,
    steps: views,
    sources: [...sources.values()],
    levels: ['breaking', 'warning', 'info'].filter((level) => levels.has(level)),
    rules: [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, count]) => ({ id, count, doc: rules.get(id)?.doc ?? '' })),
    tool: { name: 'specdrift', version: options.toolVersion ?? '' },
  };
}
