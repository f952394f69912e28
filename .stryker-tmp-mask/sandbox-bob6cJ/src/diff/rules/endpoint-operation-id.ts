/** `operationId` names the method in generated clients: changing or dropping it breaks their callers' code. */
// @ts-nocheck

import type { OperationCheck } from '../engine/types.js';
import { rule } from './define.js';
import { show } from './format.js';

export const operationIdAdded = rule('endpoint-operation-id-added', 'info', 'added', 'paths', 'an operation got an operationId');
export const operationIdRemoved = rule('endpoint-operation-id-removed', 'warning', 'removed', 'paths', 'the operationId of an operation was removed (generated client method names change)');
export const operationIdChanged = rule('endpoint-operation-id-changed', 'warning', 'changed', 'paths', 'the operationId of an operation changed (generated client method names change)');

export const operationIdCheck: OperationCheck = (o, n, emit) => {
  const oid = o.op.node.operationId;
  const nid = n.op.node.operationId;
  if (oid === nid) return;
  const sides = { old: { pointer: `${o.op.ptr}/operationId`, value: oid }, new: { pointer: `${n.op.ptr}/operationId`, value: nid } };
  if (oid === undefined) emit(operationIdAdded, { detail: '', message: `operationId ${show(nid)} added`, ...sides });
  else if (nid === undefined) emit(operationIdRemoved, { detail: '', message: `operationId ${show(oid)} removed`, ...sides });
  else emit(operationIdChanged, { detail: '', message: `operationId changed from ${show(oid)} to ${show(nid)}`, ...sides });
};
