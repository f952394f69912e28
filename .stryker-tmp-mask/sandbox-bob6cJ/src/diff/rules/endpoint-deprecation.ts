/** `deprecated` on an operation, and its announced sunset date. */
// @ts-nocheck

import type { OperationCheck } from '../engine/types.js';
import { rule } from './define.js';
import { isInvalidSunset } from './deprecation.js';
import { show } from './format.js';

export const endpointDeprecationSet = rule('endpoint-deprecation-set', 'info', 'deprecated', 'paths', 'an operation was marked deprecated');
export const endpointDeprecationRemoved = rule('endpoint-deprecation-removed', 'info', 'changed', 'paths', 'an operation is no longer deprecated');
export const endpointSunsetSet = rule('endpoint-sunset-set', 'info', 'deprecated', 'paths', 'an operation got an x-sunset date');
export const endpointSunsetRemoved = rule('endpoint-sunset-removed', 'info', 'changed', 'paths', 'the x-sunset date of an operation was removed');
export const endpointSunsetChanged = rule('endpoint-sunset-changed', 'info', 'changed', 'paths', 'the x-sunset date of an operation changed');
export const endpointSunsetInvalid = rule(
  'endpoint-sunset-invalid',
  'warning',
  'changed',
  'paths',
  'the x-sunset of an operation is not an RFC 3339 date or date-time (it cannot say when the operation may go)',
);

export const endpointDeprecationCheck: OperationCheck = (o, n, emit) => {
  const od = o.op.node.deprecated === true;
  const nd = n.op.node.deprecated === true;
  if (od !== nd) {
    emit(nd ? endpointDeprecationSet : endpointDeprecationRemoved, {
      detail: '',
      message: nd ? 'operation deprecated' : 'operation no longer deprecated',
      old: { pointer: `${o.op.ptr}/deprecated`, value: od },
      new: { pointer: `${n.op.ptr}/deprecated`, value: nd },
    });
  }
  const os = o.op.node['x-sunset'];
  const ns = n.op.node['x-sunset'];
  if (os === ns) return;
  const sides = { old: { pointer: `${o.op.ptr}/x-sunset`, value: os }, new: { pointer: `${n.op.ptr}/x-sunset`, value: ns } };
  if (os === undefined) emit(endpointSunsetSet, { detail: '', message: `sunset date set to ${show(ns)}`, ...sides });
  else if (ns === undefined) emit(endpointSunsetRemoved, { detail: '', message: `sunset date ${show(os)} removed`, ...sides });
  else emit(endpointSunsetChanged, { detail: '', message: `sunset date changed from ${show(os)} to ${show(ns)}`, ...sides });
  if (isInvalidSunset(ns)) emit(endpointSunsetInvalid, { detail: '', message: `x-sunset ${show(ns)} is not an RFC 3339 date (YYYY-MM-DD) or date-time`, ...sides });
  else if (isInvalidSunset(os)) emit(endpointSunsetInvalid, { detail: '', message: `the old x-sunset ${show(os)} was not an RFC 3339 date or date-time`, ...sides });
};
