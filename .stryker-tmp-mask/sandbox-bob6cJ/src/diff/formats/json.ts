// @ts-nocheck
import type { Json } from '../../openapi/types.js';
import type { Change, ChangeSide, DiffReport, OperationRef, SpecSummary } from '../model.js';

type Plain = { [key: string]: unknown };

/** Copies the listed keys in that order, leaving out undefined ones: the canonical key order. */
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Plain {
  const out: Plain = {};
  for (const key of keys) if (value[key] !== undefined) out[key as string] = value[key];
  return out;
}

/** Spec values get sorted keys, so the same value prints the same whatever the source's key order. */
function sortedJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) out[key] = sortedJson(value[key]);
  return out;
}

const canonicalSide = (side: ChangeSide) => {
  const out = pick(side, ['pointer']);
  if (side.value !== undefined) out.value = sortedJson(side.value);
  return out;
};
const canonicalOperation = (operation: OperationRef) => pick(operation, ['method', 'path', 'operationId', 'webhook']);
const canonicalSpec = (spec: SpecSummary) => pick(spec, ['source', 'title', 'version', 'tag', 'openapi']);

function canonicalChange(change: Change): Plain {
  const out = pick(change, ['id', 'level', 'kind', 'section', 'message', 'location', 'where', 'resource']);
  out.operations = change.operations.map(canonicalOperation);
  if (change.old) out.old = canonicalSide(change.old);
  if (change.new) out.new = canonicalSide(change.new);
  out.fingerprint = change.fingerprint;
  if (change.alsoAs && change.alsoAs.length > 0) out.alsoAs = change.alsoAs.map((u) => pick(u, ['id', 'level']));
  if (change.accepted) out.accepted = pick(change.accepted, ['reason', 'entry']);
  return out;
}

/** The report as plain data in canonical key order (the order of src/diff/model.ts), undefined fields left out. */
export function canonicalReport(report: DiffReport): Plain {
  const out: Plain = { reportVersion: report.reportVersion, old: canonicalSpec(report.old), new: canonicalSpec(report.new) };
  if (report.mask) out.mask = pick(report.mask, ['from', 'to']);
  if (report.select) out.select = pick(report.select, ['old', 'new']);
  out.changes = report.changes.map(canonicalChange);
  out.summary = pick(report.summary, ['breaking', 'warning', 'info', 'accepted', 'total']);
  if (report.warnings && report.warnings.length > 0) out.warnings = [...report.warnings];
  return out;
}

/** `json`: the DiffReport itself (schema: docs/report.schema.json), canonical key order, 2-space indent. */
export const renderJson = (report: DiffReport) => `${JSON.stringify(canonicalReport(report), null, 2)}\n`;

const YAML_RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;
const YAML_NON_PRINTABLE = /[\u007f-\u009f\ufffe\uffff]/g;

/** A scalar or key: plain when that cannot be misread (as a number, boolean, null, indicator), else double-quoted. */
function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return value === null ? 'null' : JSON.stringify(value);
  if (/^[A-Za-z_/][A-Za-z0-9_ ./{}-]*$/.test(value) && !value.endsWith(' ') && !YAML_RESERVED.test(value)) return value;
  // JSON's string escapes are all valid in YAML double-quoted scalars; YAML also wants DEL and C1 escaped.
  return JSON.stringify(value).replace(YAML_NON_PRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isEmptyContainer = (value: unknown) =>
  Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0;

function yamlInline(value: unknown): string {
  if (isEmptyContainer(value)) return Array.isArray(value) ? '[]' : '{}';
  return yamlScalar(value);
}

const isBlock = (value: unknown) => typeof value === 'object' && value !== null && !isEmptyContainer(value);

/** Lines of a non-empty object or array in block style at the given indent. */
function yamlBlock(value: object, indent: string, lines: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isBlock(item)) {
        lines.push(`${indent}- ${yamlInline(item)}`);
        continue;
      }
      const start = lines.length;
      yamlBlock(item as object, `${indent}  `, lines);
      lines[start] = `${indent}- ${lines[start].slice(indent.length + 2)}`;
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (isBlock(item)) {
      lines.push(`${indent}${yamlScalar(key)}:`);
      yamlBlock(item as object, `${indent}  `, lines);
    } else lines.push(`${indent}${yamlScalar(key)}: ${yamlInline(item)}`);
  }
}

/**
 * `yaml`: the same document as `json`, in block-style YAML. Hand-written because the data is plain
 * JSON and the `yaml` package's stringify takes ~0.9 s for 10,000 changes; this takes a few ms.
 * Tests parse the output back with the `yaml` package.
 */
export function renderYaml(report: DiffReport): string {
  const lines: string[] = [];
  yamlBlock(canonicalReport(report), '', lines);
  return `${lines.join('\n')}\n`;
}

/** Exposed for the round-trip property test. */
export function toYaml(value: Json): string {
  if (!isBlock(value)) return `${yamlInline(value)}\n`;
  const lines: string[] = [];
  yamlBlock(value as object, '', lines);
  return `${lines.join('\n')}\n`;
}
