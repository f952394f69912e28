import type { Change, DiffReport } from '../model.js';
import {
  CATEGORIES,
  affectsNote,
  categoryOf,
  groupByResource,
  groupChanges,
  listCollapsed,
  oneLine,
  operationLabel,
  reportTitle,
  sourceLine,
  summaryLine,
  usesText,
  whereUnder,
  type ChangeGroup,
  type GroupBy,
  type RenderOptions,
} from './common.js';

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

/** Outside an operation's heading: the operations a change affects that its location does not already name. */
export function affectsBeyond(change: Change): { label: string; operations: string[] } | undefined {
  const labels = change.operations.map(operationLabel);
  const where = change.where ?? change.location;
  const rest = labels.filter((label) => !(where === label || where.startsWith(`${label} `)));
  if (rest.length === 0) return undefined;
  return { label: rest.length < labels.length ? 'also affects' : 'affects', operations: rest };
}

/** One bullet per change: where, what, which uses and operations (3 listed, then a count), acceptance, then rule id and fingerprint in small print. */
function bullet(change: Change, group: ChangeGroup | undefined): string {
  const place = whereUnder(change, group?.operation ? group.title : undefined);
  // `POST /items added` says where already.
  const where = place !== undefined && change.message.startsWith(`${place} `) ? undefined : place;
  const tail = [mdCode(change.id), mdCode(change.fingerprint)];
  if (change.alsoAs && change.alsoAs.length > 0) tail.splice(1, 0, `also as ${change.alsoAs.map((u) => `${mdCode(u.id)} (${u.level})`).join(', ')}`);
  if (change.level !== 'breaking') tail.unshift(change.level);
  let line = `- ${where ? `${mdWhere(where)}: ` : ''}${mdText(change.message)}`;
  const uses = usesText(change);
  if (uses) line += ` (${uses})`;
  const affects = group ? affectsNote(change, group) : affectsBeyond(change);
  if (affects) line += ` — ${affects.label} ${listCollapsed(affects.operations.map(mdCode))}`;
  if (change.accepted) line += ` — **accepted:** ${mdText(change.accepted.reason)} (${mdCode(change.accepted.entry)})`;
  return `${line} <sub>${tail.join(' · ')}</sub>`;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A top-level section of the document: its heading, its lines (sub-headings and bullets) and how many changes it lists. */
export interface MdSection {
  heading: string;
  lines: string[];
  changes: number;
}

const groupHeading = (group: ChangeGroup) => {
  const operationId = group.operation?.operationId ? ` (${mdCode(group.operation.operationId)})` : '';
  return `${group.operation ? mdCode(group.title) : mdText(capitalise(group.title))}${operationId}`;
};

/** `level`: Breaking / Deprecated / … then one heading per operation (and Components, Servers, …). */
function byLevel(changes: readonly Change[], depth: string): MdSection[] {
  const out: MdSection[] = [];
  for (const category of CATEGORIES) {
    const inCategory = changes.filter((change) => categoryOf(change) === category);
    if (inCategory.length === 0) continue;
    const lines: string[] = [];
    for (const group of groupChanges(inCategory)) {
      lines.push('', `${depth}# ${groupHeading(group)}`, '');
      for (const change of group.changes) lines.push(bullet(change, group));
    }
    out.push({ heading: `${depth} ${category}`, lines, changes: inCategory.length });
  }
  return out;
}

/** Breaking / Deprecated / Added / Changed / Renamed / Removed sub-headings over a list of changes. */
function categoryLines(changes: readonly Change[], depth: string, group?: ChangeGroup): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const inCategory = changes.filter((change) => categoryOf(change) === category);
    if (inCategory.length === 0) continue;
    lines.push('', `${depth}# ${category}`, '');
    for (const change of inCategory) lines.push(bullet(change, group));
  }
  return lines;
}

/** `resource`: one heading per resource (jobs, nodes, …; then shared components, servers, …), then the categories. */
function byResource(changes: readonly Change[], depth: string): MdSection[] {
  return groupByResource(changes).map((group) => ({
    heading: `${depth} ${group.resource ? mdText(group.title) : mdText(capitalise(group.title))}`,
    lines: categoryLines(group.changes, depth),
    changes: group.changes.length,
  }));
}

/** `operation`: one heading per operation (and Components, …), then the categories. */
function byOperation(changes: readonly Change[], depth: string): MdSection[] {
  return groupChanges(changes).map((group) => ({ heading: `${depth} ${groupHeading(group)}`, lines: categoryLines(group.changes, depth, group), changes: group.changes.length }));
}

/** The sections of one report's changes at heading depth `##` (or `###` inside a range document). */
export function changeSections(changes: readonly Change[], groupBy: GroupBy, depth = '##'): MdSection[] {
  if (groupBy === 'resource') return byResource(changes, depth);
  if (groupBy === 'operation') return byOperation(changes, depth);
  return byLevel(changes, depth);
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

/** The header lines of one report: summary, mask, selection, warnings. */
export function headerLines(report: DiffReport): string[] {
  const out = [`- **Summary:** ${summaryLine(report.summary)}`];
  if (report.mask) out.push(`- **Version mask:** ${mdCode(report.mask.from)} → ${mdCode(report.mask.to)} (for comparing; names below are each version's own)`);
  if (report.select?.old || report.select?.new) {
    out.push(`- **Selected:** old ${mdCode(report.select.old ?? '(all)')}, new ${mdCode(report.select.new ?? '(all)')}`);
  }
  if (report.warnings && report.warnings.length > 0) {
    out.push('', '> [!WARNING]', ...report.warnings.map((warning) => `> - ${mdText(warning)}`));
  }
  if (report.changes.length === 0) out.push('', 'No changes.');
  return out;
}

/** The sources footer: what was compared (file paths live here, never in the title). */
export const footerLines = (report: DiffReport): string[] => ['', '---', '', `<sub>Old: ${mdText(sourceLine(report.old))}<br>New: ${mdText(sourceLine(report.new))}</sub>`];

/**
 * `markdown`: release notes for GitHub. `--group-by level` (diff's default): Breaking / Deprecated / Added /
 * Changed / Renamed / Removed, one heading per operation inside; `resource` (changelog's default): one heading
 * per resource, the categories inside; `operation`: one heading per operation. Sources in a footer.
 */
export function renderMarkdown(report: DiffReport, options: Partial<RenderOptions> = {}): string {
  const head = [`# ${mdText(reportTitle(report))}`, '', ...headerLines(report)];
  return fitSections(head, changeSections(report.changes, options.groupBy ?? 'level'), footerLines(report), options.maxChars);
}
