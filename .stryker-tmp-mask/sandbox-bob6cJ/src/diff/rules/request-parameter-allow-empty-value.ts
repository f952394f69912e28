/** `allowEmptyValue` on a query parameter: once removed, `?flag=` is refused. */
// @ts-nocheck

import type { ParameterCheck } from '../engine/types.js';
import { rule } from './define.js';

export const requestParameterAllowEmptyValueSet = rule('request-parameter-allow-empty-value-set', 'info', 'changed', 'paths', 'a request parameter now allows an empty value');
export const requestParameterAllowEmptyValueRemoved = rule('request-parameter-allow-empty-value-removed', 'breaking', 'changed', 'paths', 'a request parameter no longer allows an empty value');

export const parameterAllowEmptyValueCheck: ParameterCheck = (o, n, emit) => {
  const oa = o.at.node.allowEmptyValue === true;
  const na = n.at.node.allowEmptyValue === true;
  if (oa === na) return;
  emit(na ? requestParameterAllowEmptyValueSet : requestParameterAllowEmptyValueRemoved, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}' ${na ? 'now allows' : 'no longer allows'} an empty value`,
    old: { pointer: `${o.at.ptr}/allowEmptyValue`, value: oa },
    new: { pointer: `${n.at.ptr}/allowEmptyValue`, value: na },
  });
};
