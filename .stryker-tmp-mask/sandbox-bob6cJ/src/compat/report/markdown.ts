/** `markdown`: for PR comments and wikis. Matrix with emoji per cell; reasons in the lists below it. */
// @ts-nocheck

import type { CellStatus, CompatReport } from '../runner/types.js';
import { compileText, failureGroups, msText, plural, runtimeSummary, serverText, shortGenerator, specHeading, STATUS_TEXT, summaryLine, VERDICT_TEXT, visible } from './common.js';

const ICON: Record<CellStatus, string> = {
  pass: '✅',
  fail: '❌',
  'not-generated': '🚫',
  'not-compiled': '🛠️',
  'driver-unsupported': '🧩',
  unavailable: '➖',
  skipped: '⏭️',
};

/** Text inside a table cell or list item: no pipes, no HTML, no newlines. */
const md = (text: string) => visible(text).replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`);
const code = (text: string) => `\`${visible(text).replace(/`/g, "'")}\``;

export function renderCompatMarkdown(report: CompatReport): string {
  const out: string[] = [];
  out.push(`# specdrift compat: ${md(specHeading(report))}`, '');
  out.push(`Spec id ${code(report.spec.id)}; calls against the ${md(serverText(report))}.`, '');
  out.push(`**${md(summaryLine(report))}**`, '');
  out.push(`Legend: ${(Object.keys(ICON) as CellStatus[]).map((s) => `${ICON[s]} ${STATUS_TEXT[s]}`).join(' · ')}`, '');

  out.push('## Matrix', '');
  out.push(`| operation | ${report.generators.map((g) => code(shortGenerator(g.id))).join(' | ')} |`);
  out.push(`|---|${report.generators.map(() => ':-:').join('|')}|`);
  for (const op of report.operations) {
    const cells = report.generators.map((g) => {
      const cell = report.cells.find((c) => c.generator === g.id && c.operationId === op.operationId);
      return cell ? ICON[cell.status] : '';
    });
    out.push(`| ${code(op.operationId)} | ${cells.join(' | ')} |`);
  }

  out.push('', '## Generators', '');
  out.push('| generator | version | status | generation | warnings | compile | pass | fail | not generated | not compiled | driver-unsupported | unavailable |');
  out.push('|---|---|---|--:|--:|---|--:|--:|--:|--:|--:|--:|');
  for (const g of report.generators) {
    const gen = g.generation ? `${msText(g.generation.ms)}${g.generation.cached ? ' (cached)' : ''}` : '-';
    out.push(
      `| ${code(g.id)} | ${md(g.version ?? '-')} | ${g.status} | ${gen} | ${g.generation?.warnings.length ?? '-'} | ${compileText(g)} | ${g.totals.pass} | ${g.totals.fail} | ${g.totals.notGenerated} | ${g.totals.notCompiled} | ${g.totals.driverUnsupported} | ${g.totals.unavailable} |`,
    );
  }
  const reasons = report.generators.filter((g) => g.reason);
  if (reasons.length > 0) out.push('', ...reasons.map((g) => `- ${code(g.id)}: ${md(g.reason!)}`));

  const groups = failureGroups(report.cells);
  if (groups.length > 0) {
    out.push('', '## Not passing', '');
    for (const group of groups) {
      const ops = group.cells.length === report.operations.length ? 'every operation' : group.cells.map((c) => code(c.operationId)).join(', ');
      const verdict = group.cells.length === 1 && group.cells[0].verdict ? ` (${VERDICT_TEXT[group.cells[0].verdict]})` : '';
      out.push(`- ${ICON[group.status]} ${code(group.generator)} × ${ops}${verdict}: ${md(group.reason)}`);
      if (group.status === 'not-compiled') out.push(`  - at run time anyway: ${runtimeSummary(group.cells)}`);
    }
  }

  if (report.scenario) {
    const s = report.scenario;
    out.push('', `## Scenario ${code(s.source)}`, '');
    out.push(`| step | ${report.generators.map((g) => code(shortGenerator(g.id))).join(' | ')} |`);
    out.push(`|---|${report.generators.map(() => ':-:').join('|')}|`);
    for (const step of s.steps) {
      const cells = report.generators.map((g) => {
        const cell = s.cells.find((c) => c.generator === g.id && c.step === step.index);
        return cell ? ICON[cell.status] : '';
      });
      out.push(`| ${step.index + 1}. ${md(step.title)} | ${cells.join(' | ')} |`);
    }
    const failing = s.cells.filter((c) => c.status !== 'pass');
    if (failing.length > 0) out.push('', ...failing.map((c) => `- step ${c.step + 1}, ${code(c.generator)}: ${STATUS_TEXT[c.status]}: ${md(c.reason ?? '')}`));
  }

  out.push('', `## Spec problems that made generators fail (${report.specProblems.length})`, '');
  if (report.specProblems.length === 0) out.push('None: every generator that ran followed the spec everywhere.');
  for (const p of report.specProblems) {
    out.push(`- **${p.kind}**${p.rule ? ` ${code(p.rule)}` : ''} at ${code(`#${p.pointer}`)}: ${md(p.message)}`);
    if (p.pointers && p.pointers.length > 1) out.push(`  - places: ${p.pointers.map((x) => code(`#${x}`)).join(', ')}`);
    if (p.operations.length > 0) out.push(`  - operations: ${p.operations.map(code).join(', ')}`);
    for (const e of p.examples) out.push(`  - e.g. ${md(e)}`);
    if (p.findings) out.push(`  - validation: ${p.findings.map(code).join(', ')}`);
  }

  out.push('', `## Validation findings (${report.validation.length})`, '');
  if (report.validation.length === 0) out.push('None.');
  for (const f of report.validation) out.push(`- ${f.level} ${code(f.ruleId)} at ${code(f.pointer || '(root)')}: ${md(f.message)}`);
  out.push('', `<sub>specdrift ${md(report.tool.version)}, ${plural(report.generators.length, 'generator')}, ${msText(report.ms)}</sub>`);
  return `${out.join('\n')}\n`;
}
