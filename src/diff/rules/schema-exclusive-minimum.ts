/** `exclusiveMinimum` (a flag in OpenAPI 3.0, a number in 3.1): excluding the bound narrows what a client may send. */
import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const exclusiveMinimumSet = schemaRule({
  what: 'exclusive-minimum-set', kind: 'changed', request: 'warning', response: 'info', family: 'exclusive-minimum', polarity: '+',
  doc: 'exclusiveMinimum was added to a {in}',
});
export const exclusiveMinimumRemoved = schemaRule({
  what: 'exclusive-minimum-removed', kind: 'changed', request: 'info', response: 'warning', family: 'exclusive-minimum', polarity: '-',
  doc: 'exclusiveMinimum was removed from a {in}',
});
export const exclusiveMinimumChanged = schemaRule({
  what: 'exclusive-minimum-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'exclusive-minimum', polarity: '~',
  doc: 'the exclusiveMinimum of a {in} changed',
});

export const exclusiveMinimumCheck = keywordCheck(
  'exclusiveMinimum',
  { set: exclusiveMinimumSet, removed: exclusiveMinimumRemoved, changed: exclusiveMinimumChanged },
  'exclusiveMinimum',
  (v) => (v === false ? undefined : v),
);
