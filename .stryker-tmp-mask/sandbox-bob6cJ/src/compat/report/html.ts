/**
 * `html`: one self-contained page in the page shell diff and changelog share (inline CSS and script, nothing
 * fetched): collapsible sections, filters by status/level and by generator/rule, a search box, a deep link per
 * entry. Each matrix cell shows its status and carries the reason as a tooltip; the lists below repeat every
 * reason in full. All spec-derived text is escaped.
 */
// @ts-nocheck

import { filterBar, htmlPage } from '../../output/html-page.js';
import type { Cell, CellStatus, CompatReport } from '../runner/types.js';
import { compileText, failureGroups, msText, runtimeSummary, serverText, shortGenerator, specHeading, STATUS_LABEL, STATUS_TEXT, summaryLine, VERDICT_TEXT, visible } from './common.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => visible(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

function cellHtml(cell: Cell | undefined): string {
  if (!cell) return '<td class="c"></td>';
  const title = [STATUS_TEXT[cell.status], cell.verdict ? VERDICT_TEXT[cell.verdict] : '', cell.reason ?? '', cell.runtime ? `at run time: ${cell.runtime}` : ''].filter(Boolean).join(' — ');
  return `<td class="c ${cell.status}" title="${esc(title)}">${esc(STATUS_LABEL[cell.status])}</td>`;
}

function matrixHtml(report: CompatReport, rows: { key: string; label: string }[], find: (generator: string, key: string) => Cell | undefined): string {
  const head = `<tr><th></th>${report.generators.map((g) => `<th class="g" title="${esc(g.id)}">${esc(shortGenerator(g.id))}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr><td><code>${esc(row.label)}</code></td>${report.generators.map((g) => cellHtml(find(g.id, row.key))).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table>\n${head}\n${body}\n</table></div>`;
}

/** A collapsible section of the page (open by default), with a stable id for deep links. */
const box = (id: string, heading: string, body: string) => `<details class="box" open data-box id="${id}"><summary><h2>${heading}</h2></summary>\n${body}\n</details>`;

/** A filterable entry: `level` is a cell status or a finding's level, `rule` a generator or rule id. */
const entry = (tag: 'li', id: string, level: string, rule: string, body: string) => `<${tag} id="${id}" data-level="${esc(level)}" data-rule="${esc(rule)}">${body} <a class="meta" href="#${id}" title="link to this entry">#</a></${tag}>`;

export function renderCompatHtml(report: CompatReport): string {
  const parts: string[] = [];
  const levels = new Set<string>();
  const rules = new Map<string, number>();
  const count = (level: string, rule: string | undefined) => {
    levels.add(level);
    if (rule) rules.set(rule, (rules.get(rule) ?? 0) + 1);
  };
  parts.push(`<header><h1>specdrift compat: ${esc(specHeading(report))}</h1>`);
  parts.push(`<p class="meta">spec id <code>${esc(report.spec.id)}</code>; calls against the ${esc(serverText(report))}; specdrift ${esc(report.tool.version)}, ${esc(msText(report.ms))}</p>`);
  parts.push(`<p class="summary">${esc(summaryLine(report))}</p></header>`);
  const filterAt = parts.length;

  const legend = `<p class="meta">${(Object.keys(STATUS_LABEL) as CellStatus[]).map((s) => `<span class="${s}">${esc(STATUS_LABEL[s])}</span> ${esc(STATUS_TEXT[s])}`).join(' · ')}; hover a cell for its reason</p>`;
  parts.push(box('matrix', 'Matrix', `${legend}\n${matrixHtml(report, report.operations.map((o) => ({ key: o.operationId, label: o.operationId })), (g, key) => report.cells.find((c) => c.generator === g && c.operationId === key))}`));

  const generators = ['<div class="scroll"><table><tr><th>generator</th><th>version</th><th>status</th><th>generation</th><th>warnings</th><th>compile</th><th>pass</th><th>fail</th><th>not generated</th><th>not compiled</th><th>driver-unsupported</th><th>unavailable</th></tr>'];
  for (const g of report.generators) {
    const warnings = g.generation && g.generation.warnings.length > 0 ? `<details><summary>${g.generation.warnings.length}</summary>${g.generation.warnings.map((w) => `<div><code>${esc(w)}</code></div>`).join('')}</details>` : String(g.generation?.warnings.length ?? '-');
    const compile = g.compile && !g.compile.ok ? `<details><summary>${esc(compileText(g))}</summary>${g.compile.errors.map((e) => `<div><code>${esc(e)}</code></div>`).join('')}</details>` : esc(compileText(g));
    const gen = g.generation ? `${msText(g.generation.ms)}${g.generation.cached ? ' (cached)' : ''}` : '-';
    generators.push(
      `<tr><td><code>${esc(g.id)}</code>${g.reason ? `<div class="meta">${esc(g.reason)}</div>` : ''}</td><td>${esc(g.version ?? '-')}</td><td>${esc(g.status)}</td><td>${esc(gen)}</td><td>${warnings}</td><td>${compile}</td><td>${g.totals.pass}</td><td>${g.totals.fail}</td><td>${g.totals.notGenerated}</td><td>${g.totals.notCompiled}</td><td>${g.totals.driverUnsupported}</td><td>${g.totals.unavailable}</td></tr>`,
    );
  }
  generators.push('</table></div>');
  parts.push(box('generators', 'Generators', generators.join('\n')));

  const groups = failureGroups(report.cells);
  if (groups.length > 0) {
    const items = groups.map((group, index) => {
      const ops = group.cells.length === report.operations.length ? 'every operation' : group.cells.map((c) => `<code>${esc(c.operationId)}</code>`).join(', ');
      const verdict = group.cells.length === 1 && group.cells[0].verdict ? ` (${esc(VERDICT_TEXT[group.cells[0].verdict])})` : '';
      const runtime = group.status === 'not-compiled' ? `<div class="meta">at run time anyway: ${esc(runtimeSummary(group.cells))}</div>` : '';
      count(group.status, group.generator);
      return entry('li', `not-passing-${index + 1}`, group.status, group.generator, `<span class="${group.status}">${esc(STATUS_TEXT[group.status])}</span> <code>${esc(group.generator)}</code> × ${ops}${verdict}: ${esc(group.reason)}${runtime}`);
    });
    parts.push(box('not-passing', 'Not passing', `<ul>${items.join('\n')}</ul>`));
  }

  if (report.scenario) {
    const s = report.scenario;
    parts.push(box('scenario', `Scenario <code>${esc(s.source)}</code>`, matrixHtml(report, s.steps.map((st) => ({ key: String(st.index), label: `${st.index + 1}. ${st.title}` })), (g, key) => s.cells.find((c) => c.generator === g && String(c.step) === key))));
  }

  let problems: string;
  if (report.specProblems.length === 0) problems = '<p>None: every generator that ran followed the spec everywhere.</p>';
  else {
    const items = report.specProblems.map((p, index) => {
      const extra = [
        p.pointers && p.pointers.length > 1 ? `places: ${p.pointers.map((x) => `<code>#${esc(x)}</code>`).join(', ')}` : '',
        p.operations.length > 0 ? `operations: ${p.operations.map((o) => `<code>${esc(o)}</code>`).join(', ')}` : '',
        ...p.examples.map((e) => `e.g. ${esc(e)}`),
        p.findings ? `validation: ${p.findings.map((f) => `<code>${esc(f)}</code>`).join(', ')}` : '',
      ].filter(Boolean);
      count('spec problem', p.rule ?? p.kind);
      return entry('li', `spec-problem-${index + 1}`, 'spec problem', p.rule ?? p.kind, `<strong>${esc(p.kind)}</strong>${p.rule ? ` <code>${esc(p.rule)}</code>` : ''} at <code>#${esc(p.pointer)}</code>: ${esc(p.message)}${extra.map((x) => `<div class="meta">${x}</div>`).join('')}`);
    });
    problems = `<ol>${items.join('\n')}</ol>`;
  }
  parts.push(box('spec-problems', `Spec problems that made generators fail (${report.specProblems.length})`, problems));

  const findings =
    report.validation.length === 0
      ? '<p>None.</p>'
      : `<ul>${report.validation
          .map((f, index) => {
            count(f.level, f.ruleId);
            return entry('li', `finding-${index + 1}`, f.level, f.ruleId, `${esc(f.level)} <code>${esc(f.ruleId)}</code> at <code>${esc(f.pointer || '(root)')}</code>: ${esc(f.message)}`);
          })
          .join('\n')}</ul>`;
  parts.push(box('validation', `Validation findings (${report.validation.length})`, findings));

  const ruleList = [...rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, n]) => ({ id, count: n }));
  parts.splice(filterAt, 0, filterBar([...levels], ruleList, { level: 'status', rule: 'generator or rule' }));
  return htmlPage(`specdrift compat: ${report.spec.id}`, parts.join('\n'));
}
