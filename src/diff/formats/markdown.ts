import type { DiffReport } from '../model.js';
import { compileTemplate, type CompiledTemplate } from '../../output/template.js';
import { oneLine, reportTitle, type RenderOptions } from './common.js';
import { MARKDOWN_TEMPLATE, PARTIALS } from './templates.js';
import { templateModel, type TemplateModel } from './view.js';

/** Plain text in Markdown: entities for HTML-significant characters, backslashes for Markdown syntax (and `$`, GitHub math). */
export function mdText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~#$!]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span that survives backticks in the text (CommonMark: fence longer than any run inside). */
export function mdCode(text: string): string {
  const clean = oneLine(text);
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * A readable location (`GET /jobs → 200 → jobs[].nodes`, `schema \`x\` property \`y\``) in Markdown: each
 * `→` step as code, and in worded steps the backquoted names as code and the words as text.
 */
export function mdWhere(where: string): string {
  return where
    .split(' → ')
    .map((part) => {
      if (!part.includes('`')) return mdCode(part);
      return part
        .split('`')
        .map((piece, i) => (i % 2 === 1 ? mdCode(piece) : mdText(piece)))
        .join('');
    })
    .join(' → ');
}

/** A top-level section of the document: its heading, its lines (sub-headings and bullets) and how many changes it lists. */
export interface MdSection {
  heading: string;
  lines: string[];
  changes: number;
}

export const sectionText = (section: MdSection) => [section.heading, ...section.lines].join('\n');

/**
 * Fits a document into `maxChars` (GitHub's comment limit is 65,536): the longest sections are folded into
 * `<details>`, and if that is not enough, their last bullets are dropped, with a line saying how many.
 */
export function fitSections(head: string[], sections: MdSection[], foot: string[], maxChars: number | undefined): string {
  const join = () => `${[...head, ...sections.flatMap((s) => ['', sectionText(s)]), ...foot].join('\n')}\n`;
  let text = join();
  if (!maxChars || text.length <= maxChars) return text;
  const note = (dropped: number) => `- _${dropped} more change${dropped === 1 ? '' : 's'} not shown (the full report: \`--max-chars 0\`, or \`--format html\`)_`;
  // Fold: a section longer than its share of the limit becomes a <details> block, its heading the summary.
  const share = maxChars / Math.max(1, sections.length);
  for (const section of sections) {
    const length = sectionText(section).length;
    if (length <= share) continue;
    const title = section.heading.replace(/^#+ /, '');
    section.lines = ['', '<details>', `<summary>${title} (${section.changes} change${section.changes === 1 ? '' : 's'})</summary>`, ...section.lines, '', '</details>'];
  }
  text = join();
  if (text.length <= maxChars) return text;
  // Truncate: drop the last bullets of the longest section until the document fits.
  const dropped = new Map<MdSection, number>();
  let excess = text.length - maxChars;
  const lengths = new Map(sections.map((s) => [s, sectionText(s).length]));
  while (excess > 0) {
    const longest = [...lengths.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!longest) break;
    let index = longest.lines.length - 1;
    while (index >= 0 && !(longest.lines[index].startsWith('- ') && !longest.lines[index].startsWith('- _'))) index--;
    if (index < 0) {
      lengths.delete(longest);
      continue;
    }
    const count = (dropped.get(longest) ?? 0) + 1;
    const [removed] = longest.lines.splice(index, 1);
    const noteAt = longest.lines.findIndex((line) => line.startsWith('- _') && line.includes('not shown'));
    const before = noteAt >= 0 ? longest.lines[noteAt].length : 0;
    if (noteAt >= 0) longest.lines[noteAt] = note(count);
    else longest.lines.splice(longest.lines.at(-1) === '</details>' ? longest.lines.length - 2 : longest.lines.length, 0, note(count));
    const after = note(count).length;
    dropped.set(longest, count);
    const delta = removed.length + 1 - (after - before) - (noteAt >= 0 ? 0 : 1);
    excess -= delta;
    lengths.set(longest, (lengths.get(longest) ?? 0) - delta);
  }
  text = join();
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(0, maxChars - 40))}\n\n_(cut at ${maxChars} characters)_\n`;
}

/** A bullet of a change (not a header line `- **Summary:**` or a `- _N more not shown_` note). */
const isChangeBullet = (line: string) => line.startsWith('- ') && !line.startsWith('- **') && !line.startsWith('- _');

/**
 * Fits rendered markdown (a built-in or a user template's) into `maxChars`: the document is cut into its head,
 * its `## ` sections and its footer (from the last `---`), and fitSections folds and truncates the sections.
 */
export function fitMarkdown(text: string, maxChars: number | undefined): string {
  if (!maxChars || text.length <= maxChars) return text;
  const lines = text.replace(/\n$/, '').split('\n');
  const first = lines.findIndex((line) => line.startsWith('## '));
  if (first < 0) return fitSections(lines, [], [], maxChars);
  const rule = lines.lastIndexOf('---');
  const footStart = rule > first ? (lines[rule - 1] === '' ? rule - 1 : rule) : lines.length;
  const head = lines.slice(0, first);
  if (head.at(-1) === '') head.pop();
  const sections: MdSection[] = [];
  for (let index = first; index < footStart; index++) {
    const line = lines[index];
    if (line.startsWith('## ')) sections.push({ heading: line, lines: [], changes: 0 });
    else {
      const section = sections[sections.length - 1];
      section.lines.push(line);
      if (isChangeBullet(line)) section.changes++;
    }
  }
  // The blank line before each heading is the separator fitSections puts back.
  for (const section of sections.slice(0, -1)) if (section.lines.at(-1) === '') section.lines.pop();
  return fitSections(head, sections, lines.slice(footStart), maxChars);
}

/** Markdown from a template: runs of blank lines become one (so layouts can be written readably), one final newline. */
export const tidyMarkdown = (text: string) => `${text.replace(/^\n+/, '').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '')}\n`;

export const MARKDOWN_FILTERS = {
  md: (value: unknown) => mdText(String(value ?? '')),
  md_code: (value: unknown) => mdCode(String(value ?? '')),
  md_where: (value: unknown) => mdWhere(String(value ?? '')),
};

const markdownOptions = (origin: string) => ({ escape: 'none' as const, filters: MARKDOWN_FILTERS, partials: PARTIALS, origin });
/** The built-in layout, parsed on first use and then reused (its limits apply per render). */
let builtInMarkdown: CompiledTemplate | undefined;

/** Renders the markdown template (the built-in one, or --template's) over a model, then fits --max-chars. */
export function renderMarkdownModel(model: TemplateModel, options: Partial<RenderOptions>): string {
  const template = options.template;
  const compiled = template ? compileTemplate(template.source, markdownOptions(template.origin)) : (builtInMarkdown ??= compileTemplate(MARKDOWN_TEMPLATE, markdownOptions('built-in markdown')));
  return fitMarkdown(tidyMarkdown(compiled.render(model)), options.maxChars);
}

/**
 * `markdown`: release notes for GitHub. `--group-by level` (diff's default): Breaking / Deprecated / Added /
 * Changed / Renamed / Removed, one heading per operation inside; `resource` (changelog's default): one heading
 * per resource, the categories inside; `operation`: one heading per operation. Sources in a footer.
 */
export function renderMarkdown(report: DiffReport, options: Partial<RenderOptions> = {}): string {
  const model = templateModel([{ title: reportTitle(report), old: report.old.source, new: report.new.source, report }], { groupBy: options.groupBy ?? 'level', rules: options.rules, toolVersion: options.toolVersion });
  return renderMarkdownModel(model, options);
}
