/** `deprecated` on a parameter. */
// @ts-nocheck

import type { ParameterCheck } from '../engine/types.js';
import { rule } from './define.js';

export const requestParameterDeprecatedSet = rule('request-parameter-deprecation-set', 'info', 'deprecated', 'paths', 'a request parameter was marked deprecated');
export const requestParameterDeprecatedRemoved = rule('request-parameter-deprecation-removed', 'info', 'changed', 'paths', 'a request parameter is no longer deprecated');

export const parameterDeprecationCheck: ParameterCheck = (o, n, emit) => {
  const od = o.at.node.deprecated === true;
  const nd = n.at.node.deprecated === true;
  if (od === nd) return;
  emit(nd ? requestParameterDeprecatedSet : requestParameterDeprecatedRemoved, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}' ${nd ? 'deprecated' : 'no longer deprecated'}`,
    old: { pointer: `${o.at.ptr}/deprecated`, value: od },
    new: { pointer: `${n.at.ptr}/deprecated`, value: nd },
  });
};
