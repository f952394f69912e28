// @ts-nocheck
import type { Change, DiffReport, Level } from '../model.js';
import { acceptedText, affectedOperations, listCollapsed, changeSide, sortByLevel, summaryLine, visibleControls } from './common.js';

const COMMAND: Record<Level, 'error' | 'warning' | 'notice'> = { breaking: 'error', warning: 'warning', info: 'notice' };

/** Escaping GitHub requires in a workflow command's message. */
export const escapeGithubData = (text: string) =>
  visibleControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping GitHub requires in a workflow command's property values (also `:` and `,`). */
export const escapeGithubProperty = (text: string) => escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(change: Change, report: DiffReport): string {
  // Accepted changes must not show as errors in the PR: they become notices that say so.
  const command = change.accepted ? 'notice' : COMMAND[change.level];
  const title = `${change.accepted ? 'accepted ' : ''}${change.level}: ${change.id}`;
  const file = report[changeSide(change).spec].source;
  const parts = [`${change.where ?? change.location}: ${change.message}`];
  const affects = affectedOperations(change).filter((op) => !(change.where ?? '').startsWith(`${op} `));
  if (affects.length > 0) parts.push(`affects ${listCollapsed(affects)}`);
  if (change.accepted) parts.push(acceptedText(change.accepted));
  parts.push(`rule ${change.id}, fingerprint ${change.fingerprint}`);
  return `::${command} file=${escapeGithubProperty(file)},title=${escapeGithubProperty(title)}::${escapeGithubData(parts.join(' — '))}`;
}

/**
 * `github`: GitHub Actions workflow commands, one annotation per change (breaking → error,
 * warning → warning, info and accepted → notice), most severe first since GitHub shows only
 * the first few of each kind per step; then warnings and a summary line.
 */
export function renderGithub(report: DiffReport): string {
  const unaccepted = report.changes.filter((change) => !change.accepted);
  const accepted = report.changes.filter((change) => change.accepted);
  const lines = [...sortByLevel(unaccepted), ...accepted].map((change) => annotation(change, report));
  for (const warning of report.warnings ?? []) lines.push(`::warning title=specdrift::${escapeGithubData(warning)}`);
  lines.push(`specdrift: ${escapeGithubData(summaryLine(report.summary))}`);
  return `${lines.join('\n')}\n`;
}
