/** Text views of proxy records: one line per exchange, and a report grouped per operation. */
// @ts-nocheck

import { PROXY_VERDICTS, type ProxyRecord, type ProxyVerdict, type ProxyViolation } from './types.js';

/** One line for a terminal: `200 GET /slurm/v0.0.38/jobs slurm_v0038_get_jobs server-broke-spec (3 server)`, plus the first finding. */
export function describeProxyRecord(record: ProxyRecord): string {
  const name = record.operation?.operationId ?? record.operation?.path ?? '-';
  const head = `${record.status} ${record.method} ${record.url} ${name} ${record.verdict}`;
  if (record.upstreamError !== undefined) return `${head}: ${record.upstreamError}`;
  const counts = [
    record.clientViolations.length > 0 ? `${record.clientViolations.length} client` : '',
    record.serverViolations.length > 0 ? `${record.serverViolations.length} server` : '',
  ].filter((part) => part !== '');
  if (counts.length === 0) return head;
  const first = record.clientViolations[0] ?? record.serverViolations[0];
  return `${head} (${counts.join(', ')}) [${first.rule}] ${first.message}`;
}

/** Array indexes in a body pointer become `*`, so `/jobs/0/x` and `/jobs/1/x` count as one finding. */
export function generalizePointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

interface Finding {
  side: 'client' | 'server';
  rule: string;
  pointer: string;
  schemaPointer: string;
  example: string;
  count: number;
}

interface OperationGroup {
  title: string;
  calls: number;
  statuses: Map<number, number>;
  verdicts: Map<ProxyVerdict, number>;
  findings: Map<string, Finding>;
  upstreamErrors: Map<string, number>;
}

const groupTitle = (record: ProxyRecord): string => {
  if (!record.operation) return `(no operation) ${record.method} ${record.url.split('?')[0]}`;
  const route = `${record.operation.method.toUpperCase()} ${record.operation.path}`;
  return record.operation.operationId !== undefined ? `${record.operation.operationId} (${route})` : route;
};

const countText = (counts: Map<string | number, number>): string =>
  [...counts.entries()].map(([key, n]) => (n === 1 ? String(key) : `${key} ×${n}`)).join(', ');

/**
 * The records grouped per operation (in order of first appearance): calls, statuses, verdicts, and
 * each distinct finding (side, rule, JSON pointer with array indexes as `*`) with how often it came
 * up and one message as an example. Ends with a totals line. Plain text lines, no colours.
 */
export function summarizeProxyRecords(records: readonly ProxyRecord[]): string[] {
  const groups = new Map<string, OperationGroup>();
  const totals = new Map<ProxyVerdict, number>();
  for (const record of records) {
    const title = groupTitle(record);
    let group = groups.get(title);
    if (!group) {
      group = { title, calls: 0, statuses: new Map(), verdicts: new Map(), findings: new Map(), upstreamErrors: new Map() };
      groups.set(title, group);
    }
    group.calls += 1;
    group.statuses.set(record.status, (group.statuses.get(record.status) ?? 0) + 1);
    group.verdicts.set(record.verdict, (group.verdicts.get(record.verdict) ?? 0) + 1);
    totals.set(record.verdict, (totals.get(record.verdict) ?? 0) + 1);
    if (record.upstreamError !== undefined) group.upstreamErrors.set(record.upstreamError, (group.upstreamErrors.get(record.upstreamError) ?? 0) + 1);
    const add = (side: Finding['side'], violation: ProxyViolation) => {
      const pointer = generalizePointer(violation.pointer);
      const key = `${side}\u0000${violation.rule}\u0000${pointer}`;
      const known = group?.findings.get(key);
      if (known) known.count += 1;
      else group?.findings.set(key, { side, rule: violation.rule, pointer, schemaPointer: violation.schemaPointer, example: violation.message, count: 1 });
    };
    for (const violation of record.clientViolations) add('client', violation);
    for (const violation of record.serverViolations) add('server', violation);
  }

  const lines: string[] = [];
  for (const group of groups.values()) {
    const verdicts = PROXY_VERDICTS.filter((v) => group.verdicts.has(v)).map((v) => `${group.verdicts.get(v)} ${v}`);
    lines.push(`${group.title}: ${group.calls} call${group.calls === 1 ? '' : 's'}, status ${countText(group.statuses)}; ${verdicts.join(', ')}`);
    const findings = [...group.findings.values()].sort((a, b) => (a.side === b.side ? a.pointer.localeCompare(b.pointer) : a.side === 'client' ? -1 : 1));
    for (const finding of findings) {
      const times = finding.count > 1 ? ` (×${finding.count})` : '';
      lines.push(`  ${finding.side} ${finding.rule} ${finding.pointer || '(whole message)'}${times}: ${finding.example}`);
    }
    for (const [error, count] of group.upstreamErrors) lines.push(`  no response${count > 1 ? ` (×${count})` : ''}: ${error}`);
  }
  const totalText = PROXY_VERDICTS.filter((v) => totals.has(v)).map((v) => `${totals.get(v)} ${v}`);
  lines.push(`${records.length} exchange${records.length === 1 ? '' : 's'}, ${groups.size} operation${groups.size === 1 ? '' : 's'}${totalText.length > 0 ? `: ${totalText.join(', ')}` : ''}`);
  return lines;
}
