/**
 * `html`: one self-contained page (inline CSS, no scripts, nothing fetched). Each matrix cell shows its status and
 * carries the reason as a tooltip; the lists below repeat every reason in full. All spec-derived text is escaped.
 */
import type { Cell, CellStatus, CompatReport } from '../runner/types.js';
import { compileText, failureGroups, msText, runtimeSummary, serverText, shortGenerator, specHeading, STATUS_LABEL, STATUS_TEXT, summaryLine, VERDICT_TEXT, visible } from './common.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => visible(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--pass:#1a7f37;--fail:#cf222e;--nc:#9a6700;--ng:#8250df;--na:#6e7781}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;--pass:#3fb950;--fail:#ff7b72;--nc:#d29922;--ng:#bc8cff;--na:#8b949e}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:2rem auto;max-width:90rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600}th.g{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500}
td.c{text-align:center;font-weight:700;white-space:nowrap}.pass{color:var(--pass)}.fail{color:var(--fail)}.not-compiled{color:var(--nc)}.not-generated{color:var(--ng)}.driver-unsupported,.unavailable,.skipped{color:var(--na)}
.meta{color:var(--muted)}.summary{font-weight:600}li{margin:.2rem 0}
`;

function cellHtml(cell: Cell | undefined): string {
  if (!cell) return '<td class="c"></td>';
  const title = [STATUS_TEXT[cell.status], cell.verdict ? VERDICT_TEXT[cell.verdict] : '', cell.reason ?? '', cell.runtime ? `at run time: ${cell.runtime}` : ''].filter(Boolean).join(' — ');
  return `<td class="c ${cell.status}" title="${esc(title)}">${esc(STATUS_LABEL[cell.status])}</td>`;
}

function matrixHtml(report: CompatReport, rows: { key: string; label: string }[], find: (generator: string, key: string) => Cell | undefined): string {
  const head = `<tr><th></th>${report.generators.map((g) => `<th class="g" title="${esc(g.id)}">${esc(shortGenerator(g.id))}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr><td><code>${esc(row.label)}</code></td>${report.generators.map((g) => cellHtml(find(g.id, row.key))).join('')}</tr>`).join('\n');
  return `<table>\n${head}\n${body}\n</table>`;
}

export function renderCompatHtml(report: CompatReport): string {
  const parts: string[] = [];
  parts.push(`<h1>specdrift compat: ${esc(specHeading(report))}</h1>`);
  parts.push(`<p class="meta">spec id <code>${esc(report.spec.id)}</code>; calls against the ${esc(serverText(report))}; specdrift ${esc(report.tool.version)}, ${esc(msText(report.ms))}</p>`);
  parts.push(`<p class="summary">${esc(summaryLine(report))}</p>`);

  parts.push('<h2>Matrix</h2>');
  parts.push(`<p class="meta">${(Object.keys(STATUS_LABEL) as CellStatus[]).map((s) => `<span class="${s}">${esc(STATUS_LABEL[s])}</span> ${esc(STATUS_TEXT[s])}`).join(' · ')}; hover a cell for its reason</p>`);
  parts.push(matrixHtml(report, report.operations.map((o) => ({ key: o.operationId, label: o.operationId })), (g, key) => report.cells.find((c) => c.generator === g && c.operationId === key)));

  parts.push('<h2>Generators</h2><table><tr><th>generator</th><th>version</th><th>status</th><th>generation</th><th>warnings</th><th>compile</th><th>pass</th><th>fail</th><th>not generated</th><th>not compiled</th><th>driver-unsupported</th><th>unavailable</th></tr>');
  for (const g of report.generators) {
    const warnings = g.generation && g.generation.warnings.length > 0 ? `<details><summary>${g.generation.warnings.length}</summary>${g.generation.warnings.map((w) => `<div><code>${esc(w)}</code></div>`).join('')}</details>` : String(g.generation?.warnings.length ?? '-');
    const compile = g.compile && !g.compile.ok ? `<details><summary>${esc(compileText(g))}</summary>${g.compile.errors.map((e) => `<div><code>${esc(e)}</code></div>`).join('')}</details>` : esc(compileText(g));
    const gen = g.generation ? `${msText(g.generation.ms)}${g.generation.cached ? ' (cached)' : ''}` : '-';
    parts.push(
      `<tr><td><code>${esc(g.id)}</code>${g.reason ? `<div class="meta">${esc(g.reason)}</div>` : ''}</td><td>${esc(g.version ?? '-')}</td><td>${esc(g.status)}</td><td>${esc(gen)}</td><td>${warnings}</td><td>${compile}</td><td>${g.totals.pass}</td><td>${g.totals.fail}</td><td>${g.totals.notGenerated}</td><td>${g.totals.notCompiled}</td><td>${g.totals.driverUnsupported}</td><td>${g.totals.unavailable}</td></tr>`,
    );
  }
  parts.push('</table>');

  const groups = failureGroups(report.cells);
  if (groups.length > 0) {
    parts.push('<h2>Not passing</h2><ul>');
    for (const group of groups) {
      const ops = group.cells.length === report.operations.length ? 'every operation' : group.cells.map((c) => `<code>${esc(c.operationId)}</code>`).join(', ');
      const verdict = group.cells.length === 1 && group.cells[0].verdict ? ` (${esc(VERDICT_TEXT[group.cells[0].verdict])})` : '';
      const runtime = group.status === 'not-compiled' ? `<div class="meta">at run time anyway: ${esc(runtimeSummary(group.cells))}</div>` : '';
      parts.push(`<li><span class="${group.status}">${esc(STATUS_TEXT[group.status])}</span> <code>${esc(group.generator)}</code> × ${ops}${verdict}: ${esc(group.reason)}${runtime}</li>`);
    }
    parts.push('</ul>');
  }

  if (report.scenario) {
    const s = report.scenario;
    parts.push(`<h2>Scenario <code>${esc(s.source)}</code></h2>`);
    parts.push(matrixHtml(report, s.steps.map((st) => ({ key: String(st.index), label: `${st.index + 1}. ${st.title}` })), (g, key) => s.cells.find((c) => c.generator === g && String(c.step) === key)));
  }

  parts.push(`<h2>Spec problems that made generators fail (${report.specProblems.length})</h2>`);
  if (report.specProblems.length === 0) parts.push('<p>None: every generator that ran followed the spec everywhere.</p>');
  else {
    parts.push('<ol>');
    for (const p of report.specProblems) {
      const extra = [
        p.pointers && p.pointers.length > 1 ? `places: ${p.pointers.map((x) => `<code>#${esc(x)}</code>`).join(', ')}` : '',
        p.operations.length > 0 ? `operations: ${p.operations.map((o) => `<code>${esc(o)}</code>`).join(', ')}` : '',
        ...p.examples.map((e) => `e.g. ${esc(e)}`),
        p.findings ? `validation: ${p.findings.map((f) => `<code>${esc(f)}</code>`).join(', ')}` : '',
      ].filter(Boolean);
      parts.push(`<li><strong>${esc(p.kind)}</strong>${p.rule ? ` <code>${esc(p.rule)}</code>` : ''} at <code>#${esc(p.pointer)}</code>: ${esc(p.message)}${extra.map((x) => `<div class="meta">${x}</div>`).join('')}</li>`);
    }
    parts.push('</ol>');
  }

  parts.push(`<h2>Validation findings (${report.validation.length})</h2>`);
  if (report.validation.length === 0) parts.push('<p>None.</p>');
  else parts.push(`<ul>${report.validation.map((f) => `<li>${esc(f.level)} <code>${esc(f.ruleId)}</code> at <code>${esc(f.pointer || '(root)')}</code>: ${esc(f.message)}</li>`).join('')}</ul>`);

  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>specdrift compat: ${esc(report.spec.id)}</title><style>${STYLE}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}
