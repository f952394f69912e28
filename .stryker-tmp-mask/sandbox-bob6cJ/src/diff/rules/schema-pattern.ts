/** `pattern`: a new pattern narrows what a client may send; a removed one widens what it may receive. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const patternSet = schemaRule({
  what: 'pattern-set', kind: 'changed', request: 'breaking', response: 'info', family: 'pattern', polarity: '+',
  doc: 'a pattern was added to a {in}',
});
export const patternRemoved = schemaRule({
  what: 'pattern-removed', kind: 'changed', request: 'info', response: 'warning', family: 'pattern', polarity: '-',
  doc: 'the pattern of a {in} was removed',
});
export const patternChanged = schemaRule({
  what: 'pattern-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'pattern', polarity: '~',
  doc: 'the pattern of a {in} changed',
});

export const patternCheck = keywordCheck('pattern', { set: patternSet, removed: patternRemoved, changed: patternChanged });
