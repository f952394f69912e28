/** `explode` of a parameter (effective value: true by default for style form, false otherwise). */
// @ts-nocheck

import type { ParameterCheck } from '../engine/types.js';
import { rule } from './define.js';
import { effectiveStyle } from './request-parameter-style.js';

export const requestParameterExplodeChanged = rule('request-parameter-explode-changed', 'breaking', 'changed', 'paths', 'the explode setting of a request parameter changed');

export const parameterExplodeCheck: ParameterCheck = (o, n, emit) => {
  const explode = (p: typeof o) => (typeof p.at.node.explode === 'boolean' ? p.at.node.explode : effectiveStyle(p) === 'form');
  const oe = explode(o);
  const ne = explode(n);
  if (oe === ne) return;
  emit(requestParameterExplodeChanged, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}' explode changed from ${oe} to ${ne}`,
    old: { pointer: `${o.at.ptr}/explode`, value: oe },
    new: { pointer: `${n.at.ptr}/explode`, value: ne },
  });
};
