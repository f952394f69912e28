import { compileTemplate, type CompiledTemplate } from '../../output/template.js';
import { escapeHtmlText, filterBar, PAGE_SCRIPT, PAGE_STYLE } from '../../output/html-page.js';
import type { DiffReport } from '../model.js';
import { reportTitle, visibleControls, type RenderOptions } from './common.js';
import { HTML_TEMPLATE, PARTIALS } from './templates.js';
import { templateModel, type TemplateModel } from './view.js';

/**
 * Escapes text for element content and quoted attributes; control characters, line separators and bidi
 * overrides become visible escapes first (line breaks stay: they are whitespace in HTML, and keep <pre> values).
 */
export const escapeHtml = (text: string) => escapeHtmlText(visibleControls(text));

const htmlOptions = (origin: string) => ({ escape: 'html' as const, escapeHtml: (value: unknown) => escapeHtml(String(value ?? '')), partials: PARTIALS, origin });
/** The built-in layout, parsed on first use and then reused (its limits apply per render). */
let builtInHtml: CompiledTemplate | undefined;

/** Renders the HTML template (built-in, or --template's) over a model: every `{{ }}` output escaped unless `| raw`. */
export function renderHtmlModel(model: TemplateModel, options: Partial<RenderOptions>): string {
  const page = { style: PAGE_STYLE, script: PAGE_SCRIPT, filters: filterBar(model.levels, model.rules, { level: 'level', rule: 'rule' }) };
  const template = options.template;
  const compiled = template ? compileTemplate(template.source, htmlOptions(template.origin)) : (builtInHtml ??= compileTemplate(HTML_TEMPLATE, htmlOptions('built-in html')));
  return compiled.render({ ...model, page });
}

/**
 * `html`: one self-contained page (inline CSS and script, nothing fetched): filters by level and rule, a search
 * box, collapsible sections, a deep link per change; every spec-derived string is escaped.
 */
export function renderHtml(report: DiffReport, options: Partial<RenderOptions> = {}): string {
  const model = templateModel([{ title: reportTitle(report), old: report.old.source, new: report.new.source, report }], { groupBy: options.groupBy ?? 'level', rules: options.rules, toolVersion: options.toolVersion });
  return renderHtmlModel(model, options);
}
