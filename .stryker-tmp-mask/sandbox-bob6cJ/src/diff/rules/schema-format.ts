/** `format`: adding one constrains what a client may send; dropping one loosens what it may receive. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const formatSet = schemaRule({
  what: 'format-set', kind: 'changed', request: 'warning', response: 'info', family: 'format', polarity: '+',
  doc: 'a format (e.g. date-time, int64) was added to a {in}',
});
export const formatRemoved = schemaRule({
  what: 'format-removed', kind: 'changed', request: 'info', response: 'warning', family: 'format', polarity: '-',
  doc: 'the format of a {in} was removed',
});
export const formatChanged = schemaRule({
  what: 'format-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'format', polarity: '~',
  doc: 'the format of a {in} changed (e.g. int32 → int64)',
});

export const formatCheck = keywordCheck('format', { set: formatSet, removed: formatRemoved, changed: formatChanged });
