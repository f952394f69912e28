import type { Change, DiffReport, SpecSummary } from '../model.js';
import { affectsNote, groupChanges, oneLine, specLabel, summaryLine, type ChangeGroup } from './common.js';

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

type Category = 'Breaking' | 'Deprecated' | 'Added' | 'Removed' | 'Changed';
const CATEGORIES: Category[] = ['Breaking', 'Deprecated', 'Added', 'Removed', 'Changed'];

/** Breaking changes (accepted ones too: they still break clients) first; everything else by kind. */
function categoryOf(change: Change): Category {
  if (change.level === 'breaking') return 'Breaking';
  switch (change.kind) {
    case 'deprecated':
      return 'Deprecated';
    case 'added':
      return 'Added';
    case 'removed':
      return 'Removed';
    default:
      return 'Changed';
  }
}

const sideName = (old: SpecSummary, neu: SpecSummary) =>
  old.version && neu.version && old.version !== neu.version ? [old.version, neu.version] : [old.source, neu.source];

function bullet(change: Change, group: ChangeGroup): string {
  const where = change.location === group.title ? '' : `${mdCode(change.location)}: `;
  const tail = [mdCode(change.id), mdCode(change.fingerprint)];
  if (change.level !== 'breaking') tail.unshift(change.level);
  const affects = affectsNote(change, group);
  let line = `- ${where}${mdText(change.message)}`;
  if (change.alsoAs && change.alsoAs.length > 0) line += ` — also as ${change.alsoAs.map((u) => `${mdCode(u.id)} (${u.level})`).join(', ')}`;
  if (affects) line += ` — ${affects.label} ${affects.operations.map(mdCode).join(', ')}`;
  if (change.accepted) line += ` — **accepted:** ${mdText(change.accepted.reason)} (${mdCode(change.accepted.entry)})`;
  return `${line} <sub>${tail.join(' · ')}</sub>`;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `markdown`: release notes for GitHub: Breaking / Deprecated / Added / Removed / Changed, per operation. */
export function renderMarkdown(report: DiffReport): string {
  const [oldName, newName] = sideName(report.old, report.new);
  const out = [`# API changes: ${mdText(oldName)} → ${mdText(newName)}`, ''];
  out.push(`- **Old:** ${mdCode(specLabel(report.old))}`, `- **New:** ${mdCode(specLabel(report.new))}`);
  if (report.mask) out.push(`- **Version mask:** ${mdCode(report.mask.from)} → ${mdCode(report.mask.to)}`);
  if (report.select?.old || report.select?.new) {
    out.push(`- **Selected:** old ${mdCode(report.select.old ?? '(all)')}, new ${mdCode(report.select.new ?? '(all)')}`);
  }
  out.push(`- **Summary:** ${summaryLine(report.summary)}`);
  if (report.warnings && report.warnings.length > 0) {
    out.push('', '> [!WARNING]', ...report.warnings.map((warning) => `> - ${mdText(warning)}`));
  }
  if (report.changes.length === 0) out.push('', 'No changes.');
  for (const category of CATEGORIES) {
    const changes = report.changes.filter((change) => categoryOf(change) === category);
    if (changes.length === 0) continue;
    out.push('', `## ${category}`);
    for (const group of groupChanges(changes)) {
      const operationId = group.operation?.operationId ? ` (${mdCode(group.operation.operationId)})` : '';
      const title = group.operation ? mdCode(group.title) : mdText(capitalise(group.title));
      out.push('', `### ${title}${operationId}`, '');
      for (const change of group.changes) out.push(bullet(change, group));
    }
  }
  return `${out.join('\n')}\n`;
}
