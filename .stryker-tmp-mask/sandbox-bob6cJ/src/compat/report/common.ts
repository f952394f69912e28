/** Shared pieces of the compat report formats. */
// @ts-nocheck

import type { Cell, CellStatus, CompatReport, GeneratorSummary, Verdict } from '../runner/types.js';

export const COMPAT_FORMATS = ['text', 'json', 'markdown', 'html', 'junit'] as const;
export type CompatFormat = (typeof COMPAT_FORMATS)[number];

export const FAIL_ON_VALUES = ['fail', 'none'] as const;
export type CompatFailOn = (typeof FAIL_ON_VALUES)[number];

/** Statuses that count as failing for `--fail-on fail`: the client was made but does not work for the operation. */
export const FAILING_STATUSES: readonly CellStatus[] = ['fail', 'not-generated', 'not-compiled'];
export const isFailing = (cell: Pick<Cell, 'status'>): boolean => FAILING_STATUSES.includes(cell.status);

/** Exit with findings? Scenario cells count like matrix cells. */
export function compatShouldFail(report: CompatReport, failOn: CompatFailOn): boolean {
  if (failOn === 'none') return false;
  return report.cells.some(isFailing) || (report.scenario?.cells.some(isFailing) ?? false);
}

/** Short cell labels for the matrix (text and markdown). */
export const STATUS_LABEL: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-generated': 'n/g',
  'not-compiled': 'n/c',
  'driver-unsupported': 'd/u',
  unavailable: 'n/a',
  skipped: 'skip',
};

export const STATUS_TEXT: Record<CellStatus, string> = {
  pass: 'pass',
  fail: 'fail',
  'not-generated': 'not generated',
  'not-compiled': 'not compiled',
  'driver-unsupported': 'driver-unsupported',
  unavailable: 'unavailable',
  skipped: 'skipped',
};

export const VERDICT_TEXT: Record<Verdict, string> = {
  conforms: 'both conform',
  'client-broke-spec': 'client broke the spec',
  'server-broke-spec': 'server broke the spec',
  'both-broke-spec': 'both broke the spec',
  'no-request': 'no request sent',
};

// Spec text reaches every format: control characters become visible escapes so a description cannot move the cursor.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export const visible = (text: string): string => text.replace(CONTROL, (c) => (c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** `144 cells: 101 pass, 7 fail, 36 not compiled; verdicts: 137 both conform, 7 client broke the spec`. */
export function summaryLine(report: CompatReport): string {
  const s = report.summary;
  const statuses = (Object.keys(s.byStatus) as CellStatus[]).filter((k) => s.byStatus[k] > 0).map((k) => `${s.byStatus[k]} ${STATUS_TEXT[k]}`);
  const verdicts = (Object.keys(s.byVerdict) as Verdict[]).filter((k) => s.byVerdict[k] > 0).map((k) => `${s.byVerdict[k]} ${VERDICT_TEXT[k]}`);
  return `${plural(s.cells, 'cell')}: ${statuses.join(', ') || 'none'}${verdicts.length > 0 ? `; exchanges: ${verdicts.join(', ')}` : ''}; ${s.generatorsAllPass} of ${plural(s.generatorsRun, 'generator')} run passed every operation`;
}

export const serverText = (report: CompatReport): string =>
  report.server.kind === 'builtin' ? 'built-in reference server' : `${report.server.url} (through the validating proxy)`;

export const specHeading = (report: CompatReport): string =>
  `${report.spec.title || 'spec'}${report.spec.versionTag ? ` ${report.spec.versionTag}` : ''} (${report.spec.source}), ${plural(report.spec.operations, 'operation')}`;

export function cellFor(report: CompatReport, generator: string, operationId: string): Cell | undefined {
  return report.cells.find((c) => c.generator === generator && c.operationId === operationId);
}

/** Compile state for the totals table. */
export const compileText = (g: GeneratorSummary): string =>
  g.compile === undefined ? '-' : g.compile.ok ? 'ok' : `${plural(g.compile.errors.length, 'error')}`;

export const msText = (ms: number | undefined): string => (ms === undefined ? '-' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The generator id shortened for column headers: `openapi-generator-4.3.1:typescript-fetch` → `oag-4.3.1:ts-fetch`. */
export const shortGenerator = (id: string): string =>
  id.replace(/^openapi-generator/, 'oag').replace(/^swagger-codegen/, 'swc').replace(/typescript-/, 'ts-').replace(/^openapi-typescript-codegen$/, 'ot-codegen').replace(/^swagger-typescript-api$/, 'sw-ts-api');

/** Cells grouped for the failure list: a not-compiled generator is one entry, not one per operation. */
export interface FailureGroup {
  generator: string;
  status: CellStatus;
  reason: string;
  cells: Cell[];
}

export function failureGroups(cells: readonly Cell[]): FailureGroup[] {
  const groups: FailureGroup[] = [];
  for (const cell of cells) {
    if (cell.status === 'pass') continue;
    const collapse = cell.status !== 'fail';
    const existing = collapse ? groups.find((g) => g.generator === cell.generator && g.status === cell.status && g.reason === (cell.reason ?? '')) : undefined;
    if (existing) existing.cells.push(cell);
    else groups.push({ generator: cell.generator, status: cell.status, reason: cell.reason ?? '', cells: [cell] });
  }
  return groups;
}

/** For not-compiled cells: what the calls did anyway (`10 pass, 2 fail`). */
export function runtimeSummary(cells: readonly Cell[]): string {
  const pass = cells.filter((c) => c.runtime === 'pass').length;
  const fail = cells.filter((c) => c.runtime !== undefined && c.runtime !== 'pass').length;
  return fail === 0 ? `${pass} pass` : `${pass} pass, ${fail} fail`;
}
