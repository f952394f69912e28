// @ts-nocheck
import { failsOn } from '../classify/classify.js';
import type { Change, DiffReport } from '../model.js';
import { acceptedText, affectedOperations, groupChanges, summaryLine, type RenderOptions } from './common.js';

// XML 1.0 cannot carry these characters even as references: show them as visible escapes instead.
const XML_INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const visible = (text: string) =>
  text.replace(XML_INVALID, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);

export const xmlText = (text: string) => visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const xmlAttr = (text: string) =>
  xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

function details(change: Change): string {
  const lines = [`rule: ${change.id} (${change.level}, ${change.kind})`, `location: ${change.location}`, `fingerprint: ${change.fingerprint}`];
  const affects = affectedOperations(change);
  if (affects.length > 0) lines.push(`affects: ${affects.join(', ')}`);
  if (change.old) lines.push(`old: ${change.old.pointer}${change.old.value === undefined ? '' : ` = ${JSON.stringify(change.old.value)}`}`);
  if (change.new) lines.push(`new: ${change.new.pointer}${change.new.value === undefined ? '' : ` = ${JSON.stringify(change.new.value)}`}`);
  if (change.accepted) lines.push(acceptedText(change.accepted));
  return lines.join('\n');
}

/**
 * `junit`: one testsuite per operation (and per other section), one testcase per change.
 * A testcase fails when its change trips --fail-on (default breaking); accepted changes are
 * skipped testcases; changes below the threshold pass and carry their details in system-out.
 */
export function renderJunit(report: DiffReport, options: Pick<RenderOptions, 'failOn'>): string {
  const failOn = options.failOn ?? 'breaking';
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const group of groupChanges(report.changes)) {
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const change of group.changes) {
      const name = `${change.id} ${change.location} [${change.fingerprint}]`;
      const open = `    <testcase classname="${xmlAttr(`specdrift.${group.title}`)}" name="${xmlAttr(name)}">`;
      let body: string;
      if (change.accepted) {
        suiteSkipped += 1;
        body = `<skipped message="${xmlAttr(acceptedText(change.accepted))}"/><system-out>${xmlText(details(change))}</system-out>`;
      } else if (failsOn(change, failOn)) {
        suiteFailures += 1;
        body = `<failure type="${change.level}" message="${xmlAttr(change.message)}">${xmlText(`${change.message}\n${details(change)}`)}</failure>`;
      } else {
        body = `<system-out>${xmlText(`${change.message}\n${details(change)}`)}</system-out>`;
      }
      cases.push(`${open}${body}</testcase>`);
    }
    tests += group.changes.length;
    failures += suiteFailures;
    skipped += suiteSkipped;
    suites.push(
      `  <testsuite name="${xmlAttr(group.title)}" tests="${group.changes.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">`,
      ...cases,
      '  </testsuite>',
    );
  }
  if (report.changes.length === 0) {
    tests = 1;
    suites.push('  <testsuite name="specdrift" tests="1" failures="0" errors="0" skipped="0">', '    <testcase classname="specdrift" name="no API changes"/>', '  </testsuite>');
  }
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) {
    suites.push(
      '  <testsuite name="specdrift warnings" tests="0" failures="0" errors="0" skipped="0">',
      `    <system-err>${xmlText(warnings.join('\n'))}</system-err>`,
      '  </testsuite>',
    );
  }
  const name = `specdrift: ${report.old.source} → ${report.new.source} (${summaryLine(report.summary)}; fail-on ${failOn})`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
