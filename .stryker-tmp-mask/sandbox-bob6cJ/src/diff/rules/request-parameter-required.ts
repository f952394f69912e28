/** `required` on a parameter. */
// @ts-nocheck

import type { ParameterCheck } from '../engine/types.js';
import { rule } from './define.js';

export const requestParameterRequiredAdded = rule('request-parameter-required-added', 'breaking', 'changed', 'paths', 'an optional request parameter became required');
export const requestParameterRequiredRemoved = rule('request-parameter-required-removed', 'info', 'changed', 'paths', 'a required request parameter became optional');

export const parameterRequiredCheck: ParameterCheck = (o, n, emit) => {
  const or = o.at.node.required === true;
  const nr = n.at.node.required === true;
  if (or === nr) return;
  emit(nr ? requestParameterRequiredAdded : requestParameterRequiredRemoved, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}' became ${nr ? 'required' : 'optional'}`,
    old: { pointer: `${o.at.ptr}/required`, value: or },
    new: { pointer: `${n.at.ptr}/required`, value: nr },
  });
};
