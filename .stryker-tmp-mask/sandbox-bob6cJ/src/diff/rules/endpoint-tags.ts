/** Tags group operations in docs and in some generated clients (one class per tag). */
// @ts-nocheck

import type { OperationCheck } from '../engine/types.js';
import { rule } from './define.js';

export const endpointTagAdded = rule('endpoint-tag-added', 'info', 'added', 'paths', 'a tag was added to an operation');
export const endpointTagRemoved = rule('endpoint-tag-removed', 'info', 'removed', 'paths', 'a tag was removed from an operation');

const tagsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);

export const endpointTagsCheck: OperationCheck = (o, n, emit) => {
  const ot = tagsOf(o.op.node.tags);
  const nt = tagsOf(n.op.node.tags);
  for (const t of nt) if (!ot.includes(t)) emit(endpointTagAdded, { detail: t, message: `tag '${t}' added`, old: { pointer: `${o.op.ptr}/tags` }, new: { pointer: `${n.op.ptr}/tags`, value: t } });
  for (const t of ot) if (!nt.includes(t)) emit(endpointTagRemoved, { detail: t, message: `tag '${t}' removed`, old: { pointer: `${o.op.ptr}/tags`, value: t }, new: { pointer: `${n.op.ptr}/tags` } });
};
