/** Serialisation `style` of a parameter (effective value: the default depends on where the parameter is). */
// @ts-nocheck

import type { ParameterCheck, ParameterSide } from '../engine/types.js';
import { rule } from './define.js';

export const requestParameterStyleChanged = rule('request-parameter-style-changed', 'breaking', 'changed', 'paths', 'the serialisation style of a request parameter changed');

export const effectiveStyle = (p: ParameterSide): string =>
  typeof p.at.node.style === 'string' ? p.at.node.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';

export const parameterStyleCheck: ParameterCheck = (o, n, emit) => {
  const os = effectiveStyle(o);
  const ns = effectiveStyle(n);
  if (os === ns) return;
  emit(requestParameterStyleChanged, {
    detail: `${n.in}:${n.name}`,
    message: `${n.in} parameter '${n.name}' style changed from ${os} to ${ns}`,
    old: { pointer: `${o.at.ptr}/style`, value: os },
    new: { pointer: `${n.at.ptr}/style`, value: ns },
  });
};
