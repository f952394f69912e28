/** Rendering a compat report: text, json (the report object itself), markdown, html, junit. */
// @ts-nocheck

import type { ChalkInstance } from 'chalk';
import type { CompatReport } from '../runner/types.js';
import type { CompatFormat } from './common.js';
import { renderCompatHtml } from './html.js';
import { renderCompatJunit } from './junit.js';
import { renderCompatMarkdown } from './markdown.js';
import { renderCompatText } from './text.js';

export { COMPAT_FORMATS, type CompatFailOn, type CompatFormat, compatShouldFail, FAIL_ON_VALUES, FAILING_STATUSES, isFailing, summaryLine } from './common.js';
export { renderCompatHtml, renderCompatJunit, renderCompatMarkdown, renderCompatText };
export { describeProgress, ProgressBoard } from './progress.js';

export interface CompatRenderOptions {
  /** For `text` (chalk level 0: no colour). */
  chalk?: ChalkInstance;
}

export function renderCompatReport(report: CompatReport, format: CompatFormat, opts: CompatRenderOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderCompatMarkdown(report);
    case 'html':
      return renderCompatHtml(report);
    case 'junit':
      return renderCompatJunit(report);
    default:
      return renderCompatText(report, { chalk: opts.chalk });
  }
}
