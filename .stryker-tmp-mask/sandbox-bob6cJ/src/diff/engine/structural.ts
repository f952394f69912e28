/**
 * `--mode structural`: a plain JSON diff (jsondiffpatch) of the two documents, as RFC 6902 JSON Patch and as a
 * DiffReport with one info-level change per patch operation. No `$ref` resolution, no rules: what changed in
 * the text's data, for when layout is the question.
 */
// @ts-nocheck

import { create } from 'jsondiffpatch';
import { format, type Op } from 'jsondiffpatch/formatters/jsonpatch';
import { resolvePointer, tokensFromPointer } from '../../openapi/refs.js';
import type { Json, JsonObject } from '../../openapi/types.js';
import type { Change, ChangeKind, DiffReport, RuleDef, Section } from '../model.js';
import { rule } from '../rules/define.js';
import { fingerprintOf, summaryOf } from './report.js';
import { summarize } from './values.js';

export const structuralAdded = rule('structural-value-added', 'info', 'added', 'info', 'structural mode: a value was added at a JSON pointer');
export const structuralRemoved = rule('structural-value-removed', 'info', 'removed', 'info', 'structural mode: a value was removed at a JSON pointer');
export const structuralReplaced = rule('structural-value-changed', 'info', 'changed', 'info', 'structural mode: a value was replaced at a JSON pointer');
export const structuralMoved = rule('structural-value-moved', 'info', 'changed', 'info', 'structural mode: an array item moved');
/** Rules of the structural mode (not part of ALL_RULES: the semantic engine never reports them). */
export const STRUCTURAL_RULES: readonly RuleDef[] = [structuralAdded, structuralRemoved, structuralReplaced, structuralMoved];

export type JsonPatchOp = Op;

export interface StructuralDiff {
  /** RFC 6902 operations turning the old document into the new one. */
  patch: JsonPatchOp[];
  report: DiffReport;
}

const SECTIONS = new Set<Section>(['paths', 'components', 'security', 'servers', 'webhooks']);

/** Array items are matched by identity where they have one (parameters by in+name, servers by url, …). */
const differ = create({
  objectHash: (item: object, index?: number) => {
    const o = item as Record<string, unknown>;
    if (typeof o.$ref === 'string') return `$ref:${o.$ref}`;
    if (typeof o.name === 'string') return `${String(o.in ?? '')}:${o.name}`;
    if (typeof o.url === 'string') return `url:${o.url}`;
    return `#${index ?? 0}`;
  },
  arrays: { detectMove: true },
});

export function structuralDiff(oldDoc: JsonObject, newDoc: JsonObject, opts: { oldSource?: string; newSource?: string } = {}): StructuralDiff {
  const delta = differ.diff(oldDoc, newDoc);
  const patch = delta === undefined ? [] : format(delta);
  const changes: Change[] = patch.map((op) => {
    const section = (tokensFromPointer(op.path)?.[0] ?? '') as Section;
    const def = op.op === 'add' ? structuralAdded : op.op === 'remove' ? structuralRemoved : op.op === 'replace' ? structuralReplaced : structuralMoved;
    const oldPointer = op.op === 'move' ? op.from : op.path;
    const oldValue = op.op === 'add' ? undefined : resolvePointer(oldDoc, oldPointer);
    const newValue = op.op === 'remove' ? undefined : resolvePointer(newDoc, op.path);
    const change: Change = {
      id: def.id,
      level: def.level,
      kind: def.kind as ChangeKind,
      section: SECTIONS.has(section) ? section : 'info',
      message: op.op === 'move' ? `${op.from} moved to ${op.path}` : `${op.op === 'add' ? 'added' : op.op === 'remove' ? 'removed' : 'replaced'} ${op.path || '/'}`,
      location: `#${op.path}`,
      operations: [],
      fingerprint: fingerprintOf(def.id, `#${op.path}`, op.op === 'move' ? op.from : ''),
    };
    change.old = { pointer: oldPointer };
    if (oldValue !== undefined) change.old.value = summarize(oldValue as Json);
    change.new = { pointer: op.path };
    if (newValue !== undefined) change.new.value = summarize(newValue as Json);
    return change;
  });
  const summary = { breaking: 0, warning: 0, info: changes.length, accepted: 0, total: changes.length };
  return {
    patch,
    report: { reportVersion: 1, old: summaryOf(oldDoc, opts.oldSource ?? 'old'), new: summaryOf(newDoc, opts.newSource ?? 'new'), changes, summary },
  };
}

