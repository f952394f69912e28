// @ts-nocheck
import { usageError } from '../../errors.js';
import type { DiffReport } from '../model.js';
import type { RenderOptions } from './common.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson, renderYaml } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderSingleLine, renderText } from './text.js';

export const FORMATS = ['text', 'json', 'yaml', 'markdown', 'html', 'junit', 'sarif', 'github', 'singleline'] as const;
export type Format = (typeof FORMATS)[number];

/** File extension for `-o` defaults and docs. */
export const FORMAT_EXTENSIONS: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  yaml: 'yaml',
  markdown: 'md',
  html: 'html',
  junit: 'xml',
  sarif: 'sarif',
  github: 'txt',
  singleline: 'txt',
};

const RENDERERS: Record<Format, (report: DiffReport, options: RenderOptions) => string> = {
  text: renderText,
  json: renderJson,
  yaml: renderYaml,
  markdown: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
  sarif: renderSarif,
  github: renderGithub,
  singleline: renderSingleLine,
};

export const isFormat = (name: string): name is Format => (FORMATS as readonly string[]).includes(name);

/** Renders a (classified) report. Every format carries the same information; the string ends with a newline. */
export function renderReport(report: DiffReport, format: Format, options: RenderOptions): string {
  const render = RENDERERS[format];
  if (!render) throw usageError(`unknown report format '${String(format)}'`, `use one of ${FORMATS.join(', ')}`);
  return render(report, options);
}

export type { RenderOptions, GroupBy } from './common.js';
export { GROUP_BY } from './common.js';
export { canonicalReport } from './json.js';
export { summaryLine, oneLine } from './common.js';
export { escapeGithubData, escapeGithubProperty } from './github.js';
export { SARIF_FINGERPRINT_KEY, sourceUri } from './sarif.js';
