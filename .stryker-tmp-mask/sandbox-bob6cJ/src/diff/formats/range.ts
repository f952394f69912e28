/**
 * One document for a range of versions (`specdrift changelog v38 v39 v40 v41 v42`): a summary table, then one
 * section per step, newest first; a step that failed says why in its own section.
 */
// @ts-nocheck

import type { DiffReport } from '../model.js';
import { oneLine, renderReport, summaryLine, type Format, type RenderOptions } from './index.js';
import { canonicalReport, toYaml } from './json.js';
import { renderMarkdownModel } from './markdown.js';
import { renderHtmlModel } from './html.js';
import { versionNames } from './common.js';
import { operationCounts, templateModel } from './view.js';
import type { Json } from '../../openapi/types.js';

/** A step as the formats see it (src/pipeline/changelog.ts makes them). */
export interface RangeStepView {
  old: string;
  new: string;
  report?: DiffReport;
  error?: string;
}

export const RANGE_FORMATS = ['markdown', 'html', 'json', 'yaml', 'text'] as const satisfies readonly Format[];
export type RangeFormat = (typeof RANGE_FORMATS)[number];

/** `v0.0.41 → v0.0.42`: the step's version names (tags, else info.version), else the sources as given. */
export function stepTitle(step: RangeStepView): string {
  if (step.report) {
    const [from, to] = versionNames(step.report.old, step.report.new);
    if (from !== undefined && to !== undefined) return `${from} → ${to}`;
  }
  return `${step.old} → ${step.new}`;
}

const apiTitle = (steps: readonly RangeStepView[]): string => {
  const report = steps.find((s) => s.report)?.report;
  return report?.new.title ?? report?.old.title ?? 'API';
};

/** `Slurm REST API v0.0.38 → v0.0.42` from the first step's old side and the last step's new side. */
export function rangeTitle(steps: readonly RangeStepView[]): string {
  const first = steps[0];
  const last = steps[steps.length - 1];
  const from = first.report ? (versionNames(first.report.old, first.report.new)[0] ?? first.old) : first.old;
  const to = last.report ? (versionNames(last.report.old, last.report.new)[1] ?? last.new) : last.new;
  return `${apiTitle(steps)} ${from} → ${to}`;
}

/** Newest step first: release notes are read from the top. */
const newestFirst = <T>(steps: readonly T[]): T[] => [...steps].reverse();

/** The template model of a range: steps newest first, the summary table's numbers in each. */
export const rangeModel = (steps: readonly RangeStepView[], options: Partial<RenderOptions>) =>
  templateModel(
    steps.map((step) => ({ ...step, title: stepTitle(step) })),
    { groupBy: options.groupBy ?? 'resource', rules: options.rules, toolVersion: options.toolVersion, title: rangeTitle(steps) },
  );

function textRange(steps: readonly RangeStepView[], options: RenderOptions): string {
  const out = [oneLine(rangeTitle(steps)), ''];
  for (const step of newestFirst(steps)) {
    const counts = step.report ? summaryLine(step.report.summary) : `failed: ${step.error ?? ''}`;
    out.push(`  ${oneLine(stepTitle(step)).padEnd(28)} ${oneLine(counts)}`);
  }
  for (const step of newestFirst(steps)) {
    out.push('', `=== ${oneLine(stepTitle(step))} ===`);
    out.push(step.report ? renderReport(step.report, 'text', options).trimEnd() : `could not compare ${oneLine(step.old)} with ${oneLine(step.new)}: ${oneLine(step.error ?? '')}`);
  }
  return `${out.join('\n')}\n`;
}

/** The range as data: steps oldest first, each with its canonical report or its error. */
export function rangeData(steps: readonly RangeStepView[]): Json {
  return {
    rangeVersion: 1,
    title: rangeTitle(steps),
    steps: steps.map((step) => {
      const out: { [key: string]: Json } = { old: step.old, new: step.new, title: stepTitle(step) };
      if (step.report) {
        const ops = operationCounts(step.report);
        out.operationsAdded = ops.added;
        out.operationsRemoved = ops.removed;
        out.report = canonicalReport(step.report) as Json;
      }
      if (step.error !== undefined) out.error = step.error;
      return out;
    }),
  };
}

/** Renders a range in `format` (markdown, json, yaml, text). */
export function renderRange(steps: readonly RangeStepView[], format: RangeFormat, options: RenderOptions): string {
  // One step is a two-spec report: the same document `changelog A B` writes.
  if (format === 'markdown') return renderMarkdownModel(rangeModel(steps, options), options);
  if (format === 'html') return renderHtmlModel(rangeModel(steps, options), options);
  if (format === 'json') return `${JSON.stringify(rangeData(steps), null, 2)}\n`;
  if (format === 'yaml') return toYaml(rangeData(steps));
  return textRange(steps, options);
}
