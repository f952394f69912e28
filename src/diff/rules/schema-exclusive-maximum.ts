/** `exclusiveMaximum` (a flag in OpenAPI 3.0, a number in 3.1): excluding the bound narrows what a client may send. */
import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const exclusiveMaximumSet = schemaRule({
  what: 'exclusive-maximum-set', kind: 'changed', request: 'warning', response: 'info', family: 'exclusive-maximum', polarity: '+',
  doc: 'exclusiveMaximum was added to a {in}',
});
export const exclusiveMaximumRemoved = schemaRule({
  what: 'exclusive-maximum-removed', kind: 'changed', request: 'info', response: 'warning', family: 'exclusive-maximum', polarity: '-',
  doc: 'exclusiveMaximum was removed from a {in}',
});
export const exclusiveMaximumChanged = schemaRule({
  what: 'exclusive-maximum-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'exclusive-maximum', polarity: '~',
  doc: 'the exclusiveMaximum of a {in} changed',
});

export const exclusiveMaximumCheck = keywordCheck(
  'exclusiveMaximum',
  { set: exclusiveMaximumSet, removed: exclusiveMaximumRemoved, changed: exclusiveMaximumChanged },
  'exclusiveMaximum',
  (v) => (v === false ? undefined : v),
);
