/**
 * `junit`: one testsuite per generator, one testcase per cell (classname = generator, name = operationId; scenario
 * steps as `step N <operation>`). fail, not-generated and not-compiled are failures (type = the status);
 * driver-unsupported, unavailable and skipped are skipped testcases; every testcase carries its details in system-out.
 */
// @ts-nocheck

import type { Cell, CompatReport } from '../runner/types.js';
import { isFailing, STATUS_TEXT, VERDICT_TEXT } from './common.js';

// XML 1.0 cannot carry these characters even as references: show them as visible escapes instead.
const XML_INVALID = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const xmlText = (text: string) =>
  text
    .replace(XML_INVALID, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const xmlAttr = (text: string) => xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

function details(cell: Cell): string {
  const lines = [`status: ${STATUS_TEXT[cell.status]}`];
  if (cell.verdict) lines.push(`exchange: ${VERDICT_TEXT[cell.verdict]}`);
  if (cell.symbol) lines.push(`client symbol: ${cell.symbol}`);
  if (cell.reason) lines.push(`reason: ${cell.reason}`);
  if (cell.runtime) lines.push(`at run time: ${cell.runtime}`);
  if (cell.call) lines.push(`call: ${cell.call.outcome}${cell.call.status !== undefined ? ` HTTP ${cell.call.status}` : ''}${cell.call.error ? ` ${cell.call.error}` : ''}`);
  for (const e of cell.exchanges ?? []) {
    lines.push(`exchange ${e.seq}: ${e.method} ${e.url} → ${e.status}`);
    for (const v of e.violations) lines.push(`  ${v.where} ${v.rule} ${v.pointer || '(message)'}: ${v.message}`);
  }
  for (const m of cell.mismatches ?? []) lines.push(`decoded: ${m.message}`);
  for (const v of cell.variants ?? []) lines.push(`variant ${v.variant}: ${STATUS_TEXT[v.status]}${v.reason ? `: ${v.reason}` : ''}`);
  return lines.join('\n');
}

function testcase(cell: Cell, name: string): { xml: string; failed: boolean; skipped: boolean } {
  const open = `    <testcase classname="${xmlAttr(cell.generator)}" name="${xmlAttr(name)}" time="${((cell.call?.ms ?? 0) / 1000).toFixed(3)}">`;
  const out = `<system-out>${xmlText(details(cell))}</system-out>`;
  if (isFailing(cell)) {
    const message = cell.reason ?? STATUS_TEXT[cell.status];
    return { xml: `${open}<failure type="${cell.status}" message="${xmlAttr(message)}">${xmlText(message)}</failure>${out}</testcase>`, failed: true, skipped: false };
  }
  if (cell.status === 'unavailable' || cell.status === 'skipped' || cell.status === 'driver-unsupported') {
    return { xml: `${open}<skipped message="${xmlAttr(cell.reason ?? STATUS_TEXT[cell.status])}"/>${out}</testcase>`, failed: false, skipped: true };
  }
  return { xml: `${open}${out}</testcase>`, failed: false, skipped: false };
}

export function renderCompatJunit(report: CompatReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const g of report.generators) {
    const cases = [
      ...report.cells.filter((c) => c.generator === g.id).map((c) => testcase(c, c.operationId)),
      ...(report.scenario?.cells ?? [])
        .filter((c) => c.generator === g.id)
        .map((c) => testcase(c, `step ${c.step + 1} ${report.scenario!.steps[c.step]?.title ?? c.operationId}`)),
    ];
    const f = cases.filter((c) => c.failed).length;
    const s = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += f;
    skipped += s;
    const time = (g.ms / 1000).toFixed(3);
    suites.push(
      `  <testsuite name="${xmlAttr(`${g.id}${g.version ? ` ${g.version}` : ''}`)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" time="${time}">`,
      ...cases.map((c) => c.xml),
      '  </testsuite>',
    );
  }
  const name = `specdrift compat ${report.spec.id}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttr(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${(report.ms / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
