/** `const` (OpenAPI 3.1): the one allowed value. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const constSet = schemaRule({
  what: 'const-set', kind: 'changed', request: 'breaking', response: 'info', family: 'const', polarity: '+',
  doc: 'a const value was added to a {in}',
});
export const constRemoved = schemaRule({
  what: 'const-removed', kind: 'changed', request: 'info', response: 'warning', family: 'const', polarity: '-',
  doc: 'the const value of a {in} was removed',
});
export const constChanged = schemaRule({
  what: 'const-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'const', polarity: '~',
  doc: 'the const value of a {in} changed',
});

export const constCheck = keywordCheck('const', { set: constSet, removed: constRemoved, changed: constChanged });
