/**
 * `text`: for a terminal. The matrix has one row per operation and one numbered column per generator (generator
 * names are long; the legend under the table names them), then the generators' totals, every failure with its
 * reason, the spec problems, the validation findings, the scenario, and a summary line.
 */
// @ts-nocheck

import type { ChalkInstance } from 'chalk';
import { Chalk } from 'chalk';
import type { Cell, CellStatus, CompatReport, Verdict } from '../runner/types.js';
import {
  compileText,
  failureGroups,
  msText,
  plural,
  runtimeSummary,
  serverText,
  specHeading,
  STATUS_LABEL,
  STATUS_TEXT,
  summaryLine,
  VERDICT_TEXT,
  visible,
} from './common.js';

export interface TextOptions {
  /** Colours (chalk level 0 gives plain text). */
  chalk?: ChalkInstance;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - text.length)) + text;

function paint(chalk: ChalkInstance, status: CellStatus, text: string): string {
  switch (status) {
    case 'pass':
      return chalk.green(text);
    case 'fail':
      return chalk.red.bold(text);
    case 'not-compiled':
      return chalk.yellow(text);
    case 'not-generated':
      return chalk.magenta(text);
    case 'driver-unsupported':
      return chalk.cyan(text);
    default:
      return chalk.gray(text);
  }
}

/** Plain-text table; `widths` from the content. Colour is applied after padding so escapes do not skew columns. */
function table(rows: string[][], align: ('l' | 'r')[], colour?: (row: number, col: number, text: string) => string): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((row, r) =>
    `  ${row
      .map((cell, c) => {
        const padded = align[c] === 'r' ? padStart(cell, widths[c]) : pad(cell, widths[c]);
        return colour ? colour(r, c, padded) : padded;
      })
      .join('  ')
      .trimEnd()}`,
  );
}

function matrix(report: CompatReport, cells: readonly Cell[], rowsOf: { key: string; label: string }[], keyOf: (cell: Cell) => string, chalk: ChalkInstance): string[] {
  const generators = report.generators;
  const header = ['', ...generators.map((_, i) => `[${i + 1}]`)];
  const statuses: (CellStatus | undefined)[][] = [];
  const rows = rowsOf.map((row) => {
    const line: (CellStatus | undefined)[] = [];
    const texts = generators.map((g) => {
      const cell = cells.find((c) => c.generator === g.id && keyOf(c) === row.key);
      line.push(cell?.status);
      return cell ? STATUS_LABEL[cell.status] : '';
    });
    statuses.push(line);
    return [visible(row.label), ...texts];
  });
  const align: ('l' | 'r')[] = ['l', ...generators.map(() => 'r' as const)];
  return table([header, ...rows], align, (r, c, text) => {
    if (r === 0) return chalk.bold(text);
    const status = c > 0 ? statuses[r - 1][c - 1] : undefined;
    return status ? paint(chalk, status, text) : text;
  });
}

/** Short verdict labels for the verdict matrix (real servers). */
const VERDICT_LABEL: Record<Verdict, string> = {
  conforms: 'ok',
  'client-broke-spec': 'C',
  'server-broke-spec': 'S',
  'both-broke-spec': 'CS',
  'no-request': '-',
};

/** Against a real server: who broke the spec in each cell, matrix and scenario. */
function verdictSection(report: CompatReport, chalk: ChalkInstance): string[] {
  const out = ['', chalk.bold('Verdicts (operation × generator): ok both conform, C client broke the spec, S server broke the spec, CS both, - no request')];
  const header = ['', ...report.generators.map((_, i) => `[${i + 1}]`)];
  const row = (label: string, cellOf: (generator: string) => Cell | undefined) => [
    visible(label),
    ...report.generators.map((g) => {
      const verdict = cellOf(g.id)?.verdict;
      return verdict ? VERDICT_LABEL[verdict] : '';
    }),
  ];
  const rows = report.operations.map((o) => row(o.operationId, (g) => report.cells.find((c) => c.generator === g && c.operationId === o.operationId)));
  for (const st of report.scenario?.steps ?? []) rows.push(row(`${st.index + 1}. ${st.title}`, (g) => report.scenario!.cells.find((c) => c.generator === g && c.step === st.index)));
  out.push(...table([header, ...rows], ['l', ...report.generators.map(() => 'r' as const)], (r, _c, text) => (r === 0 ? chalk.bold(text) : text)));
  return out;
}

/** Against a real server: every place its answers broke the spec, by operation, with the JSON pointer. */
function serverFindingSection(report: CompatReport, chalk: ChalkInstance): string[] {
  const findings = report.serverFindings ?? [];
  const out = ['', chalk.bold(`Server findings: where the server's answers broke the spec (${findings.length})`)];
  if (findings.length === 0) out.push('  none: every answer conformed');
  const all = report.generators.filter((g) => g.status !== 'unavailable').length;
  let operation: string | undefined;
  for (const f of findings) {
    if (f.operationId !== operation) {
      operation = f.operationId;
      out.push(`  ${visible(f.operationId)}`);
    }
    const who = f.generators.length === all ? 'every generator' : f.generators.join(', ');
    out.push(`    [${f.rule}] ${visible(f.pointer || '(body)')}  (HTTP ${f.statuses.join('/')}, ${plural(f.count, 'answer')}, ${who})`);
    out.push(`      ${visible(f.message)}`);
  }
  return out;
}

export function renderCompatText(report: CompatReport, opts: TextOptions = {}): string {
  const chalk = opts.chalk ?? new Chalk({ level: 0 });
  const out: string[] = [];
  out.push(chalk.bold(`specdrift compat: ${visible(specHeading(report))}`));
  out.push(`spec id ${report.spec.id}; calls against the ${serverText(report)}`);
  if (report.filters.operations.length > 0 || report.filters.excludeOperations.length > 0) {
    out.push(`operations: ${report.filters.operations.join(' ') || 'all'}${report.filters.excludeOperations.length > 0 ? `, except ${report.filters.excludeOperations.join(' ')}` : ''}`);
  }

  out.push('', chalk.bold(`Matrix (operation × generator): pass, FAIL, n/g not generated, n/c not compiled, d/u driver-unsupported, n/a unavailable, skip`));
  out.push(...matrix(report, report.cells, report.operations.map((o) => ({ key: o.operationId, label: o.operationId })), (c) => c.operationId, chalk));
  out.push('', chalk.bold('Generators'));
  const totals = [
    ['#', 'generator', 'version', 'status', 'generation', 'warnings', 'compile', 'pass', 'fail', 'n/g', 'n/c', 'd/u', 'n/a'],
    ...report.generators.map((g, i) => [
      `[${i + 1}]`,
      g.id,
      g.version ?? '-',
      g.status,
      g.generation ? `${msText(g.generation.ms)}${g.generation.cached ? ' (cached)' : ''}` : '-',
      g.generation ? String(g.generation.warnings.length) : '-',
      compileText(g),
      String(g.totals.pass),
      String(g.totals.fail),
      String(g.totals.notGenerated),
      String(g.totals.notCompiled),
      String(g.totals.driverUnsupported),
      String(g.totals.unavailable),
    ]),
  ];
  out.push(...table(totals, ['l', 'l', 'l', 'l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'], (r, _c, text) => (r === 0 ? chalk.bold(text) : text)));
  for (const g of report.generators) {
    if (g.reason && g.status !== 'not-compiled') out.push(`  ${g.id}: ${visible(g.reason)}`);
    for (const patch of g.generation?.patchesApplied ?? []) out.push(`  ${g.id}: patch ${patch} applied`);
  }

  const groups = failureGroups(report.cells);
  if (groups.length > 0) {
    out.push('', chalk.bold(`Not passing (${plural(report.cells.filter((c) => c.status !== 'pass').length, 'cell')})`));
    for (const group of groups) {
      if (group.cells.length === 1 && group.status === 'fail') {
        const cell = group.cells[0];
        const verdict = cell.verdict ? ` (${VERDICT_TEXT[cell.verdict]})` : '';
        out.push(`  ${paint(chalk, cell.status, STATUS_TEXT[cell.status])}  ${cell.generator} × ${cell.operationId}${verdict}`);
        out.push(`      ${visible(cell.reason ?? '')}`);
        continue;
      }
      const which = group.cells.length === report.operations.length ? 'every operation' : group.cells.map((c) => c.operationId).join(', ');
      out.push(`  ${paint(chalk, group.status, STATUS_TEXT[group.status])}  ${group.generator} × ${which}`);
      out.push(`      ${visible(group.reason)}`);
      if (group.status === 'not-compiled') {
        out.push(`      at run time anyway: ${runtimeSummary(group.cells)}`);
        for (const cell of group.cells.filter((c) => c.runtime !== undefined && c.runtime !== 'pass')) out.push(`        ${cell.operationId}: ${visible(cell.runtime!)}`);
      }
    }
  }

  // Variant calls whose failure did not fail their cell (a server that refused a sampled optional value).
  const variants = report.cells.flatMap((c) => (c.variants ?? []).filter((v) => v.status !== 'pass' && c.status === 'pass'));
  if (variants.length > 0) {
    out.push('', chalk.bold(`Variant calls not passing, cell passed (${plural(variants.length, 'call')})`));
    for (const v of variants) out.push(`  ${paint(chalk, v.status, STATUS_TEXT[v.status])}  ${v.generator} × ${v.operationId} ${v.variant}`, `      ${visible(v.reason ?? '')}`);
  }

  if (report.scenario) {
    const s = report.scenario;
    out.push('', chalk.bold(`Scenario ${visible(s.source)} (${plural(s.steps.length, 'step')})`));
    out.push(...matrix(report, s.cells, s.steps.map((st) => ({ key: String(st.index), label: `${st.index + 1}. ${st.title}` })), (c) => String((c as { step?: number }).step), chalk));
    for (const cell of s.cells.filter((c) => c.status !== 'pass')) {
      out.push(`  step ${cell.step + 1} ${cell.generator}: ${STATUS_TEXT[cell.status]}: ${visible(cell.reason ?? '')}${cell.runtime ? ` (at run time: ${visible(cell.runtime)})` : ''}`);
    }
  }

  if (report.server.kind === 'external') out.push(...verdictSection(report, chalk), ...serverFindingSection(report, chalk));

  out.push('', chalk.bold(`Spec problems that made generators fail (${report.specProblems.length})`));
  if (report.specProblems.length === 0) out.push('  none: every generator that ran followed the spec everywhere');
  report.specProblems.forEach((p, i) => {
    out.push(`  ${i + 1}. ${p.kind}${p.rule ? ` [${p.rule}]` : ''} at ${p.pointer === '' ? 'the whole spec' : `#${visible(p.pointer)}`}`);
    out.push(`     ${visible(p.message)}`);
    if (p.pointers && p.pointers.length > 1) out.push(`     places: ${p.pointers.map((x) => `#${visible(x)}`).join(', ')}`);
    if (p.operations.length > 0) out.push(`     operations: ${p.operations.join(', ')}`);
    for (const example of p.examples) out.push(`     e.g. ${visible(example)}`);
    if (p.findings) out.push(`     validation: ${p.findings.join('; ')}`);
  });

  out.push('', chalk.bold(`Validation findings (${report.validation.length})`));
  if (report.validation.length === 0) out.push('  none');
  for (const f of report.validation) out.push(`  ${f.level === 'error' ? chalk.red(f.level) : chalk.yellow(f.level)}  ${f.ruleId}  ${visible(f.pointer || '(root)')}  ${visible(f.message)}`);

  out.push('', chalk.bold(summaryLine(report)));
  return `${out.join('\n')}\n`;
}
