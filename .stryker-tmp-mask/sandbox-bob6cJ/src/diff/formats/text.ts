// @ts-nocheck
import { Chalk, type ChalkInstance } from 'chalk';
import type { Change, DiffReport, Level } from '../model.js';
import { acceptedText, affectsNote, alsoAsText, groupChanges, listCollapsed, oneLine, operationLabel, reportTitle, sourceLine, summaryLine, whereUnder, type ChangeGroup, type RenderOptions } from './common.js';

const MARK: Record<Level, string> = { breaking: '✗', warning: '!', info: '·' };

function levelStyle(chalk: ChalkInstance, level: Level) {
  return level === 'breaking' ? chalk.red.bold : level === 'warning' ? chalk.yellow : chalk.cyan;
}

function changeLine(chalk: ChalkInstance, change: Change, group: ChangeGroup): string {
  const style = levelStyle(chalk, change.level);
  const mark = change.accepted ? chalk.green('✓') : style(MARK[change.level]);
  const level = style(change.level.padEnd(8));
  const place = whereUnder(change, group.operation ? group.title : undefined);
  const where = place === undefined || place === group.title || change.message.startsWith(`${place} `) ? '' : `${oneLine(place)}: `;
  const affects = affectsNote(change, group);
  const parts = [
    `  ${mark} ${level}  ${chalk.bold(oneLine(change.id))}  ${where}${oneLine(change.message)}`,
    chalk.dim(`[${change.fingerprint}]`),
  ];
  const also = alsoAsText(change);
  if (also) parts.push(chalk.dim(oneLine(also)));
  if (affects) parts.push(chalk.dim(`${affects.label} ${listCollapsed(affects.operations.map(oneLine))}`));
  if (change.accepted) parts.push(chalk.green(oneLine(acceptedText(change.accepted))));
  return parts.join('  ');
}

/** The first quoted name in a message (`'nice'`, `"POWER_UP_NODE"`) is what varies between sibling changes. */
const QUOTED = /'[^']*'|"[^"]*"/;

/** Same rule, level, place, affected operations and acceptance, and messages differing only in their quoted name. */
function compactKey(change: Change): string | undefined {
  if (!QUOTED.test(change.message)) return undefined;
  const operations = change.operations.map(operationLabel).join(',');
  return [change.id, change.level, alsoAsText(change) ?? '', change.location, operations, change.accepted?.entry ?? '', change.message.replace(QUOTED, '\u0000')].join('\u0001');
}

/** `--compact`: runs of sibling changes become one line listing the names (`optional property 'a', 'b' removed  [2 changes]`). */
function compactLines(chalk: ChalkInstance, group: ChangeGroup): string[] {
  const lines: string[] = [];
  const changes = group.changes;
  for (let i = 0; i < changes.length; ) {
    const key = compactKey(changes[i]);
    let j = i + 1;
    while (key !== undefined && j < changes.length && compactKey(changes[j]) === key) j++;
    if (j - i === 1) lines.push(changeLine(chalk, changes[i], group));
    else {
      const names = changes.slice(i, j).map((c) => QUOTED.exec(c.message)![0]);
      const merged: Change = { ...changes[i], message: changes[i].message.replace(QUOTED, names.join(', ')) };
      lines.push(changeLine(chalk, merged, group).replace(chalk.dim(`[${merged.fingerprint}]`), chalk.dim(`[${j - i} changes]`)));
    }
    i = j;
  }
  return lines;
}

/**
 * `text`: for people at a terminal. A header (old → new), then one block per operation and one per
 * other section (components, security, …), one line per change, a summary line, then warnings.
 */
export function renderText(report: DiffReport, options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  // Sources under the title, not in it; the summary stays the last line (scripts and README rely on it).
  const lines = [chalk.bold(oneLine(reportTitle(report))), chalk.dim(`old: ${oneLine(sourceLine(report.old))}`), chalk.dim(`new: ${oneLine(sourceLine(report.new))}`)];
  if (report.mask) lines.push(chalk.dim(`version mask: ${oneLine(report.mask.from)} → ${oneLine(report.mask.to)}`));
  if (report.select?.old || report.select?.new) {
    lines.push(chalk.dim(`selected: old ${oneLine(report.select.old ?? '(all)')}, new ${oneLine(report.select.new ?? '(all)')}`));
  }
  for (const group of groupChanges(report.changes)) {
    const operationId = group.operation?.operationId ? chalk.dim(`  ${oneLine(group.operation.operationId)}`) : '';
    const heading = group.operation ? group.title : group.title.charAt(0).toUpperCase() + group.title.slice(1);
    lines.push('', chalk.bold.underline(oneLine(heading)) + operationId);
    if (options.compact) lines.push(...compactLines(chalk, group));
    else for (const change of group.changes) lines.push(changeLine(chalk, change, group));
  }
  const { summary } = report;
  const summaryStyle = summary.breaking > 0 ? chalk.red.bold : summary.warning > 0 ? chalk.yellow.bold : chalk.bold;
  lines.push('', summaryStyle(summaryLine(summary)));
  for (const warning of report.warnings ?? []) lines.push(chalk.yellow(`warning: ${oneLine(warning)}`));
  return `${lines.join('\n')}\n`;
}

/** `singleline`: one tab-separated line per change, for grep and cut (columns in docs/formats.md). */
export function renderSingleLine(report: DiffReport): string {
  // Tabs separate the columns, so a tab inside a field is escaped like the other control characters.
  const lines = report.changes.map((change) => {
    const details = [];
    const also = alsoAsText(change);
    if (also) details.push(also);
    if (change.operations.length > 0) details.push(`affects ${change.operations.map(operationLabel).join(', ')}`);
    if (change.accepted) details.push(acceptedText(change.accepted));
    return [change.level, change.accepted ? 'accepted' : 'open', change.id, change.fingerprint, change.location, change.message, details.join('; ')]
      .map(oneLine)
      .join('\t');
  });
  for (const warning of report.warnings ?? []) lines.push(`# warning: ${oneLine(warning)}`);
  lines.push(`# ${summaryLine(report.summary)}`);
  return `${lines.join('\n')}\n`;
}
